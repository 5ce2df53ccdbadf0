"""Content parts, tool calls and citations of Chat Completions messages, both ways.
https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    AudioPart,
    Base64Source,
    FileIdSource,
    FilePart,
    ImagePart,
    MediaSource,
    OpaquePart,
    Part,
    RefusalPart,
    TextPart,
    TextSource,
    UrlSource,
)
from ..base import ConversionContext, leftovers, take
from ..media import AUDIO_MEDIA_TYPES, data_url, inline_audio, parse_data_url, sniff_image
from ..prompt_cache import decode_cache, encode_cache
from .common import F, mine, nested_leftover, restore_into

# --- data URLs -----------------------------------------------------------------------------


# --- cache breakpoints ---------------------------------------------------------------------


# --- content parts -------------------------------------------------------------------------


def decode_part(p: dict[str, Any]) -> Part:
    """One content part (any role) to a universal part."""
    kind = p.get("type")
    if kind == "text":
        del p["type"]
        text = p.pop("text")
        cc = decode_cache(p, F)
        return TextPart(text=text, cache_control=cc, extras=leftovers(F, p))
    if kind == "image_url":
        del p["type"]
        iu = p.pop("image_url")
        url, detail = iu.pop("url"), take(iu, "detail")
        cc = decode_cache(p, F)
        return ImagePart(
            source=UrlSource(url=url, extras=leftovers(F, iu)),
            detail=detail,
            cache_control=cc,
            extras=leftovers(F, p),
        )
    if kind == "input_audio":
        del p["type"]
        ia = p.pop("input_audio")
        data, fmt = ia.pop("data"), ia.pop("format")
        src = Base64Source(
            data=data, media_type=AUDIO_MEDIA_TYPES.get(fmt), extras=leftovers(F, ia)
        )
        return AudioPart(
            source=src, format=fmt, cache_control=decode_cache(p, F), extras=leftovers(F, p)
        )
    if kind == "file":
        return _decode_file(p)
    if kind == "refusal":
        del p["type"]
        return RefusalPart(text=p.pop("refusal"), extras=leftovers(F, p))
    return OpaquePart(family=F, data=p)


def _decode_file(p: dict[str, Any]) -> Part:
    f = p["file"]
    file_id, file_data = f.get("file_id"), f.get("file_data")
    source: MediaSource
    media_type = None
    if isinstance(file_id, str):
        del f["file_id"]
        source = FileIdSource(file_id=file_id)
    elif isinstance(file_data, str):
        del f["file_data"]
        parsed = parse_data_url(file_data)
        if parsed is not None:
            media_type = parsed[0]
            source = Base64Source(data=parsed[1], media_type=media_type)
        elif "://" in file_data:
            source = UrlSource(url=file_data, extras=leftovers(F, {}, shape={"file_data": "raw"}))
        else:
            source = Base64Source(
                data=file_data, extras=leftovers(F, {}, shape={"file_data": "raw"})
            )
    else:
        return OpaquePart(family=F, data=p)
    del p["type"], p["file"]
    filename = take(f, "filename")
    nested_leftover(p, "file", f)
    return FilePart(
        source=source,
        media_type=media_type,
        filename=filename,
        cache_control=decode_cache(p, F),
        extras=leftovers(F, p),
    )


def encode_part(part: Part, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    """A universal content part as a Chat content part (None, with a loss, if impossible)."""
    out: dict[str, Any]
    if isinstance(part, TextPart):
        out = {"type": "text", "text": part.text}
    elif isinstance(part, ImagePart):
        url = _image_url(part, ctx, path)
        if url is None:
            return None
        image: dict[str, Any] = {"url": url}
        if part.detail is not None:
            image["detail"] = part.detail
        restore_into(image, part.source, ctx, f"{path}.source")
        out = {"type": "image_url", "image_url": image}
    elif isinstance(part, AudioPart):
        audio = _input_audio(part, ctx, path)
        if audio is None:
            return None
        out = {"type": "input_audio", "input_audio": audio}
    elif isinstance(part, FilePart) and isinstance(part.source, TextSource):
        ctx.loss(path, "part-approximated", "a plain-text document is sent as a text part")
        out = {"type": "text", "text": part.source.text}
    elif isinstance(part, FilePart):
        file = _file(part, ctx, path)
        if file is None:
            return None
        out = {"type": "file", "file": file}
    elif isinstance(part, RefusalPart):
        out = {"type": "refusal", "refusal": part.text}
    elif isinstance(part, OpaquePart) and part.family == F:
        return dict(part.data)
    else:
        ctx.loss(
            path, "part-unsupported", f"`{part.type}` parts cannot appear here in Chat Completions"
        )
        return None
    cc = getattr(part, "cache_control", None)
    if cc is not None:
        encode_cache(out, cc, ctx, path)
    restore_into(out, part, ctx, path)
    return out


def _image_url(part: ImagePart, ctx: ConversionContext, path: str) -> str | None:
    src = part.source
    if isinstance(src, UrlSource):
        return src.url
    if isinstance(src, Base64Source):
        return data_url(src.media_type or sniff_image(src.data), src.data)
    ctx.loss(
        f"{path}.source",
        "media-source-unsupported",
        f"Chat Completions images are URLs or data URLs, not {type(src).__name__}",
    )
    return None


def _input_audio(part: AudioPart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    found = inline_audio(part, mine(part))
    if found is None:
        ctx.loss(
            f"{path}.source",
            "media-source-unsupported",
            "Chat Completions input audio must be inline base64 wav or mp3",
        )
        return None
    data, fmt = found
    src = part.source
    out = {"data": data, "format": fmt}
    restore_into(out, src, ctx, f"{path}.source")
    return out


def _file(part: FilePart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    src = part.source
    out: dict[str, Any] = {}
    if isinstance(src, FileIdSource):
        out["file_id"] = src.file_id
    elif isinstance(src, Base64Source):
        raw = mine(src) and src.extras is not None and src.extras.shape.get("file_data") == "raw"
        mt = src.media_type or part.media_type or "application/pdf"
        out["file_data"] = src.data if raw else data_url(mt, src.data)
    elif isinstance(src, UrlSource) and (mine(src) or src.url.startswith("data:")):
        out["file_data"] = src.url
    else:
        what = "text" if isinstance(src, TextSource) else type(src).__name__
        ctx.loss(
            f"{path}.source",
            "media-source-unsupported",
            f"Chat Completions files are base64 data or file ids, not {what}",
        )
        return None
    if part.filename is not None:
        out["filename"] = part.filename
    elif not mine(part) and "file_data" in out:
        out["filename"] = part.title or "document"
    if not mine(part):
        for name in ("title", "context", "citations_enabled"):
            if getattr(part, name) is not None and not (name == "title" and part.filename is None):
                ctx.loss(
                    f"{path}.{name}",
                    "part-field-dropped",
                    f"Chat Completions files have no `{name}`",
                )
    restore_into(out, src, ctx, f"{path}.source")
    return out
