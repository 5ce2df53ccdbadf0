"""ConverseStream decoding and encoding: synthesised starts, misuse, foreign streams."""

from __future__ import annotations

from typing import Any

import pytest
from tests.sdk_bedrock import validate

from interlingua import Format, Kind
from interlingua._errors import InvalidPayloadError
from interlingua.providers.base import ConversionContext
from interlingua.providers.bedrock import BedrockAdapter
from interlingua.universal import (
    ArgumentsDelta,
    FinishReason,
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
    TextDelta,
    TextPart,
    ToolCallPart,
    Usage,
)

A = BedrockAdapter()
START = {"messageStart": {"role": "assistant"}}


def _delta(index: int, delta: dict[str, Any]) -> dict[str, Any]:
    return {"contentBlockDelta": {"delta": delta, "contentBlockIndex": index}}


def test_first_text_delta_opens_the_part() -> None:
    dec = A.stream_decoder()
    dec.feed(START, 0)
    events = dec.feed(_delta(0, {"text": "Hi"}), 1)
    assert isinstance(events[0], PartStart) and isinstance(events[0].part, TextPart)
    assert isinstance(events[1], PartDelta) and isinstance(events[1].delta, TextDelta)
    assert events[1].delta.text == "Hi"


def test_standalone_delta_is_only_a_delta() -> None:
    events = A.stream_decoder(standalone=True).feed(_delta(3, {"text": "Hi"}), 0)
    assert len(events) == 1 and isinstance(events[0], PartDelta)


def test_tool_delta_without_start_is_an_error() -> None:
    dec = A.stream_decoder()
    dec.feed(START, 0)
    with pytest.raises(InvalidPayloadError) as err:
        dec.feed(_delta(0, {"toolUse": {"input": "{}"}}), 1)
    assert "$[1]" in str(err.value)


def test_events_before_start_and_truncation_raise() -> None:
    with pytest.raises(InvalidPayloadError):
        A.stream_decoder().feed(_delta(0, {"text": "x"}), 0)
    dec = A.stream_decoder()
    dec.feed(START, 0)
    dec.feed({"messageStop": {"stopReason": "end_turn"}}, 1)
    with pytest.raises(InvalidPayloadError, match="metadata"):
        dec.finish()


def test_exception_events_are_stream_errors() -> None:
    event = {"throttlingException": {"message": "slow down"}}
    (err,) = A.stream_decoder(standalone=True).feed(event, 0)
    assert isinstance(err, StreamError) and err.error_type == "rate_limit_error"
    enc = A.stream_encoder(ConversionContext(Format.BEDROCK, Kind.STREAM_EVENT))
    assert enc.feed([err]) == [event]


def test_foreign_stream_gets_the_full_framing() -> None:
    ctx = ConversionContext(Format.BEDROCK, Kind.STREAM_EVENT)
    enc = A.stream_encoder(ctx)
    out = enc.feed([ResponseStart(id="msg_1", model="claude")])
    out += enc.feed([PartStart(index=0, part=ReasoningPart(text=""))])
    out += enc.feed([PartDelta(index=0, delta=ReasoningDelta(text="think"))])
    out += enc.feed(
        [PartDelta(index=0, delta=SignatureDelta(signature="c2ln", origin="anthropic"))]
    )
    out += enc.feed([PartStop(index=0)])
    tool = ToolCallPart(id="toolu_1", name="get.weather", arguments="")
    out += enc.feed([PartStart(index=1, part=tool)])
    out += enc.feed([PartDelta(index=1, delta=ArgumentsDelta(json='{"city":"Paris"}'))])
    out += enc.feed([PartStop(index=1)])
    out += enc.feed(
        [
            ResponseDelta(
                finish_reason=FinishReason.TOOL_CALLS,
                usage=Usage(input_tokens=50, output_tokens=20, cached_input_tokens=10),
            )
        ]
    )
    out += enc.feed([ResponseStop()])
    out += enc.finish()
    names = [next(iter(e)) for e in out]
    assert names == [
        "messageStart",
        "contentBlockDelta",
        "contentBlockDelta",
        "contentBlockStop",
        "contentBlockStart",
        "contentBlockDelta",
        "contentBlockStop",
        "messageStop",
        "metadata",
    ]
    assert out[4]["contentBlockStart"]["start"]["toolUse"]["name"] == "il--get-2e-weather"
    assert out[7] == {"messageStop": {"stopReason": "tool_use"}}
    assert out[8]["metadata"]["usage"]["inputTokens"] == 40
    assert out[8]["metadata"]["metrics"] == {"latencyMs": 0}
    assert all(validate(Kind.STREAM_EVENT, e) == [] for e in out)
    assert ctx.losses.losses == []
    # and the alias decodes back to the original name
    dec = A.stream_decoder()
    parts = [ev for i, e in enumerate(out) for ev in dec.feed(e, i) if isinstance(ev, PartStart)]
    assert isinstance(parts[1].part, ToolCallPart) and parts[1].part.name == "get.weather"
