"""The encoders' shortcuts write exactly what the general paths write: `plain_call` against
`encode_call` (with no loss recorded), `encode_time` against `datetime`."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from typing import Any

import pytest
from tests.payload_cases import cases

from interlingua import Format, Kind, to_universal
from interlingua.providers.base import ConversionContext
from interlingua.providers.google.content import encode_call, plain_call
from interlingua.providers.google.response import encode_time
from interlingua.universal import Extras, Request, ToolCallPart


def _calls() -> list[ToolCallPart]:
    """Every tool call of every recorded request and response, of every format."""
    out: list[ToolCallPart] = []
    for case in cases():
        if case.kind is Kind.STREAM_EVENT:
            continue
        try:
            obj = to_universal(case.load(), source=case.format, kind=case.kind)
        except Exception:  # invalid payloads are recorded too
            continue
        messages = (
            obj.messages if isinstance(obj, Request) else [c.message for c in obj.choices]  # type: ignore[union-attr]
        )
        out += [p for m in messages for p in m.content if isinstance(p, ToolCallPart)]
    return out


def _variants(call: ToolCallPart) -> list[ToolCallPart]:
    google = Extras("google", {"thoughtSignature": "c2ln"}, {"id": "synthesized"})
    return [
        call,
        *(
            dataclasses.replace(call, arguments=a)
            for a in ("", "{}", "[]", "{bad", ' {"a": 1}', '{"a": [1, {"b": null}]}', "1")
        ),
        *(dataclasses.replace(call, kind=k) for k in ("custom", "server")),  # type: ignore[arg-type]
        dataclasses.replace(call, id=""),
        dataclasses.replace(call, extras=None),
        dataclasses.replace(call, extras=Extras("anthropic", {"caller": {}}, {})),
        dataclasses.replace(call, extras=Extras("anthropic", {}, {"id": "synthesized"})),
        dataclasses.replace(call, extras=google),
        dataclasses.replace(call, extras=Extras("google", {}, {"functionCall": {"x": 1}})),
        dataclasses.replace(call, cache_control={"type": "ephemeral"}),  # type: ignore[arg-type]
    ]


def test_plain_call_writes_what_encode_call_writes() -> None:
    calls = _calls()
    assert len(calls) > 20
    taken = 0
    for call in calls:
        for variant in _variants(call):
            ctx = ConversionContext(Format.GOOGLE, Kind.RESPONSE)
            plain = plain_call(variant, ctx)
            if plain is None:
                continue
            taken += 1
            full = encode_call(variant, ctx, "$.p")
            assert plain == full
            assert list(plain["functionCall"]) == list(full["functionCall"])  # type: ignore[index]
            assert not ctx.losses.losses, variant
    assert taken > len(calls)


@pytest.mark.parametrize(
    "seconds", [0, 1, 59, 86_399, 951_782_400, 1_730_000_000, 4_102_444_800, 253_402_300_799]
)
def test_encode_time_writes_what_datetime_writes(seconds: int) -> None:
    expected = datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert encode_time(seconds) == expected


@pytest.mark.parametrize("seconds", [-1, 253_402_300_800, 10**20])
def test_encode_time_before_1970_or_after_9999_goes_through_datetime(seconds: Any) -> None:
    try:
        expected: Any = datetime.fromtimestamp(seconds, tz=timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
    except (ValueError, OverflowError, OSError) as exc:
        with pytest.raises(type(exc)):
            encode_time(seconds)
        return
    assert encode_time(seconds) == expected
