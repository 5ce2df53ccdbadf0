"""Responses request bodies <-> universal `Request`.
https://platform.openai.com/docs/api-reference/responses/create
"""

from __future__ import annotations

from typing import Any

from ..._formats import Format, Kind
from ...universal import Message, Request, TextPart
from ..base import ConversionContext, leftovers, take, validate
from .common import F, encode_service_tier, mine, restore_into, shape
from .items import decode_items, encode_messages
from .models import ResponseCreateParams
from .request_body import fast_request
from .request_fast import fast_items
from .tools import (
    decode_format,
    decode_reasoning,
    decode_tool,
    decode_tool_choice,
    encode_format,
    encode_reasoning,
    encode_tool,
    encode_tool_choice,
)

LOGPROBS_INCLUDE = "message.output_text.logprobs"
#: request keys decoded into the `Request` field of the same name
_DIRECT = frozenset(
    {
        "parallel_tool_calls",
        "temperature",
        "top_p",
        "top_logprobs",
        "stream",
        "metadata",
        "service_tier",
        "store",
    }
)


# --- decoding ------------------------------------------------------------------------------


def request_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Request:
    if type(payload) is dict:
        req = fast_request(payload)
        if req is not None:
            return req
    items = fast_items(payload.get("input")) if type(payload) is dict else None
    if items is None:
        d = validate(ResponseCreateParams, payload, Format.RESPONSES, Kind.REQUEST)
    else:  # the items are valid: the rest is validated without them
        rest = {**payload, "input": []}
        d = validate(ResponseCreateParams, rest, Format.RESPONSES, Kind.REQUEST)
    sh: dict[str, Any] = {}
    messages: list[Message] = []
    instructions = take(d, "instructions")
    if instructions is not None:
        messages.append(
            Message(
                role="system",
                content=[TextPart(text=instructions)],
                extras=leftovers(F, {}, {"instructions": True}),
            )
        )
    inp = take(d, "input")
    if isinstance(inp, str):
        sh["input"] = "string"
        messages.append(Message(role="user", content=[TextPart(text=inp)]))
    elif inp is not None:
        messages += decode_items(inp) if items is None else items
    elif "input" not in d:
        sh["input"] = "absent"
    req = Request(model=take(d, "model"), messages=messages)
    tools = take(d, "tools")
    if tools is not None:
        req.tools = [decode_tool(t) for t in tools]
    choice = take(d, "tool_choice")
    if choice is not None:
        req.tool_choice = decode_tool_choice(choice)
    for key in _DIRECT.intersection(d):
        value = d[key]
        if value is not None:  # a null stays in the extras, as with `take`
            del d[key]
            setattr(req, key, value)
    req.max_tokens = take(d, "max_output_tokens")
    text = d.get("text")
    if isinstance(text, dict) and isinstance(text.get("format"), dict):
        req.response_format = decode_format(text.pop("format"))
        if not text:
            del d["text"]
    reasoning = take(d, "reasoning")
    if reasoning is not None:
        req.reasoning = decode_reasoning(reasoning)
    include = d.get("include")
    if isinstance(include, list) and LOGPROBS_INCLUDE in include:
        req.logprobs = True
    req.user = take(d, "safety_identifier")
    if req.user is None:
        req.user = take(d, "user")
        if req.user is not None:
            sh["user"] = "user"
    req.extras = leftovers(F, d, sh)
    return req


# --- encoding ------------------------------------------------------------------------------


def request_from_universal(req: Request, ctx: ConversionContext) -> dict[str, Any]:
    sh = shape(req)
    same = mine(req)
    out: dict[str, Any] = {}
    if req.model is not None or not same:
        model = req.model or ctx.model
        if model is not None:
            out["model"] = model
        else:
            ctx.loss(
                "$.model", "model-missing", "the source names no model; pass model= to set one"
            )
    messages = list(req.messages)
    if messages and _is_instructions(messages[0], same):
        out["instructions"] = "".join(
            p.text for p in messages.pop(0).content if isinstance(p, TextPart)
        )
    only = messages[0] if len(messages) == 1 else None
    if sh.get("input") == "absent" and not messages:
        pass
    elif (
        sh.get("input") == "string"
        and only is not None
        and only.role == "user"
        and len(only.content) == 1
        and isinstance(only.content[0], TextPart)
    ):
        out["input"] = only.content[0].text
    else:
        out["input"] = encode_messages(messages, ctx, "request")
    if req.tools is not None:
        out["tools"] = [
            t
            for i, tool in enumerate(req.tools)
            if (t := encode_tool(tool, ctx, f"$.tools[{i}]")) is not None
        ]
    if req.tool_choice is not None:
        out["tool_choice"] = encode_tool_choice(req.tool_choice, req.tools or [], ctx)
    if req.parallel_tool_calls is not None and (same or req.tools):
        out["parallel_tool_calls"] = req.parallel_tool_calls
    if req.max_tokens is not None:
        out["max_output_tokens"] = req.max_tokens
    for key in ("temperature", "top_p", "top_logprobs", "stream", "store"):
        value = getattr(req, key)
        if value is not None:
            out[key] = value
    _unsupported(req, ctx)
    if req.logprobs and not same:
        out["include"] = [LOGPROBS_INCLUDE]
    if req.response_format is not None:
        out["text"] = {"format": encode_format(req.response_format, ctx)}
    if req.reasoning is not None:
        reasoning = encode_reasoning(req.reasoning, ctx)
        if reasoning is not None:
            out["reasoning"] = reasoning
    if req.metadata is not None:
        out["metadata"] = _metadata(req.metadata, same, ctx)
    if req.user is not None:
        out[sh.get("user", "safety_identifier")] = req.user
    tier = encode_service_tier(req.service_tier, same, ctx)
    if tier is not None:
        out["service_tier"] = tier
    restore_into(out, req, ctx, "$")
    return out


def _is_instructions(m: Message, same: bool) -> bool:
    if mine(m):
        return bool(shape(m).get("instructions"))
    if same or m.role != "system" or not m.content:
        return False
    return all(
        isinstance(p, TextPart) and p.cache_control is None and not p.citations for p in m.content
    )


def _unsupported(req: Request, ctx: ConversionContext) -> None:
    for key, what in (
        ("top_k", "top_k sampling"),
        ("stop", "stop sequences"),
        ("seed", "a sampling seed"),
        ("frequency_penalty", "a frequency penalty"),
        ("presence_penalty", "a presence penalty"),
    ):
        if getattr(req, key) is not None:
            ctx.loss(f"$.{key}", "parameter-unsupported", f"Responses has no {what}")
    if req.n is not None and req.n > 1:
        ctx.loss("$.n", "n-unsupported", "Responses returns one answer per request")
    if req.logprobs is False and req.top_logprobs:
        ctx.loss("$.logprobs", "parameter-unsupported", "Responses has no logprobs switch")


def _metadata(meta: dict[str, Any], same: bool, ctx: ConversionContext) -> dict[str, Any]:
    if same:
        return meta
    out = {}
    for key, value in meta.items():
        if isinstance(value, str):
            out[key] = value
        else:
            ctx.loss(
                f"$.metadata.{key}",
                "parameter-unsupported",
                "Responses metadata values must be strings",
            )
    return out
