"""The whole-body fast paths (`response.quick_response`, `fast.quick_messages`) against the full,
validated paths: on every recorded Bedrock request and response, on the Bedrock payloads the
encoder writes from every recorded payload, and on mutated variants of them (each value
replaced by a wrong type or null, an unknown key added), the decoded result (or the error) is
the same with and without them, and the input is left alone."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from tests.payload_cases import cases

from interlingua import Format, Kind, from_universal, to_universal
from interlingua._errors import InterlinguaError
from interlingua.providers.bedrock import request, response

KINDS = (Kind.REQUEST, Kind.RESPONSE)
RECORDED = [c for c in cases() if c.format is Format.BEDROCK and c.kind in KINDS]
FOREIGN = [c for c in cases() if c.format is not Format.BEDROCK and c.kind in KINDS]
#: wrong types (and null) put in place of each value
WRONG: tuple[Any, ...] = (None, 1, True, 1.5, "s", [], {}, [{}])


def _written(case: Any) -> dict[str, Any] | None:
    """The Bedrock payload written from a recorded payload of another format (None if it
    cannot be read or written)."""
    try:
        universal = to_universal(case.load(), source=case.format, kind=case.kind)
        out: dict[str, Any] = from_universal(universal, Format.BEDROCK, on_loss="ignore")
        return out
    except InterlinguaError:
        return None


def _payloads() -> list[tuple[str, Kind, dict[str, Any]]]:
    out = [(c.id, c.kind, c.load()) for c in RECORDED]
    for c in FOREIGN:
        written = _written(c)
        if written is not None:
            out.append((f"{c.format.value}/{c.id}", c.kind, written))
    return out


PAYLOADS = _payloads()
#: the recorded payloads and a quarter of the written ones (mutating all takes too long)
MUTATED = PAYLOADS[: len(RECORDED)] + PAYLOADS[len(RECORDED) :: 4]


def _decode(payload: Any, kind: Kind, *, fast: bool) -> tuple[str, bool]:
    """The repr of the universal object (or of the error), and whether a fast path took it."""
    taken = False
    quick_response, quick_messages = response.quick_response, request.quick_messages

    def counting_response(p: Any) -> Any:
        nonlocal taken
        found = quick_response(p) if fast else None
        taken |= found is not None
        return found

    def counting_messages(m: Any) -> Any:
        nonlocal taken
        found = quick_messages(m) if fast else None
        taken |= found is not None
        return found

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(response, "quick_response", counting_response)
        mp.setattr(request, "quick_messages", counting_messages)
        try:
            result: Any = to_universal(payload, source=Format.BEDROCK, kind=kind)
        except InterlinguaError as exc:
            result = ("error", type(exc).__name__, str(exc))
    return repr(result), taken


def _check(payload: Any, kind: Kind) -> bool:
    before = copy.deepcopy(payload)
    fast, taken = _decode(payload, kind, fast=True)
    assert payload == before  # the fast path consumes nothing of its input
    assert fast == _decode(payload, kind, fast=False)[0]
    return taken


def _mutations(value: Any, depth: int = 0) -> Iterator[Any]:
    """Copies of ``value`` with one change each: a value replaced by each of `WRONG`, an
    unknown key added to an object (first items of long lists only)."""
    if isinstance(value, dict):
        for extra in ({"zz": 1}, {"zz": None}):
            yield {**value, **extra}
        for key, item in value.items():
            for wrong in WRONG:
                if wrong != item or type(wrong) is not type(item):
                    yield {**value, key: wrong}
            for changed in _mutations(item, depth + 1):
                yield {**value, key: changed}
    elif isinstance(value, list):
        for i, item in enumerate(value[:3]):
            for changed in _mutations(item, depth + 1):
                yield [*value[:i], changed, *value[i + 1 :]]


@pytest.mark.parametrize(("name", "kind", "payload"), PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_fast_paths_match_full_paths(name: str, kind: Kind, payload: dict[str, Any]) -> None:
    _check(payload, kind)


def test_fast_paths_take_most_plain_payloads() -> None:
    taken = [_check(p, k) for _, k, p in PAYLOADS]
    assert sum(taken) > len(taken) * 3 / 4
    small = {"modelId": "m", "messages": [{"role": "user", "content": [{"text": "Hi"}]}]}
    assert _check(small, Kind.REQUEST)


@pytest.mark.parametrize(("name", "kind", "payload"), MUTATED, ids=[p[0] for p in MUTATED])
def test_fast_paths_match_full_paths_on_mutations(
    name: str, kind: Kind, payload: dict[str, Any]
) -> None:
    if kind is Kind.REQUEST and "messages" in payload:
        payload = {**payload, "messages": payload["messages"][:4]}
    for variant in _mutations(payload):
        _check(variant, kind)


EDGE: dict[str, tuple[Kind, dict[str, Any]]] = {
    "response-role-user": (
        Kind.RESPONSE,
        {"output": {"message": {"role": "user", "content": []}}, "stopReason": "end_turn"},
    ),
    "response-unknown-stop-reason": (
        Kind.RESPONSE,
        {"output": {"message": {"role": "assistant", "content": []}}, "stopReason": "odd"},
    ),
    "response-leftovers-order": (
        Kind.RESPONSE,
        {
            "zz": 1,
            "$metadata": {"a": 1},
            "stopReason": "end_turn",
            "metrics": {"latencyMs": 1},
            "output": {"message": {"role": "assistant", "content": [{"text": "x"}]}},
        },
    ),
    "response-service-tier": (
        Kind.RESPONSE,
        {
            "output": {"message": {"role": "assistant", "content": []}},
            "stopReason": "end_turn",
            "serviceTier": {"type": "priority"},
        },
    ),
    "response-cache-usage": (
        Kind.RESPONSE,
        {
            "output": {"message": {"role": "assistant", "content": []}},
            "stopReason": "end_turn",
            "usage": {
                "inputTokens": 1,
                "outputTokens": 2,
                "totalTokens": 9,
                "cacheReadInputTokens": 4,
                "cacheWriteInputTokens": 2,
            },
        },
    ),
    "response-usage-bool": (
        Kind.RESPONSE,
        {
            "output": {"message": {"role": "assistant", "content": []}},
            "stopReason": "end_turn",
            "usage": {"inputTokens": True, "outputTokens": 2, "totalTokens": 3},
        },
    ),
    "server-tool-use": (
        Kind.RESPONSE,
        {
            "output": {
                "message": {
                    "role": "assistant",
                    "content": [
                        {
                            "toolUse": {
                                "toolUseId": "t",
                                "name": "web_search",
                                "input": None,
                                "type": "server_tool_use",
                            }
                        }
                    ],
                }
            },
            "stopReason": "end_turn",
        },
    ),
    "tool-result-kinds": (
        Kind.REQUEST,
        {
            "modelId": "m",
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {"toolResult": {"toolUseId": "il--a-2e-b", "content": [{"json": [1]}]}},
                        {"toolResult": {"toolUseId": "t", "content": [], "status": "error"}},
                        {"toolResult": {"toolUseId": "t", "content": [], "status": "success"}},
                        {"toolResult": {"toolUseId": "t", "content": [], "status": "odd"}},
                        {"toolResult": {"toolUseId": "t", "content": [], "type": "x"}},
                    ],
                }
            ],
        },
    ),
    "system-role-message": (
        Kind.REQUEST,
        {"modelId": "m", "messages": [{"role": "system", "content": [{"text": "x"}]}]},
    ),
    "messages-and-a-bad-field": (
        Kind.REQUEST,
        {"messages": [{"role": "user", "content": [{"text": "x"}]}], "inferenceConfig": 1},
    ),
    "aliased-names": (
        Kind.REQUEST,
        {
            "modelId": "m",
            "messages": [
                {
                    "role": "assistant",
                    "content": [
                        {"toolUse": {"toolUseId": "t", "name": "il--get-2e-weather", "input": {}}},
                        {"cachePoint": {"type": "default"}},
                    ],
                }
            ],
        },
    ),
}


@pytest.mark.parametrize("name", list(EDGE))
def test_fast_paths_match_full_paths_on_edge_cases(name: str) -> None:
    kind, payload = EDGE[name]
    _check(payload, kind)
    for variant in _mutations(payload):
        _check(variant, kind)
