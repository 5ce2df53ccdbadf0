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


def _decode(payload: Any, *, fast: str) -> str:
    """The decoded request (or error) with the fast paths ``fast`` names: ``body`` (both),
    ``messages`` (messages only) or ``none``."""
    with pytest.MonkeyPatch.context() as mp:
        if fast != "body":
            mp.setattr(request, "fast_request", lambda payload: None)
        if fast == "none":
            mp.setattr(request, "fast_messages", lambda messages: None)
        try:
            return repr(request.request_to_universal(payload, ctx(Kind.REQUEST)))
        except InvalidPayloadError as exc:
            return f"error: {exc} {exc.errors}"


def _check(payload: Any) -> bool:
    """Whether the fast path took the messages; fails if the result differs."""
    taken = isinstance(payload, dict) and request_fast.fast_messages(payload.get("messages"))
    before = copy.deepcopy(payload)
    body = _decode(payload, fast="body")
    messages = _decode(payload, fast="messages")
    assert payload == before  # the fast paths consume nothing of their input
    full = _decode(copy.deepcopy(payload), fast="none")
    assert body == full
    assert messages == full
    return taken is not None and taken is not False


def _taken(payload: Any) -> bool:
    """Whether the whole-body fast path took ``payload``."""
    return request_fast.fast_request(copy.deepcopy(payload)) is not None


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_fast_path_matches_validated_path_on_recorded_requests(case: Any) -> None:
    _check(case.load())


def test_fast_path_takes_most_recorded_requests() -> None:
    taken = sum(_check(c.load()) for c in RECORDED)
    assert taken > len(RECORDED) / 2
    assert sum(_taken(c.load()) for c in RECORDED) > len(RECORDED) / 3


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
        [{**TURN, "content": "", "refusal": "", "reasoning_content": "", "tool_calls": []}],
        [{**TURN, "content": None, "refusal": None, "reasoning_content": None}],
        [{**TURN, "content": "a", "annotations": None, "refusal": ""}],
        [{"role": "assistant", "annotations": []}, {"role": "assistant"}],
        [{**USER, "name": None}],
        [{"role": "function", "name": "f", "content": None}],
        [{"role": 5, "content": "x"}],
        [{**RESULT, "content": [{"type": "text", "text": "t"}]}],
    ],
)
def test_fast_path_on_edge_messages(messages: list[dict[str, Any]]) -> None:
    _check({"model": "m", "messages": messages, "temperature": 0.5})
    _check({"model": "m", "messages": messages, "temperature": "hot"})


TOOL: dict[str, Any] = {
    "type": "function",
    "function": {"name": "f", "description": "d", "parameters": {"type": "object"}, "strict": True},
}
BODY = {
    "messages": [USER],
    "model": "m",
    "tools": [TOOL, {"type": "function", "function": {"name": "g"}}],
    "tool_choice": "auto",
    "parallel_tool_calls": False,
    "max_completion_tokens": 10,
    "temperature": 1,
    "top_p": 0.5,
    "seed": 3,
    "n": 1,
    "reasoning_effort": "none",
    "stream": True,
    "stream_options": {"include_usage": False},
    "metadata": {"k": "v"},
    "user": "u",
    "store": False,
}
WRONG: list[Any] = [None, True, 0, 2**60, 2**70, -(2**70), 1.5, "x", "none", [], {}, [None]]


@pytest.mark.parametrize(
    "body",
    [
        BODY,
        {"messages": [USER], "max_tokens": 5},
        {"messages": [USER], "max_tokens": 5, "max_completion_tokens": 6},
        {"messages": [USER], "stream_options": {"include_obfuscation": True}},
        {"messages": [USER], "stream_options": {"include_usage": True, "x": 1}},
        {"messages": [USER], "tool_choice": {"type": "function", "function": {"name": "f"}}},
        {"messages": [USER], "tools": [{**TOOL, "function": {"name": "f", "x": 1}}]},
        {"messages": [USER], "tools": [{"type": "custom", "custom": {"name": "c"}}]},
        {"messages": [USER], "tools": [{**TOOL, "x": 1}]},
        {"messages": [USER], "tools": [{**TOOL, "function": {"name": "f", "parameters": {1: 2}}}]},
        {"messages": [USER], "metadata": {"k": 1}},
        {"messages": [USER], "logit_bias": {"1": 2}},
        {"model": "m"},
    ],
)
def test_whole_body_fast_path_on_edge_bodies(body: dict[str, Any]) -> None:
    _check(body)
    for key in body:
        for wrong in WRONG:
            _check({**body, key: wrong})
    for key, value in body.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for sub in value[0]:
                for wrong in WRONG:
                    _check({**body, key: [{**value[0], sub: wrong}, *value[1:]]})
    assert _taken(BODY)


def test_whole_body_fast_path_on_wrong_function_fields() -> None:
    for key in [*TOOL["function"], "zz"]:
        for wrong in WRONG:
            function = {**TOOL["function"], key: wrong}
            _check({"messages": [USER], "tools": [{**TOOL, "function": function}]})


def test_messages_without_leftovers_share_nothing_they_could_change() -> None:
    """Plain turns and tool results may share their (read-only) extras; each still has its own
    content and its extras equal those of the validated path."""
    body = {"model": "m", "messages": [USER, RESULT, USER, RESULT]}
    req = request_fast.fast_request(copy.deepcopy(body))
    assert req is not None
    first, second = req.messages[0], req.messages[2]
    assert first.content is not second.content
    assert first.extras == second.extras
    assert first.extras is not None and first.extras.shape == {"content": "string"}
