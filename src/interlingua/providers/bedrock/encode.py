"""Universal parts and messages -> Bedrock Converse content blocks (encoding). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from typing import Any, Final, TypeAlias

from ..._json import JSONDecodeError, loads
from ...universal import (
    AudioPart,
    Base64Source,
    CacheControl,
    Citation,
    FileIdSource,
    FilePart,
    ImagePart,
    MediaSource,
    OpaquePart,
    Part,
    ReasoningPart,
    RefusalPart,
    TextPart,
    TextSource,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)
from ..base import ConversionContext, restore, shape_of
from . import names
from .content import is_native
from .tables import (
    AUDIO_FORMATS,
    DOCUMENT_BY_TYPE,
    FAMILY,
    IMAGE_BY_TYPE,
    IMAGE_MAGIC,
    SIGNATURE_ORIGINS,
    VIDEO_BY_TYPE,
)

_NAME_BAD: Final = re.compile(r"[^A-Za-z0-9\s\-()\[\]]")


def is_base64(text: str) -> bool:
    """Whether ``text`` is valid base64 (Bedrock blobs travel as base64 in JSON)."""
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def document_name(name: str) -> str:
    """A document name Bedrock accepts: letters, digits, single spaces, hyphens, parentheses
    and square brackets (a label for the model; other characters become hyphens)."""
    cleaned = re.sub(r"\s+", " ", _NAME_BAD.sub("-", name)).strip()
    return cleaned[:200] or "document"


def encode_cache_point(cc: CacheControl, ctx: ConversionContext, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {"type": cc.type if is_native(cc) else "default"}
    if cc.ttl is not None:
        if cc.ttl in ("5m", "1h") or is_native(cc):
            out["ttl"] = cc.ttl
        else:
            ctx.loss(
                f"{path}.ttl", "cache-ttl-approximated", f"Bedrock has no cache TTL {cc.ttl!r}"
            )
    restore(out, cc, ctx, path)
    return {"cachePoint": out}


def tool_name(
    name: str, ctx: ConversionContext, path: str, key: str, *, tool_id: bool = False
) -> str:
    """``name`` (field ``key`` of the object at ``path``) as Bedrock accepts it (see `names`);
    an irreversible alias is a loss."""
    alias, reversible = names.encode_id(name) if tool_id else names.encode(name)
    if not reversible:
        what = "tool-use id" if tool_id else "tool name"
        ctx.loss(
            f"{path}.{key}",
            "tool-name-aliased",
            f"the {what} {name!r} is too long for Bedrock; sent as {alias!r}, which cannot be "
            "mapped back",
        )
    return alias


def encode_citation(c: Citation, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    """A ``citation`` delta: Bedrock's own as they were, a web citation of another format as a
    ``web`` location; other formats' document citations cannot be placed."""
    out: dict[str, Any] = {}
    if c.title is not None:
        out["title"] = c.title
    if not is_native(c):
        if c.url is None:
            ctx.loss(path, "citation-unsupported", f"a {c.kind} citation")
            return None
        out["location"] = {"web": {"url": c.url}}
        if c.cited_text is not None:
            out["sourceContent"] = [{"text": c.cited_text}]
    restore(out, c, ctx, path)
    return out


