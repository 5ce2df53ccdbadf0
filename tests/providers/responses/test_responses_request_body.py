"""The request decoder's whole-body fast path (common bodies, no validation) against the
validated path: the same `Request` (extras and key order included) or the same error, on
every recorded request and on variants of them (each value replaced by a wrong type or
null, each key dropped, a key added); and the input is left alone."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers_responses import ADAPTER, ctx
from test_responses_request_fast import RECORDED, _variants

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Kind
from interlingua.providers.responses import request, request_body


def _decode(payload: Any, *, fast: bool) -> str:
    with pytest.MonkeyPatch.context() as mp:
        if not fast:
            mp.setattr(request, "fast_request", lambda body: None)
            mp.setattr(request, "fast_items", lambda items: None)
        try:
            return repr(ADAPTER.request_to_universal(payload, ctx(Kind.REQUEST)))
        except InvalidPayloadError as exc:
            return f"error: {exc} {exc.errors}"


def _check(payload: Any) -> bool:
    """Whether the fast path took the body; fails if the result differs."""
    taken = type(payload) is dict and request_body.fast_request(copy.deepcopy(payload))
    before = copy.deepcopy(payload)
    fast = _decode(payload, fast=True)
    assert payload == before  # the fast path consumes nothing of its input
    assert fast == _decode(copy.deepcopy(payload), fast=False)
    return taken is not None and taken is not False


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_fast_body_matches_validated_path_on_recorded_requests(case: Any) -> None:
    _check(case.load())


def test_fast_body_takes_many_recorded_requests() -> None:
    taken = sum(_check(c.load()) for c in RECORDED)
    assert taken > len(RECORDED) / 4


@pytest.mark.parametrize("case", RECORDED[::3], ids=lambda c: c.id)
def test_fast_body_matches_or_declines_on_variants(case: Any) -> None:
    for variant in _variants(case.load()):
        _check(variant)


FULL = {
    "model": "m",
    "instructions": "be brief",
    "input": [{"role": "user", "content": "hi"}],
    "tools": [
        {"type": "function", "name": "f", "description": "d", "parameters": {}, "strict": True},
        {"type": "function", "name": "g"},
    ],
    "tool_choice": "auto",
    "parallel_tool_calls": False,
    "max_output_tokens": 10,
    "temperature": 0.5,
    "top_p": 1.0,
    "top_logprobs": 2,
    "stream": True,
    "store": False,
    "service_tier": "flex",
    "reasoning": {"effort": "none", "summary": "auto"},
    "text": {"verbosity": "high"},
    "metadata": {"a": "b"},
}


@pytest.mark.parametrize(
    "body",
    [
        FULL,
        {**FULL, "reasoning": {"effort": "high"}},
        {**FULL, "reasoning": {}},
        {**FULL, "reasoning": {"summary": "concise"}},
        {**FULL, "temperature": 1, "max_output_tokens": 2**60},
        {**FULL, "max_output_tokens": True, "top_logprobs": 1.0},
        {**FULL, "text": {"verbosity": ["low"]}, "reasoning": {"summary": {}}},
        {**FULL, "metadata": {"a": 1}},
        {**FULL, "tools": [{"type": "custom", "name": "c"}]},
        {**FULL, "tools": [{"type": "function", "name": "f", "parameters": {1: 2}}]},
        {**FULL, "tool_choice": {"type": "function", "name": "f"}},
        {**FULL, "tool_choice": {"type": "custom", "name": "f"}},
        {**FULL, "tool_choice": {"type": "file_search", "name": "f"}},
        {**FULL, "tool_choice": {"type": "function", "name": 1}},
        {**FULL, "tool_choice": {"type": "function", "name": "f", "x": 1}},
        {**FULL, "tool_choice": {"type": ["function"], "name": "f"}},
        {**FULL, "safety_identifier": "u"},
        {**FULL, "safety_identifier": "u", "user": "v"},
        {**FULL, "user": "v"},
        {**FULL, "safety_identifier": None},
        {**FULL, "text": {"verbosity": "low", "format": {"type": "text"}}},
        {**FULL, "input": "hi"},
        {k: v for k, v in FULL.items() if k != "input"},
    ],
)
def test_fast_body_edge_cases(body: dict[str, Any]) -> None:
    _check(body)


def test_fast_body_takes_the_common_shapes() -> None:
    assert _check(FULL)
    assert _check({**FULL, "reasoning": {}})
    assert _check({**FULL, "tool_choice": {"type": "function", "name": "f"}})
    assert _check({**FULL, "safety_identifier": "u"})
