"""The request decoder's fast path for input items (common items, no validation) against the
validated path: the same `Request` (extras and key order included) or the same error, on
every recorded request and on variants of them (each value replaced by a wrong type or
null, each key dropped, a key added); and the input is left alone."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from helpers_responses import ADAPTER, ctx
from tests.payload_cases import cases

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Format, Kind
from interlingua.providers.responses import request, request_fast

RECORDED = [c for c in cases() if c.format is Format.RESPONSES and c.kind is Kind.REQUEST]
REPLACEMENTS: list[Any] = [None, 0, 1.5, True, "x", "", [], {}, [None], {"x": 1}]


def _variants(value: Any) -> Iterator[Any]:
    """``value`` with one thing changed: each value replaced, each key dropped, a key added."""
    if isinstance(value, dict):
        yield {**value, "zz_extra": 1}
        for key, item in value.items():
            yield {k: v for k, v in value.items() if k != key}
            for new in [*REPLACEMENTS, *_variants(item)]:
                yield {**value, key: new}
    elif isinstance(value, list):
        for i, item in enumerate(value):
            for new in [*REPLACEMENTS, *_variants(item)]:
                yield [*value[:i], new, *value[i + 1 :]]


def _decode(payload: Any, *, fast: bool) -> str:
    with pytest.MonkeyPatch.context() as mp:
        if not fast:
            mp.setattr(request, "fast_items", lambda items: None)
            mp.setattr(request, "fast_request", lambda body: None)
        try:
            return repr(ADAPTER.request_to_universal(payload, ctx(Kind.REQUEST)))
        except InvalidPayloadError as exc:
            return f"error: {exc} {exc.errors}"


def _check(payload: Any) -> bool:
    """Whether the fast path took the items; fails if the result differs."""
    taken = isinstance(payload, dict) and request_fast.fast_items(payload.get("input"))
    before = copy.deepcopy(payload)
    fast = _decode(payload, fast=True)
    assert payload == before  # the fast path consumes nothing of its input
    assert fast == _decode(copy.deepcopy(payload), fast=False)
    return taken is not None and taken is not False


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_fast_path_matches_validated_path_on_recorded_requests(case: Any) -> None:
    _check(case.load())


def test_fast_path_takes_most_recorded_requests() -> None:
    taken = sum(_check(c.load()) for c in RECORDED)
    assert taken > len(RECORDED) / 2


@pytest.mark.parametrize("case", RECORDED[::3], ids=lambda c: c.id)
def test_fast_path_matches_or_declines_on_variants(case: Any) -> None:
    for variant in _variants(case.load()):
        _check(variant)


USER = {"role": "user", "content": "hi"}
PARTS = {"role": "developer", "content": [{"type": "input_text", "text": "a"}]}
REASONING = {"id": "rs_1", "type": "reasoning", "summary": [{"type": "summary_text", "text": "s"}]}
CALL = {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}", "status": "x"}
OUTPUT = {"type": "function_call_output", "call_id": "c", "output": ""}
TEXT = {"type": "output_text", "text": "a", "annotations": []}
REPLY = {"status": "s", "content": [TEXT, {**TEXT, "text": "b"}], "role": "assistant", "id": "m"}


@pytest.mark.parametrize(
    "items",
    [
        [USER, REASONING, CALL, OUTPUT, PARTS],
        [CALL, CALL, OUTPUT, OUTPUT, {"type": "reasoning", "summary": []}],
        [{"role": "system", "content": []}, {**REASONING, "id": None}],
        [{**CALL, "id": None}, {**CALL, "status": 1}, {**OUTPUT, "id": None}],
        [{**OUTPUT, "output": [{"type": "input_text", "text": "t"}]}],
        [{**REASONING, "summary": [{"type": "summary_text", "text": 1}]}],
        [{**REASONING, "summary": [{"type": "other", "text": "t"}]}],
        [{**PARTS, "content": [{"type": "input_text", "text": "a", "annotations": None}]}],
        [{"role": "assistant", "content": "a"}, {"role": "tool", "content": "t"}],
        [{"role": ["user"], "content": "x"}, {"type": "message", "role": "user", "content": "x"}],
        [{"type": "custom_tool_call", "call_id": "c", "name": "f", "input": "i"}],
        [{"status": "s", "id": "fc", **CALL}, {**USER, "status": "s", "type": "message"}],
        [USER, REPLY, {**REPLY, "type": "message"}, CALL, REPLY, USER, {"type": ""}],
        [{**REPLY, "content": []}, {**REPLY, "content": ""}, {**REPLY, "content": "x"}],
        [{**REPLY, "content": [{"type": "output_text", "text": "a"}]}, {"role": "assistant"}],
        [{**REPLY, "content": [{**TEXT, "annotations": [{"type": "url_citation"}]}]}],
        [{**REPLY, "content": [{**TEXT, "annotations": None}]}, {**USER, "id": None}],
        [{"type": None, "role": "user", "content": "x"}, {"type": ["message"], "role": "user"}],
        [{**REPLY, "content": [{"type": "refusal", "refusal": "no"}]}, {**REPLY, "type": "msg"}],
    ],
)
def test_fast_path_on_edge_items(items: list[dict[str, Any]]) -> None:
    _check({"model": "m", "input": items, "temperature": 0.5})
    _check({"model": "m", "input": items, "temperature": "hot"})
    _check({"model": "m", "instructions": "be brief", "input": items, "tools": "bad"})
