"""Universal messages -> Gemini ``systemInstruction`` and ``contents`` (regrouped). https://ai.google.dev/api/caching#Content"""

from __future__ import annotations

from typing import Any

from ...universal import Message, ToolCallPart
from ..base import ConversionContext, restore
from .content import encode_part, is_native, plain_call, plain_text
from .tables import WIRE_ROLES


def call_names(messages: list[Message]) -> dict[str, str]:
    """Call id -> function name, over the whole conversation (functionResponse needs it)."""
    return {
        p.id: p.name for m in messages for p in m.content if isinstance(p, ToolCallPart) and p.id
    }


def encode_contents(
    messages: list[Message], ctx: ConversionContext
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """System and developer messages are hoisted into ``systemInstruction`` (a later one is
    reported as ``role-merged``); the rest become ``user``/``model`` turns. Turns from another
    format are regrouped as Gemini wants them: tool results in user turns, consecutive
    same-role turns merged, no empty turns or empty text parts."""
    names = call_names(messages)
    system: dict[str, Any] | None = None
    contents: list[dict[str, Any]] = []
    merged_last = False  # whether contents[-1] was built from another format's turns
    seen_turn = False
    for i, m in enumerate(messages):
        parts = []
        for j, part in enumerate(m.content):
            wire = (
                plain_text(part)
                or plain_call(part, ctx)
                or encode_part(part, names, ctx, f"$.messages[{i}].content[{j}]")
            )
            if wire is not None:
                parts.append(wire)
        native = is_native(m)
        shape = m.extras.shape if native and m.extras is not None else {}
        if m.role in ("system", "developer"):
            if seen_turn:
                ctx.loss(
                    f"$.messages[{i}]",
                    "role-merged",
                    "Gemini has one systemInstruction; moved there",
                )
            if system is None:
                system = {}
                raw = shape.get("system")
                if isinstance(raw, str):
                    system["role"] = raw
                restore(system, m, ctx, f"$.messages[{i}]")
                if parts or shape.get("parts") != "absent":
                    system["parts"] = parts
            else:
                system.setdefault("parts", []).extend(parts)
            continue
        seen_turn = True
        role = WIRE_ROLES[m.role]
        if native:
            turn: dict[str, Any] = {}
            if shape.get("role") != "absent":
                turn["role"] = role
            if parts or shape.get("parts") != "absent":
                turn["parts"] = parts
            restore(turn, m, ctx, f"$.messages[{i}]")
            contents.append(turn)
            merged_last = False
            continue
        if m.name is not None:
            ctx.loss(
                f"$.messages[{i}].name",
                "parameter-unsupported",
                "Gemini turns have no participant name",
            )
        if m.extras is not None and m.extras.fields:
            restore({}, m, ctx, f"$.messages[{i}]")
        if not parts:
            continue
        if merged_last and contents[-1].get("role") == role:
            contents[-1]["parts"].extend(parts)
            continue
        contents.append({"role": role, "parts": parts})
        merged_last = True
    return system, contents
