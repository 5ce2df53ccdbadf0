"""The stream decoder's ``wire=False`` hint (events bound for another family's encoder): chunks
whose envelope holds only quiet keys and nulls yield no envelope, and every other target
sees the same output, losses and errors as with the full envelope."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers_chat import ADAPTER, choice, chunk
from test_chat_stream_fast import OPENAI, START, TEXT, VARIANTS
from tests.payload_cases import cases

from interlingua import Format, Kind, adapters
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext, restore
from interlingua.universal import PartDelta

RECORDED = [
    c.load()
    for c in cases()
    if c.format is Format.CHAT_COMPLETIONS and c.kind is Kind.STREAM_EVENT
    if isinstance(c.load(), list)
]
TARGETS = [a.format for a in adapters() if a.family != ADAPTER.family]
FINISH = chunk([choice({}, finish="stop")])

#: chunks whose envelope holds something another family must still report (or reject)
LOUD: dict[str, dict[str, Any]] = {
    "top-key": {**TEXT, "x_groq": {"id": "q"}},
    "top-key-null": {**TEXT, "x_groq": None},
    "top-key-false": {**TEXT, "x_flag": False},
    "choice-key": chunk([{**choice({"content": "a"}), "stop_reason": "x"}]),
    "logprobs": chunk([{**choice({"content": "a"}), "logprobs": {"content": []}}]),
    "delta-key": chunk([choice({"content": "a", "x": 1})]),
    "usage": {**TEXT, "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}},
    "service-tier-only": {**OPENAI, "choices": [choice({"content": "a"})]},
    "object-null": {**TEXT, "object": None},
    "finish-reason": chunk([choice({"content": "a"}, finish="length")]),
}

STREAMS: dict[str, list[dict[str, Any]]] = {
    **{f"variant-{k}": [*v, FINISH] for k, v in VARIANTS.items()},
    **{f"loud-{k}": [START, TEXT, v, FINISH] for k, v in LOUD.items()},
    **{f"recorded-{i}": v for i, v in enumerate(RECORDED)},
}


def _translate(events: list[dict[str, Any]], target: Format, *, wire: bool) -> Any:
    decoder = ADAPTER.stream_decoder(wire=wire)
    ctx = ConversionContext(target, Kind.STREAM_EVENT)
    encoder = adapter_for(target).stream_encoder(ctx)
    out: list[Any] = []
    try:
        for position, event in enumerate(copy.deepcopy(events)):
            out += encoder.feed(decoder.feed(event, position))
        out += encoder.feed(decoder.finish()) + encoder.finish()
    except Exception as exc:  # the same error either way
        out.append((type(exc).__name__, str(exc)))
    return out, ctx.losses.losses


@pytest.mark.parametrize("name", list(STREAMS))
def test_wire_hint_changes_nothing_in_another_family(name: str) -> None:
    for target in TARGETS:
        full = _translate(STREAMS[name], target, wire=True)
        assert _translate(STREAMS[name], target, wire=False) == full, target


def _text_event(event: dict[str, Any]) -> PartDelta:
    decoder = ADAPTER.stream_decoder(wire=False)
    decoder.feed(START, 0)
    decoder.feed(TEXT, 1)
    (ev,) = decoder.feed(event, 2)
    assert isinstance(ev, PartDelta)
    return ev


@pytest.mark.parametrize(
    "event",
    [
        TEXT,
        {**OPENAI, "choices": [choice({"content": "a"})]},
        {**OPENAI, "choices": [choice({"content": "a"})], "usage": None},
        {**TEXT, "object": "chat.completion.chunk"},
        chunk([{"index": 0, "delta": {"content": "a"}}]),
        chunk([choice({"content": "a", "refusal": None, "x": None})]),
    ],
)
def test_quiet_chunks_carry_no_envelope(event: dict[str, Any]) -> None:
    assert _text_event(event).extras is None


@pytest.mark.parametrize("name", ["top-key", "top-key-null", "choice-key", "logprobs"])
def test_other_chunks_keep_their_envelope(name: str) -> None:
    extras = _text_event(LOUD[name]).extras
    assert extras is not None and extras.family == ADAPTER.family


def test_an_unusual_key_is_still_reported_by_restore() -> None:
    ctx = ConversionContext(Format.ANTHROPIC, Kind.STREAM_EVENT)
    restore({}, _text_event(LOUD["top-key"]), ctx, "$[2]")
    assert [(loss.path, loss.code) for loss in ctx.losses.losses] == [
        ("$[2].x_groq", "provider-field-dropped")
    ]


def test_quiet_argument_chunks_carry_no_extras() -> None:
    call = chunk([choice({"tool_calls": [{"index": 0, "id": "c", "function": {"name": "f"}}]})])
    args = chunk([choice({"tool_calls": [{"index": 0, "function": {"arguments": "{}"}}]})])
    decoder = ADAPTER.stream_decoder(wire=False)
    decoder.feed(START, 0)
    decoder.feed(call, 1)
    (ev,) = decoder.feed(args, 2)
    assert isinstance(ev, PartDelta) and ev.extras is None and ev.delta.extras is None


def test_recorded_deltas_mostly_carry_no_envelope() -> None:
    deltas = bare = 0
    for events in RECORDED:
        decoder = ADAPTER.stream_decoder(wire=False)
        try:
            for position, event in enumerate(copy.deepcopy(events)):
                for ev in decoder.feed(event, position):
                    if isinstance(ev, PartDelta):
                        deltas += 1
                        bare += ev.extras is None
        except Exception:  # a recorded stream of a bad input
            continue
    assert bare > deltas / 2
