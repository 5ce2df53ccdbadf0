"""The stream decoder's fast path (plain text / tool input / thinking deltas, no validation)
against its full path: the same events, extras included, the same errors, the input left alone."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from tests.payload_cases import ANTHROPIC_FAMILY, cases
from tests.providers.anthropic.test_anthropic_fast import mutations

from interlingua import Format, InvalidPayloadError, Kind
from interlingua._registry import adapter_for
from interlingua.providers.anthropic.stream import AnthropicStreamDecoder
from interlingua.providers.base import ConversionContext
from interlingua.universal import StreamEvent

RECORDED = [c for c in cases() if c.format in ANTHROPIC_FAMILY and c.kind is Kind.STREAM_EVENT]


class FullPathDecoder(AnthropicStreamDecoder):
    """The decoder with its fast paths turned off: every event validated."""

    def _plain_delta(self, event: dict[str, Any]) -> list[StreamEvent] | None:
        return None

    def _framing(self, kind: str, event: dict[str, Any]) -> list[StreamEvent] | None:
        return None


def _decode(
    decoder: AnthropicStreamDecoder, events: list[dict[str, Any]]
) -> list[list[StreamEvent]] | tuple[str, str | None]:
    """Every event's output and the finish, or the error's message and path."""
    out: list[list[StreamEvent]] = []
    try:
        for i, e in enumerate(events):
            out.append(decoder.feed(e, i))
        out.append(decoder.finish())
    except InvalidPayloadError as exc:
        return str(exc), exc.path
    return out


def _both(
    events: list[dict[str, Any]], fmt: Format = Format.ANTHROPIC, *, standalone: bool = False
) -> tuple[Any, Any]:
    before = copy.deepcopy(events)
    fast = _decode(AnthropicStreamDecoder(fmt, standalone=standalone), events)
    assert events == before  # the fast path reads the event, it does not consume it
    full = _decode(FullPathDecoder(fmt, standalone=standalone), copy.deepcopy(events))
    return fast, full


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_recorded_streams_decode_the_same(case: Any) -> None:
    events = case.load()
    fast, full = _both(events, case.format)
    assert fast == full
    assert repr(fast) == repr(full)  # key order of the extras too


def test_recorded_streams_take_the_fast_path() -> None:
    taken = framing = 0
    for case in RECORDED:
        decoder = AnthropicStreamDecoder(case.format)
        for i, e in enumerate(case.load()):
            if decoder._plain_delta(e) is not None:
                taken += 1
            elif copy.deepcopy(decoder)._framing(e["type"], e) is not None:
                framing += 1
            decoder.feed(e, i)
    assert taken > 100
    assert framing > 4 * len(RECORDED)  # start, block start and stop, delta, stop


START = {
    "type": "message_start",
    "message": {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "content": [],
        "model": "claude",
        "usage": {"input_tokens": 5, "output_tokens": 1},
    },
}
TEXT_BLOCK = {
    "type": "content_block_start",
    "index": 0,
    "content_block": {"type": "text", "text": ""},
}
TOOL_BLOCK = {
    "type": "content_block_start",
    "index": 0,
    "content_block": {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}},
}
THINKING_BLOCK = {
    "type": "content_block_start",
    "index": 0,
    "content_block": {"type": "thinking", "thinking": "", "signature": ""},
}
STOP_BLOCK = {"type": "content_block_stop", "index": 0}
END = [{"type": "message_delta", "delta": {"stop_reason": "end_turn"}}, {"type": "message_stop"}]


def _delta(kind: str, key: str, value: Any = "x") -> dict[str, Any]:
    return {"type": "content_block_delta", "index": 0, "delta": {"type": kind, key: value}}


TEXT = _delta("text_delta", "text")
PLAIN = {
    "text": (TEXT_BLOCK, TEXT),
    "tool-input": (TOOL_BLOCK, _delta("input_json_delta", "partial_json", '{"a":')),
    "thinking": (THINKING_BLOCK, _delta("thinking_delta", "thinking", "hmm")),
}

#: events near the fast path's edge, each sent where a plain text delta would be
EDGES: dict[str, dict[str, Any]] = {
    "bool-index": {**TEXT, "index": True},
    "float-index": {**TEXT, "index": 0.0},
    "string-index": {**TEXT, "index": "0"},
    "unopened-index": {**TEXT, "index": 1},
    "no-index": {"type": "content_block_delta", "delta": TEXT["delta"]},
    "null-index": {**TEXT, "index": None},
    "extra-key": {**TEXT, "x": 1},
    "extra-null": {**TEXT, "x": None},
    "delta-extra-key": {**TEXT, "delta": {**TEXT["delta"], "x": 1}},
    "int-text": _delta("text_delta", "text", 1),
    "null-text": _delta("text_delta", "text", None),
    "no-text": {**TEXT, "delta": {"type": "text_delta"}},
    "wrong-key": _delta("text_delta", "thinking"),
    "signature": _delta("signature_delta", "signature", "sig"),
    "citation": {
        **TEXT,
        "delta": {"type": "citations_delta", "citation": {"type": "char_location"}},
    },
    "unknown-delta": _delta("future_delta", "text"),
    "list-delta": {**TEXT, "delta": [["type", "text_delta"], ["text", "x"]]},
    "null-delta": {**TEXT, "delta": None},
}


@pytest.mark.parametrize("kind", PLAIN)
def test_plain_deltas_take_the_fast_path(kind: str) -> None:
    block, delta = PLAIN[kind]
    events = [START, block, delta, delta, STOP_BLOCK, *END]
    decoder = AnthropicStreamDecoder()
    for i, e in enumerate(events[:2]):
        decoder.feed(e, i)
    assert decoder._plain_delta(delta) is not None
    fast, full = _both(events)
    assert fast == full and repr(fast) == repr(full)


@pytest.mark.parametrize("name", EDGES)
@pytest.mark.parametrize("standalone", [False, True])
def test_edges_decode_the_same(name: str, standalone: bool) -> None:
    events = [START, TEXT_BLOCK, TEXT, EDGES[name], STOP_BLOCK, *END]
    fast, full = _both(events, standalone=standalone)
    assert fast == full
    assert repr(fast) == repr(full)


@pytest.mark.parametrize(
    "events",
    [
        [TEXT, START, TEXT_BLOCK, STOP_BLOCK, *END],  # before message_start
        [START, TEXT, TEXT_BLOCK, STOP_BLOCK, *END],  # before its block started
        [START, TEXT_BLOCK, STOP_BLOCK, TEXT, *END],  # after its block stopped
        [START, TEXT_BLOCK, TEXT, *END, TEXT],  # after message_stop
        [START, TEXT_BLOCK, {"type": "error", "error": {"type": "overloaded_error"}}, TEXT],
    ],
    ids=["before-start", "before-block", "after-block", "after-stop", "after-error"],
)
def test_out_of_order_deltas_fail_the_same(events: list[dict[str, Any]]) -> None:
    fast, full = _both(events)
    assert isinstance(fast, tuple)  # an error
    assert fast == full
    standalone_fast, standalone_full = _both(events, standalone=True)
    assert standalone_fast == standalone_full


def test_edges_leave_the_fast_path() -> None:
    decoder = AnthropicStreamDecoder()
    for i, e in enumerate([START, TEXT_BLOCK]):
        decoder.feed(e, i)
    for name, event in EDGES.items():
        assert decoder._plain_delta(event) is None, name


DELTA_END = {
    "type": "message_delta",
    "delta": {"stop_reason": "tool_use", "stop_sequence": None},
    "usage": {"output_tokens": 3, "cache_read_input_tokens": None, "x": 1},
}
METRICS_STOP = {"type": "message_stop", "amazon-bedrock-invocationMetrics": {"a": 1}}
BUSY_START = {
    "type": "message_start",
    "message": {
        **START["message"],
        "stop_reason": None,
        "stop_sequence": None,
        "future": [1],
        "usage": {"input_tokens": 5, "service_tier": "standard", "cache_creation": {}},
    },
}
TOOL_INPUT = _delta("input_json_delta", "partial_json", "{}")
#: streams whose every framing event is mutated in turn
FRAMED = {
    "text": [START, TEXT_BLOCK, TEXT, STOP_BLOCK, *END],
    "tool": [BUSY_START, TOOL_BLOCK, TOOL_INPUT, STOP_BLOCK, DELTA_END, METRICS_STOP],
}


def _variants(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    out = []
    for i, event in enumerate(events):
        if event["type"] == "content_block_delta":
            continue
        out += [[*events[:i], changed, *events[i + 1 :]] for changed in mutations(event)]
    return out


@pytest.mark.parametrize("name", FRAMED)
@pytest.mark.parametrize("standalone", [False, True])
def test_mutated_framing_events_decode_the_same(name: str, standalone: bool) -> None:
    for events in [FRAMED[name], *_variants(FRAMED[name])]:
        fast, full = _both(events, standalone=standalone)
        assert fast == full
        assert repr(fast) == repr(full)


@pytest.mark.parametrize(
    "events",
    [
        [START, START, *END],  # a second start
        [START, TEXT_BLOCK, TEXT_BLOCK, STOP_BLOCK, *END],  # a block started twice
        [START, TEXT_BLOCK, STOP_BLOCK, STOP_BLOCK, *END],  # a block stopped twice
        [START, STOP_BLOCK, *END],  # a block never started
        [TEXT_BLOCK, START, STOP_BLOCK, *END],  # before message_start
        [START, *END, *END],  # after message_stop
        [START, TEXT_BLOCK, *END],  # message_stop closes the open block
    ],
    ids=["two-starts", "block-twice", "stop-twice", "stop-unopened", "early", "late", "unclosed"],
)
def test_out_of_order_framing_fails_the_same(events: list[dict[str, Any]]) -> None:
    for standalone in (False, True):
        fast, full = _both(events, standalone=standalone)
        assert fast == full
        assert repr(fast) == repr(full)


def _translate(
    decoder: AnthropicStreamDecoder, events: list[dict[str, Any]], target: Format
) -> Any:
    ctx = ConversionContext(target, Kind.STREAM_EVENT)
    encoder = adapter_for(target).stream_encoder(ctx)
    out = []
    for i, e in enumerate(events):
        out += encoder.feed(decoder.feed(e, i))
    out += encoder.feed(decoder.finish()) + encoder.finish()
    return out, ctx.losses.losses


@pytest.mark.parametrize(
    "target", [f for f in Format if f not in ANTHROPIC_FAMILY], ids=lambda f: f.value
)
def test_unusual_keys_are_reported_the_same_by_foreign_targets(target: Format) -> None:
    events = copy.deepcopy(FRAMED["tool"])
    events[0]["message"]["usage"]["inference_geo"] = "us"  # unknown usage key, not quiet
    events[0]["message"]["container"] = {"id": "c"}  # unknown message key, not quiet
    fast = _translate(AnthropicStreamDecoder(wire=False), events, target)
    full = _translate(FullPathDecoder(wire=False), copy.deepcopy(events), target)
    assert fast == full
    assert fast[1]  # the unknown usage key of message_delta is reported by every target
