"""Responses input/output items <-> universal messages (assistant items grouped into turns).
https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
"""

from __future__ import annotations

from typing import Any

from ..._json import to_json_text
from ...universal import (
    Extras,
    Message,
    OpaquePart,
    Part,
    ReasoningPart,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)
from ..base import ConversionContext, leftovers, restore, take
from .assistant import Place, encode_assistant
from .common import F, mine, shape
from .content import decode_part, encode_part

#: item keys that describe the wire (never a loss when dropped)
ITEM_QUIET = frozenset({"type", "id", "status"})
#: the key of a hosted tool call item that holds its input, by item type
SERVER_ARGS = {
    "web_search_call": "action",
    "computer_call": "action",
    "local_shell_call": "action",
    "shell_call": "action",
    "file_search_call": "queries",
    "code_interpreter_call": "code",
    "mcp_call": "arguments",
    "apply_patch_call": "operation",
    "tool_search_call": "arguments",
}
ROLES = ("user", "system", "developer", "assistant")
#: the kinds of tool output item
_OUTPUTS = ("function_call_output", "custom_tool_call_output")
_NO_QUIET: frozenset[str] = frozenset()
#: the output item type of a universal tool result kind (server results have none)
_OUTPUT_TYPES = {"function": "function_call_output", "custom": "custom_tool_call_output"}


# --- decoding ------------------------------------------------------------------------------


def is_message(item: dict[str, Any]) -> bool:
    return item.get("type") in (None, "message") and "role" in item


def decode_items(items: list[dict[str, Any]]) -> list[Message]:
    """Input items to messages: consecutive assistant-side items form one assistant turn."""
    messages: list[Message] = []
    group: Message | None = None
    for item in items:
        kind = item.get("type")
        message = (kind is None or kind == "message") and "role" in item
        if message and item["role"] != "assistant":
            group = None
            messages.append(decode_message(item))
        elif kind in _OUTPUTS:
            group = None
            extras = Extras(F, {}, {}, _NO_QUIET)
            messages.append(Message(role="tool", content=[decode_output(item)], extras=extras))
        elif not message and item.get("role") in ROLES:
            group = None
            messages.append(
                Message(
                    role=item["role"],
                    content=[OpaquePart(family=F, data=item)],
                    extras=Extras(F, {}, {"item": "opaque"}, _NO_QUIET),
                )
            )
        else:
            if group is None:
                group = Message(role="assistant", extras=Extras(F, {}, {}, _NO_QUIET))
                messages.append(group)
            group.content += decode_output_item(item)
    return messages


def decode_message(item: dict[str, Any]) -> Message:
    """A user/system/developer message item."""
    role = item.pop("role")
    content = item.pop("content")
    sh: dict[str, Any] = {}
    if isinstance(content, str):
        sh["content"] = "string"
        parts: list[Part] = [TextPart(text=content)]
    else:
        parts = [decode_part(p) for p in content]
    return Message(role=role, content=parts, extras=Extras(F, item, sh, ITEM_QUIET))


def decode_output(item: dict[str, Any]) -> ToolResultPart:
    """A function_call_output / custom_tool_call_output item."""
    kind = item.pop("type")
    result = ToolResultPart(
        call_id=item.pop("call_id"), kind="custom" if kind.startswith("custom") else "function"
    )
    output = item.pop("output")
    sh: dict[str, Any] = {}
    if isinstance(output, str):
        sh["content"] = "string"
        result.content = [TextPart(text=output)]
    else:
        result.content = [decode_part(p) for p in output]
    result.name = take(item, "name")
    result.extras = Extras(F, item, sh, ITEM_QUIET)
    return result


