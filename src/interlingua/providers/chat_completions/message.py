"""Chat Completions messages (request turns and the response message) <-> universal messages.
https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
"""

from __future__ import annotations

from typing import Any, TypeGuard

from ...universal import (
    Extras,
    Message,
    OpaquePart,
    Part,
    ReasoningPart,
    RefusalPart,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)
from ..base import ConversionContext, leftovers, restore, shape_of, take
from .calls import decode_annotation, decode_tool_call, encode_annotations, encode_tool_call
from .common import F, join_texts, mine, quiet_empties, restore_into, take_nonempty
from .content import decode_part, encode_part

_TEXT_ONLY = ("system", "developer", "tool")


def _content_parts(content: Any, shape: dict[str, Any]) -> list[Part]:
    if isinstance(content, str):
        shape["content"] = "string"
        return [TextPart(text=content)] if content else []
    return [decode_part(p) for p in content]


# --- decoding ------------------------------------------------------------------------------


def decode_message(m: dict[str, Any]) -> Message:
    """One request message (any role) to a universal message."""
    role = m["role"]
    if role == "function":
        # NOTE: the legacy `function` role has no universal counterpart; it travels verbatim.
        return Message(
            role="tool",
            content=[OpaquePart(family=F, data=m)],
            extras=leftovers(F, {}, shape={"role": "function"}),
        )
    del m["role"]
    shape: dict[str, Any] = {}
    name = None
    if role == "assistant":
        content = decode_assistant(m, shape)
    elif role == "tool":
        call_id = m.pop("tool_call_id")
        rshape: dict[str, Any] = {}
        parts = _content_parts(m.pop("content"), rshape)
        content = [ToolResultPart(call_id=call_id, content=parts, extras=Extras(F, {}, rshape))]
    else:
        content = _content_parts(m.pop("content"), shape)
    if role != "tool" and m:
        name = take(m, "name")
    return Message(
        role=role, content=content, name=name, extras=Extras(F, m, shape, quiet_empties(m))
    )


def decode_assistant(m: dict[str, Any], shape: dict[str, Any]) -> list[Part]:
    """The parts of an assistant message (request turn or response message); consumes keys."""
    parts: list[Part] = []
    reasoning = take_nonempty(m, "reasoning_content")
    if reasoning is not None:
        parts.append(ReasoningPart(text=reasoning, extras=Extras(F, {}, {})))
    content = take_nonempty(m, "content")
    if content is not None:
        parts += _content_parts(content, shape)
        annotations = m.get("annotations")
        if isinstance(annotations, list) and shape.get("content") == "string":
            texts = [p for p in parts if isinstance(p, TextPart)]
            if len(texts) == 1:
                del m["annotations"]
                texts[0].citations = [decode_annotation(a) for a in annotations]
    refusal = take_nonempty(m, "refusal")
    if refusal is not None:
        parts.append(RefusalPart(text=refusal, extras=Extras(F, {}, {"slot": "refusal"})))
    calls = take_nonempty(m, "tool_calls")
    if calls is not None:
        parts += [decode_tool_call(tc) for tc in calls]
    return parts


# --- encoding ------------------------------------------------------------------------------


def encode_messages(messages: list[Message], ctx: ConversionContext) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, msg in enumerate(messages):
        path = f"$.messages[{i}]"
        role = msg.role
        if role == "assistant":
            out.append(encode_assistant(msg, ctx, path, response=False))
        elif role == "tool" or (role == "user" and _has_result(msg.content)):
            out += _encode_tool_results(msg, ctx, path)
        else:
            out.append(_encode_plain(msg, msg.content, ctx, path, range(len(msg.content))))
    return out


def _has_result(parts: list[Part]) -> bool:
    return any([isinstance(part, ToolResultPart) for part in parts])


def _encode_plain(
    msg: Message, parts: list[Part], ctx: ConversionContext, path: str, positions: range | list[int]
) -> dict[str, Any]:
    """A system, developer or user message."""
    same = mine(msg)
    if not same and len(parts) == 1 and _is_bare(parts[0]):
        out: dict[str, Any] = {"role": msg.role, "content": parts[0].text}
    else:
        out = {"role": msg.role, "content": _plain_content(msg, parts, ctx, path, positions)}
    if msg.name is not None:
        out["name"] = msg.name
    restore_into(out, msg, ctx, path)
    return out


