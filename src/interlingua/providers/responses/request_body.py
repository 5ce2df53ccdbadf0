"""The common Responses request body, decoded without validation: a model, instructions, a
list of the input items `fast_items` reads, function tools, a string tool choice, the common
scalar settings, a reasoning effort and summary, and a text verbosity; none of them null.
Every check here is one the wire model makes, and the `Request` is exactly the one
`request_to_universal` builds from the validated copy; any other body goes there.
https://platform.openai.com/docs/api-reference/responses/create
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...universal import Extras, Message, Reasoning, Request, TextPart, Tool, ToolChoice
from ..base import plain_function
from .common import F
from .request_fast import fast_items

#: request keys read as they are: the `Request` field and the one type the wire model accepts
_SIMPLE: dict[str, tuple[str, type]] = {
    "model": ("model", str),
    "parallel_tool_calls": ("parallel_tool_calls", bool),
    "temperature": ("temperature", float),
    "top_p": ("top_p", float),
    "stream": ("stream", bool),
    "store": ("store", bool),
    "service_tier": ("service_tier", str),
    "safety_identifier": ("user", str),
}
#: the integer request keys, by `Request` field
_INTS = {"max_output_tokens": "max_tokens", "top_logprobs": "top_logprobs"}
#: integers beyond this are left to validation
_LARGE = 2**53
#: the extras of nodes that keep nothing (shared: nothing mutates decoded extras)
_EMPTY = Extras(F, {}, {})
_TOOL = frozenset({"type", "name", "description", "parameters", "strict"})
_CHOICES = frozenset({"none", "auto", "required"})
_NAMED = frozenset({"type", "name"})
_VERBOSITY = frozenset({"low", "medium", "high"})
_SUMMARIES = frozenset({"auto", "concise", "detailed"})
_REASONING = frozenset({"effort", "summary"})


def fast_request(p: dict[str, Any]) -> Request | None:
    """The `Request` of a common request body, or None (use the validated path)."""
    items = fast_items(p.get("input"))
    if items is None:
        return None
    req = Request(messages=items)
    fields: dict[str, Any] = {}
    for key, value in p.items():
        simple = _SIMPLE.get(key)
        if simple is not None:
            attr, tp = simple
            if type(value) is not tp:
                return None
            setattr(req, attr, value)
        elif key in _INTS:
            if type(value) is not int or abs(value) >= _LARGE:
                return None
            setattr(req, _INTS[key], value)
        elif key != "input":
            read = _READERS.get(key)
            if read is None or not read(value, req, fields):
                return None
    req.extras = Extras(F, fields, {}) if fields else _EMPTY
    return req


def _instructions(text: Any, req: Request, fields: dict[str, Any]) -> bool:
    if type(text) is not str:
        return False
    extras = Extras(F, {}, {"instructions": True})
    req.messages.insert(0, Message(role="system", content=[TextPart(text=text)], extras=extras))
    return True


def _tool_choice(choice: Any, req: Request, fields: dict[str, Any]) -> bool:
    """A mode, or a function or custom tool named by an object of nothing else."""
    if type(choice) is str and choice in _CHOICES:
        req.tool_choice = ToolChoice(mode=choice, extras=_EMPTY)  # type: ignore[arg-type]
        return True
    if type(choice) is not dict or choice.keys() != _NAMED:
        return False
    kind, name = choice["type"], choice["name"]
    if (kind != "function" and kind != "custom") or type(name) is not str:
        return False
    req.tool_choice = ToolChoice(mode="tool", name=name, extras=Extras(F, {}, {"type": kind}))
    return True


def _text(text: Any, req: Request, fields: dict[str, Any]) -> bool:
    """A text setting of a verbosity alone, kept in the request's extras."""
    verbosity = text.get("verbosity") if type(text) is dict and len(text) == 1 else None
    if type(verbosity) is not str or verbosity not in _VERBOSITY:
        return False
    fields["text"] = dict(text)
    return True


def _metadata(meta: Any, req: Request, fields: dict[str, Any]) -> bool:
    if type(meta) is not dict:
        return False
    for key, value in meta.items():
        if type(key) is not str or type(value) is not str:
            return False
    req.metadata = dict(meta)
    return True


def _tools(tools: Any, req: Request, fields: dict[str, Any]) -> bool:
    """Function tools of a name and, optionally, a description, parameters and strict flag."""
    if type(tools) is not list:
        return False
    out = []
    for t in tools:
        if type(t) is not dict or t.get("type") != "function" or not t.keys() <= _TOOL:
            return False
        name = t.get("name")
        found = plain_function(t)
        if type(name) is not str or found is None:
            return False
        description, parameters, strict = found
        tool = Tool(
            name=name,
            kind="function",
            description=description,
            parameters=parameters,
            strict=strict,
            extras=_EMPTY,
        )
        out.append(tool)
    req.tools = out
    return True


def _reasoning(r: Any, req: Request, fields: dict[str, Any]) -> bool:
    """A reasoning effort (any string) and summary (one of the documented modes)."""
    if type(r) is not dict or not r.keys() <= _REASONING:
        return False
    effort, summary = r.get("effort"), r.get("summary")
    if "effort" in r and type(effort) is not str:
        return False
    if "summary" in r and (type(summary) is not str or summary not in _SUMMARIES):
        return False
    mode: Any = None if effort is None else "disabled" if effort == "none" else "enabled"
    req.reasoning = Reasoning(mode=mode, effort=effort, summary=summary, extras=_EMPTY)
    return True


#: readers of the other request keys: whether the value is one read here
_READERS: dict[str, Callable[[Any, Request, dict[str, Any]], bool]] = {
    "instructions": _instructions,
    "tools": _tools,
    "tool_choice": _tool_choice,
    "reasoning": _reasoning,
    "text": _text,
    "metadata": _metadata,
}
