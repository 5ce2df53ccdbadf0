"""Fixed vocabularies of Chat Completions: finish reasons, roles, efforts, media types.
https://platform.openai.com/docs/api-reference/chat/object
"""

from __future__ import annotations

from typing import Final

from ..._capabilities import Support
from ..._formats import FAMILY, Format
from ...universal import FinishReason

FAMILY_NAME: Final = FAMILY[Format.CHAT_COMPLETIONS]

#: Every documented `finish_reason` (ChatCompletion.Choice.finish_reason Literal).
FINISH_REASONS: Final[dict[str, FinishReason]] = {
    "stop": FinishReason.STOP,
    "length": FinishReason.LENGTH,
    "tool_calls": FinishReason.TOOL_CALLS,
    "content_filter": FinishReason.CONTENT_FILTER,
    "function_call": FinishReason.TOOL_CALLS,
}

#: Universal reasons that map back exactly (derived from FINISH_REASONS; the legacy
#: `function_call` loses to `tool_calls`, the current spelling of the same reason).
FINISH_REASONS_OUT: Final[dict[FinishReason, str]] = {
    reason: raw for raw, reason in reversed(list(FINISH_REASONS.items()))
}

#: Universal reasons Chat Completions has no word for: the closest one (reported as a loss).
FINISH_REASON_APPROXIMATIONS: Final[dict[FinishReason, str]] = {
    FinishReason.STOP_SEQUENCE: "stop",
    FinishReason.REFUSAL: "content_filter",
    FinishReason.PAUSE_TURN: "stop",
    FinishReason.CONTEXT_WINDOW_EXCEEDED: "length",
    FinishReason.MALFORMED_TOOL_CALL: "stop",
    FinishReason.ERROR: "stop",
    FinishReason.OTHER: "stop",
}

#: Reasons that mean the same thing in Chat Completions (no loss reported).
EXACT_APPROXIMATIONS: Final[frozenset[FinishReason]] = frozenset({FinishReason.STOP_SEQUENCE})

#: `reasoning_effort` values the API accepts (shared ReasoningEffort Literal).
REASONING_EFFORTS: Final[frozenset[str]] = frozenset(
    {"none", "minimal", "low", "medium", "high", "xhigh", "max"}
)

#: `service_tier` values the API accepts.
SERVICE_TIERS: Final[frozenset[str]] = frozenset(
    {"auto", "default", "flex", "scale", "priority", "fast"}
)

#: Other providers' tier names with the same meaning as a Chat Completions tier.
SERVICE_TIER_ALIASES: Final[dict[str, str]] = {"standard": "default", "standard_only": "default"}


#: Wire keys of a response or chunk that describe the wire, not the conversation.
QUIET_TOP: Final[frozenset[str]] = frozenset(
    {"object", "obfuscation", "system_fingerprint", "id", "created", "model", "service_tier"}
)

#: Default envelope values when the universal object carries none.
DEFAULT_ID: Final = "chatcmpl-interlingua"
DEFAULT_MODEL: Final = "unknown"
DEFAULT_CREATED: Final = 0

#: How Chat Completions carries each universal feature (rows of docs/capabilities.md; a test
#: probes every row).
CAPABILITIES: Final[dict[str, Support]] = {
    "system-prompt": Support.NATIVE,
    "mid-conversation-system": Support.NATIVE,
    "image-url": Support.NATIVE,
    "image-base64": Support.MAPPED,  # as a data: URL
    "document": Support.NATIVE,
    "audio-input": Support.NATIVE,
    "function-tools": Support.NATIVE,
    "custom-tools": Support.NATIVE,
    "builtin-tools": Support.UNSUPPORTED,
    "tool-choice-none": Support.NATIVE,
    "tool-choice-required": Support.NATIVE,
    "tool-choice-named": Support.NATIVE,
    "parallel-tool-calls": Support.NATIVE,
    "tool-result-images": Support.UNSUPPORTED,
    "tool-result-error": Support.UNSUPPORTED,
    "reasoning-text": Support.UNSUPPORTED,
    "reasoning-signature": Support.UNSUPPORTED,
    "reasoning-effort": Support.NATIVE,
    "json-schema-output": Support.NATIVE,
    "json-object-output": Support.NATIVE,
    "cache-control": Support.LOSSY,  # prompt_cache_breakpoint; other TTLs approximated
    "stop-sequences": Support.NATIVE,
    "top-k": Support.UNSUPPORTED,
    "seed": Support.NATIVE,
    "penalties": Support.NATIVE,
    "multiple-choices": Support.NATIVE,
    "logprobs": Support.NATIVE,
    "user-id": Support.NATIVE,
    "service-tier": Support.NATIVE,
    "refusal": Support.NATIVE,
    "citations": Support.LOSSY,  # url_citation annotations only; document citations dropped
    "usage-cache": Support.NATIVE,
    "usage-reasoning": Support.NATIVE,
}
