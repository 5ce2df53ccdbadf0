"""Responses streams: identity, misuse, and complete SDK-accepted streams from other formats."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest
from helpers_responses import ADAPTER, ctx, load
from openai import omit
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseStreamEvent
from tests.sdk_responses import validate

from interlingua import Format, InvalidPayloadError, Kind
from interlingua._registry import adapter_for

STREAM = "responses/reasoning-summary-stream/stream.json"


def _translate(fmt: Format, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    src = adapter_for(fmt)
    dec, enc = src.stream_decoder(), ADAPTER.stream_encoder(ctx(Kind.STREAM_EVENT))
    out: list[dict[str, Any]] = []
    for i, ev in enumerate(events):
        out += enc.feed(dec.feed(ev, i))
    return out + enc.feed(dec.finish()) + enc.finish()


def test_whole_stream_identity() -> None:
    events = load(STREAM)
    dec, enc = ADAPTER.stream_decoder(), ADAPTER.stream_encoder(ctx(Kind.STREAM_EVENT))
    out: list[dict[str, Any]] = []
    for i, ev in enumerate(events):
        out += enc.feed(dec.feed(ev, i))
    assert out + enc.feed(dec.finish()) + enc.finish() == events


def test_misuse_raises() -> None:
    events = load(STREAM)
    with pytest.raises(InvalidPayloadError) as info:
        ADAPTER.stream_decoder().feed(events[4], 0)
    assert info.value.path == "$[0]"
    dec = ADAPTER.stream_decoder()
    dec.feed(events[0], 0)
    with pytest.raises(InvalidPayloadError) as info:
        dec.feed(events[4], 1)  # a delta for an item never added
    assert info.value.path == "$[1].output_index"
    with pytest.raises(InvalidPayloadError, match="ended before"):
        dec.finish()


@pytest.mark.parametrize(
    ("fmt", "path"),
    [
        (
            Format.CHAT_COMPLETIONS,
            "corpus/snapshots/toolCallRequest/chat-completions/response-streaming.json",
        ),
        (Format.ANTHROPIC, "corpus/snapshots/toolCallRequest/anthropic/response-streaming.json"),
        (
            Format.ANTHROPIC,
            "corpus/snapshots/anthropicOpus5AdaptiveThinkingMaxEffortParam/anthropic/response-streaming.json",
        ),
    ],
)
def test_foreign_stream_is_complete_and_accepted_by_the_sdk(fmt: Format, path: str) -> None:
    out = _translate(fmt, load(path))
    assert [e["sequence_number"] for e in out] == list(range(len(out)))
    assert out[0]["type"] == "response.created"
    assert out[1]["type"] == "response.in_progress"
    assert out[-1]["type"] == "response.completed"
    for ev in out:
        assert validate(Kind.STREAM_EVENT, ev) == []
    state: ResponseStreamState[Any] = ResponseStreamState(input_tools=omit, text_format=omit)
    adapter = pydantic.TypeAdapter(ResponseStreamEvent)
    for ev in out:
        state.handle_event(adapter.validate_python(ev))
    final = out[-1]["response"]
    added = [e["item"]["id"] for e in out if e["type"] == "response.output_item.added"]
    assert [i["id"] for i in final["output"]] == added
    assert isinstance(final["usage"], dict)