class PartEncoder:
    """Writes universal parts as Converse blocks, reporting what does not fit."""

    __slots__ = ("ctx", "response")

    def __init__(self, ctx: ConversionContext, *, response: bool = False) -> None:
        self.ctx = ctx
        self.response = response

    def loss(self, path: str, code: str, reason: str) -> None:
        self.ctx.loss(path, code, reason)

    # --- sources ---------------------------------------------------------------------------

    def source(self, src: MediaSource, path: str) -> tuple[dict[str, Any] | None, str | None]:
        """The wire source and the media type it states (a ``data:`` URL becomes bytes)."""
        out: dict[str, Any]
        media_type: str | None = None
        if isinstance(src, Base64Source):
            out, media_type = {"bytes": src.data}, src.media_type
        elif isinstance(src, TextSource):
            out, media_type = {"text": src.text}, src.media_type
        elif isinstance(src, UrlSource) and src.url.startswith("data:"):
            head, sep, data = src.url.partition(",")
            if not sep or not head.endswith(";base64"):
                self.loss(path, "media-source-unsupported", "a data: URL that is not base64")
                return None, None
            out, media_type = {"bytes": data}, head[5 : -len(";base64")] or None
        elif isinstance(src, UrlSource) and src.url.startswith("s3://"):
            loc = {"uri": src.url, **shape_of(src, self.ctx).get("s3Location", {})}
            out = {"s3Location": loc}
        else:
            what = src.file_id if isinstance(src, FileIdSource) else getattr(src, "url", "")
            self.loss(
                path,
                "media-source-unsupported",
                f"Bedrock takes media as bytes or S3 locations only (not fetched): {what!r:.80}",
            )
            return None, None
        restore(out, src, self.ctx, path)
        return out, media_type

    # --- parts -----------------------------------------------------------------------------

    def image(self, p: ImagePart, path: str) -> dict[str, Any] | None:
        if isinstance(p.source, TextSource):
            self.loss(path, "part-unsupported", "an image given as text")
            return None
        src, media_type = self.source(p.source, f"{path}.source")
        if src is None:
            return None
        out: dict[str, Any] = {}
        fmt = IMAGE_BY_TYPE.get(media_type or "")
        if fmt is None and "bytes" in src:
            fmt = next((f for m, f in IMAGE_MAGIC.items() if src["bytes"].startswith(m)), None)
        if fmt is None and not is_native(p):
            if "s3Location" not in src:
                self.loss(path, "part-unsupported", f"an image of type {media_type!r}")
                return None
            fmt = "png"
            self.loss(path, "part-approximated", "an S3 image of unknown type sent as png")
        if fmt is not None:
            out["format"] = fmt
        out["source"] = src
        if p.detail is not None:
            self.loss(f"{path}.detail", "part-field-dropped", "Bedrock has no image detail hint")
        restore(out, p, self.ctx, path)
        return {"image": out}

    def audio(self, p: AudioPart, path: str) -> dict[str, Any] | None:
        src, media_type = self.source(p.source, f"{path}.source")
        if src is None:
            return None
        fmt = p.format
        if fmt is None and media_type is not None and media_type.startswith("audio/"):
            fmt = media_type[6:]
        if fmt not in AUDIO_FORMATS and not is_native(p):
            self.loss(path, "part-unsupported", f"audio in format {fmt!r}")
            return None
        out: dict[str, Any] = {"format": fmt, "source": src}
        restore(out, p, self.ctx, path)
        return {"audio": out}

    def file(self, p: FilePart, path: str) -> dict[str, Any] | None:
        src, stated = self.source(p.source, f"{path}.source")
        if src is None:
            return None
        media_type = p.media_type or stated
        native = is_native(p)
        if media_type is not None and media_type.startswith(("video/", "image/", "audio/")):
            kind = media_type.split("/")[0]
            if kind == "image":
                return self.image(ImagePart(source=p.source, extras=p.extras), path)
            if kind == "audio":
                return self.audio(AudioPart(source=p.source, extras=p.extras), path)
            fmt = VIDEO_BY_TYPE.get(media_type)
            if fmt is None and not native:
                self.loss(path, "part-unsupported", f"a video of type {media_type!r}")
                return None
            video: dict[str, Any] = {"format": fmt, "source": src} if fmt else {"source": src}
            restore(video, p, self.ctx, path)
            return {"video": video}
        out: dict[str, Any] = {}
        fmt = DOCUMENT_BY_TYPE.get(media_type or "")
        if fmt is None and "text" in src:
            fmt = "txt"
        if fmt is None and not native:
            self.loss(path, "part-unsupported", f"a document of type {media_type!r}")
            return None
        if fmt is not None and shape_of(p, self.ctx).get("format") != "absent":
            out["format"] = fmt
        if native and p.filename is not None:
            out["name"] = p.filename
        else:
            out["name"] = document_name(p.filename or p.title or "document")
            if p.filename is not None and p.title is not None:
                self.loss(
                    f"{path}.title", "part-field-dropped", "Bedrock documents have a name only"
                )
        out["source"] = src
        if p.context is not None:
            out["context"] = p.context
        if p.citations_enabled is not None:
            out["citations"] = {"enabled": p.citations_enabled}
        restore(out, p, self.ctx, path)
        return {"document": out}

    def tool_call(self, p: ToolCallPart, path: str) -> dict[str, Any] | None:
        if p.kind == "server" and not is_native(p):
            self.loss(path, "tool-unsupported", f"a call of another provider's tool {p.name!r}")
            return None
        value: Any = {}
        if p.kind == "custom":
            value = {"input": p.arguments}
            self.loss(
                path, "custom-tool-approximated", 'free-text input wrapped as {"input": text}'
            )
        elif p.arguments.strip():
            try:
                value = loads(p.arguments)
            except JSONDecodeError:
                value = None
            if not isinstance(value, dict) and not is_native(p):
                self.loss(
                    f"{path}.arguments",
                    "tool-arguments-invalid-json",
                    "Bedrock tool input must be a JSON object; sent as {}",
                )
                value = {}
        out: dict[str, Any] = {
            "toolUseId": tool_name(p.id, self.ctx, path, "id", tool_id=True),
            "name": tool_name(p.name, self.ctx, path, "name"),
            "input": value,
        }
        if p.kind == "server":
            out["type"] = "server_tool_use"
        restore(out, p, self.ctx, path)
        return {"toolUse": out}

    def tool_result(self, p: ToolResultPart, path: str) -> dict[str, Any] | None:
        if p.kind == "server" and not is_native(p):
            self.loss(path, "tool-unsupported", "the result of another provider's hosted tool")
            return None
        content: list[dict[str, Any]] = []
        for i, q in enumerate(p.content):
            sub = f"{path}.content[{i}]"
            if isinstance(q, TextPart) and shape_of(q, self.ctx).get("json"):
                content.append({"json": loads(q.text)})
            elif isinstance(q, (TextPart, RefusalPart)):
                if q.text or is_native(q):
                    content.append(self.text(q, sub))
            elif isinstance(q, (ImagePart, FilePart)):
                block = self.image(q, sub) if isinstance(q, ImagePart) else self.file(q, sub)
                if block is not None:
                    content.append(block)
            elif isinstance(q, OpaquePart) and q.family == FAMILY:
                content.append(q.data)
            else:
                self.loss(sub, "part-unsupported", f"a {q.type} part inside a tool result")
        out: dict[str, Any] = {
            "toolUseId": tool_name(p.call_id, self.ctx, path, "call_id", tool_id=True),
            "content": content,
        }
        status = shape_of(p, self.ctx).get("status")
        if p.is_error:
            out["status"] = "error"
        elif status is not None:
            out["status"] = status
        restore(out, p, self.ctx, path)
        return {"toolResult": out}

    def reasoning(self, p: ReasoningPart, path: str) -> dict[str, Any] | None:
        portable = p.signature_origin in SIGNATURE_ORIGINS
        if p.redacted is not None:
            if not portable:
                self.loss(path, "signature-not-portable", "encrypted reasoning of another provider")
                return None
            if not is_base64(p.redacted) and not is_native(p):
                self.loss(path, "reasoning-dropped", "redacted reasoning that is not base64")
                return None
            out: dict[str, Any] = {"redactedContent": p.redacted}
            restore(out, p, self.ctx, path)
            return {"reasoningContent": out}
        text = p.text if p.text is not None else "\n\n".join(p.summary or [])
        rt: dict[str, Any] = {"text": text}
        if p.signature is not None:
            if portable:
                rt["signature"] = p.signature
            else:
                origin = p.signature_origin
                self.loss(f"{path}.signature", "signature-not-portable", f"a {origin} signature")
        if "signature" not in rt and not self.response and not is_native(p):
            # NOTE: Claude on Bedrock rejects reasoning it did not sign in earlier turns
            self.loss(path, "reasoning-dropped", "Bedrock accepts only reasoning it signed")
            return None
        rt.update(shape_of(p, self.ctx).get("reasoningText", {}))
        out = {"reasoningText": rt}
        restore(out, p, self.ctx, path)
        return {"reasoningContent": out}

    def text(self, p: TextPart | RefusalPart, path: str) -> dict[str, Any]:
        out: dict[str, Any] = {"text": p.text}
        if isinstance(p, TextPart) and p.citations:
            self.loss(f"{path}.citations", "citation-unsupported", "Bedrock text has no citations")
        restore(out, p, self.ctx, path)
        return out

    def text_part(self, p: TextPart | RefusalPart, path: str) -> dict[str, Any] | None:
        """A text block; another format's empty text is left out."""
        return None if not p.text and not is_native(p) else self.text(p, path)

    def opaque(self, p: OpaquePart, path: str) -> dict[str, Any] | None:
        if p.family == FAMILY:
            return p.data
        self.loss(path, "part-unsupported", f"a {p.family}-only block")
        return None

    def part(self, p: Part, path: str) -> list[dict[str, Any]]:
        """The blocks for one part (a ``cachePoint`` follows a part with ``cache_control``)."""
        write = _WRITERS.get(type(p)) or _writer(p)
        block = write(self, p, path)
        cc = getattr(p, "cache_control", None)
        if block is None:
            if cc is not None:
                self.loss(f"{path}.cache_control", "cache-control-dropped", "its part was dropped")
            return []
        if cc is None:
            return [block]
        return [block, encode_cache_point(cc, self.ctx, f"{path}.cache_control")]


_Writer: TypeAlias = Callable[[PartEncoder, Any, str], "dict[str, Any] | None"]

#: Part type -> the `PartEncoder` method that writes it.
_WRITERS: Final[dict[type, _Writer]] = {
    TextPart: PartEncoder.text_part,
    RefusalPart: PartEncoder.text_part,
    ImagePart: PartEncoder.image,
    AudioPart: PartEncoder.audio,
    FilePart: PartEncoder.file,
    ToolCallPart: PartEncoder.tool_call,
    ToolResultPart: PartEncoder.tool_result,
    ReasoningPart: PartEncoder.reasoning,
    OpaquePart: PartEncoder.opaque,
}


def _writer(p: Part) -> _Writer:
    """The writer of a subclass of a part type."""
    return next((w for tp, w in _WRITERS.items() if isinstance(p, tp)), PartEncoder.opaque)
