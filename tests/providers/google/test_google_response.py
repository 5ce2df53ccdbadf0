"""Gemini responses: usage reconciliation, finish reasons, blocked prompts."""

from __future__ import annotations

from typing import Any

from tests.sdk_google import validate

from interlingua import Format, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.google import GoogleAdapter
from interlingua.universal import Choice, FinishReason, Message, Response, TextPart, Usage

A = GoogleAdapter()


def _ctx() -> ConversionContext:
    return ConversionContext(Format.GOOGLE, Kind.RESPONSE)


def _candidate(parts: list[dict[str, Any]], reason: str = "STOP") -> dict[str, Any]:
    return {"content": {"role": "model", "parts": parts}, "finishReason": reason, "index": 0}


def test_usage_counts_thoughts_as_output_and_cache_inside_input() -> None:
    body = {
        "candidates": [_candidate([{"text": "Hi"}])],
        "usageMetadata": {
            "promptTokenCount": 100,
            "cachedContentTokenCount": 60,
            "candidatesTokenCount": 10,
            "thoughtsTokenCount": 30,
            "totalTokenCount": 140,
        },
    }
    u = A.response_to_universal(body, _ctx()).usage
    assert u is not None
    assert (u.input_tokens, u.cached_input_tokens) == (100, 60)
    assert (u.output_tokens, u.reasoning_tokens, u.total_tokens) == (40, 30, 140)


def test_foreign_usage_is_split_back() -> None:
    resp = Response(
        choices=[Choice(message=Message(role="assistant", content=[TextPart(text="Hi")]))],
        usage=Usage(input_tokens=50, output_tokens=20, reasoning_tokens=5, cache_write_tokens=10),
    )
    ctx = _ctx()
    out = A.response_from_universal(resp, ctx)
    assert validate(Kind.RESPONSE, out) == []
    assert out["usageMetadata"] == {
        "promptTokenCount": 50,
        "candidatesTokenCount": 15,
        "thoughtsTokenCount": 5,
        "totalTokenCount": 70,
    }
    assert [loss.code for loss in ctx.losses.losses] == ["usage-field-dropped"]


def test_stop_with_a_function_call_is_tool_calls_and_goes_back_as_stop() -> None:
    body = {"candidates": [_candidate([{"functionCall": {"name": "f", "args": {}}}])]}
    resp = A.response_to_universal(body, _ctx())
    assert resp.choices[0].finish_reason is FinishReason.TOOL_CALLS
    assert A.response_from_universal(resp, _ctx()) == body


def test_many_to_one_and_unknown_finish_reasons_keep_the_raw_value() -> None:
    for raw, reason in (
        ("RECITATION", FinishReason.CONTENT_FILTER),
        ("SOMETHING_NEW", FinishReason.OTHER),
    ):
        body = {"candidates": [_candidate([{"text": "x"}], raw)]}
        resp = A.response_to_universal(body, _ctx())
        assert resp.choices[0].finish_reason is reason
        assert A.response_from_universal(resp, _ctx()) == body


def test_a_blocked_prompt_is_one_filtered_empty_choice() -> None:
    body = {"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": {"promptTokenCount": 5}}
    resp = A.response_to_universal(body, _ctx())
    assert len(resp.choices) == 1
    assert resp.choices[0].finish_reason is FinishReason.CONTENT_FILTER
    assert resp.choices[0].message.content == []
    assert A.response_from_universal(resp, _ctx()) == body


def test_thought_parts_keep_their_signature_on_their_own_part() -> None:
    body = {
        "candidates": [
            _candidate(
                [
                    {"text": "thinking", "thought": True, "thoughtSignature": "czE="},
                    {"text": "answer", "thoughtSignature": "czI="},
                ]
            )
        ]
    }
    resp = A.response_to_universal(body, _ctx())
    first = resp.choices[0].message.content[0]
    assert getattr(first, "signature", None) == "czE="
    assert getattr(first, "signature_origin", None) == "google"
    assert A.response_from_universal(resp, _ctx()) == body
    # another family cannot take either signature
    anthropic = ConversionContext(Format.ANTHROPIC, Kind.RESPONSE)
    from interlingua.providers.anthropic import AnthropicAdapter

    AnthropicAdapter().response_from_universal(resp, anthropic)
    assert anthropic.losses.losses
