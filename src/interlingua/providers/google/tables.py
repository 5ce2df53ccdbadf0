"""Gemini lookup tables: finish reasons, roles, thinking levels, builtin tools. https://ai.google.dev/api/generate-content"""

from __future__ import annotations

from typing import Final

from ..._capabilities import Support
from ...universal import FinishReason

FAMILY: Final = "google"

#: Content roles <-> universal roles (``tool`` results travel in ``user`` turns).
ROLES: Final[dict[str, str]] = {"user": "user", "model": "assistant"}
WIRE_ROLES: Final[dict[str, str]] = {
    **{v: k for k, v in ROLES.items()},
    "tool": "user",
    "system": "user",
    "developer": "user",
}

#: ``finishReason`` -> universal finish reason: every `google.genai.types.FinishReason` value.
#: Several values share a universal reason; the first one listed is what the encoder writes,
#: and a decoded value that is not that one is kept in ``shape['finish_reason']``.
#: NOTE: Gemini says ``STOP`` when the answer is a function call; the decoder reads STOP with
#: function-call parts as TOOL_CALLS, and TOOL_CALLS is written back as STOP.
FINISH_REASONS: Final[dict[str, FinishReason]] = {
    "STOP": FinishReason.STOP,
    "MAX_TOKENS": FinishReason.LENGTH,
    "SAFETY": FinishReason.CONTENT_FILTER,
    "RECITATION": FinishReason.CONTENT_FILTER,
    "BLOCKLIST": FinishReason.CONTENT_FILTER,
    "PROHIBITED_CONTENT": FinishReason.CONTENT_FILTER,
    "SPII": FinishReason.CONTENT_FILTER,
    "IMAGE_SAFETY": FinishReason.CONTENT_FILTER,
    "IMAGE_PROHIBITED_CONTENT": FinishReason.CONTENT_FILTER,
    "IMAGE_RECITATION": FinishReason.CONTENT_FILTER,
    "MODEL_ARMOR": FinishReason.CONTENT_FILTER,
    "MALFORMED_FUNCTION_CALL": FinishReason.MALFORMED_TOOL_CALL,
    "UNEXPECTED_TOOL_CALL": FinishReason.MALFORMED_TOOL_CALL,
    "TOO_MANY_TOOL_CALLS": FinishReason.MALFORMED_TOOL_CALL,
    "MISSING_THOUGHT_SIGNATURE": FinishReason.ERROR,
    "MALFORMED_RESPONSE": FinishReason.ERROR,
    "OTHER": FinishReason.OTHER,
    "FINISH_REASON_UNSPECIFIED": FinishReason.OTHER,
    "LANGUAGE": FinishReason.OTHER,
    "IMAGE_OTHER": FinishReason.OTHER,
    "NO_IMAGE": FinishReason.OTHER,
    "ESCALATION": FinishReason.OTHER,
    "PUP_LIMITED_DISABLED": FinishReason.OTHER,
    "CONTINUATION": FinishReason.OTHER,
}


def _first_wins(table: dict[str, FinishReason]) -> dict[FinishReason, str]:
    out: dict[FinishReason, str] = {}
    for raw, reason in table.items():
        out.setdefault(reason, raw)
    return out


#: universal finish reason -> ``finishReason`` (derived: the first value listed above).
WIRE_FINISH: Final[dict[FinishReason, str]] = {
    **_first_wins(FINISH_REASONS),
    # Gemini's own spelling of these, not approximations: STOP covers stop sequences and
    # function calls (see the NOTE above).
    FinishReason.STOP_SEQUENCE: "STOP",
    FinishReason.TOOL_CALLS: "STOP",
}
#: Reasons Gemini has no word for: written as the nearest value, reported as approximated.
APPROXIMATE_FINISH: Final[dict[FinishReason, str]] = {
    FinishReason.REFUSAL: "SAFETY",
    FinishReason.PAUSE_TURN: "OTHER",
    FinishReason.CONTEXT_WINDOW_EXCEEDED: "MAX_TOKENS",
}

#: ``promptFeedback.blockReason`` values (the prompt was blocked: no candidates).
BLOCK_REASONS: Final = frozenset(
    {
        "BLOCKED_REASON_UNSPECIFIED",
        "SAFETY",
        "OTHER",
        "BLOCKLIST",
        "PROHIBITED_CONTENT",
        "IMAGE_SAFETY",
        "MODEL_ARMOR",
        "JAILBREAK",
    }
)

#: ``functionCallingConfig.mode`` -> universal tool-choice mode (ANY with exactly one allowed
#: function name is the named-tool choice). VALIDATED (calls checked against the schema, the
#: model decides) and MODE_UNSPECIFIED read as ``auto``, the raw mode kept in shape.
CALLING_MODES: Final[dict[str, str]] = {
    "AUTO": "auto",
    "ANY": "required",
    "NONE": "none",
    "VALIDATED": "auto",
    "MODE_UNSPECIFIED": "auto",
}
WIRE_CALLING_MODES: Final[dict[str, str]] = {
    **{v: k for k, v in reversed(list(CALLING_MODES.items()))},
    "tool": "ANY",
}

