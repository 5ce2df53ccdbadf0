"""Responses pass through unchanged between Anthropic, Bedrock-Anthropic and Vertex-Anthropic,
and so do Anthropic and Vertex streams: the shortcut must give exactly what the full
decode-encode path gives, with no losses."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from interlingua import (
    Format,
    Kind,
    from_universal,
    to_universal,
    translate_stream,
    translate_with_report,
)
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext

PAYLOADS = Path(__file__).resolve().parents[3] / "payloads"
FAMILY = ("anthropic", "bedrock-anthropic", "vertex-anthropic")


def _responses() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for fmt in FAMILY:
        for path in sorted(PAYLOADS.rglob(f"{fmt}/*response*.json")):
            if "streaming" in path.name:
                continue
            data = json.loads(path.read_text())
            if isinstance(data, dict) and data.get("type") == "message":
                found.append((fmt, str(path.relative_to(PAYLOADS)), data))
    return found


RESPONSES = _responses()


def test_the_family_has_recorded_responses() -> None:
    assert len({fmt for fmt, _, _ in RESPONSES}) == len(FAMILY)
    assert len(RESPONSES) > 50


@pytest.mark.parametrize(("source", "name", "data"), RESPONSES, ids=[n for _, n, _ in RESPONSES])
def test_shortcut_equals_full_path(source: str, name: str, data: dict[str, Any]) -> None:
    for target in FAMILY:
        if target == source:
            continue
        shortcut = translate_with_report(data, target, source=source, kind="response")
        universal = to_universal(data, source=source, kind=Kind.RESPONSE)
        full = from_universal(universal, Format(target), on_loss="error")
        assert shortcut.losses == []
        assert shortcut.payload == full


def test_requests_are_not_passed_through() -> None:
    request = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}
    out = translate_with_report(request, "bedrock-anthropic", source="anthropic", kind="request")
    assert "model" not in out.payload
    assert out.payload["anthropic_version"] == "bedrock-2023-05-31"


def _streams() -> list[tuple[str, str, list[dict[str, Any]]]]:
    found = []
    for fmt in FAMILY:
        for path in sorted(PAYLOADS.rglob(f"{fmt}/*streaming*.json")):
            data = json.loads(path.read_text())
            if isinstance(data, list) and data and data[0].get("type") == "message_start":
                found.append((fmt, str(path.relative_to(PAYLOADS)), data))
    return found


STREAMS = _streams()
#: Bedrock's streams carry its own invocation metrics and Vertex's may be a whole body, so
#: only Anthropic's pass through
PASSED_THROUGH = [s for s in STREAMS if s[0] == "anthropic"]


def _full_stream(events: list[dict[str, Any]], source: str, target: str) -> Any:
    ctx = ConversionContext(Format(target), Kind.STREAM_EVENT)
    decoder = adapter_for(Format(source)).stream_decoder()
    encoder = adapter_for(Format(target)).stream_encoder(ctx)
    out = []
    for position, event in enumerate(events):
        out += encoder.feed(decoder.feed(event, position))
    return out + encoder.feed(decoder.finish()) + encoder.finish(), ctx.losses.losses


def test_the_family_has_recorded_streams() -> None:
    assert {"anthropic", "bedrock-anthropic"} <= {fmt for fmt, _, _ in STREAMS}
    assert len(PASSED_THROUGH) >= 10


@pytest.mark.parametrize(
    ("source", "name", "events"), PASSED_THROUGH, ids=[n for _, n, _ in PASSED_THROUGH]
)
def test_stream_shortcut_equals_full_path(
    source: str, name: str, events: list[dict[str, Any]]
) -> None:
    for target in FAMILY:
        if target == source:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a shortcut reports no loss: there must be none
            translated = list(translate_stream(events, target, source=source))
        full, losses = _full_stream(events, source, target)
        assert translated == full
        assert losses == []
        assert all(out is event for out, event in zip(translated, events, strict=True))  # taken


def test_bedrock_streams_are_not_passed_through() -> None:
    # Bedrock's invocation metrics describe the call, like a header: Bedrock bodies only
    events = next(e for fmt, _, e in STREAMS if fmt == "bedrock-anthropic")
    assert "amazon-bedrock-invocationMetrics" in events[-1]
    out = list(translate_stream(events, "anthropic", source="bedrock-anthropic"))
    assert out[-1] == {"type": "message_stop"}
    assert out[:-1] == events[:-1]


def test_vertex_streams_are_not_passed_through() -> None:
    # Vertex was recorded answering a streamed call with the whole body as one event
    body = next(b for fmt, _, b in RESPONSES if fmt == "vertex-anthropic")
    out = list(translate_stream([body], "anthropic", source="vertex-anthropic"))
    assert [e["type"] for e in out][:1] == ["message_start"]
    assert out[-1] == {"type": "message_stop"}
