"""The payload formats and kinds interlingua knows, and the names users may give them."""

from __future__ import annotations

from enum import Enum
from typing import Final

from ._errors import InterlinguaError

__all__ = ["FAMILY", "Format", "Kind", "parse_format", "parse_kind"]


class Format(str, Enum):
    """A provider API payload format; the value is the name used everywhere (CLI, folders, docs)."""

    CHAT_COMPLETIONS = "chat-completions"
    RESPONSES = "responses"
    ANTHROPIC = "anthropic"
    BEDROCK_ANTHROPIC = "bedrock-anthropic"
    VERTEX_ANTHROPIC = "vertex-anthropic"
    GOOGLE = "google"
    BEDROCK = "bedrock"

    #: hash as the value (equal to it already): Enum's own hash is a Python-level call, paid
    #: on every dict keyed by formats (adapters, families) in every translation
    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self.value


class Kind(str, Enum):
    """What a payload is: a request body, a non-streaming response body, or one stream event."""

    REQUEST = "request"
    RESPONSE = "response"
    STREAM_EVENT = "stream-event"

    __hash__ = str.__hash__  # as `Format.__hash__`

    def __str__(self) -> str:
        return self.value


#: Other names accepted wherever a format is named.
ALIASES: Final[dict[str, Format]] = {
    "openai": Format.CHAT_COMPLETIONS,
    "chat": Format.CHAT_COMPLETIONS,
    "openai-responses": Format.RESPONSES,
    "gemini": Format.GOOGLE,
    "converse": Format.BEDROCK,
    "bedrock-converse": Format.BEDROCK,
}

#: Formats that share one wire vocabulary: provider-specific fields (and signatures) recorded
#: from one member are restored into every member of its family, and only into those.
FAMILY: Final[dict[Format, str]] = {
    Format.CHAT_COMPLETIONS: "chat-completions",
    Format.RESPONSES: "responses",
    Format.ANTHROPIC: "anthropic",
    Format.BEDROCK_ANTHROPIC: "anthropic",
    Format.VERTEX_ANTHROPIC: "anthropic",
    Format.GOOGLE: "google",
    Format.BEDROCK: "bedrock",
}

_KIND_ALIASES: Final[dict[str, Kind]] = {
    "stream_event": Kind.STREAM_EVENT,
    "event": Kind.STREAM_EVENT,
}


#: Every accepted spelling of a format (values and aliases) -> the format.
_FORMAT_NAMES: Final[dict[str, Format]] = {**{f.value: f for f in Format}, **ALIASES}
_KIND_NAMES: Final[dict[str, Kind]] = {**{k.value: k for k in Kind}, **_KIND_ALIASES}


def parse_format(value: Format | str) -> Format:
    """Return the `Format` named by ``value`` (a Format, a format value, or an alias)."""
    if type(value) is Format:  # not isinstance: the Enum metaclass makes that slow
        return value
    if isinstance(value, str):
        found = _FORMAT_NAMES.get(value) or _FORMAT_NAMES.get(value.strip().lower())
        if found is not None:
            return found
    known = ", ".join([f.value for f in Format] + sorted(ALIASES))
    raise InterlinguaError(f"unknown format {value!r}; expected one of: {known}")


def parse_kind(value: Kind | str) -> Kind:
    """Return the `Kind` named by ``value``."""
    if type(value) is Kind:
        return value
    if isinstance(value, str):
        found = _KIND_NAMES.get(value) or _KIND_NAMES.get(value.strip().lower())
        if found is not None:
            return found
    raise InterlinguaError(
        f"unknown kind {value!r}; expected one of: {', '.join(k.value for k in Kind)}"
    )
