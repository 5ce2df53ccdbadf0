"""Universal parts -> Anthropic content blocks (encoding). https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import Any

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
from ..media import parse_data_url
from .content import is_native
from .tables import FAMILY, IMAGE_MEDIA_TYPES, SIGNATURE_ORIGINS


def encode_cache_control(cc: CacheControl, ctx: ConversionContext, path: str) -> dict[str, Any]:
    if is_native(cc):
        out: dict[str, Any] = {"type": cc.type}
        if cc.ttl is not None:
            out["ttl"] = cc.ttl
        restore(out, cc, ctx, path)
        return out
    out = {"type": "ephemeral"}  # the only cache type Anthropic has
    if cc.ttl in ("5m", "1h"):
        out["ttl"] = cc.ttl
    elif cc.ttl is not None:
        ctx.loss(f"{path}.ttl", "cache-control-dropped", f"cache ttl {cc.ttl!r} is not 5m or 1h")
    restore(out, cc, ctx, path)
    return out


def _put_cache(
    out: dict[str, Any], cc: CacheControl | None, ctx: ConversionContext, path: str
) -> None:
    if cc is not None:
        out["cache_control"] = encode_cache_control(cc, ctx, f"{path}.cache_control")


def encode_citation(c: Citation, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    """A citation, or None (with a loss) for one from another family: Anthropic citations
    carry provider-issued indexes (``encrypted_index``, document indexes) no other has."""
    if not is_native(c):
        ctx.loss(
            path,
            "citation-unsupported",
            f"a {c.kind} citation cannot be written as an Anthropic citation",
        )
        return None
    out: dict[str, Any] = {"type": c.kind}
    for key, value in (("cited_text", c.cited_text), ("url", c.url), ("title", c.title)):
        if value is not None:
            out[key] = value
    restore(out, c, ctx, path)
    return out


def _web_url(url: str) -> bool:
    return url.startswith(("https://", "http://"))


class BlockEncoder:
    """Writes parts as blocks. ``response``: for a response body or stream, where a thinking
    block without a valid signature is still displayable (a request would be refused)."""

    def __init__(self, ctx: ConversionContext, *, response: bool = False) -> None:
        self.ctx = ctx
        self.response = response

    def loss(self, path: str, code: str, reason: str) -> None:
        self.ctx.loss(path, code, reason)

    # --- sources ---------------------------------------------------------------------------

    def _source(
        self, src: MediaSource, path: str, kinds: frozenset[str] | None
    ) -> dict[str, Any] | None:
        """An image (``kinds`` = allowed media types) or PDF/text document source."""
        ctx = self.ctx
        out: dict[str, Any]
        if isinstance(src, Base64Source):
            mt = src.media_type
            if kinds is not None and mt not in kinds and not is_native(src):
                self.loss(
                    path, "media-source-unsupported", f"media type {mt!r} is not accepted here"
                )
                return None
            out = {"type": "base64", "media_type": mt, "data": src.data}
        elif isinstance(src, UrlSource):
            parsed = parse_data_url(src.url)
            if parsed is not None and not is_native(src):
                mt, data = parsed
                if kinds is not None and mt not in kinds:
                    self.loss(
                        path, "media-source-unsupported", f"media type {mt!r} is not accepted here"
                    )
                    return None
                return {"type": "base64", "media_type": mt, "data": data}
            if not is_native(src) and not _web_url(src.url):
                self.loss(path, "media-source-unsupported", "only http(s) URLs can be referenced")
                return None
            out = {"type": "url", "url": src.url}
        elif isinstance(src, FileIdSource):
            if not is_native(src):
                self.loss(
                    path, "media-source-unsupported", "a file id from another provider's store"
                )
                return None
            out = {"type": "file", "file_id": src.file_id}
        else:
            # Anthropic's plain-text documents are text/plain only
            if src.media_type != "text/plain":
                self.loss(
                    path, "part-approximated", f"a {src.media_type} document sent as text/plain"
                )
            out = {"type": "text", "media_type": "text/plain", "data": src.text}
        restore(out, src, ctx, path)
        return out

    # --- parts -----------------------------------------------------------------------------

    def text(self, p: TextPart, path: str) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "text", "text": p.text}
        if p.citations:
            cites = [
                encode_citation(c, self.ctx, f"{path}.citations[{i}]")
                for i, c in enumerate(p.citations)
            ]
            kept = [c for c in cites if c is not None]
            if kept or is_native(p):
                out["citations"] = kept
        elif p.citations is not None and is_native(p):
            out["citations"] = []
        _put_cache(out, p.cache_control, self.ctx, path)
        restore(out, p, self.ctx, path)
        return out

    def image(self, p: ImagePart, path: str) -> dict[str, Any] | None:
        src = self._source(p.source, f"{path}.source", IMAGE_MEDIA_TYPES)
        if src is None:
            return None
        if p.detail not in (None, "auto"):
            self.loss(
                f"{path}.detail", "parameter-unsupported", "Anthropic has no image detail setting"
            )
        out: dict[str, Any] = {"type": "image", "source": src}
        _put_cache(out, p.cache_control, self.ctx, path)
        restore(out, p, self.ctx, path)
        return out

    def file(self, p: FilePart, path: str) -> dict[str, Any] | None:
        native = is_native(p)
        mt = p.media_type or getattr(p.source, "media_type", None)
        if not native and mt is not None and mt.startswith("image/"):
            return self.image(ImagePart(source=p.source, cache_control=p.cache_control), path)
        if (
            not native
            and not isinstance(p.source, TextSource)
            and mt not in (None, "application/pdf")
        ):
            self.loss(
                path,
                "part-unsupported",
                f"documents of type {mt!r} cannot be sent (PDF and text only)",
            )
            return None
        pdf = frozenset({"application/pdf"})
        src = self._source(p.source, f"{path}.source", None if native else pdf)
        if src is None:
            return None
        out: dict[str, Any] = {"type": "document", "source": src}
        title = p.title if p.title is not None or native else p.filename
        if title is not None:
            out["title"] = title
        if p.context is not None:
            out["context"] = p.context
        if p.citations_enabled is not None:
            out["citations"] = {"enabled": p.citations_enabled}
        _put_cache(out, p.cache_control, self.ctx, path)
        restore(out, p, self.ctx, path)
        return out

    def tool_call(self, p: ToolCallPart, path: str) -> dict[str, Any] | None:
        native = is_native(p)
        if p.kind == "server" and not native:
            self.loss(path, "part-unsupported", "a server-side tool call made by another provider")
            return None
        kind = (
            "tool_use"
            if p.kind != "server"
            else shape_of(p, self.ctx).get("type", "server_tool_use")
        )
        out: dict[str, Any] = {
            "type": kind,
            "id": p.id,
            "name": p.name,
            "input": self.arguments(p, path),
        }
        _put_cache(out, p.cache_control, self.ctx, path)
        restore(out, p, self.ctx, path)
        return out

    def arguments(self, p: ToolCallPart, path: str) -> dict[str, Any]:
        """The call's input object (``{}`` for empty arguments)."""
        if p.kind == "custom":
            self.loss(
                path, "custom-tool-approximated", 'free-text tool input wrapped as {"input": text}'
            )
            return {"input": p.arguments}
        if not p.arguments.strip():
            return {}
        try:
            value = loads(p.arguments)
        except JSONDecodeError:
            value = None
        if not isinstance(value, dict):
            self.loss(
                f"{path}.arguments",
                "tool-arguments-invalid-json",
                "arguments are not a JSON object; sent {}",
            )
            return {}
        return value

    def tool_result(self, p: ToolResultPart, path: str) -> dict[str, Any] | None:
        native = is_native(p)
        if p.kind == "server":
            if not native:
                self.loss(
                    path, "part-unsupported", "a server-side tool result from another provider"
                )
                return None
            out: dict[str, Any] = {"type": "server_tool_result", "tool_use_id": p.call_id}
            _put_cache(out, p.cache_control, self.ctx, path)
            restore(out, p, self.ctx, path)
            return out
        out = {"type": "tool_result", "tool_use_id": p.call_id}
        shape = shape_of(p, self.ctx).get("content")
        if shape != "absent" and (p.content or native):
            out["content"] = self.result_content(p, path, shape == "string", native)
        if p.is_error is not None:
            out["is_error"] = p.is_error
        _put_cache(out, p.cache_control, self.ctx, path)
        restore(out, p, self.ctx, path)
        return out

    def result_content(
        self, p: ToolResultPart, path: str, as_string: bool, native: bool
    ) -> str | list[dict[str, Any]]:
        parts = p.content
        if as_string and len(parts) == 1 and isinstance(parts[0], TextPart):
            return parts[0].text
        if not native and len(parts) == 1 and isinstance(parts[0], TextPart):
            only = parts[0]
            if only.cache_control is None and not only.citations:
                return only.text
        out: list[dict[str, Any]] = []
        for i, c in enumerate(parts):
            sub = f"{path}.content[{i}]"
            if isinstance(c, (TextPart, ImagePart, FilePart, OpaquePart)):
                out += self.part(c, sub)
            else:
                self.loss(
                    sub, "part-unsupported", f"a {c.type} part cannot be part of a tool result"
                )
        return out

    def reasoning(self, p: ReasoningPart, path: str) -> dict[str, Any] | None:
        own = is_native(p) or p.signature_origin in SIGNATURE_ORIGINS
        if p.redacted is not None:
            if own:
                out: dict[str, Any] = {"type": "redacted_thinking", "data": p.redacted}
                restore(out, p, self.ctx, path)
                return out
            self.loss(path, "signature-not-portable", "encrypted reasoning of another provider")
            return None
        text = p.text if p.text is not None else "\n\n".join(p.summary or [])
        if own:
            out = {"type": "thinking", "thinking": text}
            if p.signature is not None:
                out["signature"] = p.signature
            restore(out, p, self.ctx, path)
            return out
        if not self.response:
            self.loss(
                path, "reasoning-dropped", "Anthropic accepts only thinking blocks it signed itself"
            )
            return None
        if p.signature is not None:
            self.loss(
                f"{path}.signature", "signature-not-portable", f"a {p.signature_origin} signature"
            )
        return {"type": "thinking", "thinking": text, "signature": ""}

    def part(self, p: Part, path: str) -> list[dict[str, Any]]:
        """``p`` as zero or one blocks (losses reported for what cannot be written)."""
        block: dict[str, Any] | None
        if isinstance(p, TextPart):
            if p.text == "" and not is_native(p):
                return []  # the API rejects empty text blocks
            block = self.text(p, path)
        elif isinstance(p, ToolCallPart):
            block = self.tool_call(p, path)
        elif isinstance(p, ToolResultPart):
            block = self.tool_result(p, path)
        elif isinstance(p, ImagePart):
            block = self.image(p, path)
        elif isinstance(p, FilePart):
            block = self.file(p, path)
        elif isinstance(p, ReasoningPart):
            block = self.reasoning(p, path)
        elif isinstance(p, RefusalPart):
            # Refusal text is kept as text; the refusal itself is the stop_reason ("refusal").
            block = {"type": "text", "text": p.text} if p.text else None
            if block is not None:
                restore(block, p, self.ctx, path)
        elif isinstance(p, OpaquePart):
            if p.family != FAMILY:
                self.loss(path, "part-unsupported", f"a {p.family}-only part")
                return []
            block = dict(p.data)
        elif isinstance(p, AudioPart):
            self.loss(path, "part-unsupported", "Anthropic does not accept audio input")
            block = None
        else:  # pragma: no cover - exhaustive
            block = None
        return [block] if block is not None else []
