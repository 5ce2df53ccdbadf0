"""Fast decoding of the common exact shapes of content: request messages and content lists
of text, reasoning, tool-use and tool-result blocks (also used by `response.quick_response`).
Types are checked inline and the universal nodes built directly, without pydantic's validated
copy; anything else (an unknown or extra key, a wrong type, another block kind) returns None
and takes the full path, which gives the typed errors. The result is exactly what the full
path makes of the same payload (tests/providers/bedrock/test_bedrock_fast.py), and the input
is left alone."""

from __future__ import annotations

from typing import Any, Final

from ..._json import to_json_text
from ...universal import Message, Part, ReasoningPart, TextPart, ToolCallPart, ToolResultPart
from . import names
from .content import BARE, extras
from .tables import FAMILY

#: The members a plain ``toolUse`` / ``toolResult`` block may have.
_TOOL_USE: Final = frozenset({"toolUseId", "name", "input", "type"})
_TOOL_RESULT: Final = frozenset({"toolUseId", "content", "status"})
_STATUS: Final = ("success", "error")
_REASONING_TEXT: Final = frozenset({"text", "signature"})


def _tool_use(tu: Any) -> Part | None:
    if type(tu) is not dict or not tu.keys() <= _TOOL_USE or "input" not in tu:
        return None
    call_id, name, kind = tu.get("toolUseId"), tu.get("name"), tu.get("type")
    if type(call_id) is not str or type(name) is not str:
        return None
    if "type" in tu and (type(kind) is not str or kind == "server_tool_use"):
        return None
    return ToolCallPart(
        id=names.decode(call_id, tool_id=True),
        name=names.decode(name),
        arguments=to_json_text(tu["input"]),
        kind="function",
        extras=BARE if kind is None else extras({"type": kind}),
    )


def _tool_result(tr: Any) -> Part | None:
    if type(tr) is not dict or not tr.keys() <= _TOOL_RESULT:
        return None
    call_id, items, status = tr.get("toolUseId"), tr.get("content"), tr.get("status")
    if type(call_id) is not str or type(items) is not list:
        return None
    if "status" in tr and (type(status) is not str or status not in _STATUS):
        return None
    content: list[Part] = []
    for item in items:
        if type(item) is not dict or len(item) != 1:
            return None
        text = item.get("text")
        if type(text) is str:
            content.append(TextPart(text=text, extras=BARE))
        elif "json" in item:
            text = to_json_text(item["json"])
            content.append(TextPart(text=text, extras=extras({}, {"json": True})))
        else:
            return None
    return ToolResultPart(
        call_id=names.decode(call_id, tool_id=True),
        content=content,
        is_error=True if status == "error" else None,
        extras=extras({}, {"status": status} if status == "success" else None),
    )


def _reasoning(rc: Any) -> Part | None:
    if type(rc) is not dict or len(rc) != 1:
        return None
    redacted = rc.get("redactedContent")
    if type(redacted) is str:
        return ReasoningPart(redacted=redacted, signature_origin=FAMILY, extras=BARE)
    rt = rc.get("reasoningText")
    if type(rt) is not dict or not rt.keys() <= _REASONING_TEXT:
        return None
    text, signature = rt.get("text"), rt.get("signature")
    if type(text) is not str or ("signature" in rt and type(signature) is not str):
        return None
    origin = FAMILY if signature is not None else None
    return ReasoningPart(text=text, signature=signature, signature_origin=origin, extras=BARE)


def quick_blocks(blocks: Any) -> list[Part] | None:
    """The parts of a content list of ``text``, ``toolUse`` and ``toolResult`` blocks in their
    plain shapes; None for anything else."""
    if type(blocks) is not list:
        return None
    parts: list[Part] = []
    for b in blocks:
        if type(b) is not dict or len(b) != 1:
            return None
        text = b.get("text")
        part: Part | None
        if type(text) is str:
            part = TextPart(text=text, extras=BARE)
        elif "toolUse" in b:
            part = _tool_use(b["toolUse"])
        elif "toolResult" in b:
            part = _tool_result(b["toolResult"])
        elif "reasoningContent" in b:
            part = _reasoning(b["reasoningContent"])
        else:
            return None
        if part is None:
            return None
        parts.append(part)
    return parts


def quick_messages(messages: Any) -> list[Message] | None:
    """The universal messages of a ``messages`` list of plain user and assistant turns."""
    if type(messages) is not list:
        return None
    out: list[Message] = []
    for m in messages:
        if type(m) is not dict or len(m) != 2:
            return None
        role = m.get("role")
        content = quick_blocks(m.get("content"))
        if content is None or type(role) is not str:
            return None
        if role == "user":
            out.append(Message(role="user", content=content, extras=BARE))
        elif role == "assistant":
            out.append(Message(role="assistant", content=content, extras=BARE))
        else:
            return None
    return out
