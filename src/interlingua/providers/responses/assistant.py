"""Assistant turns as Responses output items: messages, function and hosted calls, reasoning.
https://platform.openai.com/docs/api-reference/responses/object#responses-object-output
"""

from __future__ import annotations

from typing import Any, Literal

from ..._json import loads
from ...universal import OpaquePart, Part, ReasoningPart, RefusalPart, TextPart, ToolCallPart
from ..base import ConversionContext, restore
from .common import F, mine, restore_into, shape
from .content import encode_part

Place = Literal["request", "response"]


def encode_assistant(
    parts: list[Part], ctx: ConversionContext, place: Place, path: str, key: str
) -> list[dict[str, Any]]:
    """An assistant turn's parts as output items (messages, calls, reasoning); the ids of new
    items are made of ``key`` (id characters only: see `safe_id`) and their position.

    Plain text and function calls from other families, the common case, are written here
    directly; every other part goes through `encode_part` / `encode_call` / `encode_reasoning`.
    """
    items: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    general = False  # whether a part took the general path (which may leave a message empty)
    for j, part in enumerate(parts):
        ex = part.extras
        foreign = ex is None or ex.family != F
        if foreign and type(part) is TextPart and not part.citations and part.cache_control is None:
            if current is None:
                if place == "request":
                    items.append({"role": "assistant", "content": part.text})
                    continue
                current = _new_message(key, len(items))
                items.append(current)
            text = {"type": "output_text", "text": part.text, "annotations": []}
            if ex is not None and ex.fields:
                restore(text, part, ctx, f"{path}.content[{j}]")
            current["content"].append(text)
            continue
        if (
            foreign
            and type(part) is ToolCallPart
            and part.kind == "function"
            and part.cache_control is None
        ):
            current = None
            items.append(_foreign_function_call(part, ctx, place, path, j, key, len(items)))
            continue
        general = True
        p = f"{path}.content[{j}]"
        sh = shape(part)
        if isinstance(part, (TextPart, RefusalPart)) or sh.get("in_message"):
            if current is None or "item" in sh:
                current = _start_message(part, sh, place, key, len(items))
                items.append(current)
                if isinstance(current["content"], str):
                    current = None
                    continue
            content = encode_part(part, "output", ctx, p)
            if content is not None:
                current["content"].append(content)
            continue
        current = None
        if isinstance(part, ToolCallPart):
            call = encode_call(part, ctx, place, p, key, len(items))
            if call is not None:
                items.append(call)
        elif isinstance(part, ReasoningPart):
            item = encode_reasoning(part, ctx, place, p, key, len(items))
            if item is not None:
                items.append(item)
        elif isinstance(part, OpaquePart) and part.family == F:
            items.append(dict(part.data))
        else:
            ctx.loss(p, "part-unsupported", f"`{part.type}` parts have no Responses output item")
    if not general:
        return items
    return [i for i in items if i.get("content") != [] or not _fresh(i)]


def _fresh(item: dict[str, Any]) -> bool:
    return item.get("type") == "message" and item.get("role") == "assistant"


def _new_message(key: str, n: int) -> dict[str, Any]:
    return {
        "id": f"msg_{key}_{n}",
        "type": "message",
        "role": "assistant",
        "status": "completed",
        "content": [],
    }


def _start_message(
    part: Part, sh: dict[str, Any], place: Place, key: str, n: int
) -> dict[str, Any]:
    if "item" in sh:
        item = {**sh["item"], "role": "assistant"}
        string = sh.get("content") == "string" and isinstance(part, TextPart)
        item["content"] = part.text if string and isinstance(part, TextPart) else []
        return item
    if place == "request" and isinstance(part, TextPart) and not part.citations:
        return {"role": "assistant", "content": part.text}
    return _new_message(key, n)


def _foreign_function_call(
    part: ToolCallPart, ctx: ConversionContext, place: Place, path: str, j: int, key: str, n: int
) -> dict[str, Any]:
    """`encode_call` of a function call from another family without a cache breakpoint."""
    out = {
        "type": "function_call",
        "call_id": part.id,
        "name": part.name,
        "arguments": part.arguments,
    }
    if place == "response":
        out["id"] = f"fc_{key}_{n}"
        out["status"] = "completed"
    ex = part.extras
    if ex is not None and ex.fields:
        restore(out, part, ctx, f"{path}.content[{j}]")
    return out


def encode_call(
    part: ToolCallPart, ctx: ConversionContext, place: Place, path: str, key: str, n: int
) -> dict[str, Any] | None:
    sh = shape(part)
    if part.cache_control is not None:
        ctx.loss(f"{path}.cache_control", "cache-control-dropped", "no breakpoint on tool calls")
    if part.kind == "server":
        if "item" not in sh:
            ctx.loss(path, "tool-unsupported", f"`{part.name}` ran on another provider's side")
            return None
        out: dict[str, Any] = {"type": sh["item"], "id": part.id}
        if "args" in sh:
            out[sh["args"]] = part.arguments if sh.get("args_text") else loads(part.arguments)
        restore(out, part, ctx, path)
        return out
    custom = part.kind == "custom"
    out = {
        "type": "custom_tool_call" if custom else "function_call",
        "call_id": part.id,
        "name": part.name,
        "input" if custom else "arguments": part.arguments,
    }
    if place == "response" and not mine(part):
        out["id"] = f"fc_{key}_{n}"
        if not custom:
            out["status"] = "completed"
    restore_into(out, part, ctx, path)
    return out


def encode_reasoning(
    part: ReasoningPart, ctx: ConversionContext, place: Place, path: str, key: str, n: int
) -> dict[str, Any] | None:
    sh = shape(part)
    own = mine(part)
    if part.signature is not None and part.signature_origin != F:
        ctx.loss(
            f"{path}.signature",
            "signature-not-portable",
            f"a reasoning signature from {part.signature_origin or 'another provider'} "
            "cannot be verified by Responses",
        )
    if part.redacted is not None and part.signature_origin != F:
        ctx.loss(
            f"{path}.redacted",
            "signature-not-portable",
            "redacted reasoning can only be replayed to its own provider",
        )
    if not own and place == "request" and part.id is None:
        if part.text or part.summary:
            ctx.loss(path, "reasoning-dropped", "Responses replays only its own reasoning items")
        return None
    out: dict[str, Any] = {"type": "reasoning"}
    if part.id is not None or not own:
        out["id"] = part.id or f"rs_{key}_{n}"
    if sh.get("summary") != "raw":
        out["summary"] = [{"type": "summary_text", "text": s} for s in part.summary or []]
    if part.text is not None and sh.get("content") != "raw":
        out["content"] = [{"type": "reasoning_text", "text": part.text}]
    if part.signature_origin == F and (part.redacted or part.signature) is not None:
        # a Responses stream delivers encrypted_content as a signature delta
        out["encrypted_content"] = part.redacted or part.signature
    restore(out, part, ctx, path)
    return out
