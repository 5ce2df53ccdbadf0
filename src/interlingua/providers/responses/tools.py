"""Responses tools, tool choice, text format and reasoning settings, both ways.
https://platform.openai.com/docs/api-reference/responses/create#responses-create-tools
"""

from __future__ import annotations

from typing import Any, Literal, cast

from ...universal import Reasoning, ResponseFormat, Tool, ToolChoice
from ...universal.reasoning import budget_to_effort
from ..base import ConversionContext, leftovers, take
from .common import F, mine, restore_into, shape
from .tables import BUILTIN_TOOLS, BUILTIN_TOOLS_OUT, REASONING_EFFORTS

#: hosted tool types a `tool_choice` object may name (ToolChoiceTypes Literal)
HOSTED_CHOICES = frozenset(
    {
        "file_search",
        "web_search_preview",
        "computer_use_preview",
        "computer",
        "web_search_preview_2025_03_11",
        "image_generation",
        "code_interpreter",
    }
)
QUIET = frozenset({"type"})

# --- tools ---------------------------------------------------------------------------------


def decode_tool(t: dict[str, Any]) -> Tool:
    kind = t.pop("type")
    if kind in ("function", "custom"):
        tool = Tool(name=t.pop("name"), kind=kind, description=take(t, "description"))
        if kind == "function":
            tool.parameters = take(t, "parameters")
            tool.strict = take(t, "strict")
        tool.extras = leftovers(F, t)
        return tool
    return Tool(
        name=kind,
        kind="builtin",
        builtin_type=BUILTIN_TOOLS.get(kind, kind),
        config=t,
        extras=leftovers(F, {}, shape={"type": kind}),
    )


