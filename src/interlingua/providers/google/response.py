"""Gemini GenerateContentResponse <-> universal Response. https://ai.google.dev/api/generate-content#generatecontentresponse"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any, Final

from ..._formats import Kind
from ...universal import (
    Choice,
    FinishReason,
    Message,
    Part,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)
from ..base import ConversionContext, leftovers, restore, shape_of, take, validate
from .content import decode_part, encode_part, extras, is_native, plain_call, plain_text
from .models import GenerateContentResponse
from .tables import APPROXIMATE_FINISH, FAMILY, FINISH_REASONS, SERVICE_TIERS, WIRE_FINISH

#: Usage keys whose content is a breakdown of counts the universal usage carries.
USAGE_QUIET: Final = frozenset(
    {
        "promptTokensDetails",
        "cacheTokensDetails",
        "candidatesTokensDetails",
        "toolUsePromptTokensDetails",
        "trafficType",
    }
)

# --- usage ------------------------------------------------------------------------------------


def decode_usage(u: dict[str, Any]) -> tuple[Usage, str | None]:
    """``promptTokenCount`` already includes ``cachedContentTokenCount``; output is
    ``candidatesTokenCount`` + ``thoughtsTokenCount`` (Gemini counts thoughts apart)."""
    prompt = take(u, "promptTokenCount")
    cands = take(u, "candidatesTokenCount")
    thoughts = take(u, "thoughtsTokenCount")
    shape: dict[str, Any] = {}
    # NOTE: proto3 JSON omits zero counts: an absent candidatesTokenCount is 0 output tokens
    output = (cands or 0) + (thoughts or 0)
    tier = take(u, "serviceTier")
    usage = Usage(
        input_tokens=prompt,
        output_tokens=output,
        total_tokens=take(u, "totalTokenCount"),
        cached_input_tokens=take(u, "cachedContentTokenCount"),
        reasoning_tokens=thoughts,
        extras=leftovers(FAMILY, u, shape, USAGE_QUIET),
    )
    return usage, tier


def encode_usage(
    u: Usage, ctx: ConversionContext, path: str, tier: str | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    native = is_native(u)
    if u.input_tokens is not None:
        out["promptTokenCount"] = u.input_tokens
    if u.cached_input_tokens is not None:
        out["cachedContentTokenCount"] = u.cached_input_tokens
    if u.output_tokens is not None:
        cands = max(u.output_tokens - (u.reasoning_tokens or 0), 0)
        if cands or not native:  # Gemini (proto3 JSON) leaves zero counts out
            out["candidatesTokenCount"] = cands
    if u.reasoning_tokens is not None:
        out["thoughtsTokenCount"] = u.reasoning_tokens
    total = u.total_tokens
    if total is None and not native and u.input_tokens is not None and u.output_tokens is not None:
        total = u.input_tokens + u.output_tokens
    if total is not None:
        out["totalTokenCount"] = total
    if u.cache_write_tokens and not native:
        ctx.loss(
            f"{path}.cache_write_tokens",
            "usage-field-dropped",
            "Gemini reports no cache-write count (the tokens stay in promptTokenCount)",
        )
    if tier is not None:
        out["serviceTier"] = tier
    restore(out, u, ctx, path)
    return out


# --- finish reasons ---------------------------------------------------------------------------


def decode_finish(raw: str | None, has_calls: bool) -> tuple[FinishReason | None, dict[str, Any]]:
    if raw is None:
        return None, {}
    reason = FINISH_REASONS.get(raw)
    if reason is None:
        return FinishReason.OTHER, {"finish_reason": raw}
    if reason is FinishReason.STOP and has_calls:
        return FinishReason.TOOL_CALLS, {}
    return reason, ({} if WIRE_FINISH[reason] == raw else {"finish_reason": raw})


def encode_finish(
    reason: FinishReason | None, shape: dict[str, Any], ctx: ConversionContext, path: str
) -> str | None:
    if reason is None:
        return None
    raw = shape.get("finish_reason")
    if isinstance(raw, str):
        return raw
    known = WIRE_FINISH.get(reason)
    if known is not None:
        return known
    approx = APPROXIMATE_FINISH.get(reason, "OTHER")
    ctx.loss(
        path,
        "finish-reason-approximated",
        f"finish reason {reason.value!r} is written as {approx!r}",
    )
    return approx


# --- timestamps -------------------------------------------------------------------------------


def decode_time(raw: str | None) -> tuple[int | None, dict[str, Any]]:
    """``createTime`` (RFC 3339) as epoch seconds; the text is kept when it would not come back."""
    if raw is None:
        return None, {}
    try:
        seconds = int(datetime.fromisoformat(raw.replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None, {"createTime": raw}
    return seconds, ({} if encode_time(seconds) == raw else {"createTime": raw})


_TIME_FORMAT: Final = "%Y-%m-%dT%H:%M:%SZ"
#: 10000-01-01T00:00:00Z: the times `datetime` can write (``gmtime`` writes later years too)
_YEAR_10000: Final = 253402300800


def encode_time(seconds: int) -> str:
    if type(seconds) is int and 0 <= seconds < _YEAR_10000:
        return time.strftime(_TIME_FORMAT, time.gmtime(seconds))  # 4x faster than datetime
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime(_TIME_FORMAT)


# --- candidates -------------------------------------------------------------------------------


class CallIds:
    """Ids for function calls without one: ``call_<response id>_<n>`` (``call_<n>``)."""

    def __init__(self, rid: str | None) -> None:
        self.rid = rid
        self.n = 0

    def __call__(self, name: str) -> str:
        self.n += 1
        return f"call_{self.rid}_{self.n - 1}" if self.rid else f"call_{self.n - 1}"


def decode_candidate(c: dict[str, Any], position: int, ids: CallIds) -> Choice:
    shape: dict[str, Any] = {}
    index = take(c, "index")
    if index is None:
        shape["index"] = "absent"
    content = take(c, "content")
    parts: list[Part] = []
    mextras = None
    if content is None:
        shape["content"] = "absent"
    else:
        mshape: dict[str, Any] = {}
        raw_parts = take(content, "parts")
        if raw_parts is None:
            mshape["parts"] = "absent"
        parts = [decode_part(p, ids, ids) for p in raw_parts or []]
        if take(content, "role") is None:
            mshape["role"] = "absent"
        mextras = extras(content, mshape)
    raw = take(c, "finishReason")
    # only STOP reads as tool_calls
    has_calls = raw == "STOP" and any(type(p) is ToolCallPart for p in parts)
    finish, fshape = decode_finish(raw, has_calls)
    if fshape:
        shape.update(fshape)
    return Choice(
        index=index if index is not None else position,
        message=Message(role="assistant", content=parts, extras=mextras),
        finish_reason=finish,
        extras=extras(c, shape),
    )


def response_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Response:
    return decode_response(validate(GenerateContentResponse, payload, ctx.format, Kind.RESPONSE))


def decode_response(d: dict[str, Any]) -> Response:
    """A validated response (or stream chunk), consumed."""
    rid = take(d, "responseId")
    ids = CallIds(rid)
    shape: dict[str, Any] = {}
    raw = take(d, "candidates")
    choices = [decode_candidate(c, i, ids) for i, c in enumerate(raw or [])]
    if raw is None:
        shape["candidates"] = "absent"
        if isinstance(d.get("promptFeedback"), dict) and "blockReason" in d["promptFeedback"]:
            # the prompt was blocked: one empty answer, filtered
            choices = [
                Choice(
                    message=Message(role="assistant"),
                    finish_reason=FinishReason.CONTENT_FILTER,
                    extras=leftovers(FAMILY, {}, {"blocked": True}),
                )
            ]
    created = None
    if "createTime" in d:
        created, tshape = decode_time(take(d, "createTime"))
        shape.update(tshape)
    raw_usage = take(d, "usageMetadata")
    usage, tier = decode_usage(raw_usage) if raw_usage is not None else (None, None)
    if tier is not None:
        shape["tier"] = "usage"
    return Response(
        id=rid,
        model=take(d, "modelVersion"),
        created=created,
        choices=choices,
        usage=usage,
        service_tier=tier,
        extras=extras(d, shape),
    )


def _citations(parts: list[Part], ctx: ConversionContext, path: str) -> list[dict[str, Any]]:
    """URL citations of the text parts as ``citationMetadata.citations`` (offsets into the
    candidate's text); other kinds are reported."""
    out: list[dict[str, Any]] = []
    offset = 0
    for j, p in enumerate(parts):
        if not isinstance(p, TextPart):
            continue
        for k, c in enumerate(p.citations or []):
            if c.url is None:
                ctx.loss(
                    f"{path}.content[{j}].citations[{k}]",
                    "citation-unsupported",
                    f"Gemini citations point at URIs; a {c.kind} citation has none",
                )
                continue
            cite: dict[str, Any] = {"uri": c.url}
            if c.title is not None:
                cite["title"] = c.title
            if c.start_index is not None:
                cite["startIndex"] = offset + c.start_index
            if c.end_index is not None:
                cite["endIndex"] = offset + c.end_index
            out.append(cite)
        offset += len(p.text)
    return out


def encode_candidate(choice: Choice, i: int, ctx: ConversionContext) -> dict[str, Any] | None:
    shape = shape_of(choice, ctx)
    if shape.get("blocked"):
        return None
    msg = choice.message
    mshape = shape_of(msg, ctx)
    parts = []
    for j, p in enumerate(msg.content):
        wire = (
            plain_text(p)
            or plain_call(p, ctx)
            or encode_part(p, {}, ctx, f"$.choices[{i}].message.content[{j}]")
        )
        if wire is not None:
            parts.append(wire)
    out: dict[str, Any] = {}
    if shape.get("content") != "absent":
        content: dict[str, Any] = {}
        if parts or mshape.get("parts") != "absent":
            content["parts"] = parts
        if mshape.get("role") != "absent":
            content["role"] = "model"
        if msg.extras is not None and msg.extras.fields:
            restore(content, msg, ctx, f"$.choices[{i}].message")
        out["content"] = content
    reason = choice.finish_reason
    if reason is not None:
        wire_reason = WIRE_FINISH.get(reason)
        if wire_reason is None or "finish_reason" in shape:
            wire_reason = encode_finish(reason, shape, ctx, f"$.choices[{i}].finish_reason")
        out["finishReason"] = wire_reason
    if reason is FinishReason.TOOL_CALLS and not any("functionCall" in p for p in parts):
        ctx.loss(
            f"$.choices[{i}].finish_reason",
            "finish-reason-approximated",
            "tool_calls without a function call reads back as STOP",
        )
    if shape.get("index") != "absent":
        out["index"] = choice.index
    if not is_native(choice):
        cites = _citations(msg.content, ctx, f"$.choices[{i}].message")
        if cites:
            out["citationMetadata"] = {"citations": cites}
    if choice.extras is not None and choice.extras.fields:
        restore(out, choice, ctx, f"$.choices[{i}]")
    return out


def response_from_universal(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    shape = shape_of(resp, ctx)
    out: dict[str, Any] = {}
    candidates = [
        c for i, ch in enumerate(resp.choices) if (c := encode_candidate(ch, i, ctx)) is not None
    ]
    if shape.get("candidates") != "absent":
        out["candidates"] = candidates
    if resp.usage is not None:
        tier = None
        if resp.service_tier is not None and shape.get("tier") == "usage":
            tier = resp.service_tier
        out["usageMetadata"] = encode_usage(resp.usage, ctx, "$.usage", tier)
    if (
        resp.service_tier is not None
        and shape.get("tier") != "usage"
        and resp.service_tier not in SERVICE_TIERS
    ):
        ctx.loss("$.service_tier", "parameter-unsupported", "a Gemini response names no tier")
    if resp.model is not None:
        out["modelVersion"] = resp.model
    if resp.id is not None:
        out["responseId"] = resp.id
    if "createTime" in shape:
        out["createTime"] = shape["createTime"]
    elif resp.created is not None:
        out["createTime"] = encode_time(resp.created)
    restore(out, resp, ctx, "$")
    return out
