"""Behaviour of the one-shot API: detection, errors with JSON paths, the on_loss policy,
same-format pass-through and the model override."""

from __future__ import annotations

import warnings

import pytest

from interlingua import (
    DetectionError,
    Format,
    InvalidPayloadError,
    Kind,
    LossWarning,
    UnsupportedFeatureError,
    detect,
    from_universal,
    to_universal,
    translate,
    translate_with_report,
)
from interlingua.universal import Request

CHAT = {
    "model": "gpt-5-nano",
    "messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ],
}
ANTHROPIC = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 100,
    "system": "Be brief.",
    "messages": [{"role": "user", "content": "Hi"}],
}


def test_detect_accepts_dict_str_and_bytes() -> None:
    import json

    text = json.dumps(CHAT)
    for payload in (CHAT, text, text.encode()):
        found = detect(payload)
        assert (found.format, found.kind) == (Format.CHAT_COMPLETIONS, Kind.REQUEST)
    assert detect(ANTHROPIC).format is Format.ANTHROPIC


def test_detection_error_lists_every_format() -> None:
    with pytest.raises(DetectionError) as info:
        detect({"hello": "world"})
    assert {"chat-completions", "anthropic"} <= set(info.value.tried)
    assert all(info.value.tried.values())


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object, got array"),
        (b"\xff\xfe{}", "invalid JSON"),
        (42, "expected a JSON object, str or bytes, got int"),
    ],
)
def test_bad_json_is_invalid_payload(payload: object, message: str) -> None:
    with pytest.raises(InvalidPayloadError, match=message) as info:
        translate(payload, "anthropic")
    assert info.value.path == "$"


def test_invalid_payload_names_the_path() -> None:
    bad = {
        "model": "gpt-5",
        "messages": [{"role": "user", "content": "hi"}, {"role": "robot", "content": "x"}],
    }
    with pytest.raises(InvalidPayloadError) as info:
        to_universal(bad, source="chat-completions", kind="request")
    assert any(p.path.startswith("$.messages[1]") for p in info.value.errors)
    assert "messages[1]" in str(info.value)


def test_wrong_type_names_the_path() -> None:
    bad = {"model": "claude", "max_tokens": "100", "messages": [{"role": "user", "content": "hi"}]}
    with pytest.raises(InvalidPayloadError) as info:
        to_universal(bad, source="anthropic", kind="request")
    assert info.value.errors[0].path == "$.max_tokens"


def test_same_format_returns_the_payload_unchanged() -> None:
    assert translate(CHAT, "openai") is CHAT
    assert translate(CHAT, "chat-completions", model="gpt-5")["model"] == "gpt-5"
    assert CHAT["model"] == "gpt-5-nano"  # the input is not mutated


def test_translation_does_not_mutate_input() -> None:
    import copy

    before = copy.deepcopy(ANTHROPIC)
    translate(ANTHROPIC, "chat-completions", on_loss="ignore")
    assert before == ANTHROPIC


def test_model_override() -> None:
    out = translate(CHAT, "anthropic", model="claude-opus-5")
    assert out["model"] == "claude-opus-5"


def test_to_and_from_universal() -> None:
    universal = to_universal(CHAT)
    assert isinstance(universal, Request)
    assert [m.role for m in universal.messages] == ["system", "user"]
    out = from_universal(universal, "anthropic")
    assert out["messages"] == [{"role": "user", "content": "Hi"}]
    assert out["max_tokens"] > 0  # Anthropic requires it; a documented default fills it


LOSSY = {
    "model": "gpt-5-nano",
    "messages": [
        {
            "role": "user",
            "content": [{"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}}],
        },
    ],
}


def test_on_loss_warn_names_the_field() -> None:
    with pytest.warns(LossWarning) as caught:
        translate(LOSSY, "anthropic")
    losses = caught[0].message.losses  # type: ignore[union-attr]
    assert any(loss.path.startswith("$.messages[0].content[0]") for loss in losses)


def test_on_loss_error_raises() -> None:
    with pytest.raises(UnsupportedFeatureError) as info:
        translate(LOSSY, "anthropic", on_loss="error")
    assert info.value.losses and info.value.target == "anthropic"


def test_on_loss_ignore_is_silent_and_report_lists() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        translate(LOSSY, "anthropic", on_loss="ignore")
    result = translate_with_report(LOSSY, "anthropic")
    assert result.losses
    assert all(loss.code and loss.reason for loss in result.losses)


def test_on_loss_must_be_known() -> None:
    from interlingua import InterlinguaError

    with pytest.raises(InterlinguaError, match="on_loss"):
        translate(CHAT, "anthropic", on_loss="maybe")  # type: ignore[arg-type]


GEMINI_NO_MODEL = {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}]}


@pytest.mark.parametrize("target", ["chat-completions", "responses", "anthropic", "bedrock"])
def test_a_missing_model_is_reported_not_invented(target: str) -> None:
    # Gemini bodies carry no model (it is in the URL); targets whose body needs one must say so
    result = translate_with_report(GEMINI_NO_MODEL, target)
    assert "model" not in result.payload and "modelId" not in result.payload
    assert "model-missing" in {loss.code for loss in result.losses}
    given = translate_with_report(GEMINI_NO_MODEL, target, model="chosen-model")
    assert given.payload.get("model", given.payload.get("modelId")) == "chosen-model"
    assert "model-missing" not in {loss.code for loss in given.losses}
