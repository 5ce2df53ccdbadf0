"""`foreign_response` writes exactly what `response_from_universal` writes (output, key order,
losses in order) for every recorded response of every other family, and for variants of them
(other parts, finish reasons, usage counts, tiers, extras of every kind, Gemini nodes inside)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import orjson
from tests.payload_cases import cases

from interlingua import Format, Kind, to_universal
from interlingua.providers.base import ConversionContext
from interlingua.providers.google.response import response_from_universal
from interlingua.providers.google.response_encode import foreign_response
from interlingua.universal import (
    Choice,
    Citation,
    Extras,
    FinishReason,
    OpaquePart,
    Part,
    ReasoningPart,
    RefusalPart,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)

_LOUD = Extras("anthropic", {"caller": {"type": "direct"}, "gone": None}, {}, frozenset({"type"}))
_QUIET = Extras("responses", {"type": "x", "status": None}, {}, frozenset({"type"}))
_NATIVE = Extras("google", {"thoughtSignature": "c2ln"}, {"id": "synthesized"})
_EXTRAS = (None, Extras("bedrock"), _LOUD, _QUIET, _NATIVE)


def _responses() -> list[Response]:
    out: list[Response] = []
    for case in cases():
        if case.kind is not Kind.RESPONSE:
            continue
        try:
            obj = to_universal(case.load(), source=case.format, kind=case.kind)
        except Exception:  # invalid payloads are recorded too
            continue
        assert isinstance(obj, Response)
        out.append(obj)
    return out


def _part_variants(p: Part) -> Iterator[Part]:
    yield p
    for ex in _EXTRAS:
        yield dataclasses.replace(p, extras=ex)
    if isinstance(p, TextPart):
        yield dataclasses.replace(p, text="")
        yield dataclasses.replace(p, cache_control={"type": "ephemeral"})  # type: ignore[arg-type]
        yield dataclasses.replace(
            p,
            citations=[
                Citation(kind="url_citation", url="https://a.b", title="t", start_index=1),
                Citation(kind="char_location", cited_text="x"),
            ],
        )
    if isinstance(p, ToolCallPart):
        for a in ("", "{}", "[]", "{bad", ' {"a": 1}', '{"a": [1, {"b": null}]}'):
            yield dataclasses.replace(p, arguments=a)
        for k in ("custom", "server"):
            yield dataclasses.replace(p, kind=k)  # type: ignore[arg-type]
        yield dataclasses.replace(p, id="")
        yield dataclasses.replace(p, cache_control={"type": "ephemeral"})  # type: ignore[arg-type]


def _extra_parts() -> list[Part]:
    return [
        ReasoningPart(text="why"),
        ReasoningPart(text=""),
        ReasoningPart(summary=["a", "b"]),
        ReasoningPart(summary=[]),
        ReasoningPart(text="t", signature="s", signature_origin="anthropic"),
        ReasoningPart(text="t", signature="s", signature_origin="google"),
        ReasoningPart(redacted="r", signature_origin="anthropic"),
        ReasoningPart(text="t", extras=_LOUD),
        ReasoningPart(text="t", extras=_NATIVE),
        RefusalPart(text="no"),
        OpaquePart(family="anthropic", data={"type": "server_tool_use"}),
        OpaquePart(family="google", data={"executableCode": {}}),
    ]


def _variants(resp: Response) -> Iterator[Response]:
    yield resp
    yield dataclasses.replace(resp, extras=None)
    yield dataclasses.replace(resp, extras=_LOUD)
    yield dataclasses.replace(resp, extras=_QUIET)
    for tier in ("default", "flex", "scale", None):
        yield dataclasses.replace(resp, service_tier=tier)
    yield dataclasses.replace(resp, created=0, id=None, model=None)
    yield dataclasses.replace(resp, choices=[])
    if resp.usage is not None:
        u = resp.usage
        for usage in (
            dataclasses.replace(u, cache_write_tokens=7, extras=_LOUD),
            dataclasses.replace(u, total_tokens=None),
            dataclasses.replace(u, total_tokens=None, input_tokens=None),
            dataclasses.replace(u, reasoning_tokens=3, output_tokens=2, cached_input_tokens=None),
            dataclasses.replace(u, extras=_NATIVE),
            Usage(),
        ):
            yield dataclasses.replace(resp, usage=usage)
    for i, choice in enumerate(resp.choices):
        msg = choice.message

        def with_choice(c: Choice, i: int = i) -> Response:
            return dataclasses.replace(resp, choices=[*resp.choices[:i], c, *resp.choices[i + 1 :]])

        for reason in (*FinishReason, None):
            yield with_choice(dataclasses.replace(choice, finish_reason=reason))
        for ex in _EXTRAS:
            yield with_choice(dataclasses.replace(choice, extras=ex))
            yield with_choice(
                dataclasses.replace(choice, message=dataclasses.replace(msg, extras=ex))
            )
        yield with_choice(dataclasses.replace(choice, index=5))
        for j, p in enumerate(msg.content):
            for v in _part_variants(p):
                content = [*msg.content[:j], v, *msg.content[j + 1 :]]
                yield with_choice(
                    dataclasses.replace(choice, message=dataclasses.replace(msg, content=content))
                )
        for extra in _extra_parts():
            for reason in (FinishReason.TOOL_CALLS, FinishReason.STOP):
                m = dataclasses.replace(msg, content=[*msg.content, extra])
                yield with_choice(dataclasses.replace(choice, message=m, finish_reason=reason))


def _encode(fn: Any, resp: Response) -> tuple[Any, Any]:
    ctx = ConversionContext(Format.GOOGLE, Kind.RESPONSE)
    try:
        out = fn(resp, ctx)
    except Exception as exc:  # both paths must fail alike
        return ("raised", type(exc), str(exc)), ctx.recorded()
    return orjson.dumps(out), ctx.recorded()


def test_foreign_response_writes_what_response_from_universal_writes() -> None:
    responses = _responses()
    families = {r.extras.family for r in responses if r.extras is not None}
    assert {"chat-completions", "responses", "anthropic", "bedrock"} <= families
    checked = 0
    for resp in responses:
        for variant in _variants(resp):
            if variant.extras is not None and variant.extras.family == "google":
                continue  # the adapter sends Gemini's own responses to the general path
            fast = _encode(foreign_response, variant)
            full = _encode(response_from_universal, variant)
            assert fast == full, variant
            checked += 1
    assert checked > 1000


def test_the_adapter_writes_other_families_responses_with_foreign_response() -> None:
    from interlingua.providers.google.adapter import GoogleAdapter

    resp = Response(choices=[], extras=Extras("anthropic"))
    ctx = ConversionContext(Format.GOOGLE, Kind.RESPONSE)
    assert GoogleAdapter().response_from_universal(resp, ctx) == {"candidates": []}
