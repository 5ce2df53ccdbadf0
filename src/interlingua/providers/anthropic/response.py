"""Anthropic Message response <-> universal Response. https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import Any, Final

from ..._formats import Kind
from ...universal import Choice, Extras, FinishReason, Message, Response, Usage
from ..base import ConversionContext, restore, shape_of, take, validate
from . import fast
from .blocks import BlockEncoder
from .blocks_fast import quick_block
from .content import EMPTY, decode_block, is_native
from .fast import stop_reason as decode_stop_reason
from .models_response import Message as WireMessage
from .tables import APPROXIMATE_FINISH, FAMILY, FINISH_REASONS, RESPONSE_SERVICE_TIERS

# --- usage and stop reasons -------------------------------------------------------------------


def decode_usage(u: dict[str, Any], *, take_tier: bool) -> tuple[Usage, str | None]:
    """Anthropic usage (``input_tokens`` excludes cache reads and writes) -> universal usage
    (``input_tokens`` includes both), and ``service_tier`` when ``take_tier``."""
    inp = take(u, "input_tokens")
    out = take(u, "output_tokens")
    writes = take(u, "cache_creation_input_tokens")
    reads = take(u, "cache_read_input_tokens")
    tier = take(u, "service_tier") if take_tier else None
    return fast.build_usage(inp, out, writes, reads, u), tier


def encode_usage(
    u: Usage | None, ctx: ConversionContext, path: str, *, partial: bool = False
) -> dict[str, Any]:
    """Universal usage -> Anthropic usage. ``partial``: a ``message_delta`` usage, where only
    ``output_tokens`` is required. Counts the source did not give are written as 0 where
    Anthropic requires them (another format's stream start, say)."""
    if u is None:
        return {"output_tokens": 0} if partial else {"input_tokens": 0, "output_tokens": 0}
    native = is_native(u)
    out: dict[str, Any] = {}
    reads, writes = u.cached_input_tokens, u.cache_write_tokens
    if u.input_tokens is not None:
        out["input_tokens"] = max(u.input_tokens - (reads or 0) - (writes or 0), 0)
    elif not partial and not native:
        out["input_tokens"] = 0
    if writes is not None:
        out["cache_creation_input_tokens"] = writes
    if reads is not None:
        out["cache_read_input_tokens"] = reads
    if u.output_tokens is not None or not native:
        out["output_tokens"] = u.output_tokens or 0
    if u.reasoning_tokens is not None and not native:
        out["output_tokens_details"] = {"thinking_tokens": u.reasoning_tokens}
    restore(out, u, ctx, path)
    return out


def usage_counts(u: Usage | None) -> Usage | None:
    """The counts alone: a message_delta usage has no room for start-only details."""
    if u is None:
        return None
    return Usage(
        input_tokens=u.input_tokens,
        output_tokens=u.output_tokens,
        cached_input_tokens=u.cached_input_tokens,
        cache_write_tokens=u.cache_write_tokens,
        reasoning_tokens=u.reasoning_tokens,
    )


def encode_stop_reason(
    reason: FinishReason | None, shape: dict[str, Any], ctx: ConversionContext, path: str
) -> str | None:
    if reason is None:
        return None
    raw = shape.get("finish_reason")
    if isinstance(raw, str):
        return raw
    known = FINISH_REASONS.get(reason)
    if known is not None:
        return known
    approx = APPROXIMATE_FINISH.get(reason, "end_turn")
    ctx.loss(
        path,
        "finish-reason-approximated",
        f"finish reason {reason.value!r} is written as {approx!r}",
    )
    return approx


# --- the response -----------------------------------------------------------------------------


def response_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Response:
    resp = fast_message(payload)
    if resp is not None:
        return resp
    return message_to_universal(validate(WireMessage, payload, ctx.format, Kind.RESPONSE))


#: ``Message`` keys in their declared order (validation writes them first, in this order).
_MESSAGE_KEYS: Final = (
    "id",
    "type",
    "role",
    "content",
    "model",
    "stop_reason",
    "stop_sequence",
    "usage",
)
_MESSAGE_DECLARED: Final = frozenset(_MESSAGE_KEYS)


def fast_message(d: dict[str, Any]) -> Response | None:
    """`message_to_universal` of an unvalidated ``Message`` of text and tool_use blocks, or
    None for any other shape (see `fast`)."""
    rid, model, content = d.get("id"), d.get("model"), d.get("content")
    if type(rid) is not str or type(model) is not str or type(content) is not list:
        return None
    kind, role = d.get("type"), d.get("role")
    if kind != "message" or role != "assistant" or type(kind) is not str or type(role) is not str:
        return None
    raw_stop, stop_sequence = d.get("stop_reason"), d.get("stop_sequence")
    if raw_stop is not None and type(raw_stop) is not str:
        return None
    if stop_sequence is not None and type(stop_sequence) is not str:
        return None
    parts: list[Any] = []
    for b in content:
        part = fast.block(b)
        if part is None:
            return None
        parts.append(part)
    has_stop, has_sequence = "stop_reason" in d, "stop_sequence" in d
    raw_usage = d.get("usage", d)
    fields: dict[str, Any] = {}
    if raw_stop is None and has_stop:
        fields["stop_reason"] = None
    if stop_sequence is None and has_sequence:
        fields["stop_sequence"] = None
    if len(d) != 5 + has_stop + has_sequence + (raw_usage is not d):
        for key, value in d.items():
            if key not in _MESSAGE_DECLARED:
                fields[key] = value
    usage = tier = None
    if raw_usage is not d:
        decoded = fast.usage(raw_usage, take_tier=True) if type(raw_usage) is dict else None
        if decoded is None:
            return None
        usage, tier = decoded
    finish, cshape = decode_stop_reason(raw_stop)
    choice = Choice(
        message=Message(role="assistant", content=parts, extras=EMPTY),
        extras=Extras(FAMILY, {}, cshape) if cshape else EMPTY,
        finish_reason=finish,
        stop_sequence=stop_sequence,
    )
    return Response(
        id=rid,
        model=model,
        choices=[choice],
        usage=usage,
        service_tier=tier,
        extras=Extras(FAMILY, fields),
    )


def message_to_universal(d: dict[str, Any]) -> Response:
    """A validated ``Message`` (consumed) as a universal response."""
    del d["type"], d["role"]
    rid, model = d.pop("id"), d.pop("model")
    parts = [decode_block(b) for b in d.pop("content")]
    finish, cshape = decode_stop_reason(take(d, "stop_reason"))
    choice = Choice(
        message=Message(role="assistant", content=parts, extras=EMPTY),
        extras=Extras(FAMILY, {}, cshape) if cshape else EMPTY,
    )
    if finish is not None:
        choice.finish_reason = finish
    stop_sequence = take(d, "stop_sequence")
    if stop_sequence is not None:
        choice.stop_sequence = stop_sequence
    resp = Response(id=rid, model=model, choices=[choice])
    raw_usage = take(d, "usage")
    if raw_usage is not None:
        resp.usage, resp.service_tier = decode_usage(raw_usage, take_tier=True)
    resp.extras = Extras(FAMILY, d)
    return resp


def response_from_universal(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    choices = resp.choices
    if len(choices) > 1:
        ctx.loss(
            "$.choices[1]",
            "n-unsupported",
            "an Anthropic message holds one answer; later choices dropped",
        )
    content: list[dict[str, Any]] = []
    choice = choices[0] if choices else None
    reason = None
    stop_sequence = None
    if choice is not None:
        enc: BlockEncoder | None = None
        for j, p in enumerate(choice.message.content):
            block = quick_block(p)
            if block is not None:
                content.append(block)
                continue
            if enc is None:
                enc = BlockEncoder(ctx, response=True)
            content += enc.part(p, f"$.choices[0].message.content[{j}]")
        if choice.finish_reason is not None:
            reason = encode_stop_reason(
                choice.finish_reason, shape_of(choice, ctx), ctx, "$.choices[0].finish_reason"
            )
        stop_sequence = choice.stop_sequence
    out: dict[str, Any] = {
        "id": resp.id if resp.id is not None else "",
        "type": "message",
        "role": "assistant",
        "content": content,
        "model": resp.model if resp.model is not None else "",
        "stop_reason": reason,
        "stop_sequence": stop_sequence,
    }
    native = is_native(resp)
    if resp.usage is not None or not native:
        usage = encode_usage(resp.usage, ctx, "$.usage")
        if resp.service_tier is not None:
            tier = resp.service_tier if native else RESPONSE_SERVICE_TIERS.get(resp.service_tier)
            if tier is not None:
                usage["service_tier"] = tier
            else:
                ctx.loss(
                    "$.service_tier",
                    "parameter-unsupported",
                    f"no Anthropic tier {resp.service_tier!r}",
                )
        out["usage"] = usage
    if choice is not None:
        restore(out, choice, ctx, "$.choices[0]")
        restore(out, choice.message, ctx, "$.choices[0].message")
    restore(out, resp, ctx, "$")
    return out
