"""ConverseStream wire event types. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import with_config
from typing_extensions import NotRequired, TypedDict

from ..base import WIRE_CONFIG
from .models import TokenUsage

# --- stream events --------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class MessageStartEvent(TypedDict):
    role: Literal["assistant", "user", "system"]


@with_config(WIRE_CONFIG)
class ContentBlockStartEvent(TypedDict):
    start: dict[str, Any]
    contentBlockIndex: int


@with_config(WIRE_CONFIG)
class ContentBlockDeltaEvent(TypedDict):
    delta: dict[str, Any]
    contentBlockIndex: int


@with_config(WIRE_CONFIG)
class ContentBlockStopEvent(TypedDict):
    contentBlockIndex: int


@with_config(WIRE_CONFIG)
class MessageStopEvent(TypedDict):
    stopReason: str


@with_config(WIRE_CONFIG)
class MetadataEvent(TypedDict):
    usage: TokenUsage
    metrics: NotRequired[dict[str, Any]]


@with_config(WIRE_CONFIG)
class ExceptionEvent(TypedDict, total=False):
    message: str


#: The wire type of each ConverseStream event member.
EVENT_TYPES: dict[str, Any] = {
    "messageStart": MessageStartEvent,
    "contentBlockStart": ContentBlockStartEvent,
    "contentBlockDelta": ContentBlockDeltaEvent,
    "contentBlockStop": ContentBlockStopEvent,
    "messageStop": MessageStopEvent,
    "metadata": MetadataEvent,
    "internalServerException": ExceptionEvent,
    "modelStreamErrorException": ExceptionEvent,
    "validationException": ExceptionEvent,
    "throttlingException": ExceptionEvent,
    "serviceUnavailableException": ExceptionEvent,
}


def _wrapper(name: str, body: Any) -> Any:
    wire: Any = TypedDict(f"{name[0].upper()}{name[1:]}Wire", {name: body})  # type: ignore[misc]
    return with_config(WIRE_CONFIG)(wire)


#: ``{"<eventName>": body}`` wire types, so error paths name the event key.
EVENT_WRAPPERS: dict[str, Any] = {name: _wrapper(name, tp) for name, tp in EVENT_TYPES.items()}
