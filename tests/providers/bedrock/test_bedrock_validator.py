"""The Bedrock SDK validator (tests/sdk_bedrock.py) accepts valid payloads and can fail."""

from __future__ import annotations

from typing import Any

from tests.sdk_bedrock import validate

from interlingua import Kind

REQUEST: dict[str, Any] = {
    "modelId": "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    "messages": [{"role": "user", "content": [{"text": "Hi"}]}],
    "inferenceConfig": {"maxTokens": 100, "temperature": 0.5},
}
RESPONSE: dict[str, Any] = {
    "output": {"message": {"role": "assistant", "content": [{"text": "Hello"}]}},
    "stopReason": "end_turn",
    "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
    "metrics": {"latencyMs": 10},
    "$metadata": {"httpStatusCode": 200},
}


def test_valid_payloads_pass() -> None:
    assert validate(Kind.REQUEST, REQUEST) == []
    assert validate(Kind.RESPONSE, RESPONSE) == []
    event = {"contentBlockDelta": {"delta": {"text": "x"}, "contentBlockIndex": 0}}
    assert validate(Kind.STREAM_EVENT, event) == []


def test_unknown_key_fails() -> None:
    errors = validate(Kind.REQUEST, {**REQUEST, "max_tokens": 5})
    assert any("$.max_tokens" in e and "unknown key" in e for e in errors)


def test_missing_required_fails() -> None:
    body = {k: v for k, v in RESPONSE.items() if k != "metrics"}
    assert any("$.metrics" in e and "required" in e for e in validate(Kind.RESPONSE, body))
    assert validate(Kind.REQUEST, {"messages": []})


def test_wrong_type_fails() -> None:
    body = {**REQUEST, "inferenceConfig": {"maxTokens": "100"}}
    assert any("maxTokens" in e for e in validate(Kind.REQUEST, body))


def test_ranges_enums_patterns_and_unions() -> None:
    hot = {**REQUEST, "inferenceConfig": {"temperature": 1.5}}
    assert validate(Kind.REQUEST, hot)
    role = {**REQUEST, "messages": [{"role": "tool", "content": [{"text": "x"}]}]}
    assert validate(Kind.REQUEST, role)
    bad_name = {
        **REQUEST,
        "toolConfig": {
            "tools": [{"toolSpec": {"name": "get.weather", "inputSchema": {"json": {}}}}]
        },
    }
    assert any("does not match" in e for e in validate(Kind.REQUEST, bad_name))
    two = {**REQUEST, "messages": [{"role": "user", "content": [{"text": "a", "image": {}}]}]}
    assert any("exactly one member" in e for e in validate(Kind.REQUEST, two))


def test_blob_must_be_base64() -> None:
    image = {"image": {"format": "png", "source": {"bytes": "not base64!"}}}
    body = {**REQUEST, "messages": [{"role": "user", "content": [image]}]}
    assert any("base64" in e for e in validate(Kind.REQUEST, body))


def test_stream_event_must_have_one_known_key() -> None:
    assert validate(Kind.STREAM_EVENT, {"type": "message_start"})
    assert validate(Kind.STREAM_EVENT, {"messageStop": {}})  # stopReason is required
