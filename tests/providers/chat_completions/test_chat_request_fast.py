"""The request decoder's fast path for messages (common turns, no validation) against the
validated path: the same `Request` (extras and key order included) or the same error, on
every recorded request and on variants of them (each value replaced by a wrong type or
null, each key dropped, a key added); and the input is left alone."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers_chat import ctx
from test_chat_response_fast import _variants
from tests.payload_cases import cases

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Format, Kind
from interlingua.providers.chat_completions import request, request_fast

RECORDED = [c for c in cases() if c.format is Format.CHAT_COMPLETIONS and c.kind is Kind.REQUEST]


def _decode(payload: Any, *, fast: bool) -> str:
    with pytest.MonkeyPatch.context() as mp:
        if not fast:
            mp.setattr(request, "fast_messages", lambda messages: None)
        try:
            return repr(request.request_to_universal(payload, ctx(Kind.REQUEST)))
        except InvalidPayloadError as exc:
            return f"error: {exc} {exc.errors}"


def _check(payload: Any) -> bool:
    """Whether the fast path took the messages; fails if the result differs."""
    taken = isinstance(payload, dict) and request_fast.fast_messages(payload.get("messages"))
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


@pytest.mark.parametrize("case", RECORDED[::5], ids=lambda c: c.id)
def test_fast_path_matches_or_declines_on_variants(case: Any) -> None:
    for variant in _variants(case.load()):
        _check(variant)


USER = {"role": "user", "content": "hi", "name": "ann"}
TURN = {
    "role": "assistant",
    "name": "bot",
    "reasoning_content": "r",
    "annotations": [],
    "content": "a",
    "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
    "refusal": "no",
}
RESULT = {"role": "tool", "tool_call_id": "c", "content": ""}


@pytest.mark.parametrize(
    "messages",
    [
        [USER, TURN, RESULT],
        [{"role": "system", "content": ""}, {"role": "developer", "content": "d"}],
        [{**TURN, "content": None, "annotations": None, "tool_calls": []}],
        [{**TURN, "content": "", "refusal": None}],
        [{**TURN, "tool_calls": None}],
        [{**USER, "name": None}],
        [{"role": "function", "name": "f", "content": None}],
        [{"role": 5, "content": "x"}],
        [{**RESULT, "content": [{"type": "text", "text": "t"}]}],
    ],
)
def test_fast_path_on_edge_messages(messages: list[dict[str, Any]]) -> None:
    _check({"model": "m", "messages": messages, "temperature": 0.5})
    _check({"model": "m", "messages": messages, "temperature": "hot"})
