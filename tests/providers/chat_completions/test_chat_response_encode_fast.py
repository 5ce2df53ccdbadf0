"""The response encoder's fast path (another family's common responses) against the full
path: the same body, key order included, and the same losses, on every recorded response of
every format and on variants of them (a node given this family's extras or reportable
fields, citations, cache marks, other tool kinds, reasoning signatures, finish reasons,
roles, names, tiers, usage details)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import pytest
from helpers_chat import ctx
from tests.payload_cases import cases

from interlingua import to_universal
from interlingua._formats import Kind
from interlingua.providers.chat_completions.common import F
from interlingua.providers.chat_completions.response import response_from_universal
from interlingua.providers.chat_completions.response_encode import _common, encode_response
from interlingua.universal import (
    CacheControl,
    Citation,
    Extras,
    FinishReason,
    OpaquePart,
    ReasoningPart,
    RefusalPart,
    Response,
    TextPart,
    ToolCallPart,
)

RECORDED = [c for c in cases() if c.kind is Kind.RESPONSE]


def _decoded(case: Any) -> Response | None:
    try:
        resp = to_universal(case.load(), source=case.format, kind="response")
    except Exception:
        return None
    return resp if isinstance(resp, Response) else None


def _run(encode: Callable[..., dict[str, Any]], resp: Response) -> tuple[bytes, list[Any]]:
    c = ctx(Kind.RESPONSE)
    out = encode(copy.deepcopy(resp), c)
    return orjson.dumps(out), c.losses.losses


def _check(resp: Response) -> None:
    assert _run(encode_response, resp) == _run(response_from_universal, resp)


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_fast_path_matches_full_path_on_recorded_responses(case: Any) -> None:
    resp = _decoded(case)
    if resp is not None:
        _check(resp)


def _part_variants(part: Any) -> Iterator[Any]:
    mine = Extras(F, {"zz": 1}, {})
    foreign = Extras("other", {"zz": 1, "q": 2, "n": None}, {}, frozenset({"q"}))
    for extras in (mine, foreign, None):
        yield _with(part, extras=extras)
    if isinstance(part, TextPart):
        yield _with(part, citations=[])
        yield _with(part, citations=[Citation(kind="url_citation", url="https://x")])
        yield _with(part, cache_control=CacheControl())
    if isinstance(part, ToolCallPart):
        for kind in ("custom", "server"):
            yield _with(part, kind=kind)
        yield _with(part, cache_control=CacheControl())
    if isinstance(part, ReasoningPart):
        for change in ({"signature": ""}, {"redacted": "r"}, {"text": "t"}, {"summary": ["s"]}):
            yield _with(part, **change)


def _with(node: Any, **changes: Any) -> Any:
    new = copy.deepcopy(node)
    for key, value in changes.items():
        setattr(new, key, value)
    return new


EXTRA_PARTS: list[Any] = [
    TextPart(text=""),
    TextPart(text="b"),
    ReasoningPart(text=None),
    ToolCallPart(id="c", name="f", arguments="{}"),
    RefusalPart(text="no"),
    RefusalPart(text=""),
    OpaquePart(family="other", data={"x": 1}),
]


def _variants(resp: Response) -> Iterator[Response]:
    mine = Extras(F, {"zz": 1}, {"finish_reason": "odd"})
    foreign = Extras("other", {"zz": 1, "q": None}, {})
    for extras in (mine, foreign, None):
        yield _with(resp, extras=extras)
    for tier in (None, "standard", "default", "odd"):
        yield _with(resp, service_tier=tier)
    for i, choice in enumerate(resp.choices):
        for change in (
            *({"finish_reason": r} for r in (None, *FinishReason)),
            {"extras": mine},
            {"extras": foreign},
        ):
            yield _replace_choice(resp, i, _with(choice, **change))
        msg = choice.message
        for change in ({"role": "user"}, {"name": "n"}, {"extras": mine}, {"extras": foreign}):
            yield _replace_choice(resp, i, _with(choice, message=_with(msg, **change)))
        parts = msg.content
        for j, part in enumerate(parts):
            for new in _part_variants(part):
                content = [*parts[:j], new, *parts[j + 1 :]]
                yield _replace_choice(resp, i, _with(choice, message=_with(msg, content=content)))
        for extra in EXTRA_PARTS:
            for content in ([*parts, extra], [extra, *parts], [extra]):
                yield _replace_choice(resp, i, _with(choice, message=_with(msg, content=content)))
    if resp.usage is not None:
        u = resp.usage
        for change in (
            {"extras": mine},
            {"extras": foreign},
            {"cached_input_tokens": None},
            {"cache_write_tokens": 3},
            {"cached_input_tokens": None, "cache_write_tokens": 3},
            {"reasoning_tokens": 2},
            {"total_tokens": None, "input_tokens": None},
        ):
            yield _with(resp, usage=_with(u, **change))


def _replace_choice(resp: Response, i: int, choice: Any) -> Response:
    return _with(resp, choices=[*resp.choices[:i], choice, *resp.choices[i + 1 :]])


@pytest.mark.parametrize("case", RECORDED[::3], ids=lambda c: c.id)
def test_fast_path_matches_full_path_on_variants(case: Any) -> None:
    resp = _decoded(case)
    if resp is None:
        return
    for variant in _variants(resp):
        _check(variant)


def test_fast_path_takes_most_foreign_responses() -> None:
    foreign = [r for r in map(_decoded, RECORDED) if r is not None and r.extras is not None]
    foreign = [r for r in foreign if r.extras is not None and r.extras.family != F]
    assert sum(map(_common, foreign)) > len(foreign) * 0.7
