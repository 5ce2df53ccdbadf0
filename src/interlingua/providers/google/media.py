"""Gemini media parts (``inlineData``, ``fileData``) from universal media parts. https://ai.google.dev/gemini-api/docs/file-input-methods"""

from __future__ import annotations

from typing import Any, Final

from ...universal import (
    AudioPart,
    Base64Source,
    FileIdSource,
    FilePart,
    HasExtras,
    ImagePart,
    MediaSource,
    TextSource,
    UrlSource,
)
from ..base import ConversionContext, restore, shape_of
from .tables import FAMILY


def is_native(node: HasExtras) -> bool:
    """Whether ``node`` was decoded from a Gemini payload."""
    ex = node.extras
    return ex is not None and ex.family == FAMILY


#: base64 prefixes of common image formats, for inline images whose type the source omitted.
_MAGIC: Final = {
    "iVBOR": "image/png",
    "/9j/": "image/jpeg",
    "R0lGOD": "image/gif",
    "UklGR": "image/webp",
}
_EXTENSIONS: Final = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "mp4": "video/mp4",
    "mp3": "audio/mp3",
    "wav": "audio/wav",
    "txt": "text/plain",
}


def _sniff(data: str, default: str) -> str:
    for prefix, mime in _MAGIC.items():
        if data.startswith(prefix):
            return mime
    return default


def _guess(url: str, default: str) -> str:
    tail = url.rsplit("/", 1)[-1].split("?", 1)[0]
    ext = tail.rsplit(".", 1)[-1].lower() if "." in tail else ""
    return _EXTENSIONS.get(ext, default)


def _data_url(url: str) -> tuple[str, str] | None:
    """(mime, base64 data) of a ``data:<mime>;base64,<data>`` URL."""
    if not url.startswith("data:") or ";base64," not in url:
        return None
    head, data = url[5:].split(";base64,", 1)
    return head, data


def encode_source(
    source: MediaSource, mime: str | None, default: str, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    """A media source as ``{"inlineData": ...}`` or ``{"fileData": ...}`` (None: reported)."""
    if isinstance(source, Base64Source):
        blob: dict[str, Any] = {}
        m = mime or source.media_type
        if m is not None or not is_native(source):
            blob["mimeType"] = m or _sniff(source.data, default)
        blob["data"] = source.data
        restore(blob, source, ctx, f"{path}.source")
        return {"inlineData": blob}
    if isinstance(source, UrlSource):
        inline = _data_url(source.url)
        if inline is not None:
            return {"inlineData": {"mimeType": mime or inline[0], "data": inline[1]}}
        fd: dict[str, Any] = {}
        if mime is not None:
            fd["mimeType"] = mime
        elif not is_native(source):
            fd["mimeType"] = _guess(source.url, default)
        fd["fileUri"] = source.url
        restore(fd, source, ctx, f"{path}.source")
        return {"fileData": fd}
    if isinstance(source, FileIdSource) and source.file_id.startswith(("files/", "https://")):
        return {"fileData": {"mimeType": mime or default, "fileUri": source.file_id}}
    ctx.loss(
        f"{path}.source",
        "media-source-unsupported",
        f"Gemini takes media inline or by URI, not as a {type(source).__name__}",
    )
    return None


def media_part(
    part: ImagePart | AudioPart | FilePart, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    native = is_native(part)
    shape = shape_of(part, ctx)
    if isinstance(part, FilePart) and isinstance(part.source, TextSource):
        ctx.loss(path, "part-approximated", "a plain-text document is sent as a text part")
        return {"text": part.source.text}
    mime: str | None
    if "mime" in shape:
        mime = shape["mime"]
    elif isinstance(part, FilePart):
        mime = part.media_type
    elif isinstance(part, AudioPart) and part.format is not None and not native:
        mime = f"audio/{part.format}"
    else:
        mime = None
    default = {ImagePart: "image/jpeg", AudioPart: "audio/wav", FilePart: "application/pdf"}[
        type(part)
    ]
    out = encode_source(part.source, mime, default, ctx, path)
    if out is None:
        return None
    if isinstance(part, ImagePart) and part.detail in ("low", "high") and not native:
        out["mediaResolution"] = {"level": f"MEDIA_RESOLUTION_{part.detail.upper()}"}
    if isinstance(part, FilePart):
        for key in ("filename", "title", "context"):
            if getattr(part, key) is not None:
                ctx.loss(f"{path}.{key}", "part-field-dropped", f"a Gemini part has no {key}")
    cache_loss(part, ctx, path)
    restore(out, part, ctx, path)
    return out


def cache_loss(part: Any, ctx: ConversionContext, path: str) -> None:
    if getattr(part, "cache_control", None) is not None:
        ctx.loss(
            f"{path}.cache_control",
            "cache-control-dropped",
            "Gemini has no cache breakpoints (it caches through cachedContent)",
        )
