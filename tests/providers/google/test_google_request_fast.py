"""The fast request decode gives exactly what the validating decode gives, on every recorded
Gemini request and on mutated variants (where it may also decline)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from tests.mutations import one_changed
from tests.payload_cases import cases

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.google.request import request_to_universal
from interlingua.providers.google.request_fast import fast_request
from interlingua.universal import Request

REQUESTS = [c for c in cases() if c.format is Format.GOOGLE and c.kind is Kind.REQUEST]
BAD_VALUES: tuple[Any, ...] = (None, 1, True, False, 1.5, "x", "model", [], {}, [{}])


def _full(payload: Any) -> Request | str:
    try:
        return request_to_universal(
            copy.deepcopy(payload), ConversionContext(Format.GOOGLE, Kind.REQUEST)
        )
    except InvalidPayloadError as exc:
        return f"{exc.errors!r}"


def _check(payload: Any) -> bool:
    """Fast equals full, or declines; returns whether it took the payload."""
    before = copy.deepcopy(payload)
    fast = fast_request(payload)
    assert payload == before  # read without changing it
    if fast is None:
        return False
    assert fast == _full(payload)
    return True


def _mutations(value: Any) -> Iterator[Any]:
    return one_changed(value, BAD_VALUES, drop_keys=True)


@pytest.mark.parametrize("case", REQUESTS, ids=lambda c: c.id)
def test_recorded_requests_decode_the_same(case: Any) -> None:
    _check(case.load())


@pytest.mark.parametrize("case", REQUESTS, ids=lambda c: c.id)
def test_mutated_requests_decode_the_same_or_decline(case: Any) -> None:
    for mutated in _mutations(case.load()):
        _check(mutated)


CALL = {"functionCall": {"name": "f", "args": {"a": 1}}, "thoughtSignature": "c2ln"}
RESULT = {"functionResponse": {"name": "f", "response": {"error": "bad"}}}


@pytest.mark.parametrize(
    "body",
    [
        {"contents": []},
        {"contents": [{"parts": [{"text": "a"}]}, {"role": "model"}]},
        {"contents": [{"role": "model", "parts": [CALL, CALL]}, {"parts": [RESULT, RESULT]}]},
        {"contents": [{"role": "model", "parts": [{"functionCall": {"name": "f"}}]}]},
        {"contents": [{"parts": [{"functionResponse": {"name": "f", "response": {}}}]}]},
        {"contents": [{"parts": [{"text": "t", "thought": True, "thoughtSignature": "s"}]}]},
        {"contents": [{"parts": [{"thoughtSignature": "s", "thought": False, "text": "t"}]}]},
        {"contents": [{"parts": [{"text": "t", "thought": True}]}]},
        {"contents": [], "systemInstruction": {"parts": [{"text": "s"}]}},
        {"contents": [], "systemInstruction": {"role": "system", "parts": []}},
        {"contents": [], "systemInstruction": {}},
        {"contents": [], "toolConfig": {}, "generationConfig": {}},
        {"contents": [], "toolConfig": {"retrievalConfig": {}}, "generationConfig": {"x": 1}},
        {"contents": [], "generationConfig": {"temperature": 0.5, "topK": 2.5, "seed": 1}},
        {"contents": [], "tools": [{"googleSearch": {}}, {}], "model": "m"},
    ],
)
def test_the_common_shapes_take_the_fast_path(body: dict[str, Any]) -> None:
    assert _check(body)
    for mutated in _mutations(body):
        _check(mutated)


@pytest.mark.parametrize(
    "body",
    [
        {"contents": [{"role": "system", "parts": []}]},
        {"contents": [{"parts": [{**RESULT, "thoughtSignature": "s"}]}]},
        {"contents": [{"parts": [{"functionCall": {"name": "f", "args": {1: 2}}}]}]},
        {"contents": [], "labels": {"a": "b"}},
        {"contents": [], "tools": [{"functionDeclarations": [{"description": "no name"}]}]},
    ],
)
def test_other_shapes_decline(body: dict[str, Any]) -> None:
    assert not _check(body)


def test_most_recorded_requests_take_the_fast_path() -> None:
    taken = [c.id for c in REQUESTS if _check(c.load())]
    assert len(taken) >= len(REQUESTS) * 2 // 3, taken
