"""Media helpers shared by the provider packages: ``data:`` URLs and image-type sniffing."""

from __future__ import annotations

from typing import Final

from ..universal import AudioPart, Base64Source, UrlSource

__all__ = [
    "AUDIO_FORMATS",
    "AUDIO_MEDIA_TYPES",
    "IMAGE_SIGNATURES",
    "data_url",
    "inline_audio",
    "parse_data_url",
    "sniff_image",
]

#: The base64 spelling of each image format's leading bytes -> its media type.
IMAGE_SIGNATURES: Final[dict[str, str]] = {
    "iVBOR": "image/png",
    "/9j/": "image/jpeg",
    "R0lG": "image/gif",
    "UklG": "image/webp",
}


def parse_data_url(url: str) -> tuple[str, str] | None:
    """``(media_type, base64)`` of a ``data:<type>;base64,<data>`` URL, or None.

    Only URLs that `data_url` rebuilds exactly qualify (a media type, no extra parameters), so a
    round trip through the pair never changes a payload.
    """
    if not url.startswith("data:"):
        return None
    header, sep, data = url.partition(",")
    if not sep or not header.endswith(";base64"):
        return None
    media_type = header[5:-7]
    return (media_type, data) if media_type and ";" not in media_type else None


def data_url(media_type: str, data: str) -> str:
    """A ``data:`` URL carrying base64 ``data`` (never decoded or re-encoded)."""
    return f"data:{media_type};base64,{data}"


def sniff_image(data: str, default: str = "image/png") -> str:
    """The image media type told by the first bytes of base64 ``data`` (``default`` if none)."""
    return next((mt for sig, mt in IMAGE_SIGNATURES.items() if data.startswith(sig)), default)


#: OpenAI's input-audio formats (Chat Completions and Responses) -> media type.
AUDIO_MEDIA_TYPES: Final[dict[str, str]] = {"wav": "audio/wav", "mp3": "audio/mpeg"}
#: Media types (and common aliases) -> OpenAI input-audio format.
AUDIO_FORMATS: Final[dict[str, str]] = {
    **{mt: fmt for fmt, mt in AUDIO_MEDIA_TYPES.items()},
    "audio/mp3": "mp3",
    "audio/x-wav": "wav",
    "audio/wave": "wav",
}


def inline_audio(part: AudioPart, own: bool) -> tuple[str, str] | None:
    """``(base64 data, format)`` for OpenAI's ``input_audio``, or None when the part has no
    inline data or (from another family) a format other than wav/mp3. ``own``: the part came
    from the target's family, whose format is written back as it was."""
    src = part.source
    data = media_type = None
    if isinstance(src, Base64Source):
        data, media_type = src.data, src.media_type
    elif isinstance(src, UrlSource) and (parsed := parse_data_url(src.url)) is not None:
        media_type, data = parsed
    fmt = part.format if own else (part.format or AUDIO_FORMATS.get(media_type or ""))
    if data is None or fmt is None or (not own and fmt not in AUDIO_MEDIA_TYPES):
        return None
    return data, fmt
