"""Bedrock Converse response <-> universal Response. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html"""

from __future__ import annotations

from typing import Any, Final

from ..._formats import Kind
from ...universal import Choice, FinishReason, Message, Response, Usage
from ..base import ConversionContext, restore, validate
from .content import BARE, decode_blocks, extras, is_native
from .encode import PartEncoder
from .encode_fast import QUICK
from .fast import quick_blocks
from .models import ConverseResponse
from .tables import (
    APPROXIMATE_FINISH,
    FAMILY,
    FINISH_REASONS,
    RESPONSE_SERVICE_TIERS,
    STOP_REASONS,
)

#: Response members `quick_response` decodes (all others are leftovers).
_DECODED: Final = frozenset({"output", "stopReason", "usage", "metrics", "serviceTier"})
#: The shape of a node of another format (read only).
_NO_SHAPE: Final[dict[str, Any]] = {}
#: The per-TTL split of cache writes: the universal counts already carry the total.
_USAGE_QUIET: Final = frozenset({"cacheDetails"})

# --- usage and stop reasons -------------------------------------------------------------------


def quick_usage(u: dict[str, Any]) -> Usage | None:
    """What `decode_usage` makes of a valid ``TokenUsage`` holding counts only; None for any
    other object (decoded by the full path)."""
    inp, out, total = u.get("inputTokens"), u.get("outputTokens"), u.get("totalTokens")
    reads, writes = u.get("cacheReadInputTokens"), u.get("cacheWriteInputTokens")
    if type(inp) is not int or type(out) is not int or type(total) is not int:
        return None
    if len(u) != 3 + (reads is not None) + (writes is not None):
        return None
    if (reads is not None and type(reads) is not int) or (
        writes is not None and type(writes) is not int
    ):
        return None
    return Usage(
        input_tokens=inp + (reads or 0) + (writes or 0),
        output_tokens=out,
        total_tokens=total,
        cached_input_tokens=reads,
        cache_write_tokens=writes,
        extras=BARE,
    )


def decode_usage(u: dict[str, Any]) -> Usage:
    """Bedrock usage -> universal usage. ``inputTokens`` counts only the uncached prompt tokens
    (cache reads and writes are separate, as in Anthropic's API; ``totalTokens`` is the sum
    of all four), so universal ``input_tokens`` adds the cache counts back."""
    inp, out, total = u.pop("inputTokens"), u.pop("outputTokens"), u.pop("totalTokens")
    reads, writes = u.pop("cacheReadInputTokens", None), u.pop("cacheWriteInputTokens", None)
    return Usage(
        input_tokens=inp + (reads or 0) + (writes or 0),
        output_tokens=out,
        total_tokens=total,
        cached_input_tokens=reads,
        cache_write_tokens=writes,
        extras=extras(u),
    )


def encode_usage(u: Usage | None, ctx: ConversionContext, path: str) -> dict[str, Any]:
    """Universal usage -> ``TokenUsage`` (its three counts are required: 0 when unknown)."""
    if u is None:
        return {"inputTokens": 0, "outputTokens": 0, "totalTokens": 0}
    reads, writes = u.cached_input_tokens, u.cache_write_tokens
    prompt = u.input_tokens or 0
    inp = prompt - (reads or 0) - (writes or 0)
    outp = u.output_tokens or 0
    total = u.total_tokens
    if total is None:
        total = prompt + outp
    out: dict[str, Any] = {
        "inputTokens": inp if inp > 0 else 0,
        "outputTokens": outp,
        "totalTokens": total,
    }
    if reads is not None:
        out["cacheReadInputTokens"] = reads
    if writes is not None:
        out["cacheWriteInputTokens"] = writes
    if u.reasoning_tokens and not is_native(u):
        ctx.loss(
            f"{path}.reasoning_tokens",
            "usage-field-dropped",
            "Bedrock reports no reasoning token count (they are part of outputTokens)",
        )
    if u.extras is not None and u.extras.fields:
        restore(out, u, ctx, path)
    return out


def decode_stop_reason(raw: str) -> tuple[FinishReason, dict[str, Any]]:
    """``stopReason`` -> finish reason; a value that would not be written back as itself (an
    unknown one, or ``guardrail_intervened``) is kept raw in the shape."""
    known = STOP_REASONS.get(raw, FinishReason.OTHER)
    return known, ({} if FINISH_REASONS.get(known) == raw else {"finish_reason": raw})


def encode_stop_reason(
    reason: FinishReason | None, shape: dict[str, Any], ctx: ConversionContext, path: str
) -> str:
    raw = shape.get("finish_reason")
    if isinstance(raw, str):
        return raw
    if reason is None:
        return "end_turn"  # required; a source without one ended normally
    known = FINISH_REASONS.get(reason)
    if known is not None:
        return known
    approx = APPROXIMATE_FINISH.get(reason, "end_turn")
    ctx.loss(path, "finish-reason-approximated", f"{reason.value!r} is written as {approx!r}")
    return approx


