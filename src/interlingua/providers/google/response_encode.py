"""Another family's response as a Gemini response, written directly: the common nodes (text
parts, function calls with object arguments, usage) without the per-node helpers and path
strings of `response_from_universal`, which this module matches exactly (output, key order and
losses). A node it does not write itself (a Gemini node, an unusual part) goes to the general
helper, with the path that helper needs, in the same order."""

from __future__ import annotations

from typing import Any

from ..._json import JSONDecodeError, loads
from ...universal import (
    Choice,
    Extras,
    FinishReason,
    ReasoningPart,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)
from ..base import ConversionContext, restore
from .content import encode_part
from .response import _citations, encode_candidate, encode_finish, encode_time, encode_usage
from .tables import FAMILY, SERVICE_TIERS, WIRE_FINISH

_TOOL_CALLS = FinishReason.TOOL_CALLS


def _loud(ex: Extras | None) -> bool:
    """Whether `restore` would report a field of these (foreign) extras."""
    if ex is None or not ex.fields or ex.fields.keys() <= ex.quiet:
        return False
    return any(value is not None and key not in ex.quiet for key, value in ex.fields.items())


def _args(part: ToolCallPart) -> dict[str, Any] | None:
    """A function call's arguments when they are a JSON object, else None."""
    text = part.arguments
    if not text or text[0] != "{":
        return None
    try:
        args = loads(text)
    except JSONDecodeError:
        return None
    return args if type(args) is dict else None


def _candidate(choice: Choice, i: int, ctx: ConversionContext) -> dict[str, Any] | None:
    msg = choice.message
    cex, mex = choice.extras, msg.extras
    if (cex is not None and cex.family == FAMILY) or (mex is not None and mex.family == FAMILY):
        return encode_candidate(choice, i, ctx)
    parts: list[dict[str, Any]] = []
    calls = cited = False
    for j, p in enumerate(msg.content):
        ex = p.extras
        native = ex is not None and ex.family == FAMILY
        if type(p) is TextPart and not native and p.text and p.cache_control is None:
            if p.citations:
                cited = True
            parts.append({"text": p.text})
            if _loud(ex):
                restore(parts[-1], p, ctx, f"$.choices[{i}].message.content[{j}]")
            continue
        if type(p) is ToolCallPart and not native and p.kind == "function":
            args = _args(p) if p.cache_control is None else None
            if args is not None:
                fc: dict[str, Any] = {"name": p.name}
                if p.id:
                    fc["id"] = p.id
                fc["args"] = args
                parts.append({"functionCall": fc})
                calls = True
                if _loud(ex):
                    restore(parts[-1], p, ctx, f"$.choices[{i}].message.content[{j}]")
                continue
        if type(p) is ReasoningPart and not native and p.redacted is None and p.signature is None:
            text = p.text if p.text is not None else "\n\n".join(p.summary or ())
            if text:
                parts.append({"text": text, "thought": True})
                if _loud(ex):
                    restore(parts[-1], p, ctx, f"$.choices[{i}].message.content[{j}]")
            continue
        if isinstance(p, TextPart) and p.citations:
            cited = True
        wire = encode_part(p, {}, ctx, f"$.choices[{i}].message.content[{j}]")
        if wire is not None:
            parts.append(wire)
            calls = calls or "functionCall" in wire
    content: dict[str, Any] = {"parts": parts, "role": "model"}
    if _loud(mex):
        restore(content, msg, ctx, f"$.choices[{i}].message")
    out: dict[str, Any] = {"content": content}
    reason = choice.finish_reason
    if reason is not None:
        wire_reason = WIRE_FINISH.get(reason)
        if wire_reason is None:
            wire_reason = encode_finish(reason, {}, ctx, f"$.choices[{i}].finish_reason")
        out["finishReason"] = wire_reason
        if reason is _TOOL_CALLS and not calls:
            ctx.loss(
                f"$.choices[{i}].finish_reason",
                "finish-reason-approximated",
                "tool_calls without a function call reads back as STOP",
            )
    out["index"] = choice.index
    if cited:
        cites = _citations(msg.content, ctx, f"$.choices[{i}].message")
        if cites:
            out["citationMetadata"] = {"citations": cites}
    if _loud(cex):
        restore(out, choice, ctx, f"$.choices[{i}]")
    return out


def _usage(u: Usage, ctx: ConversionContext) -> dict[str, Any]:
    ex = u.extras
    if ex is not None and ex.family == FAMILY:
        return encode_usage(u, ctx, "$.usage")
    out: dict[str, Any] = {}
    given, output = u.input_tokens, u.output_tokens
    if given is not None:
        out["promptTokenCount"] = given
    if u.cached_input_tokens is not None:
        out["cachedContentTokenCount"] = u.cached_input_tokens
    if output is not None:
        out["candidatesTokenCount"] = max(output - (u.reasoning_tokens or 0), 0)
    if u.reasoning_tokens is not None:
        out["thoughtsTokenCount"] = u.reasoning_tokens
    total = u.total_tokens
    if total is None and given is not None and output is not None:
        total = given + output
    if total is not None:
        out["totalTokenCount"] = total
    if u.cache_write_tokens:
        ctx.loss(
            "$.usage.cache_write_tokens",
            "usage-field-dropped",
            "Gemini reports no cache-write count (the tokens stay in promptTokenCount)",
        )
    if _loud(ex):
        restore(out, u, ctx, "$.usage")
    return out


def foreign_response(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    """What `response_from_universal` writes for ``resp``, whose own extras are not Gemini's."""
    candidates = []
    for i, choice in enumerate(resp.choices):
        candidate = _candidate(choice, i, ctx)
        if candidate is not None:
            candidates.append(candidate)
    out: dict[str, Any] = {"candidates": candidates}
    if resp.usage is not None:
        out["usageMetadata"] = _usage(resp.usage, ctx)
    tier = resp.service_tier
    if tier is not None and tier not in SERVICE_TIERS:
        ctx.loss("$.service_tier", "parameter-unsupported", "a Gemini response names no tier")
    if resp.model is not None:
        out["modelVersion"] = resp.model
    if resp.id is not None:
        out["responseId"] = resp.id
    if resp.created is not None:
        out["createTime"] = encode_time(resp.created)
    if _loud(resp.extras):
        restore(out, resp, ctx, "$")
    return out
