"""What `BedrockStreamEncoder` writes for a part or a delta: the wire deltas of another
format's part start, and the wire form of one delta. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlockDelta.html"""

from __future__ import annotations

from typing import Any, TypeAlias

from ..._json import to_json_text
from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    OpaquePart,
    Part,
    ReasoningDelta,
    ReasoningPart,
    RefusalDelta,
    RefusalPart,
    SignatureDelta,
    SummaryDelta,
    TextDelta,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)
from ..base import ConversionContext, restore
from .encode import encode_citation, is_base64, tool_name
from .tables import SIGNATURE_ORIGINS

#: What a part start writes: the block kind (``text``, ``reasoning`` or ``tool``), the
#: ``contentBlockStart`` body (tool use only) and the deltas that carry the part's content.
Opening: TypeAlias = tuple[str, dict[str, Any] | None, list[dict[str, Any]]]


def escape(text: str) -> str:
    return to_json_text(text)[1:-1]


def start_block(part: Part, ctx: ConversionContext, path: str) -> dict[str, Any]:
    """The ``start`` of a ``contentBlockStart``: a tool use's id and name, or a Bedrock block."""
    if isinstance(part, ToolCallPart):
        tu: dict[str, Any] = {
            "toolUseId": tool_name(part.id, ctx, path, "id", tool_id=True),
            "name": tool_name(part.name, ctx, path, "name"),
        }
        if part.kind == "server":
            tu["type"] = "server_tool_use"
        restore(tu, part, ctx, path)
        return {"toolUse": tu}
    return part.data if isinstance(part, OpaquePart) else {}


def open_part(part: Part, ctx: ConversionContext, at: str) -> Opening | None:
    """The `Opening` of another format's part started by the event at ``at``; None (with the
    loss recorded) for a part Bedrock cannot stream."""
    follow: list[dict[str, Any]] = []
    if isinstance(part, (TextPart, RefusalPart)):
        if part.text:
            follow.append({"text": part.text})
        if isinstance(part, TextPart) and part.citations:
            for i, c in enumerate(part.citations):
                cite = encode_citation(c, ctx, f"{at}.part.citations[{i}]")
                if cite is not None:
                    follow.append({"citation": cite})
        return "text", None, follow
    path = f"{at}.part"
    if isinstance(part, ReasoningPart):
        portable = part.signature_origin in SIGNATURE_ORIGINS
        if part.redacted is not None:
            if not portable or not is_base64(part.redacted):
                code = "signature-not-portable" if not portable else "reasoning-dropped"
                ctx.loss(path, code, "encrypted reasoning Bedrock cannot take")
                return None
            follow.append({"reasoningContent": {"redactedContent": part.redacted}})
        text = part.text if part.text is not None else "\n\n".join(part.summary or [])
        if text:
            follow.append({"reasoningContent": {"text": text}})
        if part.signature is not None:
            if portable:
                follow.append({"reasoningContent": {"signature": part.signature}})
            else:
                ctx.loss(path, "signature-not-portable", f"a {part.signature_origin} signature")
        return "reasoning", None, follow
    if isinstance(part, ToolCallPart) and part.kind != "server":
        start = start_block(part, ctx, path)
        text = part.arguments
        if part.kind == "custom":
            ctx.loss(path, "custom-tool-approximated", 'free-text input wrapped as {"input": text}')
            text = '{"input":"' + escape(text)
        if text:
            follow.append({"toolUse": {"input": text}})
        return "tool", start, follow
    if isinstance(part, (ToolCallPart, ToolResultPart)):
        ctx.loss(path, "tool-unsupported", "another provider's hosted tool")
    else:
        ctx.loss(path, "stream-event-dropped", f"a {part.type} part cannot be streamed")
    return None


def wire_delta(
    d: Any, kind: str | None, custom: bool, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    """The ``delta`` of a ``contentBlockDelta`` for ``d`` in a block of ``kind`` (None: a
    Bedrock block); None (with the loss recorded) for a delta the block cannot take."""
    if isinstance(d, (TextDelta, RefusalDelta)) and kind in ("text", None):
        return {"text": d.text}
    if isinstance(d, (ReasoningDelta, SummaryDelta)) and kind in ("reasoning", None):
        return {"reasoningContent": {"text": d.text}}
    if isinstance(d, TextDelta) and kind == "reasoning":
        return {"reasoningContent": {"text": d.text}}
    if isinstance(d, ArgumentsDelta) and kind in ("tool", None):
        return {"toolUse": {"input": escape(d.json) if custom else d.json}}
    if isinstance(d, SignatureDelta) and kind in ("reasoning", None):
        if d.origin in SIGNATURE_ORIGINS or kind is None:
            return {"reasoningContent": {"signature": d.signature}}
        ctx.loss(path, "signature-not-portable", f"a {d.origin} reasoning signature")
        return None
    if isinstance(d, CitationDelta) and kind in ("text", None):
        cite = encode_citation(d.citation, ctx, f"{path}.citation")
        return {"citation": cite} if cite is not None else None
    ctx.loss(path, "stream-event-dropped", f"a {d.type} delta for a {kind} block")
    return None
