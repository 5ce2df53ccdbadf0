"""Chat Completions response bodies (`ChatCompletion`) <-> universal `Response`.
https://platform.openai.com/docs/api-reference/chat/object
"""

from __future__ import annotations

from typing import Any

from ..._formats import Format, Kind
from ...universal import Choice, Extras, FinishReason, Message, Response, Usage
from ..base import ConversionContext, shape_of, take, validate
from .common import F, encode_service_tier, mine, quiet_empties, restore_into
from .message import decode_assistant, encode_assistant
from .models_response import ChatCompletion
from .tables import (
    DEFAULT_CREATED,
    DEFAULT_ID,
    DEFAULT_MODEL,
    EXACT_APPROXIMATIONS,
    FINISH_REASON_APPROXIMATIONS,
    FINISH_REASONS,
    FINISH_REASONS_OUT,
    QUIET_TOP,
)

# --- decoding ------------------------------------------------------------------------------


def response_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Response:
    d = validate(ChatCompletion, payload, Format.CHAT_COMPLETIONS, Kind.RESPONSE)
    resp = Response(
        id=d.pop("id"),
        model=d.pop("model"),
        created=d.pop("created"),
        choices=[_decode_choice(c) for c in d.pop("choices")],
    )
    usage = take(d, "usage")
    if usage is not None:
        resp.usage = decode_usage(usage)
    resp.service_tier = take(d, "service_tier")
    resp.extras = Extras(F, d, {}, QUIET_TOP)
    return resp


def _decode_choice(c: dict[str, Any]) -> Choice:
    m = c.pop("message")
    del m["role"]
    mshape: dict[str, Any] = {}
    content = decode_assistant(m, mshape)
    message = Message(
        role="assistant", content=content, extras=Extras(F, m, mshape, quiet_empties(m))
    )
    index = c.pop("index")
    shape: dict[str, Any] = {}
    reason = decode_finish(take(c, "finish_reason"), shape)
    return Choice(index=index, message=message, finish_reason=reason, extras=Extras(F, c, shape))


def decode_finish(raw: str | None, shape: dict[str, Any]) -> FinishReason | None:
    """A wire finish reason; a value that would not come back the same is kept in ``shape``."""
    if raw is None:
        return None
    reason = FINISH_REASONS.get(raw, FinishReason.OTHER)
    if FINISH_REASONS_OUT.get(reason) != raw:
        shape["finish_reason"] = raw
    return reason


def encode_finish(
    reason: FinishReason | None, shape: dict[str, Any], ctx: ConversionContext, path: str
) -> str:
    """The wire finish reason for ``reason`` (``stop`` when unknown)."""
    raw = shape.get("finish_reason")
    if isinstance(raw, str):
        return raw
    if reason is None:
        return "stop"
    out = FINISH_REASONS_OUT.get(reason)
    if out is not None:
        return out
    out = FINISH_REASON_APPROXIMATIONS[reason]
    if reason not in EXACT_APPROXIMATIONS:
        ctx.loss(
            path,
            "finish-reason-approximated",
            f"Chat Completions has no finish reason {reason.value!r}; wrote {out!r}",
        )
    return out


def decode_usage(u: dict[str, Any]) -> Usage:
    """Chat usage: prompt_tokens already include cached tokens and completion_tokens include
    reasoning tokens, exactly the universal convention."""
    usage = Usage(
        input_tokens=u.pop("prompt_tokens"),
        output_tokens=u.pop("completion_tokens"),
        total_tokens=u.pop("total_tokens"),
    )
    if not u:
        usage.extras = Extras(F, u, {})
        return usage
    prompt = u.get("prompt_tokens_details")
    if isinstance(prompt, dict):
        del u["prompt_tokens_details"]
        usage.cached_input_tokens = take(prompt, "cached_tokens")
        usage.cache_write_tokens = take(prompt, "cache_write_tokens")
        u["prompt_tokens_details"] = prompt
    completion = u.get("completion_tokens_details")
    if isinstance(completion, dict):
        del u["completion_tokens_details"]
        usage.reasoning_tokens = take(completion, "reasoning_tokens")
        u["completion_tokens_details"] = completion
    zero = [k for k, v in u.items() if isinstance(v, dict) and _zeros(v)]
    usage.extras = Extras(F, u, {}, frozenset(zero))
    return usage


def _zeros(details: dict[str, Any]) -> bool:
    """Whether a usage details object holds nothing but zeros and nulls."""
    return all([x in (0, None) for x in details.values()])


# --- encoding ------------------------------------------------------------------------------


def response_from_universal(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": resp.id or DEFAULT_ID,
        "object": "chat.completion",
        "created": resp.created if resp.created is not None else DEFAULT_CREATED,
        "model": resp.model or DEFAULT_MODEL,
        "choices": [_encode_choice(c, ctx, f"$.choices[{i}]") for i, c in enumerate(resp.choices)],
    }
    if mine(resp) and resp.extras is not None and "object" not in resp.extras.fields:
        del out["object"]
    if resp.usage is not None:
        out["usage"] = encode_usage(resp.usage, ctx, "$.usage")
    tier = encode_service_tier(resp.service_tier, mine(resp), ctx)
    if tier is not None:
        out["service_tier"] = tier
    restore_into(out, resp, ctx, "$")
    return out


def _encode_choice(c: Choice, ctx: ConversionContext, path: str) -> dict[str, Any]:
    shape = shape_of(c, ctx)
    same = mine(c)
    out: dict[str, Any] = {
        "index": c.index,
        "message": encode_assistant(c.message, ctx, f"{path}.message", response=True),
    }
    if c.finish_reason is not None or "finish_reason" in shape or not same:
        out["finish_reason"] = encode_finish(c.finish_reason, shape, ctx, f"{path}.finish_reason")
    if not same:
        out["logprobs"] = None
        if c.message.role != "assistant":
            ctx.loss(
                f"{path}.message.role",
                "role-merged",
                f"a {c.message.role} response message is written as the assistant's",
            )
    restore_into(out, c, ctx, path)
    return out


def encode_usage(u: Usage, ctx: ConversionContext, path: str) -> dict[str, Any]:
    prompt = u.input_tokens or 0
    completion = u.output_tokens or 0
    out: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": u.total_tokens if u.total_tokens is not None else prompt + completion,
    }
    details: dict[str, Any] = {}
    if u.cached_input_tokens is not None:
        details["cached_tokens"] = u.cached_input_tokens
    if u.cache_write_tokens is not None:
        details["cache_write_tokens"] = u.cache_write_tokens
    if details:
        out["prompt_tokens_details"] = details
    if u.reasoning_tokens is not None:
        out["completion_tokens_details"] = {"reasoning_tokens": u.reasoning_tokens}
    restore_into(out, u, ctx, path)
    return out
