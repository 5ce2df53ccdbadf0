"""The SDK checker itself can fail: unknown keys, missing required keys, wrong types."""

from __future__ import annotations

from anthropic.types import Message, message_create_params
from openai.types.chat import completion_create_params

from .sdk_types import check_model, check_typed_dict

CHAT = completion_create_params.CompletionCreateParamsNonStreaming
CLAUDE = message_create_params.MessageCreateParamsNonStreaming
GOOD_CHAT = {"model": "gpt-5", "messages": [{"role": "user", "content": "hi"}]}
GOOD_CLAUDE = {"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}


def test_valid_payloads_pass() -> None:
    assert check_typed_dict(GOOD_CHAT, CHAT) == []
    assert check_typed_dict(GOOD_CLAUDE, CLAUDE) == []


def test_unknown_key_fails() -> None:
    assert check_typed_dict({**GOOD_CHAT, "max_tokenz": 5}, CHAT) == [
        "$.max_tokenz: unknown key for CompletionCreateParamsNonStreaming"
    ]


def test_missing_required_key_fails_at_depth() -> None:
    errors = check_typed_dict(
        {"model": "c", "messages": [{"role": "user", "content": "hi"}]}, CLAUDE
    )
    assert any("max_tokens: required key missing" in e for e in errors)
    assert check_typed_dict({"model": "x", "messages": [{"role": "tool", "content": "x"}]}, CHAT)


def test_wrong_type_fails() -> None:
    assert check_typed_dict({**GOOD_CLAUDE, "max_tokens": "5"}, CLAUDE)


def test_model_checks_report_undeclared_fields() -> None:
    message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "c",
        "content": [],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 1},
    }
    assert check_model(message, Message) == []
    assert check_model({**message, "surprise": 1}, Message) == [
        "$.surprise: not a field of Message"
    ]
