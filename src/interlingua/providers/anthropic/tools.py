"""Anthropic tool definitions and tool_choice <-> universal. https://docs.claude.com/en/docs/agents-and-tools/tool-use/overview"""

from __future__ import annotations

import re
from typing import Any, Final, Literal

from ...universal import Request, Tool, ToolChoice
from ..base import ConversionContext, leftovers, restore, shape_of, take
from .blocks import encode_cache_control
from .content import decode_cache_control, extras, is_native
from .tables import BUILTIN_DEFAULTS, BUILTIN_OPTIONS, BUILTIN_TOOLS, FAMILY

_DATE: Final = re.compile(r"_\d{8}$")

ToolMode = Literal["auto", "none", "required", "tool"]

#: Input schema written for a free-text (``custom``) tool from another format.
_CUSTOM_SCHEMA: Final[dict[str, Any]] = {
    "type": "object",
    "properties": {"input": {"type": "string"}},
    "required": ["input"],
}

CHOICE_TO_MODE: Final[dict[str, ToolMode]] = {
    "auto": "auto",
    "any": "required",
    "tool": "tool",
    "none": "none",
}
_MODE_TO_CHOICE: Final = {v: k for k, v in CHOICE_TO_MODE.items()}


def builtin_name(tool_type: str) -> str:
    """``web_search_20250305`` -> ``web_search``; unknown families keep their undated type."""
    base = _DATE.sub("", tool_type)
    return BUILTIN_TOOLS.get(base, base)


# --- decoding ---------------------------------------------------------------------------------


def decode_tool(t: dict[str, Any]) -> Tool:
    """A client tool (``input_schema``) or a server / Anthropic-defined tool (typed)."""
    if t.get("type") in (None, "custom"):
        return Tool(
            name=take(t, "name"),
            description=take(t, "description"),
            parameters=take(t, "input_schema"),
            strict=take(t, "strict"),
            cache_control=decode_cache_control(take(t, "cache_control")),
            extras=extras(t),
        )
    tool_type = t.pop("type")
    shape: dict[str, Any] = {"type": tool_type}
    name = take(t, "name")
    if name is None:
        shape["unnamed"] = True
    cc = decode_cache_control(take(t, "cache_control"))
    return Tool(
        name=name if name is not None else t.get("mcp_server_name", tool_type),
        kind="builtin",
        builtin_type=builtin_name(tool_type),
        config=t,
        cache_control=cc,
        extras=leftovers(FAMILY, {}, shape),
    )


def decode_tool_choice(tc: dict[str, Any]) -> tuple[ToolChoice, bool | None]:
    """The choice and the universal ``parallel_tool_calls`` it implies."""
    mode = CHOICE_TO_MODE[tc.pop("type")]
    name = take(tc, "name")
    disable = take(tc, "disable_parallel_tool_use")
    shape = {"disable_parallel_tool_use": True} if disable is not None else None
    choice = ToolChoice(mode=mode, name=name, extras=leftovers(FAMILY, tc, shape))
    return choice, (not disable) if disable is not None else None


# --- encoding ---------------------------------------------------------------------------------


def _builtin(tool: Tool, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    if is_native(tool):
        shape = shape_of(tool, ctx)
        out: dict[str, Any] = {"type": shape["type"]}
        if not shape.get("unnamed"):
            out["name"] = tool.name
        out.update(tool.config or {})
        return out
    key = tool.builtin_type or ""
    default = BUILTIN_DEFAULTS.get(key)
    if default is None:
        ctx.loss(path, "tool-unsupported", f"Anthropic has no built-in {key or tool.name!r} tool")
        return None
    out = {"type": default[0], "name": default[1]}
    allowed = BUILTIN_OPTIONS.get(key, frozenset())
    for opt, value in (tool.config or {}).items():
        if opt == "user_location" and isinstance(value, dict) and opt in allowed:
            loc = value.get("approximate", value)  # OpenAI nests the fields
            out[opt] = {"type": "approximate", **{k: v for k, v in loc.items() if k != "type"}}
        elif opt in allowed:
            out[opt] = value
        elif value is not None:
            ctx.loss(
                f"{path}.config.{opt}",
                "parameter-unsupported",
                f"the {key} tool has no {opt!r} option",
            )
    return out


def encode_tool(tool: Tool, ctx: ConversionContext, i: int) -> dict[str, Any] | None:
    """Tool ``i`` (its JSON path is formatted only for a loss)."""
    if tool.kind == "builtin":
        out = _builtin(tool, ctx, f"$.tools[{i}]")
        if out is None:
            return None
    elif tool.kind == "custom":
        ctx.loss(
            f"$.tools[{i}]",
            "custom-tool-approximated",
            "a free-text tool is sent as a one-string-field tool",
        )
        out = {"name": tool.name, "input_schema": _CUSTOM_SCHEMA}
        if tool.description is not None:
            out["description"] = tool.description
    else:
        schema = tool.parameters
        if schema is None:
            schema = {"type": "object", "properties": {}}
        out = {"name": tool.name, "input_schema": schema}
        if tool.description is not None:
            out["description"] = tool.description
        if tool.strict is not None:
            out["strict"] = tool.strict
    if tool.cache_control is not None:
        out["cache_control"] = encode_cache_control(
            tool.cache_control, ctx, f"$.tools[{i}].cache_control"
        )
    ex = tool.extras
    if ex is not None and ex.fields:
        restore(out, tool, ctx, f"$.tools[{i}]")
    return out


def encode_tool_choice(req: Request, ctx: ConversionContext) -> dict[str, Any] | None:
    """``tool_choice``, carrying ``parallel_tool_calls=False`` as ``disable_parallel_tool_use``."""
    tc = req.tool_choice
    parallel = req.parallel_tool_calls
    if tc is None:
        if parallel is False and req.tools:
            return {"type": "auto", "disable_parallel_tool_use": True}
        return None
    out: dict[str, Any] = {"type": _MODE_TO_CHOICE[tc.mode]}
    if tc.mode == "tool":
        out["name"] = tc.name if tc.name is not None else ""
    elif tc.name is not None:
        out["name"] = tc.name
    if shape_of(tc, ctx).get("disable_parallel_tool_use"):
        out["disable_parallel_tool_use"] = parallel is False
    elif parallel is False and tc.mode != "none":
        out["disable_parallel_tool_use"] = True
    restore(out, tc, ctx, "$.tool_choice")
    return out
