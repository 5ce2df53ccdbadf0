"""Universal messages -> Anthropic ``system`` + ``messages`` (regrouping turns). https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Message, Part, TextPart
from ..base import ConversionContext, restore, shape_of
from .blocks import BlockEncoder
from .blocks_fast import quick_block
from .content import is_native
from .tables import FAMILY


def _plain_text(parts: list[Part]) -> str | None:
    """The text of content that is one plain text part (written as a string)."""
    if len(parts) != 1:
        return None
    p = parts[0]
    if not isinstance(p, TextPart) or p.cache_control is not None or p.citations or p.text == "":
        return None
    if p.extras is not None and p.extras.fields:
        return None
    return p.text


def _encode_system(
    msgs: list[tuple[int, Message]], enc: BlockEncoder, ctx: ConversionContext
) -> str | list[dict[str, Any]]:
    if len(msgs) == 1:
        i, m = msgs[0]
        shape = shape_of(m, ctx)
        text = _plain_text(m.content)
        if text is not None and (not is_native(m) or shape.get("content") == "string"):
            restore({}, m, ctx, f"$.messages[{i}]")
            return text
    blocks: list[dict[str, Any]] = []
    for i, m in msgs:
        path = f"$.messages[{i}]"
        restore({}, m, ctx, path)  # reports another family's message-level fields
        for j, p in enumerate(m.content):
            if isinstance(p, TextPart):
                blocks += enc.part(p, f"{path}.content[{j}]")
            else:
                ctx.loss(
                    f"{path}.content[{j}]",
                    "part-unsupported",
                    f"a {p.type} part in a system prompt",
                )
    return blocks


def _restore(out: dict[str, Any], m: Message, ctx: ConversionContext, i: int) -> None:
    """`restore` for message ``i``, its path formatted only for another family's fields."""
    ex = m.extras
    if ex is not None and ex.fields:
        if ex.family == ctx.family:
            out.update(ex.fields)
        else:
            restore(out, m, ctx, f"$.messages[{i}]")


#: Roles Anthropic has no turn for -> the role of the turn they become.
_ROLES: Final = {"tool": "user", "developer": "system"}


def _as_blocks(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"type": "text", "text": content}] if isinstance(content, str) else content


def encode_messages(
    messages: list[Message], ctx: ConversionContext
) -> tuple[str | list[dict[str, Any]] | None, list[dict[str, Any]]]:
    """(top-level ``system`` or None, ``messages``).

    System and developer messages go to the top-level ``system``; one that came after the
    conversation started is moved there too (``role-merged``: the API refuses ``system``
    turns on current models). Anthropic ``system`` turns decoded from ``messages`` stay put.
    Tool messages become user turns of ``tool_result`` blocks; consecutive turns of the same
    role from another format are merged, tool results first (the API wants them right after
    the assistant turn that made the calls).
    """
    enc: BlockEncoder | None = None
    system: list[tuple[int, Message]] = []
    out: list[dict[str, Any]] = []
    native_flags: list[bool] = []
    started = False
    for i, m in enumerate(messages):
        ex = m.extras
        native = ex is not None and ex.family == FAMILY
        shape = ex.shape if ex is not None and ex.family == ctx.family else {}
        if m.role in ("system", "developer") and not (
            native and m.role == "system" and shape.get("system") != "top"
        ):
            if started:
                ctx.loss(
                    f"$.messages[{i}]",
                    "role-merged",
                    f"a mid-conversation {m.role} message is moved to the system prompt",
                )
            system.append((i, m))
            continue
        started = True
        role = _ROLES.get(m.role, m.role)
        if m.name is not None:
            ctx.loss(
                f"$.messages[{i}].name",
                "parameter-unsupported",
                "Anthropic messages have no participant name",
            )
        parts = m.content
        content: str | list[dict[str, Any]] | None = None
        if len(parts) == 1:
            if not native:
                content = _plain_text(parts)
            elif shape.get("content") == "string" and isinstance(parts[0], TextPart):
                content = parts[0].text
        if content is None:
            content = []
            for j, p in enumerate(parts):
                block = quick_block(p)
                if block is not None:
                    content.append(block)
                    continue
                if enc is None:
                    enc = BlockEncoder(ctx)
                content += enc.part(p, f"$.messages[{i}].content[{j}]")
            if not content and not native:
                continue  # nothing to send (e.g. an empty assistant turn)
        wire: dict[str, Any] = {"role": role, "content": content}
        if out and out[-1]["role"] == role and not (native and native_flags[-1]):
            prev = out[-1]
            merged = _as_blocks(prev["content"]) + _as_blocks(content)
            if role == "user":
                merged.sort(key=lambda b: b.get("type") != "tool_result")
            prev["content"] = merged
            if ex is not None and ex.fields:
                _restore(prev, m, ctx, i)
            native_flags[-1] = False
            continue
        if ex is not None and ex.fields:
            _restore(wire, m, ctx, i)
        out.append(wire)
        native_flags.append(native)
    if not system:
        return None, out
    return _encode_system(system, enc if enc is not None else BlockEncoder(ctx), ctx), out
