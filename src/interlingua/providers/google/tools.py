"""Gemini tools, tool config and schemas <-> universal tools and tool choice. https://ai.google.dev/api/caching#Tool"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Request, Tool, ToolChoice
from ..base import ConversionContext, leftovers, restore, shape_of, take
from .content import is_native
from .tables import BUILTIN_TOOLS, CALLING_MODES, FAMILY, WIRE_BUILTINS, WIRE_CALLING_MODES

_TYPES: Final = frozenset({"STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL"})

# --- schemas --------------------------------------------------------------------------------


def _retype(schema: Any, upper: bool, odd: list[str]) -> Any:
    """``schema`` with its ``type`` words in Gemini's (upper) or JSON Schema's (lower) case.
    Lowering adds to ``odd`` the words it leaves that raising would change (``"string"``)."""
    if isinstance(schema, list):
        return [_retype(s, upper, odd) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "type" and isinstance(value, str):
            if upper:
                out[key] = value.upper() if value.upper() in _TYPES else value
            elif value in _TYPES:
                out[key] = value.lower()
            else:
                out[key] = value
                if value.upper() in _TYPES:
                    odd.append(value)
        elif key in ("properties", "$defs", "defs") and isinstance(value, dict):
            out[key] = {k: _retype(v, upper, odd) for k, v in value.items()}
        elif key in ("items", "anyOf", "additionalProperties"):
            out[key] = _retype(value, upper, odd)
        else:
            out[key] = value
    return out


def decode_schema(schema: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An OpenAPI-subset schema (``parameters``, ``responseSchema``) as JSON Schema, and the
    shape that writes it back (the original when lower-casing would not)."""
    odd: list[str] = []
    converted: dict[str, Any] = _retype(schema, False, odd)
    shape: dict[str, Any] = {"schema": "openapi"}
    if odd:
        shape["original"] = schema
    return converted, shape


def encode_schema(schema: dict[str, Any], shape: dict[str, Any]) -> dict[str, Any]:
    original = shape.get("original")
    if isinstance(original, dict):
        return original
    out: dict[str, Any] = _retype(schema, True, [])
    return out


# --- tools ----------------------------------------------------------------------------------


def decode_tools(tools: list[dict[str, Any]]) -> list[Tool]:
    """Every declaration and builtin of every ``Tool`` object, in order; ``shape['group']``
    is the index of the object it came from."""
    out: list[Tool] = []
    for g, wire in enumerate(tools):
        for decl in take(wire, "functionDeclarations") or []:
            shape: dict[str, Any] = {"group": g}
            params = take(decl, "parametersJsonSchema")
            if params is None and "parameters" in decl:
                params, sshape = decode_schema(decl.pop("parameters"))
                shape.update(sshape)
            out.append(
                Tool(
                    name=take(decl, "name"),
                    description=take(decl, "description"),
                    parameters=params,
                    extras=leftovers(FAMILY, decl, shape),
                )
            )
        for key in list(wire):
            if key in BUILTIN_TOOLS and wire[key] is not None:
                config = wire.pop(key)
                out.append(
                    Tool(
                        name=key,
                        kind="builtin",
                        builtin_type=BUILTIN_TOOLS[key],
                        config=config if isinstance(config, dict) else {"value": config},
                        extras=leftovers(
                            FAMILY, {}, {"group": g, "raw": not isinstance(config, dict)}
                        ),
                    )
                )
        if wire or not out or out[-1].extras is None or out[-1].extras.shape.get("group") != g:
            # unknown tool kinds (and an empty object) stay verbatim
            out.append(
                Tool(
                    name="",
                    kind="builtin",
                    extras=leftovers(FAMILY, wire, {"group": g, "opaque": True}),
                )
            )
    return out


_WEB_OPTIONS: Final = {"blocked_domains": "excludeDomains"}


def _builtin(tool: Tool, ctx: ConversionContext, path: str) -> tuple[str, Any] | None:
    if is_native(tool) and tool.name in BUILTIN_TOOLS:
        raw = shape_of(tool, ctx).get("raw")
        config: Any = (tool.config or {}).get("value") if raw else dict(tool.config or {})
        return tool.name, config
    key = WIRE_BUILTINS.get(tool.builtin_type or "")
    if key is None:
        ctx.loss(path, "tool-unsupported", f"Gemini has no {tool.builtin_type or tool.name!r} tool")
        return None
    out: dict[str, Any] = {}
    for option, value in (tool.config or {}).items():
        if key == "googleSearch" and option in _WEB_OPTIONS:
            out[_WEB_OPTIONS[option]] = value
        else:
            ctx.loss(
                f"{path}.config.{option}",
                "parameter-unsupported",
                f"Gemini's {key} has no {option}",
            )
    restore({}, tool, ctx, path)
    return key, out


