"""Tool calls and citations of Chat Completions assistant messages, both ways.
https://platform.openai.com/docs/api-reference/chat/object
"""

from __future__ import annotations

from typing import Any

from ...universal import Citation, Extras, OpaquePart, Part, TextPart, ToolCallPart
from ..base import ConversionContext, leftovers, restore, take
from .common import F, mine, nested_leftover, restore_into

# --- tool calls ----------------------------------------------------------------------------


def decode_tool_call(tc: dict[str, Any]) -> Part:
    kind = tc.get("type")
    if kind not in ("function", "custom"):
        return OpaquePart(family=F, data=tc, extras=leftovers(F, {}, shape={"slot": "tool_calls"}))
    del tc["type"]
    call_id = tc.pop("id")
    body = tc.pop(kind)
    name = body.pop("name")
    args = body.pop("arguments" if kind == "function" else "input")
    if body:
        tc[kind] = body
    return ToolCallPart(id=call_id, name=name, arguments=args, kind=kind, extras=Extras(F, tc, {}))


def encode_tool_call(
    part: ToolCallPart, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    if part.kind == "server":
        ctx.loss(
            path,
            "tool-unsupported",
            f"`{part.name}` ran on the provider's side; Chat Completions cannot replay it",
        )
        return None
    if part.cache_control is not None:
        ctx.loss(
            f"{path}.cache_control",
            "cache-control-dropped",
            "Chat Completions cannot cache-mark a tool call",
        )
    if part.kind == "custom":
        out: dict[str, Any] = {
            "id": part.id,
            "type": "custom",
            "custom": {"name": part.name, "input": part.arguments},
        }
    else:
        out = {
            "id": part.id,
            "type": "function",
            "function": {"name": part.name, "arguments": part.arguments},
        }
    restore_into(out, part, ctx, path)
    return out


# --- citations -----------------------------------------------------------------------------


def decode_annotation(a: dict[str, Any]) -> Citation:
    kind = a.pop("type")
    if kind != "url_citation":
        return Citation(kind=kind, extras=leftovers(F, a))
    c = a.pop("url_citation")
    cit = Citation(
        kind=kind,
        url=c.pop("url"),
        title=take(c, "title"),
        start_index=take(c, "start_index"),
        end_index=take(c, "end_index"),
    )
    nested_leftover(a, "url_citation", c)
    cit.extras = leftovers(F, a)
    return cit


def encode_citation(
    c: Citation, text: str, offset: int, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    out: dict[str, Any]
    if mine(c) and c.kind != "url_citation":
        out = {"type": c.kind}
        restore(out, c, ctx, path)
        return out
    start, end = c.start_index, c.end_index
    if (start is None or end is None) and c.cited_text:
        found = text.find(c.cited_text)
        if found >= 0:
            start, end = found, found + len(c.cited_text)
    if start is None or end is None:
        # a citation attached to a whole text part (Anthropic) supports all of that text
        start, end = 0, len(text)
    if c.url is None:
        ctx.loss(
            path, "citation-unsupported", f"a {c.kind} citation without a URL has no Chat form"
        )
        return None
    body: dict[str, Any] = {"url": c.url}
    if c.title is not None or not mine(c):
        body["title"] = c.title or c.url
    if not mine(c) or c.start_index is not None:
        body["start_index"] = start + offset
    if not mine(c) or c.end_index is not None:
        body["end_index"] = end + offset
    out = {"type": "url_citation", "url_citation": body}
    restore_into(out, c, ctx, path)
    return out


def encode_annotations(
    out: dict[str, Any],
    texts: list[TextPart],
    offsets: list[int],
    ctx: ConversionContext,
    path: str,
    keep: bool,
) -> None:
    """The ``annotations`` of a message's text parts (kept where ``keep``, else a loss)."""
    annotations: list[dict[str, Any]] = []
    has = False
    for text, offset in zip(texts, offsets, strict=True):
        if text.citations is not None:
            has = True
            for k, c in enumerate(text.citations):
                enc = encode_citation(c, text.text, offset, ctx, f"{path}.citations[{k}]")
                if enc is not None:
                    annotations.append(enc)
    if not has:
        return
    if keep:
        out["annotations"] = annotations
    elif annotations:
        ctx.loss(
            f"{path}.citations",
            "part-field-dropped",
            "Chat Completions request messages carry no citations",
        )
