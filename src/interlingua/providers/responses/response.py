"""Responses response objects <-> universal `Response`.
https://platform.openai.com/docs/api-reference/responses/object
"""

from __future__ import annotations

from typing import Any

from ..._formats import Format, Kind
from ...universal import (
    Choice,
    Extras,
    FinishReason,
    Message,
    Part,
    RefusalPart,
    Response,
    ToolCallPart,
    Usage,
)
from ..base import ConversionContext, restore, take, validate
from .assistant import encode_assistant
from .common import F, encode_service_tier, mine, restore_into, safe_id
from .items import decode_output_item
from .models_response import Response as WireResponse
from .tables import (
    APPROXIMATE_FINISH,
    DEFAULT_ID,
    DEFAULT_MODEL,
    FINISH_STATUS,
    INCOMPLETE_REASONS,
    RESPONSE_QUIET,
    SERVICE_TIERS,
    STATUS_REASONS,
)

# --- decoding ------------------------------------------------------------------------------


def response_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Response:
    d = validate(WireResponse, payload, Format.RESPONSES, Kind.RESPONSE)
    return decode_response(d)


def _created(d: dict[str, Any]) -> int | None:
    """``created_at`` as the universal integer. NOTE: the API sometimes sends a float; it then
    stays in the extras too, so the same family writes back exactly what it received."""
    raw = d.get("created_at")
    return int(raw) if isinstance(raw, float) else take(d, "created_at")


def decode_response(d: dict[str, Any]) -> Response:
    """A validated wire response (consumed) to a universal response."""
    parts: list[Part] = []
    for item in d.pop("output"):
        parts += decode_output_item(item)
    message = Message(role="assistant", content=parts, extras=Extras(F))
    choice = Choice(message=message, finish_reason=finish_reason(d, parts), extras=Extras(F))
    usage = take(d, "usage")
    return Response(
        id=d.pop("id"),  # required strings: never null
        model=d.pop("model"),
        created=_created(d),
        choices=[choice],
        service_tier=take(d, "service_tier"),
        usage=None if usage is None else decode_usage(usage),
        extras=Extras(F, d, {}, RESPONSE_QUIET),
    )


def finish_reason(d: dict[str, Any], parts: list[Part]) -> FinishReason | None:
    """The universal reason told by ``status``, ``incomplete_details`` and the output."""
    status = d.get("status")
    if status == "incomplete":
        details = d.get("incomplete_details")
        reason = details.get("reason") if isinstance(details, dict) else None
        return INCOMPLETE_REASONS.get(reason, FinishReason.OTHER) if reason else FinishReason.LENGTH
    if status == "completed" and any(
        isinstance(p, ToolCallPart) and p.kind != "server" for p in parts
    ):
        return _TOOL_CALLS
    return STATUS_REASONS.get(status) if isinstance(status, str) else None


def decode_usage(u: dict[str, Any]) -> Usage:
    """A validated usage object (consumed; its counts are integers, never null)."""
    sh: dict[str, Any] = {}
    usage = Usage(
        input_tokens=u.pop("input_tokens"),
        output_tokens=u.pop("output_tokens"),
        total_tokens=u.pop("total_tokens", None),
    )
    details = u.get("input_tokens_details")
    if isinstance(details, dict):
        del u["input_tokens_details"]
        sh["input_tokens_details"] = True
        usage.cached_input_tokens = details.pop("cached_tokens", None)
        usage.cache_write_tokens = details.pop("cache_write_tokens", None)
        if details:
            u["input_tokens_details"] = details
    out_details = u.get("output_tokens_details")
    if isinstance(out_details, dict):
        del u["output_tokens_details"]
        sh["output_tokens_details"] = True
        usage.reasoning_tokens = out_details.pop("reasoning_tokens", None)
        if out_details:
            u["output_tokens_details"] = out_details
    usage.extras = Extras(F, u, sh)
    return usage


# --- encoding ------------------------------------------------------------------------------


