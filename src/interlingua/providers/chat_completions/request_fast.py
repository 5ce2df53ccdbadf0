"""The common Chat Completions request messages, decoded without validation: system, developer
and user turns of string content (and a name), tool results of string content, assistant
turns as `assistant_message` takes them. Every check here is one the wire model makes, and
the messages are exactly those `decode_message` builds from the validated copy; a list with
any other message goes there.
https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
"""

from __future__ import annotations

from typing import Any

from ...universal import Extras, Message, TextPart, ToolResultPart
from .common import F
from .response_fast import assistant_message

_PLAIN_ROLES = frozenset({"system", "developer", "user"})
_PLAIN = frozenset({"role", "content", "name"})
_NOTHING_QUIET: frozenset[str] = frozenset()


def fast_messages(messages: Any) -> list[Message] | None:
    """The universal messages of a request's ``messages``, or None (use the validated path)."""
    if type(messages) is not list:
        return None
    out = []
    for m in messages:
        if type(m) is not dict:
            return None
        role = m.get("role")
        if type(role) is not str:
            return None
        if role == "tool":
            msg = _tool_result(m)
        elif role == "assistant":
            msg = assistant_message(m, request=True)
        elif role in _PLAIN_ROLES:
            msg = _plain(m, role)
        else:
            return None
        if msg is None:
            return None
        out.append(msg)
    return out


def _plain(m: dict[str, Any], role: Any) -> Message | None:
    content, name = m.get("content"), m.get("name")
    if not m.keys() <= _PLAIN or type(content) is not str:
        return None
    if "name" in m and type(name) is not str:
        return None
    return Message(
        role=role,
        content=[TextPart(text=content)] if content else [],
        name=name,
        extras=Extras(F, {}, {"content": "string"}, _NOTHING_QUIET),
    )


def _tool_result(m: dict[str, Any]) -> Message | None:
    call_id, content = m.get("tool_call_id"), m.get("content")
    if len(m) != 3 or type(call_id) is not str or type(content) is not str:
        return None
    result = ToolResultPart(
        call_id=call_id,
        content=[TextPart(text=content)] if content else [],
        extras=Extras(F, {}, {"content": "string"}),
    )
    return Message(role="tool", content=[result], extras=Extras(F, {}, {}, _NOTHING_QUIET))
