"""Media helpers shared by the provider packages: ``data:`` URLs and image-type sniffing."""

from __future__ import annotations

from typing import Final

__all__ = ["IMAGE_SIGNATURES", "data_url", "parse_data_url", "sniff_image"]

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
