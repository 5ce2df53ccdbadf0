"""Content parts and annotations of Responses messages and tool outputs, both ways.
https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
"""

from __future__ import annotations

from typing import Any, Literal

from ...universal import (
    AudioPart,
    Base64Source,
    CacheControl,
    Citation,
    Extras,
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
from ..base import ConversionContext, leftovers, restore, take
from ..media import AUDIO_MEDIA_TYPES, data_url, inline_audio, parse_data_url, sniff_image
from ..prompt_cache import decode_cache
from ..prompt_cache import encode_cache as encode_breakpoint
from .common import F, mine, restore_into, shape

#: where a part is written: a user/system turn, an assistant message, or a tool output list
Place = Literal["input", "output", "tool"]

# --- cache breakpoints ---------------------------------------------------------------------


def encode_cache(
    out: dict[str, Any], cc: CacheControl | None, ctx: ConversionContext, path: str
) -> None:
    if cc is None:
        return
    if out.get("type") not in ("input_text", "input_image", "input_file"):
        ctx.loss(
            f"{path}.cache_control",
            "cache-control-dropped",
            f"Responses cannot place a cache breakpoint on `{out.get('type')}`",
        )
        return
    encode_breakpoint(out, cc, ctx, path)


# --- annotations ---------------------------------------------------------------------------


def decode_annotation(a: dict[str, Any]) -> Citation:
    kind = a.pop("type")
    return Citation(
        kind=kind,
        url=take(a, "url"),
        title=take(a, "title"),
        start_index=take(a, "start_index"),
        end_index=take(a, "end_index"),
        extras=leftovers(F, a),
    )


def encode_annotation(
    c: Citation, text: str, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    out: dict[str, Any]
    if mine(c):
        out = {"type": c.kind}
        for key in ("url", "title", "start_index", "end_index"):
            if getattr(c, key) is not None:
                out[key] = getattr(c, key)
        restore(out, c, ctx, path)
        return out
    if c.url is None:
        ctx.loss(
            path,
            "citation-unsupported",
            f"a {c.kind} citation without a URL has no Responses annotation",
        )
        return None
    start, end = c.start_index, c.end_index
    if (start is None or end is None) and c.cited_text:
        found = text.find(c.cited_text)
        if found >= 0:
            start, end = found, found + len(c.cited_text)
    if start is None or end is None:
        start, end = 0, len(text)
    out = {
        "type": "url_citation",
        "url": c.url,
        "title": c.title or c.url,
        "start_index": start,
        "end_index": end,
    }
    restore(out, c, ctx, path)
    return out


# --- content parts -------------------------------------------------------------------------


def decode_part(p: dict[str, Any]) -> Part:
    """One content part (any place) to a universal part."""
    kind = p.get("type")
    if kind in ("input_text", "output_text"):
        del p["type"]
        text = p.pop("text")
        cc = decode_cache(p, F) if "prompt_cache_breakpoint" in p else None
        annotations = take(p, "annotations")
        citations = None
        if isinstance(annotations, list):
            citations = [decode_annotation(a) for a in annotations]
        return TextPart(
            text=text, citations=citations, cache_control=cc, extras=Extras(F, p, {"type": kind})
        )
    if kind == "refusal":
        del p["type"]
        return RefusalPart(text=p.pop("refusal"), extras=Extras(F, p))
    if kind == "input_image":
        return _decode_image(p)
    if kind == "input_file":
        return _decode_file(p)
    if kind == "input_audio":
        del p["type"]
        ia = p.pop("input_audio")
        data, fmt = ia.pop("data"), ia.pop("format")
        src = Base64Source(
            data=data, media_type=AUDIO_MEDIA_TYPES.get(fmt), extras=leftovers(F, ia)
        )
        return AudioPart(source=src, format=fmt, extras=leftovers(F, p))
    return OpaquePart(family=F, data=p)


def _decode_image(p: dict[str, Any]) -> Part:
    url, file_id = p.get("image_url"), p.get("file_id")
    source: MediaSource
    if isinstance(url, str):
        del p["image_url"]
        parsed = parse_data_url(url)
        source = (
            Base64Source(data=parsed[1], media_type=parsed[0])
            if parsed is not None
            else UrlSource(url=url)
        )
    elif isinstance(file_id, str):
        del p["file_id"]
        source = FileIdSource(file_id=file_id)
    else:
        return OpaquePart(family=F, data=p)
    del p["type"]
    detail = take(p, "detail")
    cc = decode_cache(p, F)
    return ImagePart(source=source, detail=detail, cache_control=cc, extras=leftovers(F, p))


def _decode_file(p: dict[str, Any]) -> Part:
    file_id, file_data, file_url = p.get("file_id"), p.get("file_data"), p.get("file_url")
    source: MediaSource
    media_type = None
    if isinstance(file_id, str):
        del p["file_id"]
        source = FileIdSource(file_id=file_id)
    elif isinstance(file_url, str):
        del p["file_url"]
        source = UrlSource(url=file_url)
    elif isinstance(file_data, str):
        del p["file_data"]
        parsed = parse_data_url(file_data)
        if parsed is not None:
            media_type = parsed[0]
            source = Base64Source(data=parsed[1], media_type=media_type)
        else:
            source = Base64Source(data=file_data, extras=leftovers(F, {}, shape={"raw": True}))
    else:
        return OpaquePart(family=F, data=p)
    del p["type"]
    filename = take(p, "filename")
    cc = decode_cache(p, F)
    return FilePart(
        source=source,
        media_type=media_type,
        filename=filename,
        cache_control=cc,
        extras=leftovers(F, p),
    )


def encode_part(
    part: Part, place: Place, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    """A universal part as a Responses content part (None, with a loss, if impossible)."""
    out: dict[str, Any]
    if isinstance(part, TextPart):
        kind = shape(part).get("type", "output_text" if place == "output" else "input_text")
        out = {"type": kind, "text": part.text}
        if kind == "output_text":
            cites = (
                [
                    a
                    for k, c in enumerate(part.citations)
                    if (a := encode_annotation(c, part.text, ctx, f"{path}.citations[{k}]"))
                ]
                if part.citations
                else []
            )
            if part.citations is not None or not mine(part):
                out["annotations"] = cites
        elif part.citations:
            ctx.loss(
                f"{path}.citations", "citation-unsupported", "input text carries no annotations"
            )
    elif isinstance(part, RefusalPart):
        if place != "output":
            ctx.loss(path, "part-unsupported", "a refusal can only be an assistant output part")
            return None
        out = {"type": "refusal", "refusal": part.text}
    elif isinstance(part, ImagePart) and place != "output":
        image = _image(part, ctx, path)
        if image is None:
            return None
        out = image
    elif isinstance(part, FilePart) and place != "output":
        file = _file(part, ctx, path)
        if file is None:
            return None
        out = file
    elif isinstance(part, AudioPart) and place == "input" and mine(part):
        # NOTE: the SDK's input content union has no input_audio; only our own parts go back.
        audio = _audio(part, ctx, path)
        if audio is None:
            return None
        out = {"type": "input_audio", "input_audio": audio}
    elif isinstance(part, OpaquePart) and part.family == F:
        return dict(part.data)
    else:
        ctx.loss(path, "part-unsupported", f"`{part.type}` parts cannot appear here in Responses")
        return None
    cc = getattr(part, "cache_control", None)
    if cc is not None:
        encode_cache(out, cc, ctx, path)
    restore_into(out, part, ctx, path)
    return out


def _image(part: ImagePart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    src = part.source
    out: dict[str, Any] = {"type": "input_image"}
    if part.detail is not None or not mine(part):
        out["detail"] = (
            part.detail
            if part.detail in ("low", "high", "auto", "original") or mine(part)
            else "auto"
        )
    if isinstance(src, UrlSource):
        out["image_url"] = src.url
    elif isinstance(src, Base64Source):
        out["image_url"] = data_url(src.media_type or sniff_image(src.data), src.data)
    elif isinstance(src, FileIdSource):
        out["file_id"] = src.file_id
    else:
        ctx.loss(f"{path}.source", "media-source-unsupported", "an image given as text")
        return None
    restore_into(out, src, ctx, f"{path}.source")
    return out


def _file(part: FilePart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    src = part.source
    out: dict[str, Any] = {"type": "input_file"}
    if isinstance(src, FileIdSource):
        out["file_id"] = src.file_id
    elif isinstance(src, UrlSource):
        parsed = parse_data_url(src.url)
        out["file_data" if parsed else "file_url"] = src.url
    elif isinstance(src, Base64Source):
        raw = shape(src).get("raw")
        mt = src.media_type or part.media_type or "application/pdf"
        out["file_data"] = src.data if raw else data_url(mt, src.data)
    elif isinstance(src, TextSource):
        ctx.loss(path, "part-approximated", "a plain-text document is sent as input text")
        return {"type": "input_text", "text": src.text}
    if part.filename is not None:
        out["filename"] = part.filename
    elif not mine(part) and "file_data" in out:
        out["filename"] = part.title or "document"
    if not mine(part):
        for name in ("title", "context", "citations_enabled"):
            if getattr(part, name) is not None and not (name == "title" and part.filename is None):
                ctx.loss(
                    f"{path}.{name}", "part-field-dropped", f"Responses files have no `{name}`"
                )
    restore_into(out, src, ctx, f"{path}.source")
    return out


def _audio(part: AudioPart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    found = inline_audio(part, mine(part))
    if found is None:
        ctx.loss(
            f"{path}.source",
            "media-source-unsupported",
            "Responses input audio must be inline base64 wav or mp3",
        )
        return None
    data, fmt = found
    src = part.source
    out = {"data": data, "format": fmt}
    restore_into(out, src, ctx, f"{path}.source")
    return out
