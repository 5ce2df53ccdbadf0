"""The stream decoder with ``wire=False`` (events bound for another family's encoder) leaves out
only the carriers' extras, which hold nothing but quiet wire keys; and the encoder's shortcuts
for the common deltas write what its general path writes."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers_responses import ADAPTER, DELTA, STREAMS, StrSubclass, ctx, load

from interlingua import Format, InvalidPayloadError, Kind
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext
from interlingua.universal import (
    ArgumentsDelta,
    PartDelta,
    PartStart,
    PartStop,
    RefusalDelta,
    RefusalPart,
    ResponseStart,
    StreamEvent,
    TextDelta,
    TextPart,
    ToolCallPart,
)


def _without_carriers(events: list[StreamEvent]) -> list[StreamEvent]:
    """``events`` with the carriers' extras removed (after checking they are all quiet)."""
    out = []
    for ev in events:
        ex = ev.extras
        if ex is not None and ex.family == ADAPTER.family and "event" in ex.shape:
            assert set(ex.fields) <= ex.quiet
            ev = copy.copy(ev)
            ev.extras = None
        out.append(ev)
    return out


def _decode(events: list[dict[str, Any]], *, wire: bool, standalone: bool = False) -> list[Any]:
    decoder = ADAPTER.stream_decoder(standalone=standalone, wire=wire)
    out: list[Any] = []
    for i, event in enumerate(copy.deepcopy(events)):
        try:
            out.append(decoder.feed(event, i))
        except InvalidPayloadError as exc:
            out.append(f"error {exc}")
    if not standalone:
        try:
            out.append(decoder.finish())
        except InvalidPayloadError as exc:
            out.append(f"error {exc}")
    return out


def _stripped(batches: list[Any]) -> list[Any]:
    return [b if isinstance(b, str) else _without_carriers(b) for b in batches]


@pytest.mark.parametrize("path", STREAMS)
@pytest.mark.parametrize("standalone", [False, True])
def test_wire_false_leaves_out_only_quiet_carrier_extras(path: str, standalone: bool) -> None:
    events = load(path)
    full = _decode(events, wire=True, standalone=standalone)
    lean = _decode(events, wire=False, standalone=standalone)
    assert repr(lean) == repr(_stripped(full))


@pytest.mark.parametrize(
    "kind",
    [
        "response.output_text.delta",
        "response.refusal.delta",
        "response.reasoning_text.delta",
        "response.function_call_arguments.delta",
        "response.custom_tool_call_input.delta",
        "response.reasoning_summary_text.delta",
    ],
)
@pytest.mark.parametrize("standalone", [False, True])
def test_lean_delta_path_equals_the_full_path_on_variants(kind: str, standalone: bool) -> None:
    base = {**DELTA, "type": kind}
    variants: list[dict[Any, Any]] = [base, {**base, "summary_index": 2}, {"extra": 1, **base}]
    for key in list(base):
        variants.append({k: v for k, v in base.items() if k != key})
        for value in (None, True, 1, 1.5, "s", StrSubclass("s"), [], {}, [1]):
            variants.append({**base, key: value})
    variants += [{**base, 1: "x"}, {**base, "type": StrSubclass(kind)}, {**base, "output_index": 5}]
    start = load(STREAMS[0])[0]  # response.created
    for event in variants:
        full, lean = (_open(start, standalone, wire) for wire in (True, False))
        try:
            expected = repr(_stripped([full.feed(copy.deepcopy(event), 3)]))
        except InvalidPayloadError as exc:
            expected = f"error {exc}"
        except TypeError:  # an unhashable content_index: the same error either way
            with pytest.raises(TypeError):
                lean.feed(copy.deepcopy(event), 3)
            continue
        try:
            got = repr([lean.feed(copy.deepcopy(event), 3)])
        except InvalidPayloadError as exc:
            got = f"error {exc}"
        assert got == expected, event


def _open(start: dict[str, Any], standalone: bool, wire: bool) -> Any:
    decoder = ADAPTER.stream_decoder(standalone=standalone, wire=wire)
    if not standalone:
        decoder.feed(copy.deepcopy(start), 0)
        decoder.index = {(0, 0): 0, (0, None): 1}
        decoder.open = {0, 1}
    return decoder