def quick_response(payload: dict[str, Any]) -> Response | None:
    """What `response_to_universal` makes of a plain assistant response (its ``metrics``
    and unknown members, such as ``$metadata``, become leftovers as there)."""
    output, reason = payload.get("output"), payload.get("stopReason")
    if type(output) is not dict or len(output) != 1 or type(reason) is not str:
        return None
    msg = output.get("message")
    if type(msg) is not dict or len(msg) != 2:
        return None
    role = msg.get("role")
    if type(role) is not str or role != "assistant":
        return None
    usage = None
    if "usage" in payload:
        raw = payload["usage"]
        usage = quick_usage(raw) if type(raw) is dict else None
        if usage is None:
            return None
    rest: dict[str, Any] = {}
    if "metrics" in payload:
        metrics = payload["metrics"]
        if type(metrics) is not dict:
            return None
        rest["metrics"] = dict(metrics)
    parts = quick_blocks(msg.get("content"))
    if parts is None:
        return None
    tier = None
    if "serviceTier" in payload:  # taken when it is exactly {"type": ...}, as by the full path
        wire_tier = payload["serviceTier"]
        if type(wire_tier) is not dict or len(wire_tier) != 1 or "type" not in wire_tier:
            return None
        tier = wire_tier["type"]
    for key, value in payload.items():
        if key not in _DECODED:
            rest[key] = value
    finish, shape = decode_stop_reason(reason)
    message = Message(role="assistant", content=parts, extras=BARE)
    choice = Choice(message=message, finish_reason=finish, extras=extras({}, shape))
    return Response(choices=[choice], usage=usage, service_tier=tier, extras=extras(rest))


# --- the response -----------------------------------------------------------------------------


def response_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Response:
    quick = quick_response(payload)
    if quick is not None:
        return quick
    d = validate(ConverseResponse, payload, ctx.format, Kind.RESPONSE)
    output = d.pop("output")
    msg = output.pop("message")
    role = msg.pop("role")
    parts = decode_blocks(msg.pop("content"))
    finish, cshape = decode_stop_reason(d.pop("stopReason"))
    if role != "assistant":
        cshape["role"] = role
    raw_usage = d.pop("usage", None)
    tier = d.get("serviceTier")
    service_tier = None
    if isinstance(tier, dict) and set(tier) == {"type"}:
        service_tier = d.pop("serviceTier")["type"]
    choice = Choice(
        message=Message(role="assistant", content=parts, extras=extras(msg)),
        finish_reason=finish,
        extras=extras(output, cshape),
    )
    return Response(
        choices=[choice],
        usage=decode_usage(raw_usage) if raw_usage is not None else None,
        service_tier=service_tier,
        extras=extras(d),
    )


def response_from_universal(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    """The Converse response. Bedrock responses carry no id, model or creation time (the model
    is the request's ``modelId``): those are not written, and not reported."""
    if len(resp.choices) > 1:
        ctx.loss("$.choices[1]", "n-unsupported", "a Converse response holds one answer")
    content: list[dict[str, Any]] = []
    reason = "end_turn"
    output: dict[str, Any] = {}
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if resp.choices:
        choice = resp.choices[0]
        enc: PartEncoder | None = None  # made for the first part without a fast writer
        for j, p in enumerate(choice.message.content):
            quick = QUICK.get(type(p))
            block = quick(p) if quick is not None else None
            if block is None:
                if enc is None:
                    enc = PartEncoder(ctx, response=True)
                content += enc.part(p, f"$.choices[0].message.content[{j}]")
                continue
            content.append(block)
            if p.extras is not None and p.extras.fields:
                restore({}, p, ctx, f"$.choices[0].message.content[{j}]")
        ex = choice.extras
        cshape = ex.shape if ex is not None and ex.family == FAMILY else _NO_SHAPE
        if "role" in cshape:
            message["role"] = cshape["role"]
        known = FINISH_REASONS.get(choice.finish_reason)  # type: ignore[arg-type]
        if known is None or "finish_reason" in cshape:
            known = encode_stop_reason(
                choice.finish_reason, cshape, ctx, "$.choices[0].finish_reason"
            )
        reason = known
        if choice.stop_sequence is not None:
            ctx.loss(
                "$.choices[0].stop_sequence",
                "parameter-unsupported",
                "Bedrock names the matched stop sequence only in model-specific fields",
            )
        if choice.message.extras is not None:
            restore(message, choice.message, ctx, "$.choices[0].message")
        if ex is not None:
            restore(output, choice, ctx, "$.choices[0]")
    output["message"] = message
    out: dict[str, Any] = {
        "output": output,
        "stopReason": reason,
        "usage": encode_usage(resp.usage, ctx, "$.usage"),
    }
    native = is_native(resp)
    if resp.service_tier is not None:
        tier = resp.service_tier if native else RESPONSE_SERVICE_TIERS.get(resp.service_tier)
        if tier is None:
            ctx.loss(
                "$.service_tier", "parameter-unsupported", f"no Bedrock tier {resp.service_tier!r}"
            )
        else:
            out["serviceTier"] = {"type": tier}
    if not native:
        out["metrics"] = {"latencyMs": 0}  # required; the source did not measure it
    restore(out, resp, ctx, "$")
    if "usage" in out and resp.usage is None and native:
        del out["usage"]
    return out
