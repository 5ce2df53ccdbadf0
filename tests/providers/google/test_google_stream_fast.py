"""The stream decoder's fast path for plain text chunks gives exactly what the validating path
gives (events, extras, errors), on recorded streams and on near-miss chunks."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from tests.payload_cases import cases

from interlingua import Format, InvalidPayloadError, Kind
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext
from interlingua.providers.google.stream import GoogleStreamDecoder, plain_candidate
from interlingua.universal import ResponseDelta, StreamEvent

STREAMS = [c for c in cases() if c.format is Format.GOOGLE and c.kind is Kind.STREAM_EVENT]


def _outcome(feed: Any, event: dict[str, Any], i: int) -> list[StreamEvent] | str:
    try:
        result: list[StreamEvent] = feed(event, i)
    except InvalidPayloadError as exc:
        return f"{exc.errors!r} {exc}"
    return result


def _both(events: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    """Each event through ``feed`` (fast path allowed) and through the validating path."""
    fast, full = GoogleStreamDecoder(), GoogleStreamDecoder()
    got: list[Any] = []
    want: list[Any] = []
    for i, event in enumerate(events):
        before = copy.deepcopy(event)
        got.append(_outcome(fast.feed, event, i))
        assert event == before  # the fast path reads the chunk without changing it
        want.append(_outcome(full._full, copy.deepcopy(event), i))
    got.append(_outcome(lambda _e, _i: fast.finish(), {}, 0))
    want.append(_outcome(lambda _e, _i: full.finish(), {}, 0))
    return got, want


@pytest.mark.parametrize("case", STREAMS, ids=lambda c: c.id)
def test_recorded_streams_decode_the_same(case: Any) -> None:
    got, want = _both(case.load())
    assert got == want


def _text(text: Any, **part: Any) -> dict[str, Any]:
    return {
        "candidates": [
            {"content": {"parts": [{"text": text, **part}], "role": "model"}, "index": 0}
        ],
        "modelVersion": "gemini-2.5-flash",
        "responseId": "r1",
    }


USAGE = {
    "promptTokenCount": 8,
    "totalTokenCount": 8,
    "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 8}],
    "serviceTier": "standard",
}
LAST = {**_text("."), "usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 2}}
LAST["candidates"] = [{**LAST["candidates"][0], "finishReason": "STOP"}]


def _variants() -> dict[str, dict[str, Any]]:
    """Chunks on either side of the fast path's shape; each follows a plain first chunk."""
    plain = _text(" more")
    out: dict[str, dict[str, Any]] = {
        "plain": plain,
        "thought": _text(" hmm", thought=True),
        "thought false": _text(" x", thought=False),
        "thought not bool": _text(" x", thought=1),
        "signature": _text(" x", thoughtSignature="c2ln"),
        "extra part key": _text(" x", partMetadata={}),
        "text not str": _text(1),
        "empty text": _text(""),
        "usage": {**plain, "usageMetadata": USAGE},
        "usage null": {**plain, "usageMetadata": None},
        "usage invalid": {**plain, "usageMetadata": {"promptTokenCount": "8"}},
        "usage not dict": {**plain, "usageMetadata": [1]},
        "no ids": {"candidates": plain["candidates"]},
        "id null": {**plain, "responseId": None},
        "id not str": {**plain, "responseId": 1},
        "model null": {**plain, "modelVersion": None},
        "unknown key": {**plain, "promptFeedback": {}},
        "two candidates": {**plain, "candidates": plain["candidates"] * 2},
        "no candidates": {**plain, "candidates": []},
        "candidates not list": {**plain, "candidates": {}},
    }
    cand = plain["candidates"][0]
    for name, c in {
        "no index": {"content": cand["content"]},
        "index null": {**cand, "index": None},
        "index bool": {**cand, "index": True},
        "index str": {**cand, "index": "0"},
        "other index": {**cand, "index": 1},
        "finish": {**cand, "finishReason": "STOP"},
        "finish length": {**cand, "finishReason": "MAX_TOKENS"},
        "finish other spelling": {**cand, "finishReason": "SPII"},
        "finish unknown": {**cand, "finishReason": "SOMETHING_NEW"},
        "finish null": {**cand, "finishReason": None},
        "finish not str": {**cand, "finishReason": 1},
        "finish no index": {"content": cand["content"], "finishReason": "STOP"},
        "grounding": {**cand, "groundingMetadata": {}},
        "role user": {**cand, "content": {"parts": cand["content"]["parts"], "role": "user"}},
        "role bad": {**cand, "content": {"parts": cand["content"]["parts"], "role": "x"}},
        "no role": {**cand, "content": {"parts": cand["content"]["parts"]}},
        "no parts": {**cand, "content": {"role": "model"}},
        "empty parts": {**cand, "content": {"parts": [], "role": "model"}},
        "part not dict": {**cand, "content": {"parts": ["x"], "role": "model"}},
        "two parts": {
            **cand,
            "content": {"parts": [{"text": "a"}, {"text": "b", "thought": True}], "role": "model"},
        },
        "call": {
            **cand,
            "content": {"parts": [{"functionCall": {"name": "f", "args": {}}}], "role": "model"},
        },
    }.items():
        out[name] = {**plain, "candidates": [c]}
    return out


