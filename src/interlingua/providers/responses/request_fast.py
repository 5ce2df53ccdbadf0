"""The common Responses input items, decoded without validation: user, system and developer
messages of string content or input text parts, function calls, function call outputs of
string output, and reasoning items with plain summaries. Every check here is one the wire
model makes, and the messages are exactly those `decode_items` builds from the validated
copy; a list with any other item goes there.
https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...universal import (
    Citation,
    Extras,
    Message,
    Part,
    ReasoningPart,
    Role,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)
from .common import F
from .items import ITEM_QUIET

#: the roles of the message items read here (assistant messages take the validated path)
_ROLES: dict[str, Role] = {"user": "user", "system": "system", "developer": "developer"}
#: keys of a function call item kept in its extras, in the wire model's field order
_CALL_REST = ("id", "status")
_CALL_KEYS = frozenset({*_CALL_REST, "type", "call_id", "name", "arguments"})
#: keys of a message item besides role and content, in the wire model's field order
_MESSAGE_REST = ("type", "id", "status")
_MESSAGE_KEYS = frozenset({*_MESSAGE_REST, "role", "content"})
#: the list fields of output text read here only when empty
_EMPTY_LISTS = frozenset({"annotations", "logprobs"})
_OUTPUT_TEXT = frozenset({"type", "text", "annotations", "logprobs"})
_OUTPUT_KEYS = frozenset({"type", "call_id", "output"})
_REASONING_KEYS = frozenset({"type", "id", "summary", "content", "encrypted_content"})
_NO_QUIET: frozenset[str] = frozenset()
#: the extras shared by every node of one kind (nothing mutates decoded extras)
_TURN = Extras(F, {}, {}, _NO_QUIET)
_STRING = Extras(F, {}, {"content": "string"}, ITEM_QUIET)
_INPUT_TEXT = Extras(F, {}, {"type": "input_text"})
_BARE_ITEM = Extras(F, {}, {}, ITEM_QUIET)


def fast_items(items: Any) -> list[Message] | None:
    """The universal messages of a request's ``input`` list, or None (use the validated path)."""
    if type(items) is not list:
        return None
    messages: list[Message] = []
    group: Message | None = None
    for item in items:
        if type(item) is not dict:
            return None
        kind = item.get("type", "message")
        if type(kind) is not str:
            return None
        if kind == "message" and item.get("role") != "assistant":
            message = _message(item)
        elif kind in _ASSISTANT_SIDE:
            parts = _ASSISTANT_SIDE[kind](item)
            if parts is None:
                return None
            if group is None:
                group = Message(role="assistant", extras=_TURN)
                messages.append(group)
            group.content += parts
            continue
        elif kind == "function_call_output":
            message = _output(item)
        else:
            return None
        if message is None:
            return None
        group = None
        messages.append(message)
    return messages


def _rest(
    item: dict[str, Any], keys: tuple[str, ...], known: frozenset[str]
) -> dict[str, Any] | None:
    """What of ``item`` stays in its extras, in the order of the validated copy: the fields
    ``keys`` (the wire model's field order), then keys the model does not know (``known``:
    those it does) in their own order; None if one is not a string."""
    rest = {}
    for key in keys:
        if key in item:
            value = item[key]
            if type(value) is not str:
                return None
            rest[key] = value
    if not item.keys() <= known:
        for key, value in item.items():
            if key not in known:
                if type(value) is not str:
                    return None
                rest[key] = value
    return rest


def _message(item: dict[str, Any]) -> Message | None:
    name, content = item.get("role"), item.get("content")
    role = _ROLES.get(name) if type(name) is str else None
    rest = {} if len(item) == 2 else _rest(item, _MESSAGE_REST, _MESSAGE_KEYS)
    if role is None or rest is None:
        return None
    if type(content) is str:
        extras = _STRING if not rest else Extras(F, rest, {"content": "string"}, ITEM_QUIET)
        return Message(role=role, content=[TextPart(text=content)], extras=extras)
    if type(content) is not list:
        return None
    parts: list[Part] = []
    for p in content:
        if type(p) is not dict or len(p) != 2 or p.get("type") != "input_text":
            return None
        text = p.get("text")
        if type(text) is not str:
            return None
        parts.append(TextPart(text=text, extras=_INPUT_TEXT))
    return Message(role=role, content=parts, extras=Extras(F, rest, {}, ITEM_QUIET))


