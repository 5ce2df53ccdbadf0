"""Fixed vocabularies of the Responses API: statuses, finish reasons, tools, capabilities.
https://platform.openai.com/docs/api-reference/responses/object
"""

from __future__ import annotations

from typing import Final

from ..._capabilities import Support
from ..._formats import FAMILY, Format
from ...universal import FinishReason

FAMILY_NAME: Final = FAMILY[Format.RESPONSES]

#: `incomplete_details.reason` (Response.IncompleteDetails Literal) -> universal reason.
INCOMPLETE_REASONS: Final[dict[str, FinishReason]] = {
    "max_output_tokens": FinishReason.LENGTH,
    "content_filter": FinishReason.CONTENT_FILTER,
    "max_messages": FinishReason.LENGTH,
    "steered": FinishReason.OTHER,
}

#: `status` (Response.status Literal) -> universal reason when no incomplete reason says more.
STATUS_REASONS: Final[dict[str, FinishReason | None]] = {
    "completed": FinishReason.STOP,
    "incomplete": FinishReason.LENGTH,
    "failed": FinishReason.ERROR,
    "cancelled": FinishReason.OTHER,
    "in_progress": None,
    "queued": None,
}

#: universal reason -> (status, incomplete reason) when writing a response from another format.
FINISH_STATUS: Final[dict[FinishReason, tuple[str, str | None]]] = {
    FinishReason.STOP: ("completed", None),
    FinishReason.STOP_SEQUENCE: ("completed", None),
    FinishReason.TOOL_CALLS: ("completed", None),
    FinishReason.PAUSE_TURN: ("completed", None),
    FinishReason.LENGTH: ("incomplete", "max_output_tokens"),
    FinishReason.CONTEXT_WINDOW_EXCEEDED: ("incomplete", "max_output_tokens"),
    FinishReason.CONTENT_FILTER: ("incomplete", "content_filter"),
    FinishReason.REFUSAL: ("completed", None),
    FinishReason.MALFORMED_TOOL_CALL: ("failed", None),
    FinishReason.ERROR: ("failed", None),
    FinishReason.OTHER: ("completed", None),
}

#: Reasons written without an exact equivalent (reported as finish-reason-approximated).
APPROXIMATE_FINISH: Final[frozenset[FinishReason]] = frozenset(
    {
        FinishReason.PAUSE_TURN,
        FinishReason.CONTEXT_WINDOW_EXCEEDED,
        FinishReason.MALFORMED_TOOL_CALL,
        FinishReason.OTHER,
    }
)

#: Responses hosted tool `type` -> universal builtin name (inverse derived below).
BUILTIN_TOOLS: Final[dict[str, str]] = {
    "web_search": "web_search",
    "web_search_preview": "web_search",
    "web_search_2025_08_26": "web_search",
    "web_search_preview_2025_03_11": "web_search",
    "code_interpreter": "code_execution",
    "file_search": "file_search",
    "image_generation": "image_generation",
    "mcp": "mcp",
    "computer_use_preview": "computer_use",
    "computer": "computer_use",
    "local_shell": "bash",
    "shell": "bash",
    "apply_patch": "text_editor",
    "tool_search": "tool_search",
}

#: universal builtin name -> the Responses tool type written for it (first spelling wins).
BUILTIN_TOOLS_OUT: Final[dict[str, str]] = {
    name: wire for wire, name in reversed(list(BUILTIN_TOOLS.items()))
}

#: Universal builtin tools whose Responses form needs no configuration of its own.
BUILTIN_WRITABLE: Final[frozenset[str]] = frozenset(
    {"web_search", "code_execution", "image_generation", "local_shell"}
)

#: `reasoning.effort` values (shared ReasoningEffort Literal).
REASONING_EFFORTS: Final[frozenset[str]] = frozenset(
    {"none", "minimal", "low", "medium", "high", "xhigh", "max"}
)

#: `service_tier` values the API accepts.
SERVICE_TIERS: Final[frozenset[str]] = frozenset(
    {"auto", "default", "flex", "scale", "priority", "fast"}
)

#: Other providers' tier names with the same meaning.
SERVICE_TIER_ALIASES: Final[dict[str, str]] = {"standard": "default", "standard_only": "default"}


#: Response keys that echo the request or describe the wire (never a loss when dropped).
RESPONSE_QUIET: Final[frozenset[str]] = frozenset(
    {
        "object",
        "created_at",
        "background",
        "billing",
        "completed_at",
        "error",
        "frequency_penalty",
        "presence_penalty",
        "instructions",
        "max_output_tokens",
        "max_tool_calls",
        "moderation",
        "parallel_tool_calls",
        "previous_response_id",
        "prompt",
        "prompt_cache_key",
        "prompt_cache_retention",
        "prompt_cache_options",
        "reasoning",
        "safety_identifier",
        "store",
        "temperature",
        "text",
        "tool_choice",
        "tools",
        "top_logprobs",
        "top_p",
        "truncation",
        "user",
        "metadata",
        "output_text",
        "conversation",
        "tool_usage",
        "status",
        "incomplete_details",
    }
)

#: Defaults for a response written from another format.
DEFAULT_ID: Final = "resp_interlingua"
DEFAULT_MODEL: Final = "unknown"

#: How Responses carries each universal feature (rows of docs/capabilities.md).
CAPABILITIES: Final[dict[str, Support]] = {
    "system-prompt": Support.NATIVE,
    "mid-conversation-system": Support.NATIVE,
    "image-url": Support.NATIVE,
    "image-base64": Support.MAPPED,  # as a data: URL
    "document": Support.NATIVE,
    "audio-input": Support.UNSUPPORTED,
    "function-tools": Support.NATIVE,
    "custom-tools": Support.NATIVE,
    "builtin-tools": Support.NATIVE,
    "tool-choice-none": Support.NATIVE,
    "tool-choice-required": Support.NATIVE,
    "tool-choice-named": Support.NATIVE,
    "parallel-tool-calls": Support.NATIVE,
    "tool-result-images": Support.NATIVE,
    "tool-result-error": Support.UNSUPPORTED,
    "reasoning-text": Support.NATIVE,
    "reasoning-signature": Support.NATIVE,
    "reasoning-effort": Support.NATIVE,
    "json-schema-output": Support.NATIVE,
    "json-object-output": Support.NATIVE,
    "cache-control": Support.LOSSY,  # prompt_cache_breakpoint; other TTLs approximated
    "stop-sequences": Support.UNSUPPORTED,
    "top-k": Support.UNSUPPORTED,
    "seed": Support.UNSUPPORTED,
    "penalties": Support.UNSUPPORTED,
    "multiple-choices": Support.UNSUPPORTED,
    "logprobs": Support.MAPPED,  # include message.output_text.logprobs + top_logprobs
    "user-id": Support.NATIVE,
    "service-tier": Support.NATIVE,
    "refusal": Support.NATIVE,
    "citations": Support.LOSSY,  # url/file citations; document char locations dropped
    "usage-cache": Support.NATIVE,
    "usage-reasoning": Support.NATIVE,
}
