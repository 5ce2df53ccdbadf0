"""The whole-body fast decode of responses (`response.fast_message`) and of request messages
(`request_fast`) against the validated path:
on every recorded payload and on mutated variants (each value replaced by a wrong type or null,
an extra key added), the fast path either declines or gives exactly what validation gives."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from tests.payload_cases import ANTHROPIC_FAMILY, cases

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.anthropic import request_fast
from interlingua.providers.anthropic.models import MessageCreateParams
from interlingua.providers.anthropic.models_response import Message
from interlingua.providers.anthropic.request import request_to_universal
from interlingua.providers.anthropic.response import fast_message, message_to_universal
from interlingua.providers.base import ConversionContext, validate

RESPONSES = [c for c in cases() if c.format in ANTHROPIC_FAMILY and c.kind is Kind.RESPONSE]

#: what each value is replaced with in the mutated variants
REPLACEMENTS: tuple[Any, ...] = (None, 1, True, 1.5, "x", "", [], {}, [{}], {"type": "text"})


def mutations(value: Any) -> Iterator[Any]:
    """Copies of ``value`` with one change each: a value replaced, a key added or removed."""
    if isinstance(value, dict):
        for extra in ({"x": 1}, {"x": None}, {"citations": None}, {"cache_control": None}):
            yield {**value, **extra}
        for key in value:
            yield {k: v for k, v in value.items() if k != key}
            for other in REPLACEMENTS:
                yield {**value, key: other}
            for inner in mutations(value[key]):
                yield {**value, key: inner}
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield value[:i] + value[i + 1 :]
            for other in REPLACEMENTS:
                yield [*value[:i], other, *value[i + 1 :]]
            for inner in mutations(item):
                yield [*value[:i], inner, *value[i + 1 :]]


def full(payload: Any) -> Any:
    try:
        return message_to_universal(
            validate(Message, copy.deepcopy(payload), Format.ANTHROPIC, Kind.RESPONSE)
        )
    except InvalidPayloadError as exc:
        return exc


def check(payload: Any) -> bool:
    """Fast equals full, or declines; True if it was taken."""
    before = copy.deepcopy(payload)
    fast = fast_message(payload) if isinstance(payload, dict) else None
    assert payload == before  # read, not consumed
    if fast is None:
        return False
    expected = full(payload)
    assert fast == expected
    assert repr(fast) == repr(expected)  # key order of the extras too
    return True


@pytest.mark.parametrize("case", RESPONSES, ids=lambda c: c.id)
def test_recorded_responses_decode_the_same(case: Any) -> None:
    check(case.load())


def test_recorded_responses_take_the_fast_path() -> None:
    taken = sum(check(case.load()) for case in RESPONSES)
    assert taken >= len(RESPONSES) // 2


SMALL = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "claude",
    "content": [
        {"type": "text", "text": "hi", "extra": [1]},
        {"type": "tool_use", "id": "t1", "name": "f", "input": {"a": 1}, "caller": {}},
    ],
    "stop_reason": "tool_use",
    "stop_sequence": None,
    "future": {"a": 1},
    "usage": {
        "input_tokens": 1,
        "cache_creation_input_tokens": None,
        "output_tokens": 2,
        "service_tier": "standard",
        "output_tokens_details": {"thinking_tokens": 1},
        "cache_creation": {"ephemeral_5m_input_tokens": 0},
    },
}


@pytest.mark.parametrize(
    "payload", [SMALL, *(c.load() for c in RESPONSES[:8])], ids=lambda p: str(p.get("id"))
)
def test_mutated_responses_decode_the_same_or_decline(payload: dict[str, Any]) -> None:
    taken = sum(check(m) for m in mutations(payload))
    assert taken > 0


@pytest.mark.parametrize(
    "payload",
    [
        {**SMALL, "stop_reason": "future_reason"},
        {**SMALL, "stop_reason": None, "stop_sequence": "END"},
        {k: v for k, v in SMALL.items() if k not in ("usage", "stop_reason", "stop_sequence")},
        {**SMALL, "usage": {"output_tokens": 3, "service_tier": None}},
        {**SMALL, "usage": {"service_tier": "priority", "x": None}},
        {**SMALL, "content": []},
        {**SMALL, "content": [{"type": "tool_use", "id": "t", "name": "f", "input": {}}]},
    ],
)
def test_unusual_values_are_taken_and_decode_the_same(payload: dict[str, Any]) -> None:
    assert check(payload)


@pytest.mark.parametrize(
    "payload",
    [
        {**SMALL, "content": [{"type": "text", "text": "a", "citations": None}]},
        {**SMALL, "content": [{"type": "text", "text": "a", "cache_control": None}]},
        {**SMALL, "content": [{"type": "thinking", "thinking": "a", "signature": "s"}]},
        {**SMALL, "content": [{"type": "server_tool_use", "id": "t", "name": "f", "input": {}}]},
        {**SMALL, "usage": {"input_tokens": True}},
        {**SMALL, "usage": None},
        {**SMALL, "id": None},
    ],
)
def test_other_shapes_decline(payload: dict[str, Any]) -> None:
    assert fast_message(payload) is None


# --- requests: the messages decoded fast, the rest of the body validated ------------------------

REQUESTS = [c for c in cases() if c.format in ANTHROPIC_FAMILY and c.kind is Kind.REQUEST]
CTX = ConversionContext(Format.ANTHROPIC, Kind.REQUEST)


def decode_request(payload: Any, *, fast: bool) -> Any:
    """The decoded request (or the error's message and path), fast path on or off."""
    try:
        if fast:
            return request_to_universal(payload, CTX)
        with mock.patch.object(request_fast, "messages", lambda wire: None):
            return request_to_universal(copy.deepcopy(payload), CTX)
    except InvalidPayloadError as exc:
        return str(exc), exc.path


def check_request(payload: Any) -> bool:
    """Fast equals full (errors included); True if the fast path was taken."""
    before = copy.deepcopy(payload)
    got = decode_request(payload, fast=True)
    assert payload == before  # read, not consumed
    expected = decode_request(payload, fast=False)
    assert got == expected
    assert repr(got) == repr(expected)  # key order of the extras too
    return request_fast.messages(payload.get("messages")) is not None


@pytest.mark.parametrize("case", REQUESTS, ids=lambda c: c.id)
def test_recorded_requests_decode_the_same(case: Any) -> None:
    check_request(case.load())


def test_recorded_requests_take_the_fast_path() -> None:
    taken = sum(check_request(case.load()) for case in REQUESTS)
    assert taken >= len(REQUESTS) // 2


REQUEST = {
    "model": "claude",
    "max_tokens": 10,
    "system": "be brief",
    "messages": [
        {"role": "user", "content": "hi", "x": 1},
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "calling"},
                {"type": "tool_use", "id": "t1", "name": "f", "input": {}},
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "t1", "content": "ok"},
                {
                    "type": "tool_result",
                    "tool_use_id": "t1",
                    "content": [{"type": "text", "text": "a"}],
                },
                {"type": "tool_result", "tool_use_id": "t1", "is_error": True, "y": [2]},
            ],
        },
    ],
    "tools": [{"name": "f", "input_schema": {"type": "object"}}],
}


