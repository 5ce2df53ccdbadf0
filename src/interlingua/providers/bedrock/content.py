"""Bedrock Converse content blocks -> universal parts (decoding). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html"""

from __future__ import annotations

from typing import Any, Final

from ..._json import to_json_text
from ...universal import (
    AudioPart,
    Base64Source,
    CacheControl,
    Citation,
    Extras,
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
from ..base import take
from . import names
from .tables import DOCUMENT_FORMATS, FAMILY, IMAGE_FORMATS, VIDEO_FORMATS

#: Wire-only keys: ``type: tool_use`` (sent by the API on every toolUse, not in the service
#: model) carries nothing another format needs.
QUIET: Final = frozenset({"type", "$metadata"})


#: The extras of a node with nothing left over, shared (extras are read, never mutated, once
#: decoded).
BARE: Final = Extras(FAMILY, {}, {}, QUIET)


def extras(wire: dict[str, Any], shape: dict[str, Any] | None = None) -> Extras:
    """The node's extras: every key of ``wire`` not taken (`leftovers` for this family). Nodes
    with nothing left over share `BARE`."""
    if not wire and not shape:
        return BARE
    return Extras(FAMILY, wire, shape or {}, QUIET)


def is_native(node: HasExtras) -> bool:
    """Whether ``node`` was decoded from a Bedrock payload."""
    ex = node.extras
    return ex is not None and ex.family == FAMILY


def decode_cache_point(wire: dict[str, Any]) -> CacheControl:
    return CacheControl(type=take(wire, "type"), ttl=take(wire, "ttl"), extras=extras(wire))


def decode_source(src: dict[str, Any], media_type: str | None) -> MediaSource | None:
    """``bytes`` -> base64, ``s3Location`` -> an ``s3://`` URL, ``text`` -> text; None for
    other sources (a document's ``content`` list)."""
    source: MediaSource
    if "bytes" in src:
        source = Base64Source(data=take(src, "bytes"), media_type=media_type)
    elif "s3Location" in src:
        loc = dict(src.pop("s3Location"))
        source = UrlSource(url=loc.pop("uri"))
        source.extras = extras(src, {"s3Location": loc} if loc else None)  # bucketOwner
        return source
    elif "text" in src:
        source = TextSource(text=take(src, "text"), media_type=media_type or "text/plain")
    else:
        return None
    source.extras = extras(src)
    return source


def _media(kind: str, block: dict[str, Any], original: dict[str, Any]) -> Part:
    fmt = block.get("format")
    table = {"image": IMAGE_FORMATS, "document": DOCUMENT_FORMATS, "video": VIDEO_FORMATS}
    media_type = table.get(kind, {}).get(fmt) if isinstance(fmt, str) else None
    if kind == "audio" and isinstance(fmt, str):
        media_type = f"audio/{fmt}"
    source = decode_source(dict(block["source"]), media_type)
    if source is None or (kind != "document" and isinstance(source, TextSource)):
        return OpaquePart(family=FAMILY, data=original)
    del block["source"]
    shape: dict[str, Any] = {}
    s3_image = kind == "image" and isinstance(source, UrlSource)
    if kind == "audio" or (media_type is not None and not s3_image):
        block.pop("format", None)  # an S3 image has no media type: its format stays
    if kind == "image":
        return ImagePart(source=source, extras=extras(block, shape))
    if kind == "audio":
        return AudioPart(source=source, format=fmt, extras=extras(block, shape))
    cfg = block.get("citations")
    enabled = None
    if isinstance(cfg, dict) and set(cfg) == {"enabled"}:
        enabled = block.pop("citations")["enabled"]
    if kind == "document" and "format" not in original["document"]:
        shape["format"] = "absent"
    return FilePart(
        source=source,
        media_type=media_type,
        filename=take(block, "name"),
        context=take(block, "context"),
        citations_enabled=enabled,
        extras=extras(block, shape),
    )


def _tool_result(block: dict[str, Any]) -> ToolResultPart:
    call_id = names.decode(block.pop("toolUseId"), tool_id=True)
    content: list[Part] = []
    for item in block.pop("content"):
        if "json" in item and len(item) == 1:
            text = to_json_text(item["json"])
            content.append(TextPart(text=text, extras=extras({}, {"json": True})))
        else:
            content.append(decode_block(item))
    status = block.pop("status", None)
    shape = {"status": status} if status == "success" else None
    return ToolResultPart(
        call_id=call_id,
        content=content,
        is_error=True if status == "error" else None,
        extras=extras(block, shape),
    )


def _reasoning(block: dict[str, Any], original: dict[str, Any]) -> Part:
    if "reasoningText" in block:
        rt = block.pop("reasoningText")
        text, sig = take(rt, "text"), take(rt, "signature")
        ex = extras(block, {"reasoningText": rt} if rt else None)
        return ReasoningPart(
            text=text,
            signature=sig,
            signature_origin=FAMILY if sig is not None else None,
            extras=ex,
        )
    if "redactedContent" in block:
        data = take(block, "redactedContent")
        return ReasoningPart(redacted=data, signature_origin=FAMILY, extras=extras(block))
    return OpaquePart(family=FAMILY, data=original)


def decode_block(wire: dict[str, Any]) -> Part:
    """One content block (validated copy) as a universal part; ``cachePoint`` blocks are
    handled by `decode_blocks`. Unknown members become opaque parts."""
    if "text" in wire and isinstance(wire["text"], str):
        text = wire.pop("text")
        return TextPart(text=text, extras=extras(wire))
    if "toolUse" in wire and len(wire) == 1:
        tu = wire.pop("toolUse")
        server = tu.get("type") == "server_tool_use"
        if server:
            del tu["type"]
        return ToolCallPart(
            id=names.decode(tu.pop("toolUseId"), tool_id=True),
            name=names.decode(tu.pop("name")),
            arguments=to_json_text(tu.pop("input")),
            kind="server" if server else "function",
            extras=extras(tu),
        )
    if "toolResult" in wire and len(wire) == 1:
        return _tool_result(wire.pop("toolResult"))
    original = dict(wire)
    for kind in ("image", "document", "video", "audio"):
        if kind in wire:
            block = dict(wire.pop(kind))
            part = _media(kind, block, original)
            if not isinstance(part, OpaquePart) and wire:
                return OpaquePart(family=FAMILY, data=original)
            return part
    if "reasoningContent" in wire and len(wire) == 1:
        return _reasoning(dict(wire.pop("reasoningContent")), original)
    return OpaquePart(family=FAMILY, data=original)


_CACHEABLE: Final = (TextPart, ImagePart, AudioPart, FilePart, ToolCallPart, ToolResultPart)


def decode_blocks(blocks: list[dict[str, Any]]) -> list[Part]:
    """A block list: a ``cachePoint`` becomes the ``cache_control`` of the part before it
    (or an opaque part when there is none to carry it)."""
    parts: list[Part] = []
    for b in blocks:
        if "cachePoint" in b and len(b) == 1:
            prev = parts[-1] if parts else None
            if isinstance(prev, _CACHEABLE) and prev.cache_control is None:
                prev.cache_control = decode_cache_point(dict(b["cachePoint"]))
                continue
            parts.append(OpaquePart(family=FAMILY, data=b))
            continue
        parts.append(decode_block(b))
    return parts


def decode_citation(wire: dict[str, Any]) -> Citation:
    """A ``citation`` (delta) or ``citations`` entry: title, web URL, cited source text; the
    rest (document locations) stays in extras, meaningful to Bedrock only."""
    title = take(wire, "title")
    loc = wire.get("location")
    kind = next(iter(loc), "location") if isinstance(loc, dict) and loc else "location"
    url = None
    if kind == "web" and isinstance(loc, dict):
        web = loc["web"]
        if isinstance(web, dict) and set(web) <= {"url", "domain"} and "url" in web:
            url = web["url"]
    cited = None
    sc = wire.get("sourceContent")
    if isinstance(sc, list) and sc and all(isinstance(x, dict) and set(x) == {"text"} for x in sc):
        cited = "".join(x["text"] for x in sc)
    return Citation(kind=kind, title=title, url=url, cited_text=cited, extras=extras(wire))
