"""The universal response: choices, finish reasons and usage."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .extras import HasExtras
from .messages import Message

__all__ = ["Choice", "FinishReason", "Response", "Usage"]


class FinishReason(str, Enum):
    """Why generation stopped; each provider's values map onto these through its tables.

    A provider value with no entry here decodes as ``OTHER`` and keeps its literal value in
    ``Choice.extras.shape['finish_reason']``, so it is never turned into ``stop``.
    """

    STOP = "stop"
    STOP_SEQUENCE = "stop_sequence"
    LENGTH = "length"
    TOOL_CALLS = "tool_calls"
    CONTENT_FILTER = "content_filter"
    REFUSAL = "refusal"
    PAUSE_TURN = "pause_turn"
    CONTEXT_WINDOW_EXCEEDED = "context_window_exceeded"
    MALFORMED_TOOL_CALL = "malformed_tool_call"
    ERROR = "error"
    OTHER = "other"


@dataclass(slots=True, kw_only=True)
class Usage(HasExtras):
    """Token counts in one convention: ``input_tokens`` counts *every* prompt token, cached
    reads (``cached_input_tokens``) and cache writes (``cache_write_tokens``) included, as
    OpenAI counts them; ``output_tokens`` includes ``reasoning_tokens``. Decoders of providers
    that count otherwise (Anthropic's ``input_tokens`` excludes cache reads and writes) convert.
    """

    input_tokens: int | None = None
    output_tokens: int | None = None
    total_tokens: int | None = None
    cached_input_tokens: int | None = None
    cache_write_tokens: int | None = None
    reasoning_tokens: int | None = None


@dataclass(slots=True, kw_only=True)
class Choice(HasExtras):
    """One generated answer (providers that return several: Chat ``n``, Gemini candidates)."""

    index: int = 0
    message: Message
    finish_reason: FinishReason | None = None
    stop_sequence: str | None = None


@dataclass(slots=True, kw_only=True)
class Response(HasExtras):
    """A complete model response."""

    id: str | None = None
    model: str | None = None
    created: int | None = None
    choices: list[Choice]
    usage: Usage | None = None
    service_tier: str | None = None
