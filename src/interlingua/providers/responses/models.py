"""Wire types of Responses requests and input items, named as the openai SDK names them.
https://platform.openai.com/docs/api-reference/responses/create
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Tag, with_config
from typing_extensions import NotRequired, TypedDict

from ..base import WIRE_CONFIG, tagged_union

# --- content parts -------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class PromptCacheBreakpoint(TypedDict):
    mode: NotRequired[Literal["explicit"]]
    ttl: NotRequired[str]


@with_config(WIRE_CONFIG)
class ResponseInputText(TypedDict):
    type: Literal["input_text"]
    text: str
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class ResponseInputImage(TypedDict):
    type: Literal["input_image"]
    detail: NotRequired[Literal["low", "high", "auto", "original"]]
    image_url: NotRequired[str | None]
    file_id: NotRequired[str | None]
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class ResponseInputFile(TypedDict):
    type: Literal["input_file"]
    file_data: NotRequired[str]
    file_id: NotRequired[str | None]
    file_url: NotRequired[str]
    filename: NotRequired[str]
    detail: NotRequired[Literal["auto", "low", "high"]]
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class InputAudio(TypedDict):
    data: str
    format: Literal["mp3", "wav"]


@with_config(WIRE_CONFIG)
class ResponseInputAudio(TypedDict):
    type: Literal["input_audio"]
    input_audio: InputAudio


@with_config(WIRE_CONFIG)
class Annotation(TypedDict):
    type: str
    url: NotRequired[str]
    title: NotRequired[str]
    start_index: NotRequired[int]
    end_index: NotRequired[int]
    file_id: NotRequired[str]
    filename: NotRequired[str]
    index: NotRequired[int]
    container_id: NotRequired[str]


@with_config(WIRE_CONFIG)
class ResponseOutputText(TypedDict):
    type: Literal["output_text"]
    text: str
    annotations: NotRequired[list[Annotation]]
    logprobs: NotRequired[list[dict[str, Any]]]


@with_config(WIRE_CONFIG)
class ResponseOutputRefusal(TypedDict):
    type: Literal["refusal"]
    refusal: str


@with_config(WIRE_CONFIG)
class UnknownPart(TypedDict):
    type: str


if TYPE_CHECKING:
    ContentPart: TypeAlias = dict[str, Any]
else:
    ContentPart = tagged_union(
        {
            "input_text": ResponseInputText,
            "input_image": ResponseInputImage,
            "input_file": ResponseInputFile,
            "input_audio": ResponseInputAudio,
            "output_text": ResponseOutputText,
            "refusal": ResponseOutputRefusal,
        },
        fallback=UnknownPart,
    )

# --- input items ---------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class MessageItem(TypedDict):
    role: Literal["user", "assistant", "system", "developer"]
    content: str | list[ContentPart]
    type: NotRequired[Literal["message"]]
    id: NotRequired[str]
    status: NotRequired[str]


@with_config(WIRE_CONFIG)
class FunctionCallItem(TypedDict):
    type: Literal["function_call"]
    call_id: str
    name: str
    arguments: str
    id: NotRequired[str]
    status: NotRequired[str]


@with_config(WIRE_CONFIG)
class CustomToolCallItem(TypedDict):
    type: Literal["custom_tool_call"]
    call_id: str
    name: str
    input: str
    id: NotRequired[str]


@with_config(WIRE_CONFIG)
class FunctionCallOutputItem(TypedDict):
    type: Literal["function_call_output", "custom_tool_call_output"]
    call_id: str
    output: str | list[ContentPart]
    id: NotRequired[str | None]
    status: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class SummaryText(TypedDict):
    type: str
    text: str


@with_config(WIRE_CONFIG)
class ReasoningItem(TypedDict):
    type: Literal["reasoning"]
    summary: list[SummaryText]
    id: NotRequired[str]
    content: NotRequired[list[SummaryText] | None]
    encrypted_content: NotRequired[str | None]
    status: NotRequired[str]


@with_config(WIRE_CONFIG)
class UnknownItem(TypedDict):
    type: str


def _pick_item(value: Any) -> str:
    if not isinstance(value, dict):
        return "type=*"
    kind = value.get("type")
    if kind is None:
        return "type=message" if "role" in value else "type=*"
    return _ITEM_TAGS.get(kind, "type=*")


_ITEMS: dict[str, Any] = {
    "message": MessageItem,
    "function_call": FunctionCallItem,
    "custom_tool_call": CustomToolCallItem,
    "function_call_output": FunctionCallOutputItem,
    "custom_tool_call_output": FunctionCallOutputItem,
    "reasoning": ReasoningItem,
}
_ITEM_TAGS = {name: f"type={name}" for name in _ITEMS}


def _item_union() -> Any:
    from typing import Union

    members = [Annotated[tp, Tag(f"type={name}")] for name, tp in _ITEMS.items()]
    members.append(Annotated[UnknownItem, Tag("type=*")])
    return Annotated[Union[tuple(members)], Discriminator(_pick_item)]  # noqa: UP007


if TYPE_CHECKING:
    InputItem: TypeAlias = dict[str, Any]
else:
    InputItem = _item_union()

# --- tools and settings --------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class FunctionTool(TypedDict):
    type: Literal["function"]
    name: str
    parameters: NotRequired[dict[str, Any] | None]
    strict: NotRequired[bool | None]
    description: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class CustomTool(TypedDict):
    type: Literal["custom"]
    name: str
    description: NotRequired[str]
    format: NotRequired[dict[str, Any]]


@with_config(WIRE_CONFIG)
class HostedTool(TypedDict):
    type: str


if TYPE_CHECKING:
    ToolParam: TypeAlias = dict[str, Any]
else:
    ToolParam = tagged_union({"function": FunctionTool, "custom": CustomTool}, fallback=HostedTool)


@with_config(WIRE_CONFIG)
class ToolChoiceObject(TypedDict):
    type: str
    name: NotRequired[str]
    mode: NotRequired[Literal["auto", "required"]]
    tools: NotRequired[list[dict[str, Any]]]


@with_config(WIRE_CONFIG)
class TextFormat(TypedDict):
    type: Literal["text", "json_object", "json_schema"]
    name: NotRequired[str]
    schema: NotRequired[dict[str, Any]]
    description: NotRequired[str]
    strict: NotRequired[bool | None]


@with_config(WIRE_CONFIG)
class TextConfig(TypedDict):
    format: NotRequired[TextFormat]
    verbosity: NotRequired[Literal["low", "medium", "high"] | None]


@with_config(WIRE_CONFIG)
class ReasoningConfig(TypedDict):
    effort: NotRequired[str | None]
    summary: NotRequired[Literal["auto", "concise", "detailed"] | None]
    generate_summary: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class ResponseCreateParams(TypedDict):
    model: NotRequired[str]
    input: NotRequired[list[InputItem] | str]
    instructions: NotRequired[str | None]
    tools: NotRequired[list[ToolParam]]
    tool_choice: NotRequired[Literal["none", "auto", "required"] | ToolChoiceObject]
    parallel_tool_calls: NotRequired[bool | None]
    max_output_tokens: NotRequired[int | None]
    max_tool_calls: NotRequired[int | None]
    temperature: NotRequired[float | None]
    top_p: NotRequired[float | None]
    top_logprobs: NotRequired[int | None]
    text: NotRequired[TextConfig]
    reasoning: NotRequired[ReasoningConfig | None]
    stream: NotRequired[bool | None]
    stream_options: NotRequired[dict[str, Any] | None]
    metadata: NotRequired[dict[str, str] | None]
    user: NotRequired[str]
    safety_identifier: NotRequired[str | None]
    service_tier: NotRequired[str | None]
    store: NotRequired[bool | None]
    include: NotRequired[list[str] | None]
    previous_response_id: NotRequired[str | None]
    truncation: NotRequired[Literal["auto", "disabled"] | None]
    background: NotRequired[bool | None]
    prompt_cache_key: NotRequired[str | None]
    prompt_cache_retention: NotRequired[str | None]