PLAIN = {
    "anthropic_version": "bedrock-2023-05-31",
    "model": "claude",
    "max_tokens": 10,
    "system": "be brief",
    "temperature": 0.5,
    "top_p": 0.9,
    "top_k": 3,
    "stream": True,
    "service_tier": "auto",
    "messages": REQUEST["messages"],
}


def test_plain_bodies_skip_validation() -> None:
    assert request_fast.plain_body(PLAIN) is not None
    assert check_request(PLAIN)
    assert request_fast.plain_body({**PLAIN, "temperature": 1}) is None  # an int: validated
    assert request_fast.plain_body({**PLAIN, "system": []}) is None
    assert request_fast.plain_body({**PLAIN, "metadata": {}}) is None


TOOLS = {
    **PLAIN,
    "tools": [
        {"name": "f", "description": "d", "input_schema": {"type": "object"}, "strict": True},
        {"name": "g", "input_schema": {}, "type": "custom"},
        {"type": None, "input_schema": {"a": [1]}, "name": "h"},
    ],
    "tool_choice": {"type": "tool", "name": "f", "disable_parallel_tool_use": True},
}


@pytest.mark.parametrize(
    "choice",
    [
        {"type": "tool", "name": "f", "disable_parallel_tool_use": True},
        {"type": "auto"},
        {"type": "none", "name": "f"},
        {"type": "any", "disable_parallel_tool_use": False},
    ],
)
def test_bodies_with_common_tools_skip_validation(choice: dict[str, Any]) -> None:
    body = {**TOOLS, "tool_choice": choice}
    assert request_fast.plain_body(body) is not None
    assert check_request(body)
    assert check_request({**body, "tools": []})


@pytest.mark.parametrize(
    "change",
    [
        {"tools": [{"name": "f", "input_schema": {}, "cache_control": {"type": "ephemeral"}}]},
        {"tools": [{"type": "web_search_20250305", "name": "web_search"}]},
        {"tools": [{"name": "f", "input_schema": {}, "x": 1}]},
        {"tools": [{"name": "f", "input_schema": {1: "a"}}]},
        {"tools": [{"name": "f", "input_schema": {}, "description": None}]},
        {"tools": [{"name": "f", "input_schema": {}, "type": "other"}]},
        {"tools": {"name": "f", "input_schema": {}}},
        {"tool_choice": {"type": "auto", "x": 1}},
        {"tool_choice": {"type": "required"}},
        {"tool_choice": {"type": "tool", "name": None}},
        {"tool_choice": {"type": "auto", "disable_parallel_tool_use": 0}},
        {"tool_choice": "auto"},
    ],
)
def test_other_tools_are_validated(change: dict[str, Any]) -> None:
    body = {**TOOLS, **change}
    assert request_fast.plain_body(body) is None
    check_request(body)


def test_a_tool_schema_is_copied_as_validation_copies_it() -> None:
    """A new dict holding the same values, as validation gives."""
    schema = TOOLS["tools"][2]["input_schema"]  # type: ignore[index]
    validated = validate(MessageCreateParams, TOOLS, Format.ANTHROPIC, Kind.REQUEST)
    params = decode_request(TOOLS, fast=True).tools[2].parameters
    for copied in (params, validated["tools"][2]["input_schema"]):
        assert copied == schema and copied is not schema and copied["a"] is schema["a"]


@pytest.mark.parametrize(
    "payload",
    [REQUEST, PLAIN, TOOLS, *(c.load() for c in REQUESTS if c.path.stat().st_size < 3000)][:12],
    ids=lambda p: str(p.get("model")),
)
def test_mutated_requests_decode_the_same(payload: dict[str, Any]) -> None:
    for changed in mutations(payload):
        check_request(changed)


def test_a_bad_body_with_plain_messages_fails_the_same() -> None:
    bad = {**REQUEST, "max_tokens": "10", "tools": [{"name": 1}]}
    assert request_fast.messages(bad["messages"]) is not None
    assert isinstance(decode_request(bad, fast=True), tuple)
    check_request(bad)
