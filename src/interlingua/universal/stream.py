"""Universal stream events: one well-formed lifecycle every decoder produces.

A stream is ``ResponseStart``, then for each part ``PartStart``, ``PartDelta``..., ``PartStop``,
then ``ResponseDelta`` (finish reason, usage) and ``ResponseStop``. ``KeepAlive`` and
``StreamError`` may appear anywhere. Parts are numbered by ``index`` within a choice, in the
order they start. Decoders turn one provider event into a *list* of these (a Chat Completions
chunk can carry text, tool-call deltas and a finish reason at once); encoders take such a list
and emit the provider events it amounts to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from .content import Citation, Part
from .extras import HasExtras
from .response import FinishReason, Response, Usage

__all__ = [
    "ArgumentsDelta",
    "CitationDelta",
    "Delta",
    "KeepAlive",
    "PartDelta",
    "PartStart",
    "PartStop",
    "ReasoningDelta",
    "RefusalDelta",
    "ResponseDelta",
    "ResponseStart",
    "ResponseStop",
    "SignatureDelta",
    "StreamError",
    "StreamEvent",
    "SummaryDelta",
    "TextDelta",
]


@dataclass(slots=True, kw_only=True)
class TextDelta(HasExtras):
    """More text for a `TextPart`."""

    type: Literal["text"] = "text"
    text: str


@dataclass(slots=True, kw_only=True)
class ArgumentsDelta(HasExtras):
    """More JSON text (or custom-tool input) for a `ToolCallPart`."""

    type: Literal["arguments"] = "arguments"
    json: str


@dataclass(slots=True, kw_only=True)
class ReasoningDelta(HasExtras):
    """More reasoning text for a `ReasoningPart`."""

    type: Literal["reasoning"] = "reasoning"
    text: str


@dataclass(slots=True, kw_only=True)
class SummaryDelta(HasExtras):
    """More text of reasoning summary paragraph ``summary_index``."""

    type: Literal["summary"] = "summary"
    text: str
    summary_index: int = 0


@dataclass(slots=True, kw_only=True)
class SignatureDelta(HasExtras):
    """The signature of a `ReasoningPart` (issued by ``origin``, a family name)."""

    type: Literal["signature"] = "signature"
    signature: str
    origin: str | None = None


@dataclass(slots=True, kw_only=True)
class RefusalDelta(HasExtras):
    """More text for a `RefusalPart`."""

    type: Literal["refusal"] = "refusal"
    text: str


@dataclass(slots=True, kw_only=True)
class CitationDelta(HasExtras):
    """A citation added to a `TextPart`."""

    type: Literal["citation"] = "citation"
    citation: Citation


Delta: TypeAlias = (
    TextDelta
    | ArgumentsDelta
    | ReasoningDelta
    | SummaryDelta
    | SignatureDelta
    | RefusalDelta
    | CitationDelta
)


@dataclass(slots=True, kw_only=True)
class ResponseStart(HasExtras):
    """The response began. ``usage`` is the provider's early count (Anthropic sends input
    tokens here)."""

    type: Literal["response_start"] = "response_start"
    id: str | None = None
    model: str | None = None
    created: int | None = None
    usage: Usage | None = None
    choice_index: int = 0


@dataclass(slots=True, kw_only=True)
class PartStart(HasExtras):
    """Part ``index`` began; ``part`` holds what is known at its start (an empty text, a
    tool call's id and name with empty arguments, a complete server-tool result)."""

    type: Literal["part_start"] = "part_start"
    index: int
    part: Part
    choice_index: int = 0


@dataclass(slots=True, kw_only=True)
class PartDelta(HasExtras):
    """An increment to part ``index``."""

    type: Literal["part_delta"] = "part_delta"
    index: int
    delta: Delta
    choice_index: int = 0


@dataclass(slots=True, kw_only=True)
class PartStop(HasExtras):
    """Part ``index`` is complete."""

    type: Literal["part_stop"] = "part_stop"
    index: int
    choice_index: int = 0


@dataclass(slots=True, kw_only=True)
class ResponseDelta(HasExtras):
    """Message-level news: the finish reason and/or (cumulative) usage."""

    type: Literal["response_delta"] = "response_delta"
    finish_reason: FinishReason | None = None
    stop_sequence: str | None = None
    usage: Usage | None = None
    choice_index: int = 0


@dataclass(slots=True, kw_only=True)
class ResponseStop(HasExtras):
    """The response is complete. ``response`` is the whole response where the provider sends
    it at the end (OpenAI Responses ``response.completed``)."""

    type: Literal["response_stop"] = "response_stop"
    response: Response | None = None


@dataclass(slots=True, kw_only=True)
class StreamError(HasExtras):
    """The provider reported an error inside the stream."""

    type: Literal["error"] = "error"
    error_type: str | None = None
    message: str | None = None


@dataclass(slots=True, kw_only=True)
class KeepAlive(HasExtras):
    """A provider event with no content (Anthropic ``ping``, an empty Chat chunk)."""

    type: Literal["keep_alive"] = "keep_alive"


StreamEvent: TypeAlias = (
    ResponseStart
    | PartStart
    | PartDelta
    | PartStop
    | ResponseDelta
    | ResponseStop
    | StreamError
    | KeepAlive
)