def encode_tool(tool: Tool, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    if tool.cache_control is not None:
        ctx.loss(f"{path}.cache_control", "cache-control-dropped", "no breakpoint on tools")
    out: dict[str, Any]
    if tool.kind == "builtin":
        return _encode_builtin(tool, ctx, path)
    out = {"type": tool.kind, "name": tool.name}
    if tool.description is not None:
        out["description"] = tool.description
    if tool.kind == "function":
        if tool.parameters is not None or not mine(tool):
            out["parameters"] = tool.parameters or {"type": "object", "properties": {}}
        if tool.strict is not None or not mine(tool):
            out["strict"] = bool(tool.strict)
    restore_into(out, tool, ctx, path)
    return out


def _encode_builtin(tool: Tool, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    sh = shape(tool)
    if "type" in sh:
        return {"type": sh["type"], **(tool.config or {})}
    wire = BUILTIN_TOOLS_OUT.get(tool.builtin_type or "")
    config = dict(tool.config or {})
    out: dict[str, Any]
    if wire == "web_search":
        out = {"type": "web_search"}
        location = config.pop("user_location", None)
        if isinstance(location, dict):
            out["user_location"] = {"type": "approximate", **location}
        domains = config.pop("allowed_domains", None)
        if isinstance(domains, list):
            out["filters"] = {"allowed_domains": domains}
    elif wire == "code_interpreter":
        out = {"type": "code_interpreter", "container": {"type": "auto"}}
    elif wire == "image_generation":
        out = {"type": "image_generation"}
    else:
        ctx.loss(
            path,
            "tool-unsupported",
            f"the provider tool {tool.builtin_type or tool.name!r} has no Responses form",
        )
        return None
    for key in config:
        ctx.loss(
            f"{path}.config.{key}",
            "parameter-unsupported",
            f"`{key}` has no equivalent on the Responses {wire} tool",
        )
    restore_into(out, tool, ctx, path)
    return out


# --- tool choice ---------------------------------------------------------------------------


def decode_tool_choice(choice: Any) -> ToolChoice:
    if isinstance(choice, str):
        return ToolChoice(mode=cast(Any, choice), extras=leftovers(F, {}))
    kind = choice.pop("type")
    if kind in ("function", "custom") and isinstance(choice.get("name"), str):
        return ToolChoice(
            mode="tool", name=choice.pop("name"), extras=leftovers(F, choice, {"type": kind})
        )
    if kind == "allowed_tools" and "mode" in choice:
        return ToolChoice(mode=choice.pop("mode"), extras=leftovers(F, choice, {"type": kind}))
    if kind in HOSTED_CHOICES and not choice:
        return ToolChoice(mode="tool", name=kind, extras=leftovers(F, {}, {"type": "hosted"}))
    choice["type"] = kind
    return ToolChoice(mode="auto", extras=leftovers(F, choice, shape={"opaque": True}))


def encode_tool_choice(tc: ToolChoice, tools: list[Tool], ctx: ConversionContext) -> Any:
    sh = shape(tc)
    if sh.get("opaque") and tc.extras is not None:
        return dict(tc.extras.fields)
    out: dict[str, Any]
    if tc.mode == "tool":
        kind = sh.get("type")
        if kind is None:
            tool = next((t for t in tools if t.name == tc.name), None)
            kind = tool.kind if tool is not None else "function"
            if tool is not None and tool.kind == "builtin":
                wire = _encode_builtin(tool, ConversionContext(ctx.format, ctx.kind), "$")
                name = wire.get("type") if wire else None
                if name not in HOSTED_CHOICES:
                    ctx.loss(
                        "$.tool_choice",
                        "tool-choice-unsupported",
                        f"Responses cannot force the provider tool {tc.name!r}",
                    )
                    return "required"
                return {"type": name}
        out = {"type": tc.name} if kind == "hosted" else {"type": kind, "name": tc.name or ""}
    elif sh.get("type") == "allowed_tools":
        out = {"type": "allowed_tools", "mode": tc.mode}
    else:
        if tc.extras is not None and tc.extras.fields:
            restore_into({}, tc, ctx, "$.tool_choice")
        return tc.mode
    restore_into(out, tc, ctx, "$.tool_choice")
    return out


# --- text format and reasoning -------------------------------------------------------------


def decode_format(rf: dict[str, Any]) -> ResponseFormat:
    kind = rf.pop("type")
    out = ResponseFormat(type=kind)
    if kind == "json_schema":
        out.name = take(rf, "name")
        out.schema = take(rf, "schema")
        out.description = take(rf, "description")
        out.strict = take(rf, "strict")
    out.extras = leftovers(F, rf)
    return out


def encode_format(rf: ResponseFormat, ctx: ConversionContext) -> dict[str, Any]:
    out: dict[str, Any] = {"type": rf.type}
    if rf.type == "json_schema":
        if rf.name is not None or not mine(rf):
            out["name"] = rf.name or "response"
        if rf.schema is not None or not mine(rf):
            out["schema"] = rf.schema or {"type": "object"}
        if rf.description is not None:
            out["description"] = rf.description
        if rf.strict is not None:
            out["strict"] = rf.strict
    restore_into(out, rf, ctx, "$.response_format")
    return out


def decode_reasoning(r: dict[str, Any]) -> Reasoning:
    effort = take(r, "effort")
    mode: Literal["enabled", "disabled"] | None = None
    if effort is not None:
        mode = "disabled" if effort == "none" else "enabled"
    return Reasoning(mode=mode, effort=effort, summary=take(r, "summary"), extras=leftovers(F, r))


def encode_reasoning(r: Reasoning, ctx: ConversionContext) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    if mine(r):
        if r.effort is not None:
            out["effort"] = r.effort
        if r.summary is not None:
            out["summary"] = r.summary
        restore_into(out, r, ctx, "$.reasoning")
        return out
    effort = r.effort
    if effort is None and r.mode == "disabled":
        effort = "none"
    elif effort is None and r.budget_tokens is not None:
        effort = budget_to_effort(r.budget_tokens)
    if effort is not None and effort not in REASONING_EFFORTS:
        ctx.loss(
            "$.reasoning.effort",
            "parameter-unsupported",
            f"reasoning effort {effort!r} is not one Responses accepts",
        )
        effort = None
    if effort is not None:
        out["effort"] = effort
    if r.summary is not None:
        if r.summary in ("auto", "concise", "detailed"):
            out["summary"] = r.summary
        else:
            ctx.loss("$.reasoning.summary", "parameter-unsupported", "unknown summary setting")
    restore_into(out, r, ctx, "$.reasoning")
    return out or None