def _plain_content(
    msg: Message, parts: list[Part], ctx: ConversionContext, path: str, positions: range | list[int]
) -> Any:
    """The ``content`` of a system, developer or user message."""
    text_only = msg.role in _TEXT_ONLY
    wire: list[dict[str, Any]] = []
    for part, pos in zip(parts, positions, strict=True):
        encoded = _bare_text(part)
        if encoded is None:
            ppath = f"{path}.content[{pos}]"
            if isinstance(part, TextPart):
                if part.citations and not mine(part):
                    ctx.loss(
                        f"{ppath}.citations",
                        "part-field-dropped",
                        "Chat Completions request messages carry no citations",
                    )
            elif text_only and not mine(part):
                ctx.loss(
                    ppath,
                    "part-unsupported",
                    f"Chat Completions {msg.role} messages hold only text, not {part.type}",
                )
                continue
            encoded = encode_part(part, ctx, ppath)
        if encoded is not None:
            wire.append(encoded)
    return _content_value(wire, shape_of(msg, ctx), mine(msg))


def _is_bare(part: Part) -> TypeGuard[TextPart]:
    """Whether ``part`` is a text part with nothing to write but its text, nor anything to
    report (another family's quiet fields)."""
    if type(part) is not TextPart or part.cache_control is not None or part.citations:
        return False
    ex = part.extras
    return ex is None or not ex.fields or (ex.family != F and ex.fields.keys() <= ex.quiet)


def _bare_text(part: Part) -> dict[str, Any] | None:
    """`encode_part` of a text part that `_is_bare`, else None."""
    return {"type": "text", "text": part.text} if _is_bare(part) else None


def _content_value(wire: list[dict[str, Any]], shape: dict[str, Any], same: bool) -> Any:
    """A string where the source had one (or where one text part says it all), else parts."""
    string = shape.get("content") == "string"
    if same and not string:
        return wire
    plain = _plain(wire)
    if string and plain:
        return "".join([w["text"] for w in wire])
    if not same and plain and len(wire) <= 1:
        return wire[0]["text"] if wire else ""
    return wire


def _plain(wire: list[dict[str, Any]]) -> bool:
    """Whether every content part is a bare ``{"type": "text", "text": ...}``."""
    return all([len(w) == 2 and w.get("type") == "text" and "text" in w for w in wire])


def _encode_tool_results(msg: Message, ctx: ConversionContext, path: str) -> list[dict[str, Any]]:
    """Tool results become `tool` messages, in order, before the rest of a user turn."""
    ex = msg.extras
    if ex is not None and ex.family == F and ex.shape.get("role") == "function":
        first = msg.content[0] if msg.content else None
        if isinstance(first, OpaquePart):
            return [dict(first.data)]
    out: list[dict[str, Any]] = []
    rest: list[Part] = []
    rest_pos: list[int] = []
    for j, part in enumerate(msg.content):
        if isinstance(part, ToolResultPart):
            out.append(_encode_tool_result(part, ctx, f"{path}.content[{j}]"))
            if msg.role == "tool" and len(out) == 1:
                restore_into(out[0], msg, ctx, path)
        elif msg.role == "user":
            rest.append(part)
            rest_pos.append(j)
        else:
            ctx.loss(
                f"{path}.content[{j}]",
                "part-unsupported",
                f"Chat Completions tool messages hold only tool results, not {part.type}",
            )
    if rest:
        out.append(_encode_plain(msg, rest, ctx, path, rest_pos))
    return out


def _encode_tool_result(part: ToolResultPart, ctx: ConversionContext, path: str) -> dict[str, Any]:
    same = mine(part)
    if part.kind == "server":
        ctx.loss(path, "tool-unsupported", "a provider-side tool result has no Chat tool message")
    if part.is_error and not same:
        ctx.loss(
            f"{path}.is_error",
            "part-field-dropped",
            "Chat Completions tool messages have no error flag",
        )
    if part.cache_control is not None:
        ctx.loss(
            f"{path}.cache_control",
            "cache-control-dropped",
            "Chat Completions cannot cache-mark a tool result",
        )
    if not same and len(part.content) == 1 and _is_bare(part.content[0]):
        content: Any = part.content[0].text
    else:
        content = _result_content(part, ctx, path, same)
    out: dict[str, Any] = {"role": "tool", "tool_call_id": part.call_id, "content": content}
    restore_into(out, part, ctx, path)
    return out


def _result_content(part: ToolResultPart, ctx: ConversionContext, path: str, same: bool) -> Any:
    """The ``content`` of a tool message."""
    wire: list[dict[str, Any]] = []
    for k, sub in enumerate(part.content):
        encoded = _bare_text(sub)
        if encoded is None:
            spath = f"{path}.content[{k}]"
            if not isinstance(sub, TextPart) and not mine(sub):
                ctx.loss(
                    spath,
                    "part-unsupported",
                    f"Chat Completions tool messages hold only text, not {sub.type}",
                )
                continue
            encoded = encode_part(sub, ctx, spath)
        if encoded is not None:
            wire.append(encoded)
    return _content_value(wire, shape_of(part, ctx), same)


