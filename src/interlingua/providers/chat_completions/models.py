"""Wire models of OpenAI Chat Completions bodies, named as the openai SDK names them.
https://platform.openai.com/docs/api-reference/chat
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import with_config
from typing_extensions import NotRequired, Required, TypedDict

from ..base import WIRE_CONFIG, tagged_union

# NOTE: every TypedDict allows extra keys (OpenAI-compatible providers add their own, such as
# `reasoning_content` or `cache_control`); they travel through extras.


@with_config(WIRE_CONFIG)
class PromptCacheBreakpoint(TypedDict):
    mode: Required[str]
    ttl: NotRequired[str]


@with_config(WIRE_CONFIG)
class ChatCompletionContentPartTextParam(TypedDict):
    type: Required[Literal["text"]]
    text: Required[str]
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class ImageURL(TypedDict):
    url: Required[str]
    detail: NotRequired[str]


@with_config(WIRE_CONFIG)
class ChatCompletionContentPartImageParam(TypedDict):
    type: Required[Literal["image_url"]]
    image_url: Required[ImageURL]
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class InputAudio(TypedDict):
    data: Required[str]
    format: Required[str]


@with_config(WIRE_CONFIG)
class ChatCompletionContentPartInputAudioParam(TypedDict):
    type: Required[Literal["input_audio"]]
    input_audio: Required[InputAudio]
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class FileFile(TypedDict):
    file_data: NotRequired[str]
    file_id: NotRequired[str]
    filename: NotRequired[str]


@with_config(WIRE_CONFIG)
class File(TypedDict):
    type: Required[Literal["file"]]
    file: Required[FileFile]
    prompt_cache_breakpoint: NotRequired[PromptCacheBreakpoint]


@with_config(WIRE_CONFIG)
class ChatCompletionContentPartRefusalParam(TypedDict):
    type: Required[Literal["refusal"]]
    refusal: Required[str]


@with_config(WIRE_CONFIG)
class UnknownPart(TypedDict):
    type: Required[str]


if TYPE_CHECKING:
    ContentPart: TypeAlias = dict[str, Any]
else:
    ContentPart = tagged_union(
        {
            "text": ChatCompletionContentPartTextParam,
            "image_url": ChatCompletionContentPartImageParam,
            "input_audio": ChatCompletionContentPartInputAudioParam,
            "file": File,
            "refusal": ChatCompletionContentPartRefusalParam,
        },
        fallback=UnknownPart,
    )

Content = str | list[ContentPart] | None


# --- tool calls ----------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class Function(TypedDict):
    name: Required[str]
    arguments: Required[str]


@with_config(WIRE_CONFIG)
class ChatCompletionMessageFunctionToolCall(TypedDict):
    id: Required[str]
    type: Required[Literal["function"]]
    function: Required[Function]


@with_config(WIRE_CONFIG)
class Custom(TypedDict):
    name: Required[str]
    input: Required[str]


@with_config(WIRE_CONFIG)
class ChatCompletionMessageCustomToolCall(TypedDict):
    id: Required[str]
    type: Required[Literal["custom"]]
    custom: Required[Custom]


if TYPE_CHECKING:
    ToolCall: TypeAlias = dict[str, Any]
else:
    ToolCall = tagged_union(
        {
            "function": ChatCompletionMessageFunctionToolCall,
            "custom": ChatCompletionMessageCustomToolCall,
        },
        fallback=UnknownPart,
    )


@with_config(WIRE_CONFIG)
class AnnotationURLCitation(TypedDict):
    url: Required[str]
    title: NotRequired[str]
    start_index: NotRequired[int]
    end_index: NotRequired[int]


@with_config(WIRE_CONFIG)
class Annotation(TypedDict):
    type: Required[Literal["url_citation"]]
    url_citation: Required[AnnotationURLCitation]


if TYPE_CHECKING:
    AnnotationUnion: TypeAlias = dict[str, Any]
else:
    AnnotationUnion = tagged_union({"url_citation": Annotation}, fallback=UnknownPart)


# --- messages ------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class ChatCompletionSystemMessageParam(TypedDict):
    role: Required[Literal["system", "developer"]]
    content: Required[str | list[ContentPart]]
    name: NotRequired[str]


@with_config(WIRE_CONFIG)
class ChatCompletionUserMessageParam(TypedDict):
    role: Required[Literal["user"]]
    content: Required[str | list[ContentPart]]
    name: NotRequired[str]


@with_config(WIRE_CONFIG)
class ChatCompletionAssistantMessageParam(TypedDict):
    role: Required[Literal["assistant"]]
    content: NotRequired[Content]
    refusal: NotRequired[str | None]
    tool_calls: NotRequired[list[ToolCall]]
    name: NotRequired[str]
    annotations: NotRequired[list[AnnotationUnion] | None]
    reasoning_content: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class ChatCompletionToolMessageParam(TypedDict):
    role: Required[Literal["tool"]]
    tool_call_id: Required[str]
    content: Required[str | list[ContentPart]]


@with_config(WIRE_CONFIG)
class ChatCompletionFunctionMessageParam(TypedDict):
    role: Required[Literal["function"]]
    name: Required[str]
    content: Required[str | None]


@with_config(WIRE_CONFIG)
class UnknownRoleMessage(TypedDict):
    """Matches no message: validating it reports the roles that exist."""

    role: Required[Literal["system", "developer", "user", "assistant", "tool", "function"]]


if TYPE_CHECKING:
    ChatCompletionMessageParam: TypeAlias = dict[str, Any]
else:
    ChatCompletionMessageParam = tagged_union(
        {
            "system": ChatCompletionSystemMessageParam,
            "developer": ChatCompletionSystemMessageParam,
            "user": ChatCompletionUserMessageParam,
            "assistant": ChatCompletionAssistantMessageParam,
            "tool": ChatCompletionToolMessageParam,
            "function": ChatCompletionFunctionMessageParam,
        },
        fallback=UnknownRoleMessage,
        key="role",
    )


# --- tools and options ---------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class FunctionDefinition(TypedDict):
    name: Required[str]
    description: NotRequired[str]
    parameters: NotRequired[dict[str, Any]]
    strict: NotRequired[bool | None]


@with_config(WIRE_CONFIG)
class ChatCompletionFunctionToolParam(TypedDict):
    type: Required[Literal["function"]]
    function: Required[FunctionDefinition]


@with_config(WIRE_CONFIG)
class CustomToolDefinition(TypedDict):
    name: Required[str]
    description: NotRequired[str]
    format: NotRequired[dict[str, Any]]


@with_config(WIRE_CONFIG)
class ChatCompletionCustomToolParam(TypedDict):
    type: Required[Literal["custom"]]
    custom: Required[CustomToolDefinition]


if TYPE_CHECKING:
    ToolParam: TypeAlias = dict[str, Any]
else:
    ToolParam = tagged_union(
        {"function": ChatCompletionFunctionToolParam, "custom": ChatCompletionCustomToolParam},
        fallback=UnknownPart,
    )


@with_config(WIRE_CONFIG)
class NamedName(TypedDict):
    name: Required[str]


@with_config(WIRE_CONFIG)
class ChatCompletionNamedToolChoiceParam(TypedDict):
    type: Required[Literal["function"]]
    function: Required[NamedName]


@with_config(WIRE_CONFIG)
class ChatCompletionNamedToolChoiceCustomParam(TypedDict):
    type: Required[Literal["custom"]]
    custom: Required[NamedName]


@with_config(WIRE_CONFIG)
class ChatCompletionAllowedToolsParam(TypedDict):
    mode: Required[Literal["auto", "required"]]
    tools: Required[list[dict[str, Any]]]


@with_config(WIRE_CONFIG)
class ChatCompletionAllowedToolChoiceParam(TypedDict):
    type: Required[Literal["allowed_tools"]]
    allowed_tools: Required[ChatCompletionAllowedToolsParam]


if TYPE_CHECKING:
    ToolChoiceObject: TypeAlias = dict[str, Any]
else:
    ToolChoiceObject = tagged_union(
        {
            "function": ChatCompletionNamedToolChoiceParam,
            "custom": ChatCompletionNamedToolChoiceCustomParam,
            "allowed_tools": ChatCompletionAllowedToolChoiceParam,
        },
        fallback=UnknownPart,
    )
ToolChoice: TypeAlias = Literal["none", "auto", "required"] | ToolChoiceObject


@with_config(WIRE_CONFIG)
class JSONSchema(TypedDict):
    name: Required[str]
    description: NotRequired[str]
    schema: NotRequired[dict[str, Any]]
    strict: NotRequired[bool | None]


@with_config(WIRE_CONFIG)
class ResponseFormatJSONSchema(TypedDict):
    type: Required[Literal["json_schema"]]
    json_schema: Required[JSONSchema]


@with_config(WIRE_CONFIG)
class ResponseFormatSimple(TypedDict):
    type: Required[Literal["text", "json_object"]]


if TYPE_CHECKING:
    ResponseFormat: TypeAlias = dict[str, Any]
else:
    ResponseFormat = tagged_union(
        {
            "json_schema": ResponseFormatJSONSchema,
            "text": ResponseFormatSimple,
            "json_object": ResponseFormatSimple,
        },
        fallback=UnknownPart,
    )


@with_config(WIRE_CONFIG)
class ChatCompletionStreamOptionsParam(TypedDict):
    include_usage: NotRequired[bool]
    include_obfuscation: NotRequired[bool]


@with_config(WIRE_CONFIG)
class CompletionCreateParams(TypedDict):
    model: NotRequired[str]
    messages: Required[list[ChatCompletionMessageParam]]
    tools: NotRequired[list[ToolParam]]
    tool_choice: NotRequired[ToolChoice]
    parallel_tool_calls: NotRequired[bool]
    max_tokens: NotRequired[int | None]
    max_completion_tokens: NotRequired[int | None]
    temperature: NotRequired[float | None]
    top_p: NotRequired[float | None]
    stop: NotRequired[str | list[str] | None]
    seed: NotRequired[int | None]
    frequency_penalty: NotRequired[float | None]
    presence_penalty: NotRequired[float | None]
    n: NotRequired[int | None]
    logprobs: NotRequired[bool | None]
    top_logprobs: NotRequired[int | None]
    logit_bias: NotRequired[dict[str, int] | None]
    reasoning_effort: NotRequired[str | None]
    response_format: NotRequired[ResponseFormat]
    stream: NotRequired[bool | None]
    stream_options: NotRequired[ChatCompletionStreamOptionsParam | None]
    metadata: NotRequired[dict[str, str] | None]
    user: NotRequired[str]
    safety_identifier: NotRequired[str | None]
    service_tier: NotRequired[str | None]
    store: NotRequired[bool | None]
    prompt_cache_key: NotRequired[str | None]
    modalities: NotRequired[list[Literal["text", "audio"]] | None]
    verbosity: NotRequired[Literal["low", "medium", "high"] | None]
