"""The common Chat Completions request, decoded without validation: system, developer and
user turns of string content (and a name), tool results of string content, assistant turns as
`assistant_message` takes them; function tools, a string tool choice and the common scalar
parameters, none of them null. Every check here is one the wire model makes, and the messages
and `Request` are exactly those `request_to_universal` builds from the validated copy; any
other body, or a list with any other message, goes there.
https://platform.openai.com/docs/api-reference/chat/create
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    Extras,
    Message,
    Reasoning,
    Request,
    TextPart,
    Tool,
    ToolChoice,
    ToolResultPart,
)
from ..base import plain_function
from .common import F
from .response_fast import assistant_message

_PLAIN_ROLES = frozenset({"system", "developer", "user"})
_PLAIN = frozenset({"role", "content", "name"})
#: the extras of nodes with no leftovers, bare or with string content (read-only once
#: decoded, so they may be shared)
_EMPTY = Extras(F, {}, {})
_STRING_CONTENT = Extras(F, {}, {"content": "string"})

#: request keys read as they are, with the one type the wire model accepts for them
_SIMPLE: dict[str, type] = {
    "model": str,
    "parallel_tool_calls": bool,
    "stream": bool,
    "store": bool,
    "seed": int,
    "n": int,
    "user": str,
}
_FLOATS = ("temperature", "top_p")
_TOP = frozenset(
    {
        *_SIMPLE,
        *_FLOATS,
        "messages",
        "tools",
        "tool_choice",
        "max_tokens",
        "max_completion_tokens",
        "reasoning_effort",
        "stream_options",
        "metadata",
    }
)
_TOOL = frozenset({"type", "function"})
_FUNCTION = frozenset({"name", "description", "parameters", "strict"})
_CHOICES = frozenset({"none", "auto", "required"})
#: the largest integer a float holds exactly (validation turns integer floats into floats)
_EXACT = 2**53


def fast_request(p: Any) -> Request | None:
    """The `Request` of a common request body, or None (use the validated path)."""
    if type(p) is not dict or not p.keys() <= _TOP:
        return None
    messages = fast_messages(p.get("messages"))
    if messages is None:
        return None
    req = Request(messages=messages)
    for key, tp in _SIMPLE.items():
        if key in p:
            if type(p[key]) is not tp:
                return None
            setattr(req, key, p[key])
    for key in _FLOATS:
        if key in p:
            value = p[key]
            if type(value) is int and -_EXACT <= value <= _EXACT:
                value = float(value)
            elif type(value) is not float:
                return None
            setattr(req, key, value)
    shape: dict[str, Any] = {}
    if not _tokens(p, req, shape) or not _options(p, req):
        return None
    if "tools" in p:
        tools = _tools(p["tools"])
        if tools is None:
            return None
        req.tools = tools
    if "tool_choice" in p:
        choice = p["tool_choice"]
        if type(choice) is not str or choice not in _CHOICES:
            return None
        req.tool_choice = ToolChoice(mode=choice, extras=_EMPTY)  # type: ignore[arg-type]
    req.extras = Extras(F, {}, shape)
    return req


def _tokens(p: dict[str, Any], req: Request, shape: dict[str, Any]) -> bool:
    """Read ``max_completion_tokens`` or ``max_tokens`` (not both); whether they are valid."""
    if "max_completion_tokens" in p:
        req.max_tokens = p["max_completion_tokens"]
        return "max_tokens" not in p and type(req.max_tokens) is int
    if "max_tokens" in p:
        req.max_tokens = p["max_tokens"]
        shape["max_tokens"] = "max_tokens"
        return type(req.max_tokens) is int
    return True


def _options(p: dict[str, Any], req: Request) -> bool:
    """Read the reasoning effort, stream options and metadata; whether they are valid."""
    if "reasoning_effort" in p:
        effort = p["reasoning_effort"]
        if type(effort) is not str:
            return False
        mode: Any = "disabled" if effort == "none" else "enabled"
        req.reasoning = Reasoning(mode=mode, effort=effort, extras=_EMPTY)
    if "stream_options" in p:
        options = p["stream_options"]
        if type(options) is not dict or len(options) != 1:
            return False
        req.include_usage = options.get("include_usage")
        if type(req.include_usage) is not bool:
            return False
    if "metadata" in p:
        meta = p["metadata"]
        if type(meta) is not dict:
            return False
        for key, value in meta.items():
            if type(key) is not str or type(value) is not str:
                return False
        req.metadata = dict(meta)
    return True


def _tools(tools: Any) -> list[Tool] | None:
    """Function tools of a name and, optionally, a description, parameters and strict flag."""
    if type(tools) is not list:
        return None
    out = []
    for t in tools:
        if type(t) is not dict or t.keys() != _TOOL or t["type"] != "function":
            return None
        fn = t["function"]
        if type(fn) is not dict or not fn.keys() <= _FUNCTION or type(fn.get("name")) is not str:
            return None
        found = plain_function(fn)
        if found is None:
            return None
        description, parameters, strict = found
        tool = Tool(
            name=fn["name"],
            description=description,
            parameters=parameters,
            strict=strict,
            extras=_EMPTY,
        )
        out.append(tool)
    return out


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
        extras=_STRING_CONTENT,
    )


def _tool_result(m: dict[str, Any]) -> Message | None:
    call_id, content = m.get("tool_call_id"), m.get("content")
    if len(m) != 3 or type(call_id) is not str or type(content) is not str:
        return None
    result = ToolResultPart(
        call_id=call_id,
        content=[TextPart(text=content)] if content else [],
        extras=_STRING_CONTENT,
    )
    return Message(role="tool", content=[result], extras=_EMPTY)
