"""The Gemini SDK validator itself can fail: unknown keys, missing required keys, wrong types."""

from __future__ import annotations

from tests.sdk_google import validate

from interlingua import Kind

TEXT = {"role": "user", "parts": [{"text": "Hi"}]}


def test_a_valid_request_and_response_pass() -> None:
    assert validate(Kind.REQUEST, {"contents": [TEXT], "generationConfig": {"topK": 3}}) == []
    response = {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hello"}]}}]}
    assert validate(Kind.RESPONSE, response) == []


def test_unknown_keys_fail() -> None:
    assert validate(Kind.REQUEST, {"contents": [TEXT], "messages": []})
    part = {"role": "user", "parts": [{"text": "Hi", "cache_control": {}}]}
    assert validate(Kind.REQUEST, {"contents": [part]})
    assert validate(Kind.RESPONSE, {"candidates": [], "choices": []})


def test_snake_case_names_fail() -> None:
    part = {"role": "user", "parts": [{"inline_data": {"mime_type": "image/png", "data": ""}}]}
    assert validate(Kind.REQUEST, {"contents": [part]})


def test_missing_required_keys_fail() -> None:
    assert validate(Kind.REQUEST, {"generationConfig": {}})
    assert validate(Kind.STREAM_EVENT, {"error": {"message": "boom"}})


def test_wrong_types_and_values_fail() -> None:
    assert validate(Kind.REQUEST, {"contents": [{"role": "user", "parts": [{"text": 3}]}]})
    assert validate(Kind.REQUEST, {"contents": [{"role": "assistant", "parts": []}]})
    assert validate(Kind.RESPONSE, {"candidates": [{"finishReason": "DONE"}]})
    blob = {"inlineData": {"mimeType": "image/png", "data": "not base64!"}}
    assert validate(Kind.RESPONSE, {"candidates": [{"content": {"parts": [blob]}}]})
