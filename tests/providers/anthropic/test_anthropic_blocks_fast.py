"""`blocks_fast.quick_block` against `BlockEncoder.part`: the same block and no loss whenever it
answers, on every recorded payload of every format and on parts near its edges."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

import pytest
from tests.payload_cases import cases

from interlingua import Format, Kind, to_universal
from interlingua._registry import adapter_for
from interlingua.providers.anthropic import messages, response
from interlingua.providers.anthropic.blocks import BlockEncoder
from interlingua.providers.anthropic.blocks_fast import quick_block
from interlingua.providers.base import ConversionContext
from interlingua.universal import (
    CacheControl,
    Citation,
    Extras,
    ImagePart,
    Part,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)

BODIES = [c for c in cases() if c.kind in (Kind.REQUEST, Kind.RESPONSE)]
TARGETS = (Format.ANTHROPIC, Format.BEDROCK_ANTHROPIC)


@contextmanager
def _quick_off() -> Iterator[None]:
    """The encoders with `quick_block` declining every part (the full path only)."""
    with (
        mock.patch.object(messages, "quick_block", lambda p: None),
        mock.patch.object(response, "quick_block", lambda p: None),
    ):
        yield


@pytest.mark.parametrize("case", BODIES, ids=lambda c: f"{c.format.value}/{c.id}")
def test_recorded_bodies_encode_the_same(case: Any) -> None:
    try:
        universal = to_universal(case.load(), source=case.format, kind=case.kind)
    except Exception:
        return
    for target in TARGETS:
        ctx_fast = ConversionContext(target, case.kind)
        ctx_full = ConversionContext(target, case.kind)
        adapter = adapter_for(target)
        encode = (
            adapter.request_from_universal
            if case.kind is Kind.REQUEST
            else adapter.response_from_universal
        )
        try:
            fast = encode(universal, ctx_fast)
        except Exception as exc:
            fast = (type(exc).__name__, str(exc))
        with _quick_off():
            try:
                full = encode(universal, ctx_full)
            except Exception as exc:
                full = (type(exc).__name__, str(exc))
        assert fast == full
        assert repr(fast) == repr(full)  # key order too
        assert ctx_fast.losses.losses == ctx_full.losses.losses


NATIVE = Extras("anthropic", {"type": "text"}, {}, frozenset({"type"}))
FOREIGN_QUIET = Extras("responses", {"id": "x", "status": None}, {}, frozenset({"id"}))
FOREIGN_LOUD = Extras("google", {"thoughtSignature": "sig"}, {}, frozenset())
TEXT = TextPart(text="a")
EXTRAS = (None, Extras("anthropic"), NATIVE, FOREIGN_QUIET, FOREIGN_LOUD, Extras("google"))


def _result(content: list[Part], shape: dict[str, Any] | None = None, **kw: Any) -> list[Part]:
    out: list[Part] = []
    for ex in (None, Extras("anthropic", {}, shape or {}), Extras("chat-completions", {}, {})):
        out.append(ToolResultPart(call_id="c", content=content, extras=ex, **kw))
    return out


PARTS: list[Part] = [
    *(TextPart(text="a", extras=ex) for ex in EXTRAS),
    *(TextPart(text="", extras=ex) for ex in EXTRAS),
    TextPart(text="a", citations=[]),
    TextPart(text="a", citations=[], extras=NATIVE),
    TextPart(text="a", citations=[Citation(kind="char_location")]),
    TextPart(text="a", cache_control=CacheControl(type="ephemeral")),
    *(ToolCallPart(id="t", name="f", arguments='{"a": 1}', extras=ex) for ex in EXTRAS),
    ToolCallPart(id="t", name="f", arguments=""),
    ToolCallPart(id="t", name="f", arguments="  "),
    ToolCallPart(id="t", name="f", arguments="[1]"),
    ToolCallPart(id="t", name="f", arguments="{"),
    ToolCallPart(id="t", name="f", arguments="text", kind="custom"),
    ToolCallPart(id="t", name="f", arguments="{}", kind="server"),
    ToolCallPart(id="t", name="f", arguments="{}", kind="server", extras=NATIVE),
    ToolCallPart(id="t", name="f", arguments="{}", cache_control=CacheControl(type="ephemeral")),
    *_result([TEXT]),
    *_result([TEXT], {"content": "string"}),
    *_result([TEXT], {"content": "absent"}),
    *_result([]),
    *_result([], {"content": "absent"}),
    *_result([TEXT, TEXT]),
    *_result([TextPart(text="a", cache_control=CacheControl(type="ephemeral"))]),
    *_result([TextPart(text="a", citations=[Citation(kind="char_location")])]),
    *_result([TextPart(text="a", cache_control=CacheControl(type="x"))], {"content": "string"}),
    *_result([ImagePart(source=UrlSource(url="https://a/b.png"))]),
    *_result([TEXT], is_error=True),
    *_result([TEXT], kind="server"),
    ImagePart(source=UrlSource(url="https://a/b.png")),
]


@pytest.mark.parametrize("part", PARTS, ids=repr)
@pytest.mark.parametrize("for_response", [False, True])
def test_parts_encode_the_same_or_decline(part: Part, for_response: bool) -> None:
    block = quick_block(part)
    if block is None:
        return
    ctx = ConversionContext(Format.ANTHROPIC, Kind.RESPONSE if for_response else Kind.REQUEST)
    full = BlockEncoder(ctx, response=for_response).part(part, "$.p")
    assert [block] == full
    assert repr([block]) == repr(full)
    assert ctx.losses.losses == []


def test_common_parts_take_the_fast_path() -> None:
    taken = [quick_block(p) is not None for p in PARTS]
    assert sum(taken) > len(PARTS) // 3
