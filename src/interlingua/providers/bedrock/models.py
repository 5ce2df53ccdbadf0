"""Bedrock Converse wire types (JSON form). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, Union

from pydantic import Discriminator, Tag, with_config
from typing_extensions import NotRequired, Required, TypedDict

from ..base import WIRE_CONFIG


def keyed_union(members: dict[str, Any], fallback: Any) -> Any:
    """A Smithy union: the member is chosen by which known key the object has (Converse
    blocks are ``{"text": ...}``, ``{"toolUse": {...}}``...); others use ``fallback``."""

    tags = {name: f"key={name}" for name in members}

    def pick(value: Any) -> str:
        if isinstance(value, dict):
            for key in value:
                tag = tags.get(key)
                if tag is not None:
                    return tag
        return "key=*"

    choices = tuple(Annotated[tp, Tag(tags[name])] for name, tp in members.items())
    return Annotated[Union[(*choices, Annotated[fallback, Tag("key=*")])], Discriminator(pick)]


@with_config(WIRE_CONFIG)
class Unknown(TypedDict):
    """A union member this version does not know (kept verbatim as an opaque part)."""


# --- small shared objects -------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class S3Location(TypedDict):
    uri: str
    bucketOwner: NotRequired[str]


@with_config(WIRE_CONFIG)
class MediaSource(TypedDict, total=False):
    """``ImageSource``/``VideoSource``/``AudioSource``/``DocumentSource`` (one member set)."""

    bytes: str
    s3Location: S3Location
    text: str
    content: list[dict[str, Any]]


@with_config(WIRE_CONFIG)
class CachePointBlock(TypedDict):
    type: str
    ttl: NotRequired[Literal["5m", "1h"]]


@with_config(WIRE_CONFIG)
class CitationsConfig(TypedDict):
    enabled: bool


@with_config(WIRE_CONFIG)
class ImageBlock(TypedDict):
    format: str
    source: MediaSource
    error: NotRequired[dict[str, Any]]


@with_config(WIRE_CONFIG)
class DocumentBlock(TypedDict):
    name: str
    source: MediaSource
    format: NotRequired[str]
    context: NotRequired[str]
    citations: NotRequired[CitationsConfig]


@with_config(WIRE_CONFIG)
class VideoBlock(TypedDict):
    format: str
    source: MediaSource


@with_config(WIRE_CONFIG)
class ToolUseBlock(TypedDict):
    toolUseId: str
    name: str
    input: Any
    type: NotRequired[str]


@with_config(WIRE_CONFIG)
class ToolResultBlock(TypedDict):
    toolUseId: str
    content: list[ToolResultContentBlock]
    status: NotRequired[Literal["success", "error"]]
    type: NotRequired[str]


@with_config(WIRE_CONFIG)
class ReasoningTextBlock(TypedDict):
    text: str
    signature: NotRequired[str]


@with_config(WIRE_CONFIG)
class ReasoningContentBlock(TypedDict, total=False):
    reasoningText: ReasoningTextBlock
    redactedContent: str


# --- content blocks (each is an object with one member key) ---------------------------------


@with_config(WIRE_CONFIG)
class TextBlock(TypedDict):
    text: str


@with_config(WIRE_CONFIG)
class ImageMember(TypedDict):
    image: ImageBlock


@with_config(WIRE_CONFIG)
class DocumentMember(TypedDict):
    document: DocumentBlock


@with_config(WIRE_CONFIG)
class VideoMember(TypedDict):
    video: VideoBlock


@with_config(WIRE_CONFIG)
class AudioMember(TypedDict):
    audio: VideoBlock


@with_config(WIRE_CONFIG)
class ToolUseMember(TypedDict):
    toolUse: ToolUseBlock


@with_config(WIRE_CONFIG)
class ToolResultMember(TypedDict):
    toolResult: ToolResultBlock


@with_config(WIRE_CONFIG)
class ReasoningMember(TypedDict):
    reasoningContent: ReasoningContentBlock


@with_config(WIRE_CONFIG)
class CachePointMember(TypedDict):
    cachePoint: CachePointBlock


@with_config(WIRE_CONFIG)
class JsonMember(TypedDict):
    json: Any


if TYPE_CHECKING:
    ContentBlock: TypeAlias = dict[str, Any]
    ToolResultContentBlock: TypeAlias = dict[str, Any]
else:
    #: ``guardContent``, ``citationsContent``, ``searchResult``, ``toolAddition``,
    #: ``toolRemoval`` (and future members) validate as `Unknown` and travel as opaque parts.
    ContentBlock = keyed_union(
        {
            "text": TextBlock,
            "image": ImageMember,
            "document": DocumentMember,
            "video": VideoMember,
            "audio": AudioMember,
            "toolUse": ToolUseMember,
            "toolResult": ToolResultMember,
            "reasoningContent": ReasoningMember,
            "cachePoint": CachePointMember,
        },
        Unknown,
    )
    ToolResultContentBlock = keyed_union(
        {
            "text": TextBlock,
            "json": JsonMember,
            "image": ImageMember,
            "document": DocumentMember,
            "video": VideoMember,
        },
        Unknown,
    )


@with_config(WIRE_CONFIG)
class Message(TypedDict):
    # NOTE: the service model's ConversationRole also lists "system" (shared with messageStart)
    role: Literal["user", "assistant", "system"]
    content: list[ContentBlock]


# --- request --------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class InferenceConfiguration(TypedDict, total=False):
    maxTokens: int
    temperature: float
    topP: float
    stopSequences: list[str]


@with_config(WIRE_CONFIG)
class ToolInputSchema(TypedDict, total=False):
    json: dict[str, Any]


@with_config(WIRE_CONFIG)
class ToolSpecification(TypedDict):
    name: str
    inputSchema: ToolInputSchema
    description: NotRequired[str]
    strict: NotRequired[bool]


@with_config(WIRE_CONFIG)
class ToolSpecMember(TypedDict):
    toolSpec: ToolSpecification


@with_config(WIRE_CONFIG)
class SystemToolBlock(TypedDict):
    name: str


@with_config(WIRE_CONFIG)
class SystemToolMember(TypedDict):
    systemTool: SystemToolBlock


@with_config(WIRE_CONFIG)
class SpecificToolChoice(TypedDict):
    name: str


@with_config(WIRE_CONFIG)
class ToolChoice(TypedDict, total=False):
    auto: dict[str, Any]
    any: dict[str, Any]
    tool: SpecificToolChoice


if TYPE_CHECKING:
    ToolEntry: TypeAlias = dict[str, Any]
    SystemContentBlock: TypeAlias = dict[str, Any]
else:
    ToolEntry = keyed_union(
        {
            "toolSpec": ToolSpecMember,
            "systemTool": SystemToolMember,
            "cachePoint": CachePointMember,
        },
        Unknown,
    )
    SystemContentBlock = keyed_union({"text": TextBlock, "cachePoint": CachePointMember}, Unknown)


@with_config(WIRE_CONFIG)
class ToolConfiguration(TypedDict):
    tools: list[ToolEntry]
    toolChoice: NotRequired[ToolChoice]


@with_config(WIRE_CONFIG)
class JsonSchemaDefinition(TypedDict):
    schema: str
    name: NotRequired[str]
    description: NotRequired[str]


@with_config(WIRE_CONFIG)
class OutputFormatStructure(TypedDict, total=False):
    jsonSchema: JsonSchemaDefinition


@with_config(WIRE_CONFIG)
class OutputFormat(TypedDict):
    type: Literal["json_schema"]
    structure: OutputFormatStructure


@with_config(WIRE_CONFIG)
class OutputConfig(TypedDict, total=False):
    textFormat: OutputFormat
    effort: str


@with_config(WIRE_CONFIG)
class ServiceTier(TypedDict):
    type: str


@with_config(WIRE_CONFIG)
class ConverseRequest(TypedDict, total=False):
    """Converse and ConverseStream share this body (streaming is chosen by the operation)."""

    modelId: Required[str]
    messages: list[Message]
    system: list[SystemContentBlock]
    inferenceConfig: InferenceConfiguration
    toolConfig: ToolConfiguration
    guardrailConfig: dict[str, Any]
    additionalModelRequestFields: dict[str, Any]
    promptVariables: dict[str, Any]
    additionalModelResponseFieldPaths: list[str]
    requestMetadata: dict[str, str]
    performanceConfig: dict[str, Any]
    serviceTier: ServiceTier
    outputConfig: OutputConfig


# --- response -------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class TokenUsage(TypedDict):
    inputTokens: int
    outputTokens: int
    totalTokens: int
    cacheReadInputTokens: NotRequired[int]
    cacheWriteInputTokens: NotRequired[int]
    cacheDetails: NotRequired[list[dict[str, Any]]]


@with_config(WIRE_CONFIG)
class ConverseOutput(TypedDict):
    message: Message


@with_config(WIRE_CONFIG)
class ConverseResponse(TypedDict):
    output: ConverseOutput
    stopReason: str
    usage: NotRequired[TokenUsage]
    metrics: NotRequired[dict[str, Any]]