def _assistant(item: dict[str, Any]) -> list[Part] | None:
    """The text parts of an assistant message item of output text without annotations."""
    content = item.get("content")
    rest = _rest(item, _MESSAGE_REST, _MESSAGE_KEYS)
    if rest is None or type(content) is not list or not content:
        return None
    parts: list[Part] = []
    for p in content:
        if type(p) is not dict or p.get("type") != "output_text" or not p.keys() <= _OUTPUT_TEXT:
            return None
        text = p.get("text")
        if type(text) is not str or any(p[key] != [] for key in _EMPTY_LISTS.intersection(p)):
            return None
        sh: dict[str, Any] = {"type": "output_text"}
        if not parts:
            sh["item"] = rest  # the first part carries the item's own fields
        citations: list[Citation] | None = [] if "annotations" in p else None
        fields: dict[str, Any] = {"logprobs": []} if "logprobs" in p else {}
        parts.append(TextPart(text=text, citations=citations, extras=Extras(F, fields, sh)))
    return parts


def _call(item: dict[str, Any]) -> list[Part] | None:
    call_id, name, arguments = item.get("call_id"), item.get("name"), item.get("arguments")
    if type(call_id) is not str or type(name) is not str:
        return None
    if item.keys() == _CALL_KEYS:  # the recorded shape: both kept fields, nothing unknown
        rid, status = item["id"], item["status"]
        rest = {"id": rid, "status": status} if type(rid) is type(status) is str else None
    else:
        rest = _rest(item, _CALL_REST, _CALL_KEYS)
    if rest is None or type(arguments) is not str:
        return None
    extras = Extras(F, rest, {}, ITEM_QUIET)
    return [ToolCallPart(id=call_id, name=name, arguments=arguments, extras=extras)]


def _output(item: dict[str, Any]) -> Message | None:
    call_id, output = item.get("call_id"), item.get("output")
    if item.keys() != _OUTPUT_KEYS or type(call_id) is not str or type(output) is not str:
        return None
    result = ToolResultPart(
        call_id=call_id,
        content=[TextPart(text=output)],
        extras=_STRING,
    )
    return Message(role="tool", content=[result], extras=_TURN)


def _reasoning(item: dict[str, Any]) -> list[Part] | None:
    rid, summary = item.get("id"), item.get("summary")
    if not item.keys() <= _REASONING_KEYS or type(summary) is not list:
        return None
    if "id" in item and type(rid) is not str:
        return None
    texts: list[str] = []
    for s in summary:
        if type(s) is not dict or len(s) != 2 or s.get("type") != "summary_text":
            return None
        text = s.get("text")
        if type(text) is not str:
            return None
        texts.append(text)
    part = ReasoningPart(id=rid, summary=texts, extras=_BARE_ITEM)
    if "content" in item:
        content = item["content"]
        if type(content) is not list or len(content) != 1:
            return None
        only = content[0]
        text = only.get("text") if type(only) is dict and len(only) == 2 else None
        if type(text) is not str or only.get("type") != "reasoning_text":
            return None
        part.text = text
    if "encrypted_content" in item:
        encrypted = item["encrypted_content"]
        if type(encrypted) is not str:
            return None
        part.redacted = encrypted
        part.signature_origin = F
    return [part]


#: readers of the assistant-side items that join the current assistant turn, by item type
_ASSISTANT_SIDE: dict[str, Callable[[dict[str, Any]], list[Part] | None]] = {
    "message": _assistant,
    "function_call": _call,
    "reasoning": _reasoning,
}
