"""Another family's `Response` as a Chat Completions body, the common way: assistant
messages of text (no citations but an empty list, no cache mark), reasoning, tool calls and
refusals, nothing of this family anywhere. The body and the losses are exactly those of
`response_from_universal`, built without a path string unless a loss needs one; anything else
goes there.
https://platform.openai.com/docs/api-reference/chat/object
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    Choice,
    HasExtras,
    Message,
    ReasoningPart,
    RefusalPart,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)
from ..base import ConversionContext, restore
from .calls import encode_tool_call
from .common import F, encode_service_tier, join_texts
from .message import reasoning_losses
from .response import encode_finish, encode_usage, response_from_universal
from .tables import (
    DEFAULT_CREATED,
    DEFAULT_ID,
    DEFAULT_MODEL,
    FINISH_REASONS_OUT,
    SERVICE_TIERS,
)

_PARTS = (TextPart, ReasoningPart, ToolCallPart, RefusalPart)


def encode_response(resp: Response, ctx: ConversionContext) -> dict[str, Any]:
    """`response_from_universal`, without path strings when ``resp`` has the common shape."""
    if not _common(resp):
        return response_from_universal(resp, ctx)
    out: dict[str, Any] = {
        "id": resp.id or DEFAULT_ID,
        "object": "chat.completion",
        "created": resp.created if resp.created is not None else DEFAULT_CREATED,
        "model": resp.model or DEFAULT_MODEL,
        "choices": [_choice(c, i, ctx) for i, c in enumerate(resp.choices)],
    }
    usage = resp.usage
    if usage is not None:
        out["usage"] = (
            _usage(usage, ctx) if _is_foreign(usage) else encode_usage(usage, ctx, "$.usage")
        )
    tier = resp.service_tier
    if tier is not None:
        tier = tier if tier in SERVICE_TIERS else encode_service_tier(tier, False, ctx)
        if tier is not None:
            out["service_tier"] = tier
    if _reported(resp):
        restore(out, resp, ctx, "$")
    return out


def _common(resp: Response) -> bool:
    """Whether nothing in ``resp`` is of this family, and every message is the assistant's,
    of the parts this module writes."""
    ex = resp.extras
    if ex is not None and ex.family == F:
        return False
    for c in resp.choices:
        m = c.message
        cx, mx = c.extras, m.extras
        if (cx is not None and cx.family == F) or (mx is not None and mx.family == F):
            return False
        if m.role != "assistant":
            return False
        for part in m.content:
            if type(part) not in _PARTS or (part.extras is not None and part.extras.family == F):
                return False
            if type(part) is TextPart and (part.cache_control is not None or part.citations):
                return False
    return True


def _reported(node: HasExtras) -> bool:
    """Whether `restore` may report something of ``node`` (another family's)."""
    ex = node.extras
    return ex is not None and bool(ex.fields) and not ex.fields.keys() <= ex.quiet


def _choice(c: Choice, i: int, ctx: ConversionContext) -> dict[str, Any]:
    msg = c.message
    parts = msg.content
    if len(parts) == 1 and type(parts[0]) is TextPart and parts[0].citations is None:
        if _reported(parts[0]):
            restore({}, parts[0], ctx, f"$.choices[{i}].message.content[0]")
        message: dict[str, Any] = {"role": "assistant", "content": parts[0].text, "refusal": None}
    else:
        message = _message(msg, i, ctx)
    if msg.name is not None:
        message["name"] = msg.name
    if _reported(msg):
        restore(message, msg, ctx, f"$.choices[{i}].message")
    reason = c.finish_reason
    raw = "stop" if reason is None else FINISH_REASONS_OUT.get(reason)
    if raw is None:
        raw = encode_finish(reason, {}, ctx, f"$.choices[{i}].finish_reason")
    out = {"index": c.index, "message": message, "finish_reason": raw, "logprobs": None}
    if _reported(c):
        restore(out, c, ctx, f"$.choices[{i}]")
    return out


def _message(msg: Message, i: int, ctx: ConversionContext) -> dict[str, Any]:
    texts: list[str] = []
    gaps: list[bool] = []  # whether a non-text part came before each text
    gap = False
    annotated = False
    refusals: list[str] = []
    calls: list[dict[str, Any]] = []
    for j, part in enumerate(msg.content):
        if type(part) is TextPart:
            if _reported(part):
                restore({}, part, ctx, f"$.choices[{i}].message.content[{j}]")
            texts.append(part.text)
            gaps.append(gap)
            gap = False
            annotated = annotated or part.citations is not None
            continue
        if type(part) is ToolCallPart:
            if part.kind == "function" and part.cache_control is None and not _reported(part):
                fn = {"name": part.name, "arguments": part.arguments}
                calls.append({"id": part.id, "type": "function", "function": fn})
            else:
                call = encode_tool_call(part, ctx, f"$.choices[{i}].message.content[{j}]")
                if call is not None:
                    calls.append(call)
        elif type(part) is ReasoningPart:
            if part.signature is not None or part.redacted is not None or part.text or part.summary:
                reasoning_losses(part, ctx, f"$.choices[{i}].message.content[{j}]")
        elif type(part) is RefusalPart:
            refusals.append(part.text)
        gap = True
    out: dict[str, Any] = {"role": "assistant"}
    out["content"] = join_texts(texts, gaps)[0] if texts else None
    out["refusal"] = "".join(refusals) if refusals else None
    if calls:
        out["tool_calls"] = calls
    if annotated:
        out["annotations"] = []
    return out


def _is_foreign(node: HasExtras) -> bool:
    ex = node.extras
    return ex is None or ex.family != F


def _usage(u: Usage, ctx: ConversionContext) -> dict[str, Any]:
    """`encode_usage` of another family's usage."""
    prompt = u.input_tokens or 0
    completion = u.output_tokens or 0
    total = u.total_tokens
    out: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": total if total is not None else prompt + completion,
    }
    cached, written = u.cached_input_tokens, u.cache_write_tokens
    if cached is not None:
        out["prompt_tokens_details"] = (
            {"cached_tokens": cached}
            if written is None
            else {"cached_tokens": cached, "cache_write_tokens": written}
        )
    elif written is not None:
        out["prompt_tokens_details"] = {"cache_write_tokens": written}
    if u.reasoning_tokens is not None:
        out["completion_tokens_details"] = {"reasoning_tokens": u.reasoning_tokens}
    if _reported(u):
        restore(out, u, ctx, "$.usage")
    return out