def encode_assistant(
    msg: Message, ctx: ConversionContext, path: str, *, response: bool
) -> dict[str, Any]:
    """An assistant turn (``response=False``) or a response's message (``response=True``)."""
    same = mine(msg)
    if response and not same and len(msg.content) == 1:
        part = msg.content[0]
        if (
            type(part) is TextPart
            and part.citations is None
            and part.cache_control is None
            and not mine(part)
        ):
            return _text_reply(msg, part, ctx, path)
    out: dict[str, Any] = {"role": "assistant"}
    content: list[dict[str, Any]] = []
    texts: list[TextPart] = []
    gaps: list[bool] = []  # whether a non-text part came before each content entry
    gap = False
    slots: list[int] = []  # where each text part sits in `content`
    refusals: list[str] = []
    calls: list[dict[str, Any]] = []
    reasoning: list[str] = []
    for j, part in enumerate(msg.content):
        if isinstance(part, TextPart):
            encoded = _bare_text(part) or encode_part(part, ctx, f"{path}.content[{j}]")
            if encoded is not None:
                content.append(encoded)
                gaps.append(gap)
                gap = False
                texts.append(part)
                slots.append(len(content) - 1)
            continue
        ppath = f"{path}.content[{j}]"
        if isinstance(part, ReasoningPart):
            _reasoning(part, reasoning, ctx, ppath)
        elif isinstance(part, ToolCallPart):
            call = encode_tool_call(part, ctx, ppath)
            if call is not None:
                calls.append(call)
        elif _slot(part) == "tool_calls" and isinstance(part, OpaquePart):
            calls.append(dict(part.data))
        elif isinstance(part, RefusalPart) and (
            response or not mine(part) or _slot(part) == "refusal"
        ):
            refusals.append(part.text)
        elif isinstance(part, RefusalPart) or (isinstance(part, OpaquePart) and mine(part)):
            encoded = encode_part(part, ctx, ppath)
            if encoded is not None:
                content.append(encoded)
                gaps.append(gap)
                gap = False
            continue
        else:
            ctx.loss(
                ppath,
                "part-unsupported",
                f"Chat Completions assistant messages cannot hold `{part.type}` parts",
            )
        gap = True
    offsets = [0] * len(texts)
    if reasoning:
        out["reasoning_content"] = "".join(reasoning)
    if content:
        plain = _plain(content)
        if same:
            string = plain and shape_of(msg, ctx).get("content") == "string"
        else:
            string = plain and (response or len(content) == 1)
        if string or (response and not same):
            if not string:
                ctx.loss(
                    f"{path}.content",
                    "part-unsupported",
                    "a Chat Completions response message content is plain text",
                )
            out["content"], starts = join_texts([w.get("text", "") for w in content], gaps)
            offsets = [starts[k] for k in slots]
        else:
            out["content"] = content
    elif response and not same:
        out["content"] = None
    if refusals:
        out["refusal"] = "".join(refusals)
    elif response and not same:
        out["refusal"] = None
    if calls:
        out["tool_calls"] = calls
    elif not response and not same and "content" not in out and "refusal" not in out:
        out["content"] = ""  # the API wants content or tool calls in an assistant turn
    if texts:
        encode_annotations(out, texts, offsets, ctx, path, response or same)
    if msg.name is not None:
        out["name"] = msg.name
    restore_into(out, msg, ctx, path)
    return out


def _text_reply(msg: Message, part: TextPart, ctx: ConversionContext, path: str) -> dict[str, Any]:
    """`encode_assistant` of another family's response message that is one text part of
    another family too, with no citations or cache mark (its extras are only reported)."""
    if part.extras is not None and part.extras.fields:
        restore({}, part, ctx, f"{path}.content[0]")
    out: dict[str, Any] = {"role": "assistant", "content": part.text, "refusal": None}
    if msg.name is not None:
        out["name"] = msg.name
    restore_into(out, msg, ctx, path)
    return out


def _slot(part: Part) -> Any:
    """Where a same-family part sat in its message (``tool_calls``, ``refusal``), if it says."""
    ex = part.extras
    return ex.shape.get("slot") if ex is not None and ex.family == F else None


def _reasoning(part: ReasoningPart, into: list[str], ctx: ConversionContext, path: str) -> None:
    if mine(part) and part.text is not None:
        into.append(part.text)
        return
    reasoning_losses(part, ctx, path)


def reasoning_losses(part: ReasoningPart, ctx: ConversionContext, path: str) -> None:
    """What another family's reasoning part loses in Chat Completions (all of it)."""
    if part.signature is not None:
        ctx.loss(
            f"{path}.signature",
            "signature-not-portable",
            f"a reasoning signature from {part.signature_origin or 'another provider'} "
            "cannot be verified by Chat Completions",
        )
    if part.redacted is not None:
        ctx.loss(
            f"{path}.redacted",
            "signature-not-portable",
            "redacted reasoning can only be replayed to its own provider",
        )
    if part.text or part.summary:
        ctx.loss(path, "reasoning-dropped", "Chat Completions has no reasoning content field")