def response_from_universal(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    if not mine(resp):
        return _foreign_response(resp, ctx)
    rid = resp.id or DEFAULT_ID
    out: dict[str, Any] = {
        "id": rid,
        "created_at": resp.created if resp.created is not None else 0,
        "model": resp.model or DEFAULT_MODEL,
    }
    if len(resp.choices) > 1:
        ctx.loss("$.choices", "n-unsupported", "Responses returns one answer per response")
    out["output"] = (
        encode_assistant(
            resp.choices[0].message.content,
            ctx,
            "response",
            "$.choices[0].message",
            safe_id(rid, "resp"),
        )
        if resp.choices
        else []
    )
    if resp.usage is not None:
        out["usage"] = encode_usage(resp.usage, ctx)
    if resp.service_tier is not None:
        out["service_tier"] = resp.service_tier
    restore_into(out, resp, ctx, "$")
    return out


def _foreign_response(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    """A response from another family: every key Responses always sends is written."""
    rid = resp.id or DEFAULT_ID
    out: dict[str, Any] = {
        "id": rid,
        "object": "response",
        "created_at": resp.created if resp.created is not None else 0,
        "status": "completed",
        "incomplete_details": None,
        "error": None,
        "model": resp.model or DEFAULT_MODEL,
    }
    choices = resp.choices
    if len(choices) > 1:
        ctx.loss("$.choices", "n-unsupported", "Responses returns one answer per response")
    if choices:
        choice = choices[0]
        parts = choice.message.content
        key = safe_id(rid, "resp")
        out["output"] = encode_assistant(parts, ctx, "response", "$.choices[0].message", key)
        reason = choice.finish_reason
        if reason is not None and reason is not _STOP:  # a stop is the status written above
            write_status(out, reason, ctx, parts)
    else:
        out["output"] = []
    out["parallel_tool_calls"] = True
    out["tool_choice"] = "auto"
    out["tools"] = []
    out["usage"] = encode_usage(resp.usage or Usage(), ctx)
    tier = resp.service_tier
    if tier is not None and tier not in SERVICE_TIERS:
        tier = encode_service_tier(tier, False, ctx)
    if tier is not None:
        out["service_tier"] = tier
    ex = resp.extras
    if ex is not None and ex.fields:
        restore(out, resp, ctx, "$")
    return out


_STOP, _TOOL_CALLS, _REFUSAL = FinishReason.STOP, FinishReason.TOOL_CALLS, FinishReason.REFUSAL
#: the finish reasons Responses tells only by the kind of a part, and that part's type
_TOLD_BY_PARTS: dict[FinishReason, type[Part]] = {_TOOL_CALLS: ToolCallPart, _REFUSAL: RefusalPart}


def write_status(
    out: dict[str, Any], reason: FinishReason | None, ctx: ConversionContext, parts: list[Part]
) -> None:
    """Set ``status`` / ``incomplete_details`` for a universal finish reason.

    Responses tells a tool-call finish only by the call items in the output, and a refusal only
    by a refusal part: without those, the reason cannot be told and is reported.
    """
    if reason is None:
        return
    status, incomplete = FINISH_STATUS[reason]
    told_by = _TOLD_BY_PARTS.get(reason)
    untold = told_by is not None and not any(isinstance(p, told_by) for p in parts)
    if reason in APPROXIMATE_FINISH or untold:
        ctx.loss(
            "$.choices[0].finish_reason",
            "finish-reason-approximated",
            f"Responses has no finish reason {reason.value!r}; written as status {status!r}",
        )
    out["status"] = status
    out["incomplete_details"] = {"reason": incomplete} if incomplete else None


def encode_usage(u: Usage, ctx: ConversionContext) -> dict[str, Any]:
    inp, outp = u.input_tokens or 0, u.output_tokens or 0
    ex = u.extras
    if ex is None or ex.family != F:
        total = u.total_tokens
        out: dict[str, Any] = {
            "input_tokens": inp,
            "input_tokens_details": {
                "cached_tokens": u.cached_input_tokens or 0,
                "cache_write_tokens": u.cache_write_tokens or 0,
            },
            "output_tokens": outp,
            "output_tokens_details": {"reasoning_tokens": u.reasoning_tokens or 0},
            "total_tokens": total if total is not None else inp + outp,
        }
        if ex is not None and ex.fields:
            restore(out, u, ctx, "$.usage")
        return out
    sh = ex.shape
    out = {"input_tokens": inp}
    details: dict[str, Any] = {}
    if u.cached_input_tokens is not None:
        details["cached_tokens"] = u.cached_input_tokens
    if u.cache_write_tokens is not None:
        details["cache_write_tokens"] = u.cache_write_tokens
    if details or sh.get("input_tokens_details"):
        out["input_tokens_details"] = details
    out["output_tokens"] = outp
    reasoning: dict[str, Any] = {}
    if u.reasoning_tokens is not None:
        reasoning["reasoning_tokens"] = u.reasoning_tokens
    if reasoning or sh.get("output_tokens_details"):
        out["output_tokens_details"] = reasoning
    if u.total_tokens is not None:
        out["total_tokens"] = u.total_tokens
    restore_into(out, u, ctx, "$.usage")
    return out
