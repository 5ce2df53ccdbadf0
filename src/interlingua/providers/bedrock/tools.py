"""Bedrock ``toolConfig`` <-> universal tools. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolConfiguration.html"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Message, Request, Tool, ToolCallPart, ToolChoice, ToolResultPart
from ..base import ConversionContext, restore, shape_of
from . import names
from .content import decode_cache_point, extras, is_native
from .encode import encode_cache_point, tool_name
from .tables import BUILTIN_SYSTEM_TOOLS, SYSTEM_TOOLS

#: The input schema of a free-text tool sent as a function tool.
CUSTOM_SCHEMA: Final = {
    "type": "object",
    "properties": {"input": {"type": "string"}},
    "required": ["input"],
}
EMPTY_SCHEMA: Final = {"type": "object", "properties": {}}


def decode_tools(entries: list[dict[str, Any]]) -> list[Tool]:
    tools: list[Tool] = []
    for entry in entries:
        if "toolSpec" in entry and len(entry) == 1:
            spec = dict(entry["toolSpec"])
            schema = spec.get("inputSchema")
            params = None
            if isinstance(schema, dict) and set(schema) == {"json"}:
                params = spec.pop("inputSchema")["json"]
            tools.append(
                Tool(
                    name=names.decode(spec.pop("name")),
                    description=spec.pop("description", None),
                    parameters=params,
                    strict=spec.pop("strict", None),
                    extras=extras(spec),
                )
            )
        elif "systemTool" in entry and len(entry) == 1:
            st = dict(entry["systemTool"])
            name = st.pop("name")
            tools.append(
                Tool(
                    name=name,
                    kind="builtin",
                    builtin_type=SYSTEM_TOOLS.get(name, name),
                    extras=extras(st, {"entry": "systemTool"}),
                )
            )
        elif (
            "cachePoint" in entry
            and len(entry) == 1
            and tools
            and tools[-1].cache_control is None
            and shape_of_raw(tools[-1]) is None
        ):
            tools[-1].cache_control = decode_cache_point(dict(entry["cachePoint"]))
        else:  # a leading cache point, or a tool kind this version does not know
            tools.append(
                Tool(name="", kind="builtin", extras=extras(dict(entry), {"entry": "raw"}))
            )
    return tools


def shape_of_raw(tool: Tool) -> str | None:
    ex = tool.extras
    value = ex.shape.get("entry") if ex is not None else None
    return value if value == "raw" else None


def decode_tool_choice(tc: dict[str, Any]) -> ToolChoice:
    if "auto" in tc and len(tc) == 1:
        return ToolChoice(mode="auto", extras=extras(dict(tc["auto"])))
    if "any" in tc and len(tc) == 1:
        return ToolChoice(mode="required", extras=extras(dict(tc["any"])))
    if "tool" in tc and len(tc) == 1:
        t = dict(tc["tool"])
        return ToolChoice(mode="tool", name=names.decode(t.pop("name")), extras=extras(t))
    return ToolChoice(mode="auto", extras=extras({}, {"raw": tc}))


def _encode_tool(t: Tool, req: Request, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    native = is_native(t)
    entry = shape_of(t, ctx).get("entry")
    if entry == "raw":
        raw: dict[str, Any] = {}
        restore(raw, t, ctx, path)
        return raw
    if t.kind == "builtin":
        name = t.name if entry == "systemTool" else BUILTIN_SYSTEM_TOOLS.get(t.builtin_type or "")
        nova = "nova" in (req.model or "")
        if name is None or not (entry == "systemTool" or nova):
            ctx.loss(
                path,
                "tool-unsupported",
                f"Bedrock has no {t.builtin_type or t.name!r} tool for this model "
                "(only Amazon Nova system tools)",
            )
            return None
        st: dict[str, Any] = {"name": name}
        if t.config:
            ctx.loss(f"{path}.config", "parameter-unsupported", "Nova system tools take no options")
        restore(st, t, ctx, path)
        return {"systemTool": st}
    spec: dict[str, Any] = {"name": tool_name(t.name, ctx, path, "name")}
    if t.description:
        spec["description"] = t.description
    params = t.parameters
    if t.kind == "custom":
        ctx.loss(path, "custom-tool-approximated", 'a free-text tool sent as {"input": string}')
        params = CUSTOM_SCHEMA
    if params is not None or not native:
        spec["inputSchema"] = {"json": params if params is not None else EMPTY_SCHEMA}
    if t.strict is not None:
        spec["strict"] = t.strict
    restore(spec, t, ctx, path)
    return {"toolSpec": spec}


def _has_tool_blocks(messages: list[Message]) -> bool:
    return any(isinstance(p, (ToolCallPart, ToolResultPart)) for m in messages for p in m.content)


def encode_tool_config(req: Request, ctx: ConversionContext) -> dict[str, Any] | None:
    """``toolConfig``, or None when there are no tools (or tool choice ``none`` leaves them out)."""
    if req.tools is None:
        if req.tool_choice is not None and req.tool_choice.mode != "none":
            ctx.loss("$.tool_choice", "tool-choice-unsupported", "a tool choice without tools")
        return None
    choice = req.tool_choice
    native = is_native(req)
    if choice is not None and choice.mode == "none":
        if not _has_tool_blocks(req.messages):
            ctx.loss(
                "$.tool_choice",
                "tool-choice-unsupported",
                "Bedrock has no tool choice `none`: the tools are left out instead",
            )
            return None
        ctx.loss(
            "$.tool_choice",
            "tool-choice-unsupported",
            "Bedrock has no tool choice `none` and needs the tools for the tool calls in the "
            "conversation: sent with the model free to call them (auto)",
        )
        choice = None
    tools: list[dict[str, Any]] = []
    for i, t in enumerate(req.tools):
        path = f"$.tools[{i}]"
        entry = _encode_tool(t, req, ctx, path)
        if entry is None:
            continue
        tools.append(entry)
        if t.cache_control is not None:
            tools.append(encode_cache_point(t.cache_control, ctx, f"{path}.cache_control"))
    if not tools and not native:
        return None
    out: dict[str, Any] = {"tools": tools}
    if choice is not None:
        out["toolChoice"] = _encode_choice(choice, ctx)
    return out


def _encode_choice(choice: ToolChoice, ctx: ConversionContext) -> dict[str, Any]:
    path = "$.tool_choice"
    raw = shape_of(choice, ctx).get("raw")
    if isinstance(raw, dict):
        return raw
    body: dict[str, Any] = {}
    if choice.mode == "tool":
        body["name"] = tool_name(choice.name or "", ctx, path, "name")
    restore(body, choice, ctx, path)
    key = {"auto": "auto", "required": "any", "tool": "tool"}[choice.mode]
    return {key: body}
