"""Fast decoding of request messages of the common exact shapes: string content, or text,
tool_use and tool_result blocks (see `fast`), and of bodies of plain values and common client
tools.

`messages` builds exactly what `request._decode_message` builds from validated messages, or
returns None for anything else; the rest of the body is validated unless `plain_body` finds
nothing but plain values and common tools in it. Nothing here mutates its input.
Tests: ``test_anthropic_fast.py``.
"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Extras, Message, Part, Role, TextPart, Tool, ToolChoice, ToolResultPart
from . import fast
from .content import EMPTY_QUIET, QUIET
from .tables import FAMILY
from .tools import CHOICE_TO_MODE

_ROLES: Final[dict[str, Role]] = {"user": "user", "assistant": "assistant", "system": "system"}
_MESSAGE_READ: Final = frozenset({"role", "content"})
_RESULT_READ: Final = frozenset({"type", "tool_use_id", "content", "is_error"})
_RESULT_OTHER: Final = frozenset({"cache_control"})

#: Extras shared by the nodes that have nothing else to record (never mutated).
STRING_CONTENT: Final = Extras(FAMILY, {}, {"content": "string"}, QUIET)
_RESULT_EXTRAS: Final = Extras(FAMILY, {"type": "tool_result"}, {}, QUIET)
_RESULT_STRING: Final = Extras(FAMILY, {"type": "tool_result"}, {"content": "string"}, QUIET)
_RESULT_ABSENT: Final = Extras(FAMILY, {"type": "tool_result"}, {"content": "absent"}, QUIET)


def tool_result_block(block: dict[str, Any]) -> ToolResultPart | None:
    """A ``tool_result`` of text content, without cache control (``type`` already checked)."""
    call_id, raw, is_error = block.get("tool_use_id"), block.get("content"), block.get("is_error")
    if type(call_id) is not str or (is_error is not None and type(is_error) is not bool):
        return None
    if is_error is None and "is_error" in block:
        return None  # not nullable: validation says so
    content: list[Part]
    if type(raw) is str:
        content, extras = [TextPart(text=raw)], _RESULT_STRING
    elif type(raw) is list:
        content, extras = [], _RESULT_EXTRAS
        for item in raw:
            kind = item.get("type") if type(item) is dict else None
            text = fast.text_block(item) if kind == "text" and type(kind) is str else None
            if text is None:
                return None
            content.append(text)
    elif "content" not in block:
        content, extras = [], _RESULT_ABSENT
    else:
        return None
    if len(block) != 2 + ("content" in block) + ("is_error" in block):
        fields: dict[str, Any] = {"type": "tool_result"}
        if not fast.unknown(block, _RESULT_READ, _RESULT_OTHER, fields):
            return None
        extras = Extras(FAMILY, fields, extras.shape, QUIET)
    part = ToolResultPart(call_id=call_id, content=content, extras=extras)
    if is_error is not None:
        part.is_error = is_error
    return part


def _block(wire: Any) -> Part | None:
    if type(wire) is not dict:
        return None
    kind = wire.get("type")
    if type(kind) is not str:
        return None
    if kind == "text":
        return fast.text_block(wire)
    if kind == "tool_use":
        return fast.tool_use_block(wire)
    if kind == "tool_result":
        return tool_result_block(wire)
    return None


def message(m: Any) -> Message | None:
    if type(m) is not dict:
        return None
    wire_role, content = m.get("role"), m.get("content")
    role = _ROLES.get(wire_role) if type(wire_role) is str else None
    if role is None:
        return None
    fields: dict[str, Any] = {}
    if len(m) != 2:
        if "content" not in m:
            return None
        fields = {k: v for k, v in m.items() if k not in _MESSAGE_READ}
    if type(content) is str:
        ex = Extras(FAMILY, fields, {"content": "string"}, QUIET) if fields else STRING_CONTENT
        return Message(role=role, content=[TextPart(text=content)], extras=ex)
    if type(content) is not list:
        return None
    parts: list[Part] = []
    for b in content:
        part = _block(b)
        if part is None:
            return None
        parts.append(part)
    return Message(
        role=role,
        content=parts,
        extras=Extras(FAMILY, fields, {}, QUIET) if fields else EMPTY_QUIET,
    )


def messages(wire: Any) -> list[Message] | None:
    """The decoded ``messages``, or None if any is not of a common shape."""
    if type(wire) is not list:
        return None
    out: list[Message] = []
    for m in wire:
        decoded = message(m)
        if decoded is None:
            return None
        out.append(decoded)
    return out


#: Body keys of plain values a body decoded without validation may hold, with their type.
_PLAIN: Final[dict[str, type]] = {
    "model": str,
    "max_tokens": int,
    "temperature": float,
    "top_p": float,
    "top_k": int,
    "stream": bool,
    "service_tier": str,
    "anthropic_version": str,
}


_TOOL_KEYS: Final = frozenset({"name", "input_schema", "description", "strict", "type"})
_CHOICE_KEYS: Final = frozenset({"type", "name", "disable_parallel_tool_use"})
_CUSTOM_TYPE: Final = Extras(FAMILY, {"type": "custom"}, {}, QUIET)
_NULL_TYPE: Final = Extras(FAMILY, {"type": None}, {}, QUIET)
_CHOICE: Final = Extras(FAMILY)
_CHOICE_DISABLE: Final = Extras(FAMILY, {}, {"disable_parallel_tool_use": True})


def tool(t: Any) -> Tool | None:
    """`tools.decode_tool` of a client tool without cache control or unknown keys, or None."""
    if type(t) is not dict or not _TOOL_KEYS.issuperset(t):
        return None
    name, schema = t.get("name"), t.get("input_schema")
    if type(name) is not str or type(schema) is not dict:
        return None
    for key in schema:
        if type(key) is not str:
            return None
    description, strict = t.get("description"), t.get("strict")
    if (description is not None or "description" in t) and type(description) is not str:
        return None
    if (strict is not None or "strict" in t) and type(strict) is not bool:
        return None
    extras = EMPTY_QUIET
    if "type" in t:
        kind = t["type"]
        if kind is not None and (kind != "custom" or type(kind) is not str):
            return None
        extras = _NULL_TYPE if kind is None else _CUSTOM_TYPE
    return Tool(
        name=name,
        description=description,
        parameters=dict(schema),  # validation's copy: a new dict, the same values
        strict=strict,
        extras=extras,
    )


def tool_choice(tc: Any) -> tuple[ToolChoice, bool | None] | None:
    """`tools.decode_tool_choice` of a ``tool_choice`` without unknown keys, or None."""
    if type(tc) is not dict or not _CHOICE_KEYS.issuperset(tc):
        return None
    kind, name = tc.get("type"), tc.get("name")
    mode = CHOICE_TO_MODE.get(kind) if type(kind) is str else None
    if mode is None or ((name is not None or "name" in tc) and type(name) is not str):
        return None
    if "disable_parallel_tool_use" not in tc:
        return ToolChoice(mode=mode, name=name, extras=_CHOICE), None
    disable = tc["disable_parallel_tool_use"]
    if type(disable) is not bool:
        return None
    return ToolChoice(mode=mode, name=name, extras=_CHOICE_DISABLE), not disable


def _options(key: str, value: Any, fields: dict[str, Any]) -> bool:
    """``tools`` or ``tool_choice`` into ``fields``; False for any other key or shape."""
    if key == "tools" and type(value) is list:
        tools = []
        for t in value:
            decoded = tool(t)
            if decoded is None:
                return False
            tools.append(decoded)
        fields["tools"] = tools
        return True
    choice = tool_choice(value) if key == "tool_choice" else None
    if choice is None:
        return False
    fields["tool_choice"], fields["parallel_tool_calls"] = choice
    return True


def plain_body(payload: dict[str, Any]) -> dict[str, Any] | None:
    """The plain values of a body that holds nothing else but ``messages``, a string
    ``system`` and common ``tools`` and ``tool_choice`` (each key to the `Request` field of its
    name); None for any other body."""
    fields: dict[str, Any] = {}
    for key, value in payload.items():
        want = _PLAIN.get(key)
        if want is None:
            if key == "messages" or (key == "system" and type(value) is str):
                continue
            if _options(key, value, fields):
                continue
            return None
        if type(value) is not want:
            return None
        fields[key] = value
    return fields if "max_tokens" in fields else None
