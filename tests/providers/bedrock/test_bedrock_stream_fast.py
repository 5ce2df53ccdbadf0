"""The stream codecs' fast paths (common deltas: no validation on decode, no framing logic on
encode) against their full paths: the same events, extras and key order included, the same
errors and losses, and the input left alone."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from tests.payload_cases import cases

from interlingua._errors import InterlinguaError
from interlingua._formats import Format, Kind
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext, conversion_boundary
from interlingua.providers.bedrock import BedrockAdapter, stream_encode
from interlingua.providers.bedrock.stream import BedrockStreamDecoder
from interlingua.providers.bedrock.stream_encode import BedrockStreamEncoder
from interlingua.universal import (
    ArgumentsDelta,
    CitationDelta,
    Extras,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    ReasoningPart,
    RefusalDelta,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamEvent,
    SummaryDelta,
    TextDelta,
    TextPart,
    ToolCallPart,
)
from interlingua.universal.content import Citation

A = BedrockAdapter()
RECORDED = [c for c in cases() if c.kind is Kind.STREAM_EVENT]
MINE = [c for c in RECORDED if c.format is Format.BEDROCK]

START = {"messageStart": {"role": "assistant"}}
STOP = {"messageStop": {"stopReason": "end_turn"}}
META = {"metadata": {"usage": {"inputTokens": 1, "outputTokens": 2, "totalTokens": 3}}}
TOOL = {
    "contentBlockStart": {
        "start": {"toolUse": {"toolUseId": "t1", "name": "f", "type": "tool_use"}},
        "contentBlockIndex": 0,
    }
}


def _delta(delta: Any, index: Any = 0, **more: Any) -> dict[str, Any]:
    return {"contentBlockDelta": {"delta": delta, "contentBlockIndex": index, **more}}


TEXT = _delta({"text": "Hi"})
THINK = _delta({"reasoningContent": {"text": "hm"}})

#: streams: the fast path may or may not take their later events
VARIANTS: dict[str, list[Any]] = {
    "text": [START, TEXT, TEXT, _delta({"text": ""})],
    "tool-input": [
        START,
        TOOL,
        _delta({"toolUse": {"input": '{"a"'}}),
        _delta({"toolUse": {"input": ""}}),
    ],
    "reasoning": [START, THINK, THINK, _delta({"reasoningContent": {"signature": "c2ln"}})],
    "text-into-tool": [START, TOOL, _delta({"text": "x"})],
    "reasoning-into-text": [START, TEXT, THINK],
    "body-extra": [START, TEXT, _delta({"text": "x"}, x=1)],
    "delta-extra": [START, TEXT, _delta({"text": "x", "y": None})],
    "text-not-a-string": [START, TEXT, _delta({"text": 5})],
    "text-null": [START, TEXT, _delta({"text": None})],
    "index-bool": [START, _delta({"text": "x"}, True), _delta({"text": "x"}, True)],
    "index-float": [START, TEXT, _delta({"text": "x"}, 0.0)],
    "index-string": [START, TEXT, _delta({"text": "x"}, "0")],
    "index-not-open": [
        START,
        TEXT,
        _delta({"text": "x"}, 1),
        _delta({"toolUse": {"input": "x"}}, 2),
    ],
    "delta-not-a-dict": [START, TEXT, _delta(["text"])],
    "body-not-a-dict": [START, TEXT, {"contentBlockDelta": [1]}],
    "two-events": [START, TEXT, {**TEXT, **START}],
    "tool-input-extra": [START, TOOL, _delta({"toolUse": {"input": "x", "k": 1}})],
    "tool-input-not-a-string": [START, TOOL, _delta({"toolUse": {"input": {"a": 1}}})],
    "tool-not-a-dict": [START, TOOL, _delta({"toolUse": "x"})],
    "reasoning-two-keys": [
        START,
        THINK,
        _delta({"reasoningContent": {"text": "a", "signature": "b"}}),
    ],
    "reasoning-not-a-string": [START, THINK, _delta({"reasoningContent": {"text": 1}})],
    "signature-not-a-string": [START, THINK, _delta({"reasoningContent": {"signature": None}})],
    "redacted": [START, _delta({"reasoningContent": {"redactedContent": "cmVk"}}, 1), THINK],
    "citation": [START, TEXT, _delta({"citation": {"title": "t"}})],
    "unknown-delta": [START, TEXT, _delta({"image": {}})],
    "after-stop": [START, TEXT, {"contentBlockStop": {"contentBlockIndex": 0}}, TEXT],
    "after-message-stop": [START, TEXT, STOP, TEXT],
    "after-metadata": [START, TEXT, META, TEXT],
    "after-exception": [START, TEXT, {"throttlingException": {"message": "m"}}, TEXT],
    "event-key-not-a-string": [START, TEXT, {1: TEXT["contentBlockDelta"]}],
    "delta-key-not-a-string": [START, TEXT, _delta({"text": "x", 2: None})],
    "not-a-dict": [START, TEXT, [TEXT]],
    # the framing events' fast paths
    "start-user": [{"messageStart": {"role": "user"}}, TEXT],
    "start-extra": [{"messageStart": {"role": "assistant", "x": 1}}, TEXT],
    "start-not-a-string": [{"messageStart": {"role": 1}}],
    "start-twice": [START, START],
    "stop-block": [START, TEXT, {"contentBlockStop": {"contentBlockIndex": 0}}, STOP, META],
    "stop-block-extra": [START, TEXT, {"contentBlockStop": {"contentBlockIndex": 0, "x": 1}}],
    "stop-block-not-open": [START, TEXT, {"contentBlockStop": {"contentBlockIndex": 1}}],
    "stop-block-bool": [START, TEXT, {"contentBlockStop": {"contentBlockIndex": False}}],
    "stop-block-twice": [START, TEXT, *[{"contentBlockStop": {"contentBlockIndex": 0}}] * 2],
    "before-start": [TEXT, STOP, META],
    "message-stop-open-blocks": [START, TEXT, THINK, TOOL, STOP, META],
    "message-stop-odd-reason": [START, TEXT, {"messageStop": {"stopReason": "guardrail_x"}}],
    "message-stop-extra": [START, {"messageStop": {"stopReason": "end_turn", "x": None}}],
    "message-stop-not-a-string": [START, {"messageStop": {"stopReason": None}}],
    "message-stop-twice": [START, STOP, STOP],
    "metadata-before-stop": [START, TEXT, META, STOP],
    "metadata-metrics": [START, STOP, {"metadata": {**META["metadata"], "metrics": {"a": 1}}}],
    "metadata-metrics-null": [START, STOP, {"metadata": {**META["metadata"], "metrics": None}}],
    "metadata-trace": [START, STOP, {"metadata": {**META["metadata"], "trace": {"t": 1}}}],
    "metadata-twice": [START, STOP, META, META],
    "usage-cache": [
        START,
        STOP,
        {
            "metadata": {
                "usage": {
                    "inputTokens": 1,
                    "outputTokens": 2,
                    "totalTokens": 9,
                    "cacheReadInputTokens": 4,
                    "cacheWriteInputTokens": 2,
                }
            }
        },
    ],
    "usage-null-cache": [
        START,
        STOP,
        {"metadata": {"usage": {**META["metadata"]["usage"], "cacheReadInputTokens": None}}},
    ],
    "usage-bool": [
        START,
        STOP,
        {"metadata": {"usage": {**META["metadata"]["usage"], "outputTokens": True}}},
    ],
    "usage-extra": [
        START,
        STOP,
        {"metadata": {"usage": {**META["metadata"]["usage"], "cacheDetails": []}}},
    ],
    "usage-missing": [START, STOP, {"metadata": {"usage": {"inputTokens": 1}}}],
    "first-delta-twice": [
        START,
        TEXT,
        {"contentBlockStop": {"contentBlockIndex": 0}},
        TEXT,
    ],
    "first-signature": [START, _delta({"reasoningContent": {"signature": "c2ln"}}, 3)],
    "first-tool-input": [START, _delta({"toolUse": {"input": "{}"}}, 2)],
}


def _decode(events: list[Any], *, fast: bool, standalone: bool = False) -> tuple[str, int]:
    """The repr of every decoded event (or of the error), and how many took the fast path."""
    taken = 0
    quick = BedrockStreamDecoder._quick

    def counting(self: BedrockStreamDecoder, event: dict[str, Any]) -> Any:
        nonlocal taken
        found = quick(self, event) if fast else None
        taken += found is not None
        return found

    decoder = A.stream_decoder(standalone=standalone)
    out: list[Any] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(BedrockStreamDecoder, "_quick", counting)
        try:
            for i, ev in enumerate(events):
                with conversion_boundary(Format.BEDROCK, Kind.STREAM_EVENT):
                    out.append(decoder.feed(ev, i))
        except InterlinguaError as exc:
            out.append(("error", type(exc).__name__, str(exc)))
    return repr(out), taken


def _check_decoder(events: list[Any], *, standalone: bool = False) -> int:
    before = copy.deepcopy(events)
    fast, taken = _decode(events, fast=True, standalone=standalone)
    assert events == before  # the fast path consumes nothing of its input
    assert fast == _decode(events, fast=False, standalone=standalone)[0]
    return taken


@pytest.mark.parametrize("case", MINE, ids=lambda c: c.id)
def test_decoder_fast_path_matches_full_path_on_recorded_streams(case: Any) -> None:
    _check_decoder(case.load())


def test_decoder_fast_path_takes_most_recorded_deltas() -> None:
    deltas = sum("contentBlockDelta" in e for c in MINE for e in c.load())
    taken = sum(_check_decoder(c.load()) for c in MINE)
    assert taken > deltas / 2


@pytest.mark.parametrize("name", list(VARIANTS))
@pytest.mark.parametrize("standalone", [False, True])
def test_decoder_fast_path_matches_full_path_on_variants(name: str, standalone: bool) -> None:
    _check_decoder(VARIANTS[name], standalone=standalone)


@pytest.mark.parametrize("name", ["text", "tool-input", "reasoning", "text-into-tool"])
def test_decoder_fast_path_is_taken_for_common_deltas(name: str) -> None:
    assert _check_decoder(VARIANTS[name]) >= 2 - (name == "text-into-tool")


# --- the encoder ---------------------------------------------------------------------------


def _encode(batches: list[list[StreamEvent]], *, fast: bool) -> tuple[str, int]:
    """The repr of every written event and loss (or of the error), and how many deltas took
    the fast path."""
    taken = 0
    quick = BedrockStreamEncoder._fast_delta

    def counting(self: BedrockStreamEncoder, ev: PartDelta, out: list[Any]) -> bool:
        nonlocal taken
        found = quick(self, ev, out)
        taken += found
        return found

    ctx = ConversionContext(Format.BEDROCK, Kind.STREAM_EVENT)
    encoder = A.stream_encoder(ctx)
    out: list[Any] = []
    with pytest.MonkeyPatch.context() as mp:
        # without the fast table every event takes `_one`, the full path
        mp.setattr(
            stream_encode, "_FAST", {**stream_encode._FAST, PartDelta: counting} if fast else {}
        )
        try:
            for batch in copy.deepcopy(batches):
                out.append(encoder.feed(batch))
            out.append(encoder.finish())
        except InterlinguaError as exc:
            out.append(("error", type(exc).__name__, str(exc)))
    return repr((out, ctx.losses.losses)), taken


def _check_encoder(batches: list[list[StreamEvent]]) -> int:
    fast, taken = _encode(batches, fast=True)
    assert fast == _encode(batches, fast=False)[0]
    return taken


def _batches(fmt: Format, events: list[Any]) -> list[list[StreamEvent]]:
    decoder = adapter_for(fmt).stream_decoder()
    out: list[list[StreamEvent]] = []
    try:
        for i, ev in enumerate(events):
            with conversion_boundary(fmt, Kind.STREAM_EVENT):
                out.append(decoder.feed(ev, i))
        out.append(decoder.finish())
    except InterlinguaError:
        pass  # the events up to the bad one
    return out


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: f"{c.format.value}/{c.id}")
def test_encoder_fast_path_matches_full_path_on_recorded_streams(case: Any) -> None:
    _check_encoder(_batches(case.format, case.load()))


def test_encoder_fast_path_takes_most_recorded_deltas() -> None:
    batches = [_batches(c.format, c.load()) for c in RECORDED]
    deltas = sum(isinstance(e, PartDelta) for b in batches for batch in b for e in batch)
    assert sum(_check_encoder(b) for b in batches) > deltas / 2


@pytest.mark.parametrize("name", list(VARIANTS))
def test_encoder_fast_path_matches_full_path_on_decoded_variants(name: str) -> None:
    _check_encoder(_batches(Format.BEDROCK, VARIANTS[name]))


FOREIGN = Extras("anthropic", {"type": "content_block_delta"}, {}, frozenset({"type"}))
MINE_WITH_FIELD = Extras("bedrock", {"x": 1})
TEXT_PART = PartStart(index=0, part=TextPart(text=""))
REASONING_PART = PartStart(index=1, part=ReasoningPart(text=""))
TOOL_PART = PartStart(index=2, part=ToolCallPart(id="t", name="f", arguments=""))
CUSTOM_PART = PartStart(index=3, part=ToolCallPart(id="c", name="g", arguments="", kind="custom"))
SERVER_PART = PartStart(index=4, part=ToolCallPart(id="s", name="h", arguments="", kind="server"))
OPEN = [[ResponseStart()], [TEXT_PART], [REASONING_PART], [TOOL_PART], [CUSTOM_PART], [SERVER_PART]]


def _d(index: int, delta: Any, **kw: Any) -> list[StreamEvent]:
    return [PartDelta(index=index, delta=delta, **kw)]


#: universal deltas of another format (and odd ones), after blocks of every kind
UNIVERSAL: dict[str, list[list[StreamEvent]]] = {
    "text": [_d(0, TextDelta(text="a")), _d(0, TextDelta(text="b", extras=FOREIGN))],
    "text-extras": [_d(0, TextDelta(text="a", extras=Extras("google", {"k": 1})))],
    "text-quiet-extras": [_d(0, TextDelta(text="a", extras=FOREIGN))],
    "envelope-extras": [_d(0, TextDelta(text="a"), extras=FOREIGN)],
    "reasoning": [_d(1, ReasoningDelta(text="r")), _d(1, TextDelta(text="t"))],
    "summary": [_d(1, SummaryDelta(text="s"))],
    "signature": [_d(1, SignatureDelta(signature="c2ln", origin="anthropic"))],
    "arguments": [_d(2, ArgumentsDelta(json='{"a":')), _d(2, ArgumentsDelta(json="1}"))],
    "custom": [_d(3, ArgumentsDelta(json='a"b'))],
    "server": [_d(4, ArgumentsDelta(json="{}"))],
    "wrong-kind": [
        _d(0, ArgumentsDelta(json="{}")),
        _d(2, TextDelta(text="a")),
        _d(0, ReasoningDelta(text="r")),
        _d(2, ReasoningDelta(text="r")),
    ],
    "refusal": [_d(0, RefusalDelta(text="no"))],
    "citation": [_d(0, CitationDelta(citation=Citation(kind="web", url="https://x")))],
    "unknown-index": [_d(9, TextDelta(text="a"))],
    "second-choice": [_d(0, TextDelta(text="a"), choice_index=1)],
    "after-stop": [[PartStop(index=0)], _d(0, TextDelta(text="a"))],
    "native-with-fields": [
        _d(0, TextDelta(text="a"), extras=MINE_WITH_FIELD),
        _d(0, TextDelta(text="a", extras=MINE_WITH_FIELD), extras=Extras("bedrock")),
    ],
    "native-custom-index": [_d(3, ArgumentsDelta(json="x"), extras=Extras("bedrock"))],
    "batch": [_d(0, TextDelta(text="a")) + _d(1, ReasoningDelta(text="r"))],
    "end": [[ResponseDelta()], [ResponseStop()], _d(0, TextDelta(text="a"))],
}


@pytest.mark.parametrize("name", list(UNIVERSAL))
def test_encoder_fast_path_matches_full_path_on_universal_variants(name: str) -> None:
    _check_encoder(OPEN + UNIVERSAL[name])


@pytest.mark.parametrize("wire", [True, False])
@pytest.mark.parametrize("more", [{}, {"trace": {"t": 1}}])
def test_metadata_members_stay_in_extras_with_either_wire_hint(wire: bool, more: Any) -> None:
    """``metrics`` (fast path) and unknown members (full path) are kept for every target."""
    body = {**META["metadata"], "metrics": {"latencyMs": 1}, **more}
    decoder = A.stream_decoder(wire=wire)
    for i, ev in enumerate([START, TEXT, STOP]):
        decoder.feed(ev, i)
    delta, stop = decoder.feed({"metadata": body}, 3)
    assert isinstance(delta, ResponseDelta) and isinstance(stop, ResponseStop)
    assert delta.extras is not None
    assert delta.extras.fields == {"metrics": {"latencyMs": 1}, **more}
    assert delta.extras.shape == {"event": "metadata"}