def decode_output_item(item: dict[str, Any]) -> list[Part]:
    """The parts of one assistant-side item (a message, call, reasoning or hosted call)."""
    kind = item.get("type")
    if kind == "reasoning":
        return [decode_reasoning(item)]
    if kind == "function_call" or kind == "custom_tool_call":
        del item["type"]
        custom = kind == "custom_tool_call"
        return [
            ToolCallPart(
                id=item.pop("call_id"),
                name=item.pop("name"),
                arguments=item.pop("input" if custom else "arguments"),
                kind="custom" if custom else "function",
                extras=Extras(F, item, {}, ITEM_QUIET),
            )
        ]
    if (kind is None or kind == "message") and "role" in item:
        content = item["content"]
        if not content:
            return [OpaquePart(family=F, data=item)]
        del item["role"], item["content"]
        if isinstance(content, str):
            return [
                TextPart(text=content, extras=leftovers(F, {}, {"item": item, "content": "string"}))
            ]
        parts = [decode_part(p) for p in content]
        for k, part in enumerate(parts):
            if part.extras is None:
                part.extras = Extras(F, {}, {}, _NO_QUIET)
            if isinstance(part, OpaquePart):
                part.extras.shape["in_message"] = True
            if k == 0:
                part.extras.shape["item"] = item
        return parts
    if isinstance(kind, str) and kind.endswith("_call") and isinstance(item.get("id"), str):
        return [decode_server_call(item)]
    return [OpaquePart(family=F, data=item)]


def decode_reasoning(item: dict[str, Any]) -> ReasoningPart:
    del item["type"]
    part = ReasoningPart(id=take(item, "id"))
    sh: dict[str, Any] = {}
    summary = item["summary"]
    part.summary = [s["text"] for s in summary]
    if not summary or all(
        set(s) == {"type", "text"} and s["type"] == "summary_text" for s in summary
    ):
        del item["summary"]
    else:
        sh["summary"] = "raw"
    content = item.get("content")
    if isinstance(content, list):
        part.text = "".join(c["text"] for c in content)
        if (
            len(content) == 1
            and set(content[0]) == {"type", "text"}
            and (content[0]["type"] == "reasoning_text")
        ):
            del item["content"]
        else:
            sh["content"] = "raw"
    encrypted = take(item, "encrypted_content")
    if encrypted is not None:
        part.redacted = encrypted
        part.signature_origin = F
    part.extras = Extras(F, item, sh, ITEM_QUIET)
    return part


def decode_server_call(item: dict[str, Any]) -> ToolCallPart:
    kind = item.pop("type")
    key = SERVER_ARGS.get(kind)
    sh: dict[str, Any] = {"item": kind}
    args: Any = {}
    if key is not None and key in item and item[key] is not None:
        args = item.pop(key)
        sh["args"] = key
    text = args if isinstance(args, str) else to_json_text(args)
    if isinstance(args, str):
        sh["args_text"] = True
    name = kind[: -len("_call")]
    return ToolCallPart(
        id=item.pop("id"),
        name=name,
        arguments=text,
        kind="server",
        extras=leftovers(F, item, shape=sh, quiet=frozenset(item)),
    )


# --- encoding ------------------------------------------------------------------------------


def encode_messages(
    messages: list[Message], ctx: ConversionContext, place: Place, rid: str = ""
) -> list[dict[str, Any]]:
    """Universal messages to items (``place`` decides the form of assistant items)."""
    items: list[dict[str, Any]] = []
    for i, m in enumerate(messages):
        ex = m.extras
        if ex is None or ex.family != F:
            plain = _plain_item(m, ctx, i)
            if plain is not None:
                items.append(plain)
                continue
        elif ex.shape.get("item") == "opaque":
            items += [dict(p.data) for p in m.content if isinstance(p, OpaquePart)]
            continue
        path = f"$.messages[{i}]"
        if m.role == "assistant":
            items += encode_assistant(m.content, ctx, place, path, f"{rid}{i}")
        elif m.role == "tool":
            items += _encode_results(m.content, ctx, path)
        else:
            items += _encode_turn(m, ctx, path)
    return items


