"""Anthropic Messages lookup tables: stop reasons, tools, defaults. https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import Final

from ..._capabilities import Support
from ...universal import FinishReason

FAMILY: Final = "anthropic"

#: Written when a universal request has no ``max_tokens`` (Anthropic requires one). A default,
#: not a loss: the source said "no explicit cap".
DEFAULT_MAX_TOKENS: Final = 4096

#: ``anthropic_version`` body values of the cloud variants (the model travels in the URL).
BEDROCK_VERSION: Final = "bedrock-2023-05-31"
VERTEX_VERSION: Final = "vertex-2023-10-16"

#: ``stop_reason`` -> universal finish reason (every `anthropic.types.StopReason` value).
STOP_REASONS: Final[dict[str, FinishReason]] = {
    "end_turn": FinishReason.STOP,
    "max_tokens": FinishReason.LENGTH,
    "stop_sequence": FinishReason.STOP_SEQUENCE,
    "tool_use": FinishReason.TOOL_CALLS,
    "pause_turn": FinishReason.PAUSE_TURN,
    "refusal": FinishReason.REFUSAL,
    "model_context_window_exceeded": FinishReason.CONTEXT_WINDOW_EXCEEDED,
}

#: universal finish reason -> ``stop_reason``: the inverse, plus approximations for reasons
#: Anthropic has no word for (reported as ``finish-reason-approximated``).
FINISH_REASONS: Final[dict[FinishReason, str]] = {v: k for k, v in STOP_REASONS.items()}
APPROXIMATE_FINISH: Final[dict[FinishReason, str]] = {
    FinishReason.CONTENT_FILTER: "refusal",
    FinishReason.MALFORMED_TOOL_CALL: "end_turn",
    FinishReason.ERROR: "end_turn",
    FinishReason.OTHER: "end_turn",
}

#: Server-tool ``type`` prefix (the part before ``_YYYYMMDD``) -> universal builtin name.
BUILTIN_TOOLS: Final[dict[str, str]] = {
    "web_search": "web_search",
    "web_fetch": "web_fetch",
    "code_execution": "code_execution",
    "bash": "bash",
    "text_editor": "text_editor",
    "computer": "computer",
    "computer_toolset": "computer",
    "memory": "memory",
    "tool_search_tool_regex": "tool_search",
    "tool_search_tool_bm25": "tool_search",
    "browser_toolset": "browser",
    "mcp_toolset": "mcp",
}

#: Universal builtin name -> (``type``, ``name``) written for a tool from another family.
BUILTIN_DEFAULTS: Final[dict[str, tuple[str, str]]] = {
    "web_search": ("web_search_20250305", "web_search"),
    "web_fetch": ("web_fetch_20250910", "web_fetch"),
    "code_execution": ("code_execution_20250825", "code_execution"),
    "code_interpreter": ("code_execution_20250825", "code_execution"),
    "bash": ("bash_20250124", "bash"),
    "text_editor": ("text_editor_20250728", "str_replace_based_edit_tool"),
    "memory": ("memory_20250818", "memory"),
    "tool_search": ("tool_search_tool_regex_20251119", "tool_search_tool_regex"),
}

#: Options each default server tool accepts (anything else in a foreign ``config`` is a loss).
BUILTIN_OPTIONS: Final[dict[str, frozenset[str]]] = {
    "web_search": frozenset({"allowed_domains", "blocked_domains", "max_uses", "user_location"}),
    "web_fetch": frozenset(
        {"allowed_domains", "blocked_domains", "max_uses", "max_content_tokens", "citations"}
    ),
    "text_editor": frozenset({"max_characters"}),
}

#: Server-tool result block types (``<tool>_tool_result``) -> the tool's name.
SERVER_RESULT_TYPES: Final[dict[str, str]] = {
    "web_search_tool_result": "web_search",
    "web_fetch_tool_result": "web_fetch",
    "code_execution_tool_result": "code_execution",
    "bash_code_execution_tool_result": "bash_code_execution",
    "text_editor_code_execution_tool_result": "text_editor_code_execution",
    "tool_search_tool_result": "tool_search",
    "mcp_tool_result": "mcp",
    "advisor_tool_result": "advisor",
}

#: Image media types the API accepts in a base64 source.
IMAGE_MEDIA_TYPES: Final = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})

#: Effort words ``output_config.effort`` accepts.
EFFORTS: Final = frozenset({"low", "medium", "high", "xhigh", "max"})

#: Universal (OpenAI) service tiers -> ``service_tier`` request values.
REQUEST_SERVICE_TIERS: Final[dict[str, str]] = {
    "auto": "auto",
    "standard_only": "standard_only",
    "default": "standard_only",
}

#: Universal service tiers -> ``usage.service_tier`` response values.
RESPONSE_SERVICE_TIERS: Final[dict[str, str]] = {
    "standard": "standard",
    "default": "standard",
    "priority": "priority",
    "batch": "batch",
}

#: Stream event ``type`` values.
STREAM_EVENT_TYPES: Final = frozenset(
    {
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
        "ping",
        "error",
        "message",  # a whole Message sent as the only event (recorded from Vertex)
    }
)

#: Anthropic's temperature range is 0-1 (OpenAI's is 0-2): higher values are clamped.
MAX_TEMPERATURE: Final = 1.0

#: How Anthropic Messages carries each universal feature (rows of docs/capabilities.md; a test
#: probes every row).
CAPABILITIES: Final[dict[str, Support]] = {
    "system-prompt": Support.MAPPED,  # hoisted to the top-level `system`
    "mid-conversation-system": Support.LOSSY,  # hoisted too, reported as role-merged
    "image-url": Support.NATIVE,
    "image-base64": Support.NATIVE,
    "document": Support.NATIVE,
    "audio-input": Support.UNSUPPORTED,
    "function-tools": Support.NATIVE,
    "custom-tools": Support.LOSSY,  # wrapped as {"input": text}
    "builtin-tools": Support.NATIVE,
    "tool-choice-none": Support.NATIVE,
    "tool-choice-required": Support.MAPPED,  # `any`
    "tool-choice-named": Support.NATIVE,
    "parallel-tool-calls": Support.MAPPED,  # disable_parallel_tool_use
    "tool-result-images": Support.NATIVE,
    "tool-result-error": Support.NATIVE,
    "reasoning-text": Support.NATIVE,
    "reasoning-signature": Support.NATIVE,
    "reasoning-effort": Support.MAPPED,  # thinking budget / output_config.effort
    "json-schema-output": Support.LOSSY,  # the schema's name and description are dropped
    "json-object-output": Support.UNSUPPORTED,
    "cache-control": Support.NATIVE,
    "stop-sequences": Support.NATIVE,
    "top-k": Support.NATIVE,
    "seed": Support.UNSUPPORTED,
    "penalties": Support.UNSUPPORTED,
    "multiple-choices": Support.UNSUPPORTED,
    "logprobs": Support.UNSUPPORTED,
    "user-id": Support.MAPPED,  # metadata.user_id
    "service-tier": Support.NATIVE,
    "refusal": Support.MAPPED,  # stop_reason "refusal"; refusal text as text
    "citations": Support.LOSSY,  # only Anthropic's own (provider-indexed) citations go back
    "usage-cache": Support.NATIVE,
    "usage-reasoning": Support.NATIVE,
}

#: Families whose reasoning signatures Anthropic verifies: its own, and Claude's signatures
#: returned through Bedrock Converse (Anthropic documents them as valid across platforms).
SIGNATURE_ORIGINS: Final = frozenset({"anthropic", "bedrock"})
