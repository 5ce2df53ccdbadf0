"""Fast decoding of request messages of the common exact shapes: string content, or text,
tool_use and tool_result blocks (see `fast`), and of bodies of plain values.

`messages` builds exactly what `request._decode_message` builds from validated messages, or
returns None for anything else; the rest of the body is validated unless `plain_body` finds
nothing but plain values in it. Nothing here mutates its input. Tests: ``test_anthropic_fast.py``.
"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Extras, Message, Part, Role, TextPart, ToolResultPart
from . import fast
from .content import EMPTY_QUIET, QUIET
from .tables import FAMILY

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


def plain_body(payload: dict[str, Any]) -> dict[str, Any] | None:
    """The plain values of a body that holds nothing else but ``messages`` and a string
    ``system`` (each key to the `Request` field of its name); None for any other body."""
    fields: dict[str, Any] = {}
    for key, value in payload.items():
        want = _PLAIN.get(key)
        if want is None:
            if key == "messages" or (key == "system" and type(value) is str):
                continue
            return None
        if type(value) is not want:
            return None
        fields[key] = value
    return fields if "max_tokens" in fields else None
