"""Anthropic Messages wire types: the Message response and stream events. https://docs.claude.com/en/api/messages-streaming"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import with_config
from typing_extensions import NotRequired, TypedDict

from ..base import WIRE_CONFIG, tagged_union
from .models import CitationParam, ContentBlock


@with_config(WIRE_CONFIG)
class Usage(TypedDict, total=False):
    """``input_tokens`` excludes cache reads and cache writes (they are counted apart)."""

    input_tokens: int | None
    output_tokens: int | None
    cache_creation_input_tokens: int | None
    cache_read_input_tokens: int | None
    service_tier: str | None


@with_config(WIRE_CONFIG)
class Message(TypedDict):
    id: str
    type: Literal["message"]
    role: Literal["assistant"]
    content: list[ContentBlock]
    model: str
    stop_reason: NotRequired[str | None]
    stop_sequence: NotRequired[str | None]
    usage: NotRequired[Usage]


# --- stream events --------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class MessageStartEvent(TypedDict):
    type: Literal["message_start"]
    message: Message


@with_config(WIRE_CONFIG)
class ContentBlockStartEvent(TypedDict):
    type: Literal["content_block_start"]
    index: int
    content_block: ContentBlock


@with_config(WIRE_CONFIG)
class TextDelta(TypedDict):
    type: Literal["text_delta"]
    text: str


@with_config(WIRE_CONFIG)
class InputJSONDelta(TypedDict):
    type: Literal["input_json_delta"]
    partial_json: str


@with_config(WIRE_CONFIG)
class ThinkingDelta(TypedDict):
    type: Literal["thinking_delta"]
    thinking: str


@with_config(WIRE_CONFIG)
class SignatureDelta(TypedDict):
    type: Literal["signature_delta"]
    signature: str


@with_config(WIRE_CONFIG)
class CitationsDelta(TypedDict):
    type: Literal["citations_delta"]
    citation: CitationParam


@with_config(WIRE_CONFIG)
class UnknownDelta(TypedDict):
    type: str


if TYPE_CHECKING:
    BlockDelta: TypeAlias = dict[str, Any]
else:
    BlockDelta = tagged_union(
        {
            "text_delta": TextDelta,
            "input_json_delta": InputJSONDelta,
            "thinking_delta": ThinkingDelta,
            "signature_delta": SignatureDelta,
            "citations_delta": CitationsDelta,
        },
        fallback=UnknownDelta,
    )


@with_config(WIRE_CONFIG)
class ContentBlockDeltaEvent(TypedDict):
    type: Literal["content_block_delta"]
    index: int
    delta: BlockDelta


@with_config(WIRE_CONFIG)
class ContentBlockStopEvent(TypedDict):
    type: Literal["content_block_stop"]
    index: int


@with_config(WIRE_CONFIG)
class MessageDelta(TypedDict, total=False):
    stop_reason: str | None
    stop_sequence: str | None


@with_config(WIRE_CONFIG)
class MessageDeltaEvent(TypedDict):
    type: Literal["message_delta"]
    delta: MessageDelta
    usage: NotRequired[Usage]


@with_config(WIRE_CONFIG)
class MessageStopEvent(TypedDict):
    type: Literal["message_stop"]


@with_config(WIRE_CONFIG)
class PingEvent(TypedDict):
    type: Literal["ping"]


@with_config(WIRE_CONFIG)
class ErrorObject(TypedDict, total=False):
    type: str
    message: str


@with_config(WIRE_CONFIG)
class ErrorEvent(TypedDict):
    type: Literal["error"]
    error: ErrorObject


@with_config(WIRE_CONFIG)
class UnknownEvent(TypedDict):
    type: str


if TYPE_CHECKING:
    StreamEvent: TypeAlias = dict[str, Any]
else:
    StreamEvent = tagged_union(
        {
            "message_start": MessageStartEvent,
            "content_block_start": ContentBlockStartEvent,
            "content_block_delta": ContentBlockDeltaEvent,
            "content_block_stop": ContentBlockStopEvent,
            "message_delta": MessageDeltaEvent,
            "message_stop": MessageStopEvent,
            "ping": PingEvent,
            "error": ErrorEvent,
            # NOTE: Vertex's streamRawPredict has been recorded answering with one whole Message.
            "message": Message,
        },
        fallback=UnknownEvent,
    )
