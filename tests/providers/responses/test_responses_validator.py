"""The Responses SDK validator itself can fail."""

from __future__ import annotations

from tests.sdk_responses import validate

from interlingua import Kind

RESPONSE = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1,
    "model": "gpt-4o",
    "output": [],
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [],
}


def test_valid_payloads_pass() -> None:
    assert validate(Kind.REQUEST, {"model": "gpt-4o", "input": "hi"}) == []
    assert validate(Kind.RESPONSE, RESPONSE) == []
    event = {
        "type": "response.output_text.delta",
        "item_id": "m",
        "output_index": 0,
        "content_index": 0,
        "delta": "x",
        "logprobs": [],
        "sequence_number": 3,
    }
    assert validate(Kind.STREAM_EVENT, event) == []
    assert validate(Kind.STREAM_EVENT, {"type": "keepalive", "sequence_number": 1}) == []


def test_unknown_key_fails() -> None:
    assert validate(Kind.REQUEST, {"model": "gpt-4o", "input": "hi", "messages": []})
    assert validate(Kind.RESPONSE, {**RESPONSE, "choices": []})
    assert validate(Kind.STREAM_EVENT, {"type": "keepalive", "sequence_number": 1, "x": 1})


def test_missing_required_fails() -> None:
    body = {k: v for k, v in RESPONSE.items() if k != "output"}
    assert validate(Kind.RESPONSE, body)
    fmt = {"type": "json_schema", "schema": {}}  # `name` is required
    assert validate(Kind.REQUEST, {"model": "gpt-4o", "input": "hi", "text": {"format": fmt}})


def test_wrong_type_fails() -> None:
    assert validate(Kind.REQUEST, {"model": "gpt-4o", "input": "hi", "temperature": "hot"})
    assert validate(Kind.RESPONSE, {**RESPONSE, "created_at": "yesterday"})