def _plain_item(m: Message, ctx: ConversionContext, i: int) -> dict[str, Any] | None:
    """The item of another family's message made of one plain text or one plain tool result
    (what `_encode_turn` / `_encode_results` would write), or None for any other message."""
    if len(m.content) != 1 or m.name is not None or m.role == "assistant":
        return None
    part = m.content[0]
    if type(part) is TextPart and m.role != "tool" and not _marked(part):
        item = {"role": m.role, "content": part.text}
        ex = m.extras
        if ex is not None and ex.fields:
            restore(item, m, ctx, f"$.messages[{i}]")
        return item
    if type(part) is not ToolResultPart or part.is_error or part.cache_control is not None:
        return None
    kind = _OUTPUT_TYPES.get(part.kind)
    ex = part.extras
    if kind is None or (ex is not None and ex.family == F):
        return None
    texts = []
    for c in part.content:
        if type(c) is not TextPart or _marked(c):
            return None
        texts.append(c.text)
    item = {"type": kind, "call_id": part.call_id, "output": "".join(texts)}
    if ex is not None and ex.fields:
        restore(item, part, ctx, f"$.messages[{i}].content[0]")
    return item


def _encode_turn(m: Message, ctx: ConversionContext, path: str) -> list[dict[str, Any]]:
    """A user/system/developer message; tool results inside it become output items."""
    items: list[dict[str, Any]] = []
    run: list[tuple[int, Part]] = []
    for j, part in enumerate(m.content):
        if isinstance(part, ToolResultPart):
            if run:
                items.append(_turn_item(m, run, ctx, path))
                run = []
            items += _encode_results([part], ctx, path, j)
        else:
            run.append((j, part))
    if run or not items:
        items.append(_turn_item(m, run, ctx, path))
    return items


def _turn_item(
    m: Message, run: list[tuple[int, Part]], ctx: ConversionContext, path: str
) -> dict[str, Any]:
    """The message item of ``run``, consecutive parts of ``m`` (with their indexes)."""
    item: dict[str, Any] = {"role": m.role}
    only = run[0][1] if len(run) == 1 else None
    if isinstance(only, TextPart) and (
        shape(m).get("content") == "string" if mine(m) else not _marked(only)
    ):
        item["content"] = only.text
    else:
        item["content"] = [
            p
            for j, part in run
            if (p := encode_part(part, "input", ctx, f"{path}.content[{j}]")) is not None
        ]
    if m.name is not None:
        ctx.loss(f"{path}.name", "part-field-dropped", "Responses messages carry no name")
    restore(item, m, ctx, path)
    return item


def _marked(part: TextPart) -> bool:
    return part.cache_control is not None or bool(part.citations) or mine(part)


def _encode_results(
    parts: list[Part], ctx: ConversionContext, path: str, offset: int = 0
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for j, part in enumerate(parts, offset):
        p = f"{path}.content[{j}]"
        if isinstance(part, OpaquePart) and part.family == F:
            items.append(dict(part.data))
            continue
        if not isinstance(part, ToolResultPart) or part.kind == "server":
            ctx.loss(p, "part-unsupported", f"a `{part.type}` part cannot be a tool output")
            continue
        kind = "custom_tool_call_output" if part.kind == "custom" else "function_call_output"
        item: dict[str, Any] = {"type": kind, "call_id": part.call_id}
        own = mine(part)
        texts = [c for c in part.content if isinstance(c, TextPart)]
        if own:
            string = shape(part).get("content") == "string"
        else:
            string = len(texts) == len(part.content) and not any(map(_marked, texts))
        if string:
            item["output"] = "".join([t.text for t in texts])
        else:
            item["output"] = [
                e
                for k, c in enumerate(part.content)
                if (e := encode_part(c, "tool", ctx, f"{p}.content[{k}]")) is not None
            ]
        if part.name is not None and own:
            item["name"] = part.name
        if part.is_error:
            ctx.loss(
                f"{p}.is_error", "part-field-dropped", "Responses tool outputs have no error flag"
            )
        if part.cache_control is not None:
            ctx.loss(f"{p}.cache_control", "cache-control-dropped", "no breakpoint on tool outputs")
        restore(item, part, ctx, p)
        items.append(item)
    return items
