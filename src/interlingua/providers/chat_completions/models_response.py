"""Wire models of Chat Completions responses and stream chunks, named as the SDK names them.
https://platform.openai.com/docs/api-reference/chat/object
"""

from __future__ import annotations

from typing import Literal

from pydantic import with_config
from typing_extensions import NotRequired, Required, TypedDict

from ..base import WIRE_CONFIG
from .models import AnnotationUnion, ToolCall

# --- responses -----------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class PromptTokensDetails(TypedDict):
    cached_tokens: NotRequired[int | None]
    cache_write_tokens: NotRequired[int | None]
    audio_tokens: NotRequired[int | None]


@with_config(WIRE_CONFIG)
class CompletionTokensDetails(TypedDict):
    reasoning_tokens: NotRequired[int | None]
    audio_tokens: NotRequired[int | None]
    accepted_prediction_tokens: NotRequired[int | None]
    rejected_prediction_tokens: NotRequired[int | None]


@with_config(WIRE_CONFIG)
class CompletionUsage(TypedDict):
    prompt_tokens: Required[int]
    completion_tokens: Required[int]
    total_tokens: Required[int]
    prompt_tokens_details: NotRequired[PromptTokensDetails | None]
    completion_tokens_details: NotRequired[CompletionTokensDetails | None]


@with_config(WIRE_CONFIG)
class ChatCompletionMessage(TypedDict):
    role: Required[Literal["assistant"]]
    content: NotRequired[str | None]
    refusal: NotRequired[str | None]
    tool_calls: NotRequired[list[ToolCall] | None]
    annotations: NotRequired[list[AnnotationUnion] | None]
    reasoning_content: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class Choice(TypedDict):
    index: Required[int]
    message: Required[ChatCompletionMessage]
    finish_reason: Required[str | None]


@with_config(WIRE_CONFIG)
class ChatCompletion(TypedDict):
    id: Required[str]
    object: NotRequired[Literal["chat.completion"]]
    created: Required[int]
    model: Required[str]
    choices: Required[list[Choice]]
    usage: NotRequired[CompletionUsage | None]
    service_tier: NotRequired[str | None]
    system_fingerprint: NotRequired[str | None]


# --- stream chunks -------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class ChoiceDeltaToolCallFunction(TypedDict):
    name: NotRequired[str | None]
    arguments: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class ChoiceDeltaToolCall(TypedDict):
    index: Required[int]
    id: NotRequired[str | None]
    type: NotRequired[str | None]
    function: NotRequired[ChoiceDeltaToolCallFunction | None]


@with_config(WIRE_CONFIG)
class ChoiceDelta(TypedDict):
    role: NotRequired[Literal["developer", "system", "user", "assistant", "tool"] | None]
    content: NotRequired[str | None]
    refusal: NotRequired[str | None]
    tool_calls: NotRequired[list[ChoiceDeltaToolCall] | None]
    reasoning_content: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class ChunkChoice(TypedDict):
    index: Required[int]
    delta: NotRequired[ChoiceDelta]
    finish_reason: NotRequired[str | None]


@with_config(WIRE_CONFIG)
class ChatCompletionChunk(TypedDict):
    id: Required[str]
    object: NotRequired[Literal["chat.completion.chunk"]]
    created: Required[int]
    model: Required[str]
    choices: Required[list[ChunkChoice]]
    usage: NotRequired[CompletionUsage | None]
