"""Anthropic stream decoding rules and encoding of other formats' universal streams."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest
from anthropic.lib.streaming._messages import accumulate_event
from anthropic.types import RawMessageStreamEvent

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.anthropic import AnthropicAdapter
from interlingua.providers.base import ConversionContext
from interlingua.universal import (
    ArgumentsDelta,
    FinishReason,
    KeepAlive,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    ReasoningPart,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamError,
    StreamEvent,
    TextDelta,
    TextPart,
    ToolCallPart,
    Usage,
)

ADAPTER = AnthropicAdapter()
EVENT = pydantic.TypeAdapter(RawMessageStreamEvent)

START = {
    "type": "message_start",
    "message": {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "content": [],
        "model": "claude",
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 1},
    },
}


def foreign_stream() -> list[list[StreamEvent]]:
    """What a Chat Completions decoder produces: one list per source chunk, parts that start
    with content, finish reason and usage in separate chunks."""
    return [
        [ResponseStart(id="chatcmpl-1", model="gpt-4o")],
        [
            PartStart(index=0, part=ReasoningPart(text="")),
            PartDelta(index=0, delta=ReasoningDelta(text="think")),
        ],
        [PartDelta(index=0, delta=SignatureDelta(signature="x", origin="google"))],
        [PartStop(index=0), PartStart(index=1, part=TextPart(text="Hel"))],
        [PartDelta(index=1, delta=TextDelta(text="lo"))],
        [
            PartStop(index=1),
            PartStart(index=2, part=ToolCallPart(id="call_9", name="f", arguments='{"a":')),
        ],
        [PartDelta(index=2, delta=ArgumentsDelta(json="1}"))],
        [PartStop(index=2), ResponseDelta(finish_reason=FinishReason.TOOL_CALLS)],
        [ResponseDelta(usage=Usage(input_tokens=40, output_tokens=12, cached_input_tokens=30))],
        [ResponseStop()],
    ]


def test_foreign_stream_is_complete_for_the_sdk() -> None:
    ctx = ConversionContext(Format.ANTHROPIC, Kind.STREAM_EVENT)
    enc = ADAPTER.stream_encoder(ctx)
    out: list[dict[str, Any]] = []
    for chunk in foreign_stream():
        out += enc.feed(chunk)
    out += enc.finish()
    types = [e["type"] for e in out]
    assert types[0] == "message_start" and types[-2:] == ["message_delta", "message_stop"]
    snapshot = None
    bufs: dict[int, bytes] = {}
    for e in out:
        snapshot = accumulate_event(
            event=EVENT.validate_python(e), current_snapshot=snapshot, json_bufs=bufs
        )
    assert snapshot is not None
    assert [b.type for b in snapshot.content] == ["thinking", "text", "tool_use"]
    assert snapshot.content[1].text == "Hello"  # type: ignore[union-attr]
    assert snapshot.content[2].input == {"a": 1}  # type: ignore[union-attr]
    assert snapshot.stop_reason == "tool_use"
    # Anthropic input_tokens excludes cache reads: 40 prompt tokens, 30 of them cached
    assert (snapshot.usage.input_tokens, snapshot.usage.cache_read_input_tokens) == (10, 30)
    assert snapshot.usage.output_tokens == 12
    assert [loss.code for loss in ctx.losses.losses] == ["signature-not-portable"]


def test_encoder_closes_a_stream_that_never_stopped() -> None:
    enc = ADAPTER.stream_encoder(ConversionContext(Format.ANTHROPIC, Kind.STREAM_EVENT))
    out = enc.feed([PartStart(index=0, part=TextPart(text="hi"))])  # no ResponseStart either
    out += enc.finish()
    assert [e["type"] for e in out] == [
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    for e in out:
        EVENT.validate_python(e)


def decode_all(events: list[dict[str, Any]]) -> list[StreamEvent]:
    dec = ADAPTER.stream_decoder()
    out: list[StreamEvent] = []
    for i, e in enumerate(events):
        out += dec.feed(e, i)
    return out + dec.finish()


def test_delta_for_unstarted_block_is_rejected() -> None:
    bad = [
        START,
        {"type": "content_block_delta", "index": 3, "delta": {"type": "text_delta", "text": "x"}},
    ]
    with pytest.raises(InvalidPayloadError) as err:
        decode_all(bad)
    assert err.value.path == "$[1].index"


def test_stream_ending_early_is_rejected() -> None:
    with pytest.raises(InvalidPayloadError, match="before message_stop"):
        decode_all([START])
    with pytest.raises(InvalidPayloadError) as err:
        decode_all([START, {"type": "message_stop"}, {"type": "message_stop"}])
    assert err.value.path == "$[2]"


def test_ping_error_and_usage_events() -> None:
    events = [
        START,
        {"type": "ping"},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "max_tokens", "stop_sequence": None},
            "usage": {"output_tokens": 7, "input_tokens": 5, "cache_read_input_tokens": 100},
        },
        {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
    ]
    out = decode_all(events)
    assert isinstance(out[1], KeepAlive)
    delta = out[2]
    assert isinstance(delta, ResponseDelta) and delta.finish_reason is FinishReason.LENGTH
    assert delta.usage is not None and delta.usage.input_tokens == 105
    assert isinstance(out[3], StreamError) and out[3].error_type == "overloaded_error"


def test_unknown_stop_reason_is_other_and_kept() -> None:
    ev = {
        "type": "message_delta",
        "delta": {"stop_reason": "brand_new", "stop_sequence": None},
        "usage": {"output_tokens": 1},
    }
    (decoded,) = ADAPTER.stream_decoder(standalone=True).feed(ev, 0)
    assert isinstance(decoded, ResponseDelta) and decoded.finish_reason is FinishReason.OTHER
    enc = ADAPTER.stream_encoder(ConversionContext(Format.ANTHROPIC, Kind.STREAM_EVENT))
    assert enc.feed([decoded]) == [ev]
