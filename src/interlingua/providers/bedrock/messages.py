"""Universal messages -> Bedrock ``system`` blocks and ``messages`` (hoisting, regrouping). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html"""

from __future__ import annotations

from typing import Any

from ...universal import Message, OpaquePart, TextPart
from ..base import ConversionContext, restore, shape_of
from .content import is_native
from .encode import PartEncoder
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
    enc = PartEncoder(ctx)
    system: list[dict[str, Any]] | None = None
    out: list[dict[str, Any]] = []
    last_native = True
    for i, m in enumerate(messages):
        path = f"$.messages[{i}]"
        native = is_native(m)
        if m.role in ("system", "developer") and not (
            native and shape_of(m, ctx).get("role") == "inline"
        ):
            if out:
                ctx.loss(path, "role-merged", "Bedrock takes system text only in `system`")
            system = (system or []) + encode_system(m, enc, path)
            continue
        role = "assistant" if m.role == "assistant" else m.role if native else "user"
        blocks: list[dict[str, Any]] = []
        for j, p in enumerate(m.content):
            blocks += enc.part(p, f"{path}.content[{j}]")
        if m.name is not None:
            ctx.loss(f"{path}.name", "parameter-unsupported", "Bedrock messages have no name")
        if not blocks and not native:
            continue
        if out and out[-1]["role"] == role and not (native and last_native):
            out[-1]["content"] += blocks
            restore({}, m, ctx, path)
            continue
        wire: dict[str, Any] = {"role": role, "content": blocks}
        restore(wire, m, ctx, path)
        out.append(wire)
        last_native = native
    return system, out
