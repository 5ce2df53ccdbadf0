"""Universal messages -> Bedrock ``system`` blocks and ``messages`` (hoisting, regrouping). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html"""

from __future__ import annotations

from typing import Any

from ...universal import Message, OpaquePart, TextPart
from ..base import ConversionContext, restore
from .content import is_native
from .encode import PartEncoder
from .encode_fast import QUICK
from .tables import FAMILY


def encode_system(m: Message, enc: PartEncoder, path: str) -> list[dict[str, Any]]:
    """A system/developer message as ``system`` blocks (text, cache points, guard content)."""
    out: list[dict[str, Any]] = []
    for j, p in enumerate(m.content):
        sub = f"{path}.content[{j}]"
        if isinstance(p, TextPart):
            if p.text or is_native(p):
                out += enc.part(p, sub)
        elif isinstance(p, OpaquePart) and p.family == FAMILY:
            out.append(p.data)
        else:
            enc.loss(sub, "part-unsupported", f"a {p.type} part in a system message")
    if m.name is not None:
        enc.loss(f"{path}.name", "parameter-unsupported", "Bedrock messages have no name")
    restore({}, m, enc.ctx, path)
    return out


def encode_messages(
    messages: list[Message], ctx: ConversionContext
) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]:
    """``system`` blocks and ``messages``: system/developer turns are hoisted (later ones
    reported ``role-merged``), tool turns become user turns, consecutive same-role turns of
    another format are merged, and turns left empty are skipped."""
    enc: PartEncoder | None = None  # made for the first part without a fast writer
    system: list[dict[str, Any]] | None = None
    out: list[dict[str, Any]] = []
    last_native = True
    for i, m in enumerate(messages):
        ex = m.extras
        native = ex is not None and ex.family == FAMILY
        role = m.role
        if (role == "system" or role == "developer") and not (
            native and ex.shape.get("role") == "inline"  # type: ignore[union-attr]
        ):
            path = f"$.messages[{i}]"
            if out:
                ctx.loss(path, "role-merged", "Bedrock takes system text only in `system`")
            if enc is None:
                enc = PartEncoder(ctx)
            system = (system or []) + encode_system(m, enc, path)
            continue
        if role != "assistant" and not native:
            role = "user"
        blocks: list[dict[str, Any]] = []
        for j, p in enumerate(m.content):  # paths are built only for what may be reported
            quick = QUICK.get(type(p))
            block = quick(p) if quick is not None else None
            if block is None:
                if enc is None:
                    enc = PartEncoder(ctx)
                blocks += enc.part(p, f"$.messages[{i}].content[{j}]")
                continue
            blocks.append(block)
            if p.extras is not None and p.extras.fields:
                restore({}, p, ctx, f"$.messages[{i}].content[{j}]")
        if m.name is not None:
            reason = "Bedrock messages have no name"
            ctx.loss(f"$.messages[{i}].name", "parameter-unsupported", reason)
        if not blocks and not native:
            continue
        if out and out[-1]["role"] == role and not (native and last_native):
            out[-1]["content"] += blocks
            if ex is not None and ex.fields:
                restore({}, m, ctx, f"$.messages[{i}]")
            continue
        wire: dict[str, Any] = {"role": role, "content": blocks}
        if ex is not None and ex.fields:
            restore(wire, m, ctx, f"$.messages[{i}]")
        out.append(wire)
        last_native = native
    return system, out