#: ``thinkingConfig.thinkingLevel`` <-> universal effort word (Gemini 3). A universal effort
#: with no level of its own is written as the nearest level and reported:
#:
#: | thinkingLevel | effort  |
#: |---------------|---------|
#: | MINIMAL       | minimal |
#: | LOW           | low     |
#: | MEDIUM        | medium  |
#: | HIGH          | high    |
#: | XHIGH         | xhigh   |
#: | (none)        | max -> XHIGH (value-clamped), none -> thinkingBudget 0 |
#:
#: ``thinkingBudget`` (Gemini 2.5) goes through `interlingua.universal.reasoning`: 0 is
#: ``disabled``, -1 is dynamic thinking (``adaptive``), B > 0 is ``enabled`` with effort
#: ``budget_to_effort(B)``.
THINKING_LEVELS: Final[dict[str, str]] = {
    "MINIMAL": "minimal",
    "LOW": "low",
    "MEDIUM": "medium",
    "HIGH": "high",
    "XHIGH": "xhigh",
}
EFFORT_LEVELS: Final[dict[str, str]] = {v: k for k, v in THINKING_LEVELS.items()}
#: Dynamic thinking budget.
DYNAMIC_BUDGET: Final = -1
#: The largest thinkingBudget any Gemini model takes (2.5 Pro); larger budgets are clamped.
MAX_THINKING_BUDGET: Final = 32768

#: Builtin ``Tool`` keys -> universal builtin names.
BUILTIN_TOOLS: Final[dict[str, str]] = {
    "googleSearch": "web_search",
    "googleSearchRetrieval": "web_search_retrieval",
    "codeExecution": "code_execution",
    "urlContext": "url_context",
    "fileSearch": "file_search",
    "computerUse": "computer",
    "googleMaps": "google_maps",
    "retrieval": "retrieval",
    "enterpriseWebSearch": "enterprise_web_search",
    "parallelAiSearch": "parallel_ai_search",
    "exaAiSearch": "exa_ai_search",
    "mcpServers": "mcp",
}
#: Universal builtin name -> ``Tool`` key for a tool from another family.
WIRE_BUILTINS: Final[dict[str, str]] = {
    **{v: k for k, v in BUILTIN_TOOLS.items()},
    "code_interpreter": "codeExecution",
    "web_fetch": "urlContext",
}

#: Universal (OpenAI) service tiers -> ``serviceTier`` values.
SERVICE_TIERS: Final[dict[str, str]] = {
    "auto": "unspecified",
    "default": "standard",
    "standard": "standard",
    "flex": "flex",
    "priority": "priority",
}

#: The key a text tool result is wrapped in (``response`` must be an object), and an error's.
RESULT_KEY: Final = "result"
ERROR_KEY: Final = "error"

#: How Gemini carries each universal feature (rows of docs/capabilities.md).
CAPABILITIES: Final[dict[str, Support]] = {
    "system-prompt": Support.MAPPED,  # systemInstruction
    "mid-conversation-system": Support.LOSSY,  # hoisted into systemInstruction, role-merged
    "image-url": Support.MAPPED,  # fileData.fileUri
    "image-base64": Support.MAPPED,  # inlineData
    "document": Support.LOSSY,  # inlineData/fileData; filename and title dropped
    "audio-input": Support.MAPPED,  # inlineData audio/*
    "function-tools": Support.NATIVE,  # functionDeclarations.parametersJsonSchema
    "custom-tools": Support.LOSSY,  # a function with one `input` string
    "builtin-tools": Support.NATIVE,  # googleSearch, codeExecution, urlContext...
    "tool-choice-none": Support.MAPPED,  # mode NONE
    "tool-choice-required": Support.MAPPED,  # mode ANY
    "tool-choice-named": Support.MAPPED,  # mode ANY + allowedFunctionNames
    "parallel-tool-calls": Support.UNSUPPORTED,
    "tool-result-images": Support.MAPPED,  # functionResponse.parts
    "tool-result-error": Support.MAPPED,  # response {"error": text}
    "reasoning-text": Support.MAPPED,  # thought parts
    "reasoning-signature": Support.MAPPED,  # thoughtSignature
    "reasoning-effort": Support.MAPPED,  # thinkingBudget / thinkingLevel
    "json-schema-output": Support.LOSSY,  # the schema's name and description are dropped
    "json-object-output": Support.MAPPED,  # responseMimeType application/json
    "cache-control": Support.UNSUPPORTED,  # Gemini caches through cachedContent objects
    "stop-sequences": Support.NATIVE,
    "top-k": Support.NATIVE,
    "seed": Support.NATIVE,
    "penalties": Support.NATIVE,
    "multiple-choices": Support.MAPPED,  # candidateCount
    "logprobs": Support.MAPPED,  # responseLogprobs / logprobs
    "user-id": Support.UNSUPPORTED,
    "service-tier": Support.MAPPED,
    "refusal": Support.LOSSY,  # refusal text as text, finish SAFETY
    "citations": Support.LOSSY,  # URL citations as citationMetadata; others dropped
    "usage-cache": Support.LOSSY,  # cache writes have no Gemini count
    "usage-reasoning": Support.MAPPED,  # thoughtsTokenCount
}
