"""Wire types of Responses response objects and stream events, named as the openai SDK does.
https://platform.openai.com/docs/api-reference/responses/object
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import with_config
from typing_extensions import NotRequired, TypedDict

from ..base import WIRE_CONFIG, tagged_union
from .models import Annotation, ContentPart, InputItem


@with_config(WIRE_CONFIG)
class InputTokensDetails(TypedDict):
    cached_tokens: NotRequired[int]
    cache_write_tokens: NotRequired[int]


@with_config(WIRE_CONFIG)
class OutputTokensDetails(TypedDict):
    reasoning_tokens: NotRequired[int]


@with_config(WIRE_CONFIG)
class ResponseUsage(TypedDict):
    input_tokens: int
    output_tokens: int
    total_tokens: NotRequired[int]
    input_tokens_details: NotRequired[InputTokensDetails]
    output_tokens_details: NotRequired[OutputTokensDetails]


@with_config(WIRE_CONFIG)
class IncompleteDetails(TypedDict):
    reason: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class Response(TypedDict):
    id: str
    object: Literal["response"]
    created_at: float
    model: str
    output: list[InputItem]
    status: NotRequired[
        Literal["completed", "failed", "in_progress", "cancelled", "queued", "incomplete"] | None
    ]
    incomplete_details: NotRequired[IncompleteDetails | None]
    error: NotRequired[dict[str, Any] | None]
    usage: NotRequired[ResponseUsage | None]
    service_tier: NotRequired[str | None]


# --- stream events -------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class ResponseEvent(TypedDict):
    type: str
    response: Response
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class OutputItemEvent(TypedDict):
    type: str
    item: InputItem
    output_index: int
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class ContentPartEvent(TypedDict):
    type: str
    part: ContentPart
    item_id: str
    output_index: int
    content_index: int
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class DeltaEvent(TypedDict):
    type: str
    delta: str
    item_id: str
    output_index: int
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class SummaryPartEvent(TypedDict):
    type: str
    item_id: str
    output_index: int
    summary_index: int
    part: dict[str, Any]
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class AnnotationEvent(TypedDict):
    type: str
    annotation: Annotation
    annotation_index: int
    item_id: str
    output_index: int
    content_index: int
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class ErrorEvent(TypedDict):
    type: Literal["error"]
    message: NotRequired[str | None]
    code: NotRequired[str | None]
    param: NotRequired[str | None]
    sequence_number: NotRequired[int]


@with_config(WIRE_CONFIG)
class OtherEvent(TypedDict):
    type: str
    sequence_number: NotRequired[int]


#: Events whose payload matters; every other event travels verbatim.
if TYPE_CHECKING:
    StreamEvent: TypeAlias = dict[str, Any]
else:
    StreamEvent = tagged_union(
        {
            "response.created": ResponseEvent,
            "response.in_progress": ResponseEvent,
            "response.queued": ResponseEvent,
            "response.completed": ResponseEvent,
            "response.incomplete": ResponseEvent,
            "response.failed": ResponseEvent,
            "response.output_item.added": OutputItemEvent,
            "response.output_item.done": OutputItemEvent,
            "response.content_part.added": ContentPartEvent,
            "response.content_part.done": ContentPartEvent,
            "response.output_text.delta": DeltaEvent,
            "response.refusal.delta": DeltaEvent,
            "response.function_call_arguments.delta": DeltaEvent,
            "response.custom_tool_call_input.delta": DeltaEvent,
            "response.reasoning_text.delta": DeltaEvent,
            "response.reasoning_summary_text.delta": DeltaEvent,
            "response.reasoning_summary_part.added": SummaryPartEvent,
            "response.reasoning_summary_part.done": SummaryPartEvent,
            "response.output_text.annotation.added": AnnotationEvent,
            "error": ErrorEvent,
        },
        fallback=OtherEvent,
    )