def _translate(
    events: list[dict[str, Any]], target: Format, *, wire: bool
) -> tuple[list[dict[str, Any]], list[Any]]:
    decoder = ADAPTER.stream_decoder(wire=wire)
    c = ConversionContext(target, Kind.STREAM_EVENT)
    encoder = adapter_for(target).stream_encoder(c)
    out: list[dict[str, Any]] = []
    for i, event in enumerate(copy.deepcopy(events)):
        out += encoder.feed(decoder.feed(event, i))
    out += encoder.feed(decoder.finish()) + encoder.finish()
    return out, c.losses.losses


@pytest.mark.parametrize("target", [Format.ANTHROPIC, Format.CHAT_COMPLETIONS, Format.GOOGLE])
def test_unusual_keys_are_reported_alike_with_either_hint(target: Format) -> None:
    events = []
    for event in load("responses/reasoning-summary-stream/stream.json"):
        event = {**event, "unusual": 1}  # an envelope key: quiet, never reported
        if "item" in event:  # a key of the item itself, which may be reported
            event["item"] = {**event["item"], "unusual_item": "on"}
        events.append(event)
    full = _translate(events, target, wire=True)
    assert _translate(events, target, wire=False) == full
    paths = [loss.path for loss in full[1]]
    assert not any(path.endswith(".unusual") for path in paths)
    if target is Format.GOOGLE:
        assert any(path.endswith(".part.unusual_item") for path in paths)


# --- the encoder's shortcuts ----------------------------------------------------------------


def _encode(batches: list[list[StreamEvent]]) -> list[dict[str, Any]]:
    encoder = ADAPTER.stream_encoder(ctx(Kind.STREAM_EVENT))
    out: list[dict[str, Any]] = []
    for batch in batches:
        out += encoder.feed(batch)
    return out + encoder.finish()


def _deltas(out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in out if e["type"].endswith(".delta")]


def test_deltas_alone_and_in_batches_are_written_alike() -> None:
    start: list[StreamEvent] = [
        ResponseStart(id="resp_1", model="m"),
        PartStart(index=0, part=TextPart(text="")),
        PartStart(index=1, part=ToolCallPart(id="c", name="f", arguments="")),
    ]
    deltas: list[StreamEvent] = [
        PartDelta(index=0, delta=TextDelta(text="a")),
        PartDelta(index=1, delta=ArgumentsDelta(json="{}")),
        PartDelta(index=0, delta=ArgumentsDelta(json="x")),  # general path: into a message
        PartDelta(index=1, delta=TextDelta(text="y")),  # general path: into a call
        PartDelta(index=7, delta=TextDelta(text="z")),  # no such part
    ]
    alone = _encode([start, *([d] for d in deltas)])
    batched = _encode([start, deltas])
    assert alone == batched
    assert _deltas(alone) == [
        {**_head(alone, 0), "delta": "a", "logprobs": [], "sequence_number": 5},
        {**_head(alone, 1), "delta": "{}", "sequence_number": 6},
        {**_head(alone, 0), "delta": "x", "logprobs": [], "sequence_number": 7},
        {**_head(alone, 1), "delta": "y", "sequence_number": 8},
    ]


def _head(out: list[dict[str, Any]], output_index: int) -> dict[str, Any]:
    (item,) = [
        e["item"]
        for e in out
        if e["type"] == "response.output_item.added" and e["output_index"] == output_index
    ]
    kind = "message" if item["type"] == "message" else item["type"]
    head = {
        "type": {
            "message": "response.output_text.delta",
            "function_call": "response.function_call_arguments.delta",
        }[kind],
        "item_id": item["id"],
        "output_index": output_index,
    }
    if kind == "message":
        head["content_index"] = 0
    return head


def test_refusal_deltas_and_skipped_parts_take_the_general_path() -> None:
    out = _encode(
        [
            [ResponseStart(id="resp_1", model="m")],
            [PartStart(index=0, part=RefusalPart(text=""))],
            [PartDelta(index=0, delta=RefusalDelta(text="no"))],
            [PartDelta(index=0, delta=TextDelta(text="!"))],
            [PartStop(index=0)],
        ]
    )
    deltas = _deltas(out)
    assert [d["type"] for d in deltas] == ["response.refusal.delta"] * 2
    assert [d["delta"] for d in deltas] == ["no", "!"]
    assert all("logprobs" not in d for d in deltas)
    done = [e for e in out if e["type"] == "response.refusal.done"]
    assert done[0]["refusal"] == "no!"
