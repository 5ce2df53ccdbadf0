"""The fast response decode gives exactly what the validating decode gives, on every recorded
Gemini response and on mutated variants (where it may also decline)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from tests.mutations import one_changed
from tests.payload_cases import cases

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.google.response import response_to_universal
from interlingua.providers.google.response_fast import fast_response
from interlingua.universal import Response

RESPONSES = [c for c in cases() if c.format is Format.GOOGLE and c.kind is Kind.RESPONSE]
BAD_VALUES: tuple[Any, ...] = (None, 1, True, 1.5, "x", [], {}, [{}])


def _full(payload: Any) -> Response | str:
    try:
        return response_to_universal(
            copy.deepcopy(payload), ConversionContext(Format.GOOGLE, Kind.RESPONSE)
        )
    except InvalidPayloadError as exc:
        return f"{exc.errors!r}"


def _check(payload: Any) -> bool:
    """Fast equals full, or declines; returns whether it took the payload."""
    before = copy.deepcopy(payload)
    fast = fast_response(payload)
    assert payload == before  # read without changing it
    if fast is None:
        return False
    full = _full(payload)
    assert fast == full
    assert repr(fast) == repr(full)  # key order too
    return True


def _mutations(value: Any) -> Iterator[Any]:
    return one_changed(value, BAD_VALUES, drop_keys=False)


@pytest.mark.parametrize("case", RESPONSES, ids=lambda c: c.id)
def test_recorded_responses_decode_the_same(case: Any) -> None:
    _check(case.load())


@pytest.mark.parametrize("case", RESPONSES, ids=lambda c: c.id)
def test_mutated_responses_decode_the_same_or_decline(case: Any) -> None:
    for mutated in _mutations(case.load()):
        _check(mutated)


def test_the_common_shapes_take_the_fast_path() -> None:
    taken = [c.id for c in RESPONSES if _check(c.load())]
    assert len(taken) >= len(RESPONSES) // 3, taken
    call = {"functionCall": {"name": "f", "args": {"a": 1}}, "thoughtSignature": "c2ln"}
    body = {
        "candidates": [{"content": {"role": "model", "parts": [{"text": "a"}, call]}}],
        "responseId": "r",
    }
    assert _check(body)
    assert _check({**body, "candidates": [{**body["candidates"][0], "finishReason": "STOP"}]})


_DETAILS = [{"modality": "TEXT", "tokenCount": 3}, {"tokenCount": 1, "modality": "IMAGE"}]
_COMMON_USAGE: list[dict[str, Any]] = [
    {},
    {"totalTokenCount": 1, "promptTokenCount": 2},
    {"thoughtsTokenCount": 4},
    {"cachedContentTokenCount": 5, "serviceTier": "priority", "toolUsePromptTokenCount": 6},
    {
        "trafficType": "ON_DEMAND",
        "toolUsePromptTokensDetails": _DETAILS,
        "candidatesTokensDetails": [],
        "cacheTokensDetails": _DETAILS,
        "promptTokensDetails": _DETAILS,
        "toolUsePromptTokenCount": 2,
        "candidatesTokenCount": 7,
    },
]
_OTHER_USAGE: list[Any] = [
    {"promptTokensDetails": [{"modality": "TEXT"}]},
    {"promptTokensDetails": [{"modality": "TEXT", "tokenCount": 1, "x": 1}]},
    {"promptTokensDetails": [{"modality": "TEXT", "tokenCount": True}]},
    {"promptTokensDetails": [None]},
    {"promptTokensDetails": None},
    {"promptTokenCount": True},
    {"promptTokenCount": 1.0},
    {"promptTokenCount": None},
    {"serviceTier": None},
    {"trafficType": 1},
    {"unknownKey": 1},
    None,
    [],
]


def _body(usage: Any) -> dict[str, Any]:
    return {
        "candidates": [{"content": {"role": "model", "parts": [{"text": "a"}]}}],
        "usageMetadata": usage,
    }


@pytest.mark.parametrize("usage", _COMMON_USAGE)
def test_common_usage_takes_the_fast_path(usage: dict[str, Any]) -> None:
    assert _check(_body(usage))


@pytest.mark.parametrize("usage", _OTHER_USAGE)
def test_other_usage_decodes_the_same_or_declines(usage: Any) -> None:
    _check(_body(usage))