def _declaration(tool: Tool, ctx: ConversionContext, path: str) -> dict[str, Any]:
    shape = shape_of(tool, ctx)
    decl: dict[str, Any] = {"name": tool.name}
    if tool.description is not None:
        decl["description"] = tool.description
    if tool.kind == "custom":
        ctx.loss(
            path,
            "custom-tool-approximated",
            "a free-text tool becomes a function with one `input` string",
        )
        decl["parametersJsonSchema"] = {
            "type": "object",
            "properties": {"input": {"type": "string"}},
            "required": ["input"],
        }
    elif tool.parameters is not None:
        if shape.get("schema") == "openapi":
            decl["parameters"] = encode_schema(tool.parameters, shape)
        else:
            decl["parametersJsonSchema"] = tool.parameters
    if tool.strict is not None and not is_native(tool):
        ctx.loss(
            f"{path}.strict", "parameter-unsupported", "Gemini has no strict flag on functions"
        )
    if tool.cache_control is not None:
        ctx.loss(
            f"{path}.cache_control", "cache-control-dropped", "Gemini has no cache breakpoints"
        )
    restore(decl, tool, ctx, path)
    return decl


def encode_tools(tools: list[Tool], ctx: ConversionContext) -> list[dict[str, Any]]:
    """Native tools regrouped into their ``Tool`` objects; others: one object with every
    function declaration, then one object per builtin."""
    groups: dict[Any, dict[str, Any]] = {}
    native: set[Any] = set()
    for i, tool in enumerate(tools):
        path = f"$.tools[{i}]"
        shape = shape_of(tool, ctx)
        key: Any = shape.get("group", "functions" if tool.kind != "builtin" else f"builtin{i}")
        group = groups.setdefault(key, {})
        if "group" in shape:
            native.add(key)
        if shape.get("opaque"):
            restore(group, tool, ctx, path)
        elif tool.kind == "builtin":
            found = _builtin(tool, ctx, path)
            if found is not None:
                group[found[0]] = found[1]
        else:
            group.setdefault("functionDeclarations", []).append(_declaration(tool, ctx, path))
    return [g for k, g in groups.items() if g or k in native]


# --- tool choice ----------------------------------------------------------------------------


def decode_tool_config(tc: dict[str, Any]) -> ToolChoice | None:
    """``toolConfig.functionCallingConfig`` (consumed from ``tc``) as a tool choice."""
    fcc = tc.get("functionCallingConfig")
    if not isinstance(fcc, dict):
        return None
    del tc["functionCallingConfig"]
    mode = take(fcc, "mode")
    shape: dict[str, Any] = {}
    if mode is None:
        shape["mode"] = "absent"
        return ToolChoice(mode="auto", extras=leftovers(FAMILY, fcc, shape))
    choice = CALLING_MODES[mode]
    if WIRE_CALLING_MODES[choice] != mode:
        shape["mode"] = mode
    names = fcc.get("allowedFunctionNames")
    if mode == "ANY" and isinstance(names, list) and len(names) == 1:
        del fcc["allowedFunctionNames"]
        return ToolChoice(mode="tool", name=names[0], extras=leftovers(FAMILY, fcc, shape))
    return ToolChoice(mode=choice, extras=leftovers(FAMILY, fcc, shape))  # type: ignore[arg-type]


def encode_tool_config(req: Request, ctx: ConversionContext) -> dict[str, Any] | None:
    tc = req.tool_choice
    if tc is None:
        return None
    shape = shape_of(tc, ctx)
    out: dict[str, Any] = {}
    if shape.get("mode") != "absent":
        out["mode"] = shape.get("mode") or WIRE_CALLING_MODES[tc.mode]
    if tc.mode == "tool":
        out["allowedFunctionNames"] = [tc.name or ""]
    restore(out, tc, ctx, "$.tool_choice")
    return out
