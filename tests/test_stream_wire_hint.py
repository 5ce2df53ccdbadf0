"""The ``wire=False`` hint of stream decoders (events bound for another family's encoder) may
save work, never change the result: on every recorded stream and every target of another
family, the target's events and the reported losses are those of the full decode."""

from __future__ import annotations

from typing import Any

import pytest

from interlingua import Format, Kind, adapters
from interlingua._losses import Loss
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext

from .payload_cases import Case, cases

STREAMS = [c for c in cases() if c.kind is Kind.STREAM_EVENT and isinstance(c.load(), list)]


def _translate(
    events: list[dict[str, Any]], source: Format, target: Format, *, wire: bool
) -> tuple[list[dict[str, Any]], list[Loss]]:
    decoder = adapter_for(source).stream_decoder(wire=wire)
    ctx = ConversionContext(target, Kind.STREAM_EVENT)
    encoder = adapter_for(target).stream_encoder(ctx)
    out: list[dict[str, Any]] = []
    for position, event in enumerate(events):
        out += encoder.feed(decoder.feed(event, position))
    out += encoder.feed(decoder.finish()) + encoder.finish()
    return out, ctx.losses.losses


def test_there_are_recorded_streams_of_every_format() -> None:
    assert {c.format for c in STREAMS} >= {a.format for a in adapters()} - {
        Format.VERTEX_ANTHROPIC  # recorded as Anthropic events
    }


@pytest.mark.parametrize("case", STREAMS, ids=lambda c: c.id)
def test_wire_hint_changes_nothing_in_another_family(case: Case) -> None:
    events = case.load()
    source = adapter_for(case.format)
    for target in adapters():
        if target.family == source.family:
            continue
        try:
            full = _translate(events, case.format, target.format, wire=True)
        except Exception as exc:  # a stream the target cannot take: the hint must fail alike
            with pytest.raises(type(exc)):
                _translate(events, case.format, target.format, wire=False)
            continue
        assert _translate(events, case.format, target.format, wire=False) == full, target.format
