"""Anthropic content blocks -> universal parts (decoding). https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import Any, Final

from ..._json import to_json_text
from ...universal import (
    Base64Source,
    CacheControl,
    Citation,
    Extras,
    FileIdSource,
    FilePart,
    HasExtras,
    ImagePart,
    MediaSource,
    OpaquePart,
    Part,
    ReasoningPart,
    TextPart,
    TextSource,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)
from ..base import leftovers, take
from .tables import FAMILY, SERVER_RESULT_TYPES

#: Wire-only keys: the ``type`` tag of an object we rebuild from its class.
QUIET: Final = frozenset({"type"})


def extras(wire: dict[str, Any], shape: dict[str, Any] | None = None) -> Extras:
    """The node's extras: every key of ``wire`` not taken (``type`` is wire-only)."""
    return leftovers(FAMILY, wire, shape, QUIET)


def is_native(node: HasExtras) -> bool:
    """Whether ``node`` was decoded from an Anthropic-family payload."""
    ex = node.extras
    return ex is not None and ex.family == FAMILY


def decode_cache_control(wire: dict[str, Any] | None) -> CacheControl | None:
    if wire is None:
        return None
    return CacheControl(type=take(wire, "type"), ttl=take(wire, "ttl"), extras=extras(wire))


def _cache(block: dict[str, Any]) -> CacheControl | None:
    return decode_cache_control(take(block, "cache_control"))


def decode_citation(wire: dict[str, Any]) -> Citation:
    """A citation; ``url``/``title`` for web-search locations, the rest stays in extras
    (document char/page/block indexes point into the *source*, not into the text)."""
    kind = take(wire, "type")
    cited = take(wire, "cited_text")
    url = title = None
    if kind == "web_search_result_location":
        url, title = take(wire, "url"), take(wire, "title")
    return Citation(kind=kind, cited_text=cited, url=url, title=title, extras=extras(wire))


def _decode_text(block: dict[str, Any]) -> TextPart:
    text = take(block, "text")
    raw = take(block, "citations")
    citations = [decode_citation(c) for c in raw] if raw is not None else None
    return TextPart(
        text=text, citations=citations, cache_control=_cache(block), extras=extras(block)
    )


def _decode_source(src: dict[str, Any]) -> MediaSource | None:
    kind = src["type"]
    if kind not in ("base64", "url", "file", "text"):
        return None
    del src["type"]
    source: MediaSource
    if kind == "base64":
        source = Base64Source(data=take(src, "data"), media_type=take(src, "media_type"))
    elif kind == "url":
        source = UrlSource(url=take(src, "url"))
    elif kind == "file":
        source = FileIdSource(file_id=take(src, "file_id"))
    else:
        source = TextSource(text=take(src, "data"), media_type=take(src, "media_type"))
    source.extras = leftovers(FAMILY, src)
    return source


def _decode_image(block: dict[str, Any]) -> Part:
    source = _decode_source(dict(block["source"]))
    if source is None or isinstance(source, TextSource):
        return OpaquePart(family=FAMILY, data=block)
    del block["source"]
    return ImagePart(source=source, cache_control=_cache(block), extras=extras(block))


def _decode_document(block: dict[str, Any]) -> Part:
    source = _decode_source(dict(block["source"]))
    if source is None:  # ``content`` sources (a list of blocks) have no universal meaning
        return OpaquePart(family=FAMILY, data=block)
    del block["source"]
    media_type: str | None = "application/pdf"  # base64 and url documents are PDFs
    if isinstance(source, (TextSource, Base64Source)):
        media_type = source.media_type
    elif isinstance(source, FileIdSource):
        media_type = None
    cfg = block.get("citations")
    enabled = None
    if isinstance(cfg, dict) and set(cfg) == {"enabled"}:
        enabled = block.pop("citations")["enabled"]
    return FilePart(
        source=source,
        media_type=media_type,
        title=take(block, "title"),
        context=take(block, "context"),
        citations_enabled=enabled,
        cache_control=_cache(block),
        extras=extras(block),
    )


def _decode_tool_result(block: dict[str, Any]) -> ToolResultPart:
    call_id = take(block, "tool_use_id")
    raw = take(block, "content")
    shape: dict[str, Any] = {}
    content: list[Part] = []
    if isinstance(raw, str):
        content = [TextPart(text=raw)]
        shape["content"] = "string"
    elif isinstance(raw, list):
        content = [decode_block(b) for b in raw]
    elif raw is None and "content" not in block:
        shape["content"] = "absent"
    return ToolResultPart(
        call_id=call_id,
        content=content,
        is_error=take(block, "is_error"),
        cache_control=_cache(block),
        extras=extras(block, shape),
    )


def decode_block(block: dict[str, Any], *, streaming: bool = False) -> Part:
    """One content block (validated copy, consumed) as a universal part.

    ``streaming``: a ``content_block_start`` block, whose tool input is still empty (``{}``
    then reads as empty arguments text, the deltas bring the rest).
    """
    kind = block["type"]
    if kind == "text":
        return _decode_text(block)
    if kind == "image":
        return _decode_image(block)
    if kind == "document":
        return _decode_document(block)
    if kind == "thinking":
        text, sig = take(block, "thinking"), take(block, "signature")
        return ReasoningPart(
            text=text,
            signature=sig,
            signature_origin=FAMILY if sig is not None else None,
            extras=extras(block),
        )
    if kind == "redacted_thinking":
        return ReasoningPart(
            redacted=take(block, "data"), signature_origin=FAMILY, extras=extras(block)
        )
    if kind in ("tool_use", "server_tool_use", "mcp_tool_use"):
        data = take(block, "input")
        args = "" if streaming and data == {} else to_json_text(data)
        shape = {"type": kind} if kind == "mcp_tool_use" else None
        return ToolCallPart(
            id=take(block, "id"),
            name=take(block, "name"),
            arguments=args,
            kind="function" if kind == "tool_use" else "server",
            cache_control=_cache(block),
            extras=extras(block, shape),
        )
    if kind == "tool_result":
        return _decode_tool_result(block)
    if kind in SERVER_RESULT_TYPES:
        # The tool's own result payload (``content``) and ``type`` stay verbatim in extras.
        return ToolResultPart(
            call_id=take(block, "tool_use_id"),
            name=SERVER_RESULT_TYPES[kind],
            kind="server",
            cache_control=_cache(block),
            extras=extras(block),
        )
    return OpaquePart(family=FAMILY, data=block)


def decode_content(content: str | list[dict[str, Any]]) -> tuple[list[Part], dict[str, Any]]:
    """A message's ``content`` (string or blocks) as parts, plus the shape hint."""
    if isinstance(content, str):
        return [TextPart(text=content)], {"content": "string"}
    return [decode_block(b) for b in content], {}
