"""Anthropic Messages wire types: content blocks, tools, request. https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, Union

from pydantic import Discriminator, Tag, with_config
from typing_extensions import NotRequired, Required, TypedDict

from ..base import WIRE_CONFIG, tagged_union

# --- small shared objects -------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class CacheControlEphemeral(TypedDict):
    type: str
    ttl: NotRequired[str]


@with_config(WIRE_CONFIG)
class CitationParam(TypedDict):
    """Any citation (``char_location``, ``page_location``, ``content_block_location``,
    ``web_search_result_location``, ``search_result_location``); fields vary by type."""

    type: str
    cited_text: NotRequired[str]


@with_config(WIRE_CONFIG)
class CitationsConfig(TypedDict, total=False):
    enabled: bool


# --- sources --------------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class Base64Source(TypedDict):
    type: Literal["base64"]
    media_type: str
    data: str


@with_config(WIRE_CONFIG)
class URLSource(TypedDict):
    type: Literal["url"]
    url: str


@with_config(WIRE_CONFIG)
class FileSource(TypedDict):
    type: Literal["file"]
    file_id: str


@with_config(WIRE_CONFIG)
class PlainTextSource(TypedDict):
    type: Literal["text"]
    media_type: str
    data: str


@with_config(WIRE_CONFIG)
class ContentBlockSource(TypedDict):
    type: Literal["content"]
    content: str | list[dict[str, Any]]


@with_config(WIRE_CONFIG)
class UnknownSource(TypedDict):
    type: str


if TYPE_CHECKING:
    ImageSource: TypeAlias = dict[str, Any]
else:
    ImageSource = tagged_union(
        {"base64": Base64Source, "url": URLSource, "file": FileSource}, fallback=UnknownSource
    )
if TYPE_CHECKING:
    DocumentSource: TypeAlias = dict[str, Any]
else:
    DocumentSource = tagged_union(
        {
            "base64": Base64Source,
            "url": URLSource,
            "file": FileSource,
            "text": PlainTextSource,
            "content": ContentBlockSource,
        },
        fallback=UnknownSource,
    )

# --- content blocks -------------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class TextBlock(TypedDict):
    type: Literal["text"]
    text: str
    citations: NotRequired[list[CitationParam] | None]
    cache_control: NotRequired[CacheControlEphemeral | None]


@with_config(WIRE_CONFIG)
class ImageBlock(TypedDict):
    type: Literal["image"]
    source: ImageSource
    cache_control: NotRequired[CacheControlEphemeral | None]


@with_config(WIRE_CONFIG)
class DocumentBlock(TypedDict):
    type: Literal["document"]
    source: DocumentSource
    title: NotRequired[str | None]
    context: NotRequired[str | None]
    citations: NotRequired[CitationsConfig | None]
    cache_control: NotRequired[CacheControlEphemeral | None]


@with_config(WIRE_CONFIG)
class SearchResultBlock(TypedDict):
    type: Literal["search_result"]
    source: str
    title: str
    content: list[TextBlock]


@with_config(WIRE_CONFIG)
class ThinkingBlock(TypedDict):
    type: Literal["thinking"]
    thinking: str
    signature: NotRequired[str]


@with_config(WIRE_CONFIG)
class RedactedThinkingBlock(TypedDict):
    type: Literal["redacted_thinking"]
    data: str


@with_config(WIRE_CONFIG)
class ToolUseBlock(TypedDict):
    """``tool_use`` (client tool), ``server_tool_use`` and ``mcp_tool_use`` share this shape."""

    type: str
    id: str
    name: str
    input: dict[str, Any]
    cache_control: NotRequired[CacheControlEphemeral | None]


@with_config(WIRE_CONFIG)
class ToolReferenceBlock(TypedDict):
    type: Literal["tool_reference"]
    tool_name: str


@with_config(WIRE_CONFIG)
class UnknownBlock(TypedDict):
    type: str


if TYPE_CHECKING:
    ToolResultContentBlock: TypeAlias = dict[str, Any]
else:
    ToolResultContentBlock = tagged_union(
        {"text": TextBlock, "image": ImageBlock, "document": DocumentBlock},
        fallback=UnknownBlock,
    )


@with_config(WIRE_CONFIG)
class ToolResultBlock(TypedDict):
    type: Literal["tool_result"]
    tool_use_id: str
    content: NotRequired[str | list[ToolResultContentBlock]]
    is_error: NotRequired[bool]
    cache_control: NotRequired[CacheControlEphemeral | None]


@with_config(WIRE_CONFIG)
class ServerToolResultBlock(TypedDict):
    """Every ``*_tool_result`` block of a server tool (web search, web fetch, code execution,
    bash/text-editor code execution, tool search, MCP): the result payload is tool-specific."""

    type: str
    tool_use_id: str
    content: Any


@with_config(WIRE_CONFIG)
class ContainerUploadBlock(TypedDict):
    type: Literal["container_upload"]
    file_id: str


if TYPE_CHECKING:
    ContentBlock: TypeAlias = dict[str, Any]
else:
    ContentBlock = tagged_union(
        {
            "text": TextBlock,
            "image": ImageBlock,
            "document": DocumentBlock,
            "search_result": SearchResultBlock,
            "thinking": ThinkingBlock,
            "redacted_thinking": RedactedThinkingBlock,
            "tool_use": ToolUseBlock,
            "server_tool_use": ToolUseBlock,
            "mcp_tool_use": ToolUseBlock,
            "tool_result": ToolResultBlock,
            "web_search_tool_result": ServerToolResultBlock,
            "web_fetch_tool_result": ServerToolResultBlock,
            "code_execution_tool_result": ServerToolResultBlock,
            "bash_code_execution_tool_result": ServerToolResultBlock,
            "text_editor_code_execution_tool_result": ServerToolResultBlock,
            "tool_search_tool_result": ServerToolResultBlock,
            "mcp_tool_result": ServerToolResultBlock,
            "container_upload": ContainerUploadBlock,
        },
        fallback=UnknownBlock,
    )

# --- messages and request -------------------------------------------------------------------


@with_config(WIRE_CONFIG)
class MessageParam(TypedDict):
    # NOTE: ``system`` is in the SDK's MessageParam union (SystemMessageParam), though some
    # models reject it ("role 'system' is not supported on this model").
    role: Literal["user", "assistant", "system"]
    content: str | list[ContentBlock]


@with_config(WIRE_CONFIG)
class CustomTool(TypedDict):
    name: str
    input_schema: dict[str, Any]
    type: NotRequired[Literal["custom"] | None]
    description: NotRequired[str]
    strict: NotRequired[bool]
    cache_control: NotRequired[CacheControlEphemeral | None]


@with_config(WIRE_CONFIG)
class ServerTool(TypedDict):
    """A server / Anthropic-defined tool (``web_search_20250305``, ``bash_20250124``...)."""

    type: str
    name: NotRequired[str]
    cache_control: NotRequired[CacheControlEphemeral | None]


def _tool_tag(value: Any) -> str:
    if isinstance(value, dict) and value.get("type") in (None, "custom"):
        return "custom"
    return "server"


ToolUnion = Annotated[
    Union[Annotated[CustomTool, Tag("custom")], Annotated[ServerTool, Tag("server")]],  # noqa: UP007
    Discriminator(_tool_tag),
]


@with_config(WIRE_CONFIG)
class ToolChoice(TypedDict):
    type: Literal["auto", "any", "tool", "none"]
    name: NotRequired[str]
    disable_parallel_tool_use: NotRequired[bool]


@with_config(WIRE_CONFIG)
class ThinkingConfig(TypedDict):
    type: str
    budget_tokens: NotRequired[int]


@with_config(WIRE_CONFIG)
class JSONOutputFormat(TypedDict):
    type: Literal["json_schema"]
    schema: dict[str, Any]


@with_config(WIRE_CONFIG)
class OutputConfig(TypedDict, total=False):
    effort: str | None
    format: JSONOutputFormat | None


@with_config(WIRE_CONFIG)
class Metadata(TypedDict, total=False):
    user_id: str | None


@with_config(WIRE_CONFIG)
class MessageCreateParams(TypedDict, total=False):
    model: str
    max_tokens: Required[int]
    messages: Required[list[MessageParam]]
    system: str | list[TextBlock]
    tools: list[ToolUnion]
    tool_choice: ToolChoice
    thinking: ThinkingConfig
    output_config: OutputConfig
    output_format: JSONOutputFormat | None
    stop_sequences: list[str]
    temperature: float
    top_p: float
    top_k: int
    metadata: Metadata
    service_tier: str
    stream: bool
    anthropic_version: str