@pytest.mark.parametrize("name", list(_variants()))
def test_near_miss_chunks_decode_the_same(name: str) -> None:
    chunk = _variants()[name]
    for stream in (
        [_text("Hi"), chunk, chunk, LAST],
        [_text("Hi", thought=True), chunk, LAST],
        [chunk, LAST],
        [chunk],
    ):
        got, want = _both(stream)
        assert got == want


def test_the_fast_path_takes_plain_text_and_thought_chunks() -> None:
    recorded = [e for case in STREAMS for e in case.load()]
    assert sum(plain_candidate(e) is not None for e in recorded) >= len(recorded) // 4
    assert plain_candidate(_text("a")) is not None
    assert plain_candidate(_text("a", thought=True)) is not None
    assert plain_candidate({**_text("a"), "usageMetadata": USAGE}) is not None
    assert plain_candidate(LAST) is not None
    assert plain_candidate(_text("a", thoughtSignature="c2ln")) is None
    call = {"functionCall": {"name": "f", "args": {}}}
    assert (
        plain_candidate({"candidates": [{"content": {"parts": [call], "role": "model"}}]}) is None
    )
    assert plain_candidate(_text("a", thoughtSignature="c2ln")) is None


def test_after_an_error_event_a_chunk_is_still_rejected() -> None:
    dec = GoogleStreamDecoder()
    dec.feed(_text("Hi"), 0)
    dec.feed({"error": {"code": 500, "message": "boom", "status": "INTERNAL"}}, 1)
    with pytest.raises(InvalidPayloadError, match=r"\$\[2\]"):
        dec.feed(_text("more"), 2)


def test_feed_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    dec = GoogleStreamDecoder()
    monkeypatch.setattr(dec, "_full", None)  # not called: feeding would raise TypeError
    kinds = [type(e).__name__ for e in dec.feed(_text("Hi"), 0)]
    assert kinds == ["ResponseStart", "PartStart", "PartDelta", "ResponseDelta"]
    assert len(dec.feed(_text(" more"), 1)) == 2
    assert len(dec.feed({**_text(" more"), "usageMetadata": USAGE}, 2)) == 2
    kinds = [type(e).__name__ for e in dec.feed(LAST, 3)]
    assert kinds == ["PartDelta", "PartStop", "ResponseDelta"]


def _translated(events: list[dict[str, Any]], target: Format, *, wire: bool) -> Any:
    decoder = GoogleStreamDecoder(wire=wire)
    ctx = ConversionContext(target, Kind.STREAM_EVENT)
    encoder = adapter_for(target).stream_encoder(ctx)
    out: list[dict[str, Any]] = []
    for i, event in enumerate(copy.deepcopy(events)):
        out += encoder.feed(decoder.feed(event, i))
    out += encoder.feed(decoder.finish()) + encoder.finish()
    return out, ctx.losses.losses


@pytest.mark.parametrize("name", list(_variants()))
@pytest.mark.parametrize("target", [Format.ANTHROPIC, Format.CHAT_COMPLETIONS, Format.BEDROCK])
def test_without_the_wire_envelope_foreign_targets_see_the_same(name: str, target: Format) -> None:
    """Near-miss chunks (unknown keys, nulls, a grounding candidate) keep their losses when the
    decoder leaves bare frames out of the envelope."""
    chunk = _variants()[name]
    for stream in ([_text("Hi"), chunk, chunk, LAST], [chunk, _text("x"), LAST]):
        try:
            want = _translated(stream, target, wire=True)
        except InvalidPayloadError:
            with pytest.raises(InvalidPayloadError):
                _translated(stream, target, wire=False)
            continue
        assert _translated(stream, target, wire=False) == want


def test_an_empty_frame_is_left_out_and_a_final_one_kept() -> None:
    dec = GoogleStreamDecoder(wire=False)
    first = dec.feed(_text("Hi"), 0)
    again = dec.feed(_text("!"), 1)
    assert not any(isinstance(e, ResponseDelta) for e in first + again)
    assert [type(e).__name__ for e in again] == ["PartDelta"]
    last = dec.feed(copy.deepcopy(LAST), 2)[-1]
    assert isinstance(last, ResponseDelta) and last.finish_reason is not None
    assert last.usage is not None and last.extras is not None and "chunk" in last.extras.shape
    # the same chunks keep their frames for Gemini's own encoder
    frame = GoogleStreamDecoder(wire=True).feed(_text("Hi"), 0)[-1]
    assert isinstance(frame, ResponseDelta) and frame.extras is not None
    assert "chunk" in frame.extras.shape
