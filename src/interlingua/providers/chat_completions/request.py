"""Chat Completions request bodies <-> universal `Request`.
https://platform.openai.com/docs/api-reference/chat/create
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Literal, cast

from ..._formats import Format, Kind
from ...universal import Extras, Reasoning, Request, ResponseFormat, Tool, ToolChoice
from ...universal.reasoning import budget_to_effort
from ..base import ConversionContext, leftovers, shape_of, take, validate
from .common import F, encode_service_tier, mine, nested_leftover, restore_into
from .message import decode_message, encode_messages
from .models import CompletionCreateParams
from .request_fast import fast_messages, fast_request
from .tables import REASONING_EFFORTS

MAX_STOP = 4

#: request keys read as they are into the `Request` field of the same name
_DIRECT = frozenset(
    {
        "model",
        "parallel_tool_calls",
        "temperature",
        "top_p",
        "seed",
        "frequency_penalty",
        "presence_penalty",
        "n",
        "logprobs",
        "top_logprobs",
        "stream",
        "metadata",
        "service_tier",
        "store",
    }
)
#: every key the decoder takes when it is not null (``max_tokens`` and ``safety_identifier``
#: only stand in for an absent ``max_completion_tokens`` and ``user``, so they are not here)
_TAKEN = _DIRECT | {
    "tools",
    "tool_choice",
    "max_completion_tokens",
    "stop",
    "reasoning_effort",
    "response_format",
    "stream_options",
    "user",
}


#: `Request` fields written as they are under the same key, in this order
_WRITTEN = (
    "temperature",
    "top_p",
    "seed",
    "frequency_penalty",
    "presence_penalty",
    "n",
    "logprobs",
    "top_logprobs",
    "stream",
    "store",
)
_written = attrgetter(*_WRITTEN)


# --- decoding ------------------------------------------------------------------------------


def request_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Request:
    fast = fast_request(payload)
    if fast is not None:
        return fast
    messages = fast_messages(payload.get("messages")) if type(payload) is dict else None
    if messages is None:
        d = validate(CompletionCreateParams, payload, Format.CHAT_COMPLETIONS, Kind.REQUEST)
        messages = [decode_message(m) for m in d.pop("messages")]
    else:  # the messages are valid: the rest is validated without them
        rest = {**payload, "messages": []}
        d = validate(CompletionCreateParams, rest, Format.CHAT_COMPLETIONS, Kind.REQUEST)
        del d["messages"]
    shape: dict[str, Any] = {}
    got = {k: d.pop(k) for k in [k for k, v in d.items() if v is not None and k in _TAKEN]}
    req = Request(messages=messages, **{k: v for k, v in got.items() if k in _DIRECT})
    tools = got.get("tools")
    if tools is not None:
        req.tools = [_decode_tool(t) for t in tools]
    choice = got.get("tool_choice")
    if choice is not None:
        req.tool_choice = _decode_tool_choice(choice)
    req.max_tokens = got.get("max_completion_tokens")
    if req.max_tokens is None and "max_tokens" in d:
        req.max_tokens = take(d, "max_tokens")
        if req.max_tokens is not None:
            shape["max_tokens"] = "max_tokens"
    stop = got.get("stop")
    if isinstance(stop, str):
        shape["stop"] = "string"
        stop = [stop]
    req.stop = stop
    effort = got.get("reasoning_effort")
    if effort is not None:
        mode: Literal["enabled", "disabled"] = "disabled" if effort == "none" else "enabled"
        req.reasoning = Reasoning(mode=mode, effort=effort, extras=Extras(F, {}, {}))
    rf = got.get("response_format")
    if rf is not None:
        req.response_format = _decode_response_format(rf)
    options = got.get("stream_options")
    if options is not None:
        req.include_usage = take(options, "include_usage")
        if options:
            d["stream_options"] = options
        elif req.include_usage is None:
            shape["stream_options"] = "empty"
    req.user = got.get("user")
    if req.user is None and "safety_identifier" in d:
        req.user = take(d, "safety_identifier")
        if req.user is not None:
            shape["user"] = "safety_identifier"
    req.extras = Extras(F, d, shape)
    return req


def _decode_tool(t: dict[str, Any]) -> Tool:
    kind = t.get("type")
    if kind not in ("function", "custom"):
        return Tool(
            name=str(kind),
            kind="builtin",
            builtin_type=str(kind),
            extras=leftovers(F, t, shape={"opaque": True}),
        )
    del t["type"]
    body = t.pop(kind)
    tool = Tool(name=body.pop("name"), kind=kind, description=take(body, "description"))
    if kind == "function":
        tool.parameters = take(body, "parameters")
        tool.strict = take(body, "strict")
    if body:
        t[kind] = body
    tool.extras = Extras(F, t, {})
    return tool


def _decode_tool_choice(choice: Any) -> ToolChoice:
    if isinstance(choice, str):
        # the wire model admits only "none", "auto" and "required" here
        return ToolChoice(mode=cast(Any, choice), extras=Extras(F, {}, {}))
    kind = choice.pop("type")
    if kind in ("function", "custom"):
        body = choice.pop(kind)
        tc = ToolChoice(mode="tool", name=body.pop("name"))
        nested_leftover(choice, kind, body)
        tc.extras = leftovers(F, choice, shape={"type": kind})
        return tc
    if kind == "allowed_tools":
        body = choice.pop("allowed_tools")
        tc = ToolChoice(mode=body.pop("mode"))
        nested_leftover(choice, "allowed_tools", body)
        tc.extras = leftovers(F, choice, shape={"type": kind})
        return tc
    choice["type"] = kind
    return ToolChoice(mode="auto", extras=leftovers(F, choice, shape={"opaque": True}))


def _decode_response_format(rf: dict[str, Any]) -> ResponseFormat:
    kind = rf.pop("type")
    if kind not in ("text", "json_object", "json_schema"):
        rf["type"] = kind
        return ResponseFormat(type="text", extras=leftovers(F, rf, shape={"opaque": True}))
    out = ResponseFormat(type=kind)
    if kind == "json_schema":
        js = rf.pop("json_schema")
        out.name = js.pop("name")
        out.schema = take(js, "schema")
        out.description = take(js, "description")
        out.strict = take(js, "strict")
        nested_leftover(rf, "json_schema", js)
    out.extras = leftovers(F, rf)
    return out


# --- encoding ------------------------------------------------------------------------------


def request_from_universal(req: Request, ctx: ConversionContext) -> dict[str, Any]:
    shape = shape_of(req, ctx)
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
    out["messages"] = encode_messages(req.messages, ctx)
    if req.tools is not None:
        out["tools"] = [
            t
            for i, tool in enumerate(req.tools)
            if (t := _encode_tool(tool, ctx, f"$.tools[{i}]")) is not None
        ]
    if req.tool_choice is not None:
        choice = _encode_tool_choice(req.tool_choice, req.tools or [], ctx)
        if choice is not None:
            out["tool_choice"] = choice
    if req.parallel_tool_calls is not None and (same or req.tools):
        out["parallel_tool_calls"] = req.parallel_tool_calls
    if req.max_tokens is not None:
        out[shape.get("max_tokens", "max_completion_tokens")] = req.max_tokens
    for key, value in zip(_WRITTEN, _written(req), strict=True):
        if value is not None:
            out[key] = value
    if req.top_k is not None:
        ctx.loss("$.top_k", "parameter-unsupported", "Chat Completions has no top_k sampling")
    if req.stop is not None:
        out["stop"] = _stop(req.stop, shape, same, ctx)
    _encode_reasoning(out, req.reasoning, ctx)
    if req.response_format is not None:
        out["response_format"] = _encode_response_format(req.response_format, ctx)
    if shape.get("stream_options") == "empty":
        out["stream_options"] = {}
    if req.include_usage is not None and (same or req.stream):
        out["stream_options"] = {"include_usage": req.include_usage}
    elif not same and req.stream:
        # other formats always stream usage; without this Chat Completions would not
        out["stream_options"] = {"include_usage": True}
    if req.metadata is not None:
        out["metadata"] = _metadata(req.metadata, same, ctx)
    if req.user is not None:
        out[shape.get("user", "user" if same else "safety_identifier")] = req.user
    tier = encode_service_tier(req.service_tier, same, ctx)
    if tier is not None:
        out["service_tier"] = tier
    restore_into(out, req, ctx, "$")
    return out


def _stop(stop: list[str], shape: dict[str, Any], same: bool, ctx: ConversionContext) -> Any:
    if shape.get("stop") == "string" and len(stop) == 1:
        return stop[0]
    if not same and len(stop) > MAX_STOP:
        ctx.loss(
            "$.stop",
            "value-clamped",
            f"Chat Completions accepts at most {MAX_STOP} stop sequences; the rest were dropped",
        )
        return stop[:MAX_STOP]
    return stop


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
                "Chat Completions metadata values must be strings",
            )
    return out


def _encode_tool(tool: Tool, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    if tool.cache_control is not None:
        ctx.loss(
            f"{path}.cache_control",
            "cache-control-dropped",
            "Chat Completions cannot cache-mark a tool definition",
        )
    out: dict[str, Any]
    if tool.kind == "builtin":
        if mine(tool) and tool.extras is not None:
            return dict(tool.extras.fields)
        ctx.loss(
            path,
            "tool-unsupported",
            f"the provider tool {tool.builtin_type or tool.name!r} has no Chat Completions form",
        )
        return None
    body: dict[str, Any] = {"name": tool.name}
    if tool.description is not None:
        body["description"] = tool.description
    if tool.kind == "custom":
        out = {"type": "custom", "custom": body}
    else:
        if tool.parameters is not None:
            body["parameters"] = tool.parameters
        if tool.strict is not None:
            body["strict"] = tool.strict
        out = {"type": "function", "function": body}
    restore_into(out, tool, ctx, path)
    return out


def _encode_tool_choice(tc: ToolChoice, tools: list[Tool], ctx: ConversionContext) -> Any:
    shape = shape_of(tc, ctx)
    if shape.get("opaque") and tc.extras is not None:
        return dict(tc.extras.fields)
    out: dict[str, Any]
    if tc.mode == "tool":
        custom = any(t.name == tc.name and t.kind == "custom" for t in tools)
        kind = shape.get("type", "custom" if custom else "function")
        out = {"type": kind, kind: {"name": tc.name or ""}}
    elif shape.get("type") == "allowed_tools":
        out = {"type": "allowed_tools", "allowed_tools": {"mode": tc.mode}}
    else:
        if tc.extras is not None and tc.extras.fields:
            restore_into({}, tc, ctx, "$.tool_choice")
        return tc.mode
    restore_into(out, tc, ctx, "$.tool_choice")
    return out


def _encode_reasoning(out: dict[str, Any], r: Reasoning | None, ctx: ConversionContext) -> None:
    if r is None:
        return
    if mine(r):
        if r.effort is not None:
            out["reasoning_effort"] = r.effort
        restore_into(out, r, ctx, "$.reasoning")
        return
    effort = r.effort
    if effort is None and r.mode == "disabled":
        effort = "none"
    elif effort is None and r.budget_tokens is not None:
        effort = budget_to_effort(r.budget_tokens)
    if effort is not None and effort not in REASONING_EFFORTS:
        ctx.loss(
            "$.reasoning.effort",
            "parameter-unsupported",
            f"reasoning effort {effort!r} is not one Chat Completions accepts",
        )
        effort = None
    if effort is not None:
        out["reasoning_effort"] = effort
    if r.summary is not None:
        ctx.loss(
            "$.reasoning.summary",
            "parameter-unsupported",
            "Chat Completions cannot request reasoning summaries",
        )
    restore_into(out, r, ctx, "$.reasoning")


def _encode_response_format(rf: ResponseFormat, ctx: ConversionContext) -> dict[str, Any]:
    if shape_of(rf, ctx).get("opaque") and rf.extras is not None:
        return dict(rf.extras.fields)
    out: dict[str, Any] = {"type": rf.type}
    if rf.type == "json_schema":
        body: dict[str, Any] = {"name": rf.name or "response"}
        if rf.description is not None:
            body["description"] = rf.description
        if rf.schema is not None:
            body["schema"] = rf.schema
        if rf.strict is not None:
            body["strict"] = rf.strict
        out["json_schema"] = body
    restore_into(out, rf, ctx, "$.response_format")
    return out
