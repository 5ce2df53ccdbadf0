"""Content parts: the pieces a message is made of, common to every provider.

A part is one of the dataclasses in `Part`. Media parts share `MediaSource`s. Anything a
provider has that no other provider can express travels as an `OpaquePart` (kept verbatim for
its own family, a reported loss elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from .extras import HasExtras

__all__ = [
    "AudioPart",
    "Base64Source",
    "CacheControl",
    "Citation",
    "FileIdSource",
    "FilePart",
    "ImagePart",
    "MediaSource",
    "OpaquePart",
    "Part",
    "ReasoningPart",
    "RefusalPart",
    "TextPart",
    "TextSource",
    "ToolCallPart",
    "ToolResultPart",
    "UrlSource",
]


@dataclass(slots=True, kw_only=True)
class CacheControl(HasExtras):
    """A prompt-cache breakpoint after this part (Anthropic ``cache_control``, Bedrock
    ``cachePoint``). ``ttl`` is the provider's string (``"5m"``, ``"1h"``) or None."""

    type: str = "ephemeral"
    ttl: str | None = None


# --- media sources -------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class UrlSource(HasExtras):
    """Media referenced by URL (``https:``, ``gs:``, ``s3:`` or a ``data:`` URL)."""

    url: str


@dataclass(slots=True, kw_only=True)
class Base64Source(HasExtras):
    """Inline media: base64 text exactly as received (never decoded), and its media type."""

    data: str
    media_type: str | None = None


@dataclass(slots=True, kw_only=True)
class FileIdSource(HasExtras):
    """Media uploaded to the provider's file store, referenced by id."""

    file_id: str


@dataclass(slots=True, kw_only=True)
class TextSource(HasExtras):
    """A document given as plain text."""

    text: str
    media_type: str = "text/plain"


MediaSource: TypeAlias = UrlSource | Base64Source | FileIdSource | TextSource


# --- parts ---------------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class Citation(HasExtras):
    """A citation attached to text. ``kind`` is the provider's citation type
    (``url_citation``, ``char_location``, ``web_search_result_location``, ...)."""

    kind: str
    cited_text: str | None = None
    url: str | None = None
    title: str | None = None
    start_index: int | None = None
    end_index: int | None = None


@dataclass(slots=True, kw_only=True)
class TextPart(HasExtras):
    """Plain text."""

    type: Literal["text"] = "text"
    text: str
    citations: list[Citation] | None = None
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class ImagePart(HasExtras):
    """An image. ``detail`` is OpenAI's ``low``/``high``/``auto`` hint."""

    type: Literal["image"] = "image"
    source: MediaSource
    detail: str | None = None
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class AudioPart(HasExtras):
    """Input audio: base64 data and its format (``wav``, ``mp3``, ...)."""

    type: Literal["audio"] = "audio"
    source: MediaSource
    format: str | None = None
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class FilePart(HasExtras):
    """A document, video or other file. ``media_type`` says which (``application/pdf``,
    ``video/mp4``); ``filename``, ``title`` and ``context`` are optional descriptions."""

    type: Literal["file"] = "file"
    source: MediaSource
    media_type: str | None = None
    filename: str | None = None
    title: str | None = None
    context: str | None = None
    citations_enabled: bool | None = None
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class ToolCallPart(HasExtras):
    """A call the model made to a tool.

    ``arguments`` is the JSON text of the input exactly as the source wrote it (Chat Completions
    sends a string; object-valued sources are serialised compactly). ``kind`` is ``function``
    for client tools, ``custom`` for free-text tools (arguments are then plain text), ``server``
    for tools the provider ran itself (web search, code execution...).
    """

    type: Literal["tool_call"] = "tool_call"
    id: str
    name: str
    arguments: str
    kind: Literal["function", "custom", "server"] = "function"
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class ToolResultPart(HasExtras):
    """The result of a tool call, paired by ``call_id``.

    ``content`` is a list of parts (text, images, files) or, when the source gave a bare
    string, a single `TextPart` with ``shape['content'] == 'string'`` in its extras. ``name`` is
    the tool's name where known (Gemini requires it). ``kind`` matches the call's kind; a
    server tool's result keeps the provider's own result payload in ``content``/extras.
    """

    type: Literal["tool_result"] = "tool_result"
    call_id: str
    content: list[Part] = field(default_factory=list)
    is_error: bool | None = None
    name: str | None = None
    kind: Literal["function", "custom", "server"] = "function"
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class ReasoningPart(HasExtras):
    """Model reasoning ("thinking").

    ``text`` is the visible reasoning, ``summary`` a list of summary paragraphs (OpenAI
    Responses), ``signature`` an opaque proof issued by ``signature_origin`` (a family name)
    that only that family can verify, ``redacted`` an encrypted blob replacing the text
    (Anthropic ``redacted_thinking``, Bedrock ``redactedContent``, Responses
    ``encrypted_content``).
    """

    type: Literal["reasoning"] = "reasoning"
    text: str | None = None
    summary: list[str] | None = None
    signature: str | None = None
    redacted: str | None = None
    signature_origin: str | None = None
    id: str | None = None


@dataclass(slots=True, kw_only=True)
class RefusalPart(HasExtras):
    """The model declined to answer (OpenAI ``refusal``)."""

    type: Literal["refusal"] = "refusal"
    text: str


@dataclass(slots=True, kw_only=True)
class OpaquePart(HasExtras):
    """A provider-only block (``family``'s wire JSON, verbatim) with no universal meaning.

    Restored as-is into its own family; translating it anywhere else is a reported loss.
    """

    type: Literal["opaque"] = "opaque"
    family: str
    data: dict[str, Any]


Part: TypeAlias = (
    TextPart
    | ImagePart
    | AudioPart
    | FilePart
    | ToolCallPart
    | ToolResultPart
    | ReasoningPart
    | RefusalPart
    | OpaquePart
)
