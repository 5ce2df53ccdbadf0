"""Gemini streams: the synthesised lifecycle, truncation, detection, and foreign encoding."""

from __future__ import annotations

from typing import Any

import pytest
from tests.sdk_google import validate

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.google import GoogleAdapter
from interlingua.universal import (
    ArgumentsDelta,
    FinishReason,
    PartDelta,
    PartStart,
    PartStop,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    TextDelta,
    TextPart,
    ToolCallPart,
    Usage,
)

A = GoogleAdapter()


def _chunk(parts: list[dict[str, Any]], reason: str | None = None) -> dict[str, Any]:
    cand: dict[str, Any] = {"content": {"role": "model", "parts": parts}, "index": 0}
    if reason is not None:
        cand["finishReason"] = reason
    return {"candidates": [cand], "responseId": "r1", "modelVersion": "gemini-2.5-flash"}


STREAM = [
    _chunk([{"text": "Hel"}]),
    _chunk([{"text": "lo"}]),
    _chunk([{"functionCall": {"name": "f", "args": {"a": 1}}}], "STOP"),
]


def test_the_lifecycle_is_synthesised() -> None:
    dec = A.stream_decoder()
    events = [e for i, ch in enumerate(STREAM) for e in dec.feed(ch, i)] + dec.finish()
    kinds = [type(e).__name__ for e in events if not isinstance(e, ResponseDelta)]
    assert kinds == [
        "ResponseStart",
        "PartStart",
        "PartDelta",
        "PartDelta",
        "PartStop",
        "PartStart",
        "PartDelta",
        "PartStop",
        "ResponseStop",
    ]
    finishes = [e.finish_reason for e in events if isinstance(e, ResponseDelta) and e.finish_reason]
    assert finishes == [FinishReason.TOOL_CALLS]
    assert isinstance(events[-1], ResponseStop)


def test_a_stream_without_finish_reason_is_truncated() -> None:
    dec = A.stream_decoder()
    dec.feed(STREAM[0], 0)
    with pytest.raises(InvalidPayloadError, match="truncated"):
        dec.finish()


def test_content_after_the_finish_reason_is_rejected() -> None:
    dec = A.stream_decoder()
    dec.feed(STREAM[2], 0)
    with pytest.raises(InvalidPayloadError, match=r"\$\[1\]"):
        dec.feed(STREAM[0], 1)


def test_a_chunk_is_a_response_unless_asked_for_as_a_stream_event() -> None:
    assert A.detect(STREAM[0], Kind.RESPONSE) is None
    assert A.detect(STREAM[0], Kind.STREAM_EVENT) is None
    # and reads as a response too
    resp = A.response_to_universal(STREAM[0], ConversionContext(Format.GOOGLE, Kind.RESPONSE))
    assert [getattr(p, "text", None) for p in resp.choices[0].message.content] == ["Hel"]


def test_a_foreign_stream_becomes_sdk_valid_chunks_with_whole_calls() -> None:
    ctx = ConversionContext(Format.GOOGLE, Kind.STREAM_EVENT)
    enc = A.stream_encoder(ctx)
    batches = [
        [ResponseStart(id="msg_1", model="claude")],
        [PartStart(index=0, part=TextPart(text=""))],
        [PartDelta(index=0, delta=TextDelta(text="Hi"))],
        [PartStop(index=0)],
        [PartStart(index=1, part=ToolCallPart(id="t1", name="f", arguments=""))],
        [PartDelta(index=1, delta=ArgumentsDelta(json='{"a":'))],
        [PartDelta(index=1, delta=ArgumentsDelta(json="1}"))],
        [PartStop(index=1)],
        [
            ResponseDelta(
                finish_reason=FinishReason.TOOL_CALLS, usage=Usage(input_tokens=3, output_tokens=4)
            )
        ],
        [ResponseStop()],
    ]
    out = [c for b in batches for c in enc.feed(b)] + enc.finish()
    for chunk in out:
        assert validate(Kind.STREAM_EVENT, chunk) == []
    parts = [p for c in out for cand in c["candidates"] for p in cand["content"].get("parts", [])]
    assert parts == [{"text": "Hi"}, {"functionCall": {"name": "f", "id": "t1", "args": {"a": 1}}}]
    last = out[-1]
    assert last["candidates"][0]["finishReason"] == "STOP"
    assert last["usageMetadata"]["candidatesTokenCount"] == 4
    assert not ctx.losses.losses
