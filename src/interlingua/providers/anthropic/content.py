"""Anthropic content blocks -> universal parts (decoding). https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from collections.abc import Callable
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


#: Extras of nodes that have nothing to record, shared (decoded extras are never mutated).
EMPTY: Final = Extras(FAMILY)
EMPTY_QUIET: Final = Extras(FAMILY, {}, {}, QUIET)


def extras(wire: dict[str, Any], shape: dict[str, Any] | None = None) -> Extras:
    """The node's extras: every key of ``wire`` not taken (``type`` is wire-only)."""
    if not wire and not shape:
        return EMPTY_QUIET
    return Extras(FAMILY, wire, shape or {}, QUIET)


def is_native(node: HasExtras) -> bool:
    """Whether ``node`` was decoded from an Anthropic-family payload."""
    ex = node.extras
    return ex is not None and ex.family == FAMILY


def decode_cache_control(wire: dict[str, Any] | None) -> CacheControl | None:
    if wire is None:
        return None
    return CacheControl(type=take(wire, "type"), ttl=take(wire, "ttl"), extras=extras(wire))


def _cache(block: dict[str, Any]) -> CacheControl | None:
    wire = block.get("cache_control")
    if wire is None:
        return None
    del block["cache_control"]
    return decode_cache_control(wire)


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
    cache = _cache(block)
    part = TextPart(text=text, extras=extras(block))
    if raw is not None:
        part.citations = [decode_citation(c) for c in raw]
    if cache is not None:
        part.cache_control = cache
    return part


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
    is_error = take(block, "is_error")
    cache = _cache(block)
    part = ToolResultPart(call_id=call_id, content=content, extras=extras(block, shape))
    if is_error is not None:
        part.is_error = is_error
    if cache is not None:
        part.cache_control = cache
    return part


def _decode_thinking(block: dict[str, Any]) -> ReasoningPart:
    text, sig = take(block, "thinking"), take(block, "signature")
    return ReasoningPart(
        text=text,
        signature=sig,
        signature_origin=FAMILY if sig is not None else None,
        extras=extras(block),
    )


def _decode_redacted(block: dict[str, Any]) -> ReasoningPart:
    return ReasoningPart(
        redacted=take(block, "data"), signature_origin=FAMILY, extras=extras(block)
    )


def _decode_tool_use(block: dict[str, Any], kind: str, streaming: bool) -> ToolCallPart:
    data = take(block, "input")
    args = "" if streaming and data == {} else to_json_text(data)
    shape = {"type": kind} if kind == "mcp_tool_use" else None
    call_id, name = take(block, "id"), take(block, "name")
    cache = _cache(block)
    part = ToolCallPart(id=call_id, name=name, arguments=args, extras=extras(block, shape))
    if kind != "tool_use":
        part.kind = "server"
    if cache is not None:
        part.cache_control = cache
    return part


def _decode_server_result(block: dict[str, Any], name: str) -> ToolResultPart:
    """A server tool's result: its own payload (``content``) and ``type`` stay in extras."""
    return ToolResultPart(
        call_id=take(block, "tool_use_id"),
        name=name,
        kind="server",
        cache_control=_cache(block),
        extras=extras(block),
    )


#: Block ``type`` -> decoder, for the blocks decoded from the block alone.
_DECODERS: Final[dict[str, Callable[[dict[str, Any]], Part]]] = {
    "text": _decode_text,
    "image": _decode_image,
    "document": _decode_document,
    "thinking": _decode_thinking,
    "redacted_thinking": _decode_redacted,
    "tool_result": _decode_tool_result,
}
_TOOL_USE: Final = frozenset({"tool_use", "server_tool_use", "mcp_tool_use"})


def decode_block(block: dict[str, Any], *, streaming: bool = False) -> Part:
    """One content block (validated copy, consumed) as a universal part.

    ``streaming``: a ``content_block_start`` block, whose tool input is still empty (``{}``
    then reads as empty arguments text, the deltas bring the rest).
    """
    kind = block["type"]
    decode = _DECODERS.get(kind)
    if decode is not None:
        return decode(block)
    if kind in _TOOL_USE:
        return _decode_tool_use(block, kind, streaming)
    name = SERVER_RESULT_TYPES.get(kind)
    if name is not None:
        return _decode_server_result(block, name)
    return OpaquePart(family=FAMILY, data=block)
