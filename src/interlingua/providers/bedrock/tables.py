"""Bedrock Converse lookup tables: stop reasons, media formats, events, capabilities. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html"""

from __future__ import annotations

from typing import Final

from ..._capabilities import Support
from ...universal import FinishReason

FAMILY: Final = "bedrock"

#: Signature issuers whose reasoning signatures Bedrock accepts. Claude on Bedrock returns
#: Anthropic's own signatures, and Anthropic documents them as valid across its platforms
#: (Claude API, Bedrock, Vertex), so an ``anthropic`` signature may be sent to Bedrock too.
SIGNATURE_ORIGINS: Final = frozenset({"bedrock", "anthropic"})

#: ``stopReason`` -> universal finish reason (every value of the service model's StopReason).
STOP_REASONS: Final[dict[str, FinishReason]] = {
    "end_turn": FinishReason.STOP,
    "tool_use": FinishReason.TOOL_CALLS,
    "max_tokens": FinishReason.LENGTH,
    "stop_sequence": FinishReason.STOP_SEQUENCE,
    "guardrail_intervened": FinishReason.CONTENT_FILTER,
    "content_filtered": FinishReason.CONTENT_FILTER,
    "malformed_model_output": FinishReason.ERROR,
    "malformed_tool_use": FinishReason.MALFORMED_TOOL_CALL,
    "model_context_window_exceeded": FinishReason.CONTEXT_WINDOW_EXCEEDED,
}

#: universal finish reason -> ``stopReason``. Two Bedrock values read as CONTENT_FILTER;
#: ``content_filtered`` is written for it (the decoder keeps ``guardrail_intervened`` raw).
FINISH_REASONS: Final[dict[FinishReason, str]] = {v: k for k, v in STOP_REASONS.items()}
#: Reasons Bedrock has no word for, written as the nearest one (``finish-reason-approximated``).
APPROXIMATE_FINISH: Final[dict[FinishReason, str]] = {
    FinishReason.REFUSAL: "content_filtered",
    FinishReason.PAUSE_TURN: "end_turn",
    FinishReason.OTHER: "end_turn",
}

#: Image ``format`` values and their media types.
IMAGE_FORMATS: Final[dict[str, str]] = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
#: Document ``format`` values and their media types.
DOCUMENT_FORMATS: Final[dict[str, str]] = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
    "txt": "text/plain",
    "md": "text/markdown",
}
#: Video ``format`` values and their media types.
VIDEO_FORMATS: Final[dict[str, str]] = {
    "mkv": "video/x-matroska",
    "mov": "video/quicktime",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "flv": "video/x-flv",
    "mpeg": "video/mpeg",
    "mpg": "video/mpg",
    "wmv": "video/x-ms-wmv",
    "three_gp": "video/3gpp",
}
#: Audio ``format`` values (the service model's AudioFormat enum).
AUDIO_FORMATS: Final = frozenset(
    {"mp3", "opus", "wav", "aac", "flac", "mp4", "ogg", "mkv", "mka", "x-aac", "m4a", "mpeg"}
    | {"mpga", "pcm", "webm"}
)
#: Inverses (media type -> format), derived.
IMAGE_BY_TYPE: Final = {v: k for k, v in IMAGE_FORMATS.items()} | {"image/jpg": "jpeg"}
DOCUMENT_BY_TYPE: Final = {v: k for k, v in DOCUMENT_FORMATS.items()}
VIDEO_BY_TYPE: Final = {v: k for k, v in VIDEO_FORMATS.items()}

#: First base64 characters of the image formats (for inline images with no media type).
IMAGE_MAGIC: Final[dict[str, str]] = {
    "iVBORw0KGgo": "png",
    "/9j/": "jpeg",
    "R0lGOD": "gif",
    "UklGR": "webp",
}

#: ``systemTool`` names -> universal builtin tool names.
SYSTEM_TOOLS: Final[dict[str, str]] = {
    "nova_grounding": "web_search",
    "nova_code_interpreter": "code_execution",
}
BUILTIN_SYSTEM_TOOLS: Final = {v: k for k, v in SYSTEM_TOOLS.items()}

#: Universal (OpenAI-style) service tiers -> ``serviceTier.type`` (``auto`` = no tier given).
SERVICE_TIERS: Final[dict[str, str | None]] = {
    "auto": None,
    "default": "default",
    "flex": "flex",
    "priority": "priority",
    "reserved": "reserved",
}

#: Universal service tiers of a response -> ``serviceTier.type`` (Anthropic's ``standard``
#: is Bedrock's ``default``).
RESPONSE_SERVICE_TIERS: Final[dict[str, str]] = {
    "default": "default",
    "standard": "default",
    "flex": "flex",
    "priority": "priority",
    "reserved": "reserved",
}

#: Events of the ConverseStream output; the event's single top-level key is its name.
CONTENT_EVENTS: Final = (
    "messageStart",
    "contentBlockStart",
    "contentBlockDelta",
    "contentBlockStop",
    "messageStop",
    "metadata",
)
EXCEPTION_EVENTS: Final = (
    "internalServerException",
    "modelStreamErrorException",
    "validationException",
    "throttlingException",
    "serviceUnavailableException",
)
STREAM_EVENT_NAMES: Final = frozenset(CONTENT_EVENTS + EXCEPTION_EVENTS)

#: Exception events -> the error type they are decoded as (the Anthropic/OpenAI words other
#: formats understand); the event name itself is kept for Bedrock.
EXCEPTION_TYPES: Final[dict[str, str]] = {
    "internalServerException": "api_error",
    "modelStreamErrorException": "api_error",
    "validationException": "invalid_request_error",
    "throttlingException": "rate_limit_error",
    "serviceUnavailableException": "overloaded_error",
}
#: Other formats' error types -> the exception event written for them.
ERROR_EVENTS: Final[dict[str, str]] = {
    "overloaded_error": "serviceUnavailableException",
    "rate_limit_error": "throttlingException",
    "invalid_request_error": "validationException",
}

#: Bedrock's temperature range is 0-1 (OpenAI's is 0-2): higher values are clamped.
MAX_TEMPERATURE: Final = 1.0

#: Written when a universal request names no model (``modelId`` is required).

#: How Bedrock Converse carries each universal feature (checked by tests/test_capabilities.py).
CAPABILITIES: Final[dict[str, Support]] = {
    "system-prompt": Support.NATIVE,
    "mid-conversation-system": Support.LOSSY,  # hoisted into `system`, reported role-merged
    "image-url": Support.UNSUPPORTED,  # bytes or S3 only; never fetched
    "image-base64": Support.NATIVE,
    "document": Support.NATIVE,
    "audio-input": Support.NATIVE,
    "function-tools": Support.NATIVE,
    "custom-tools": Support.LOSSY,  # wrapped as {"input": text}
    "builtin-tools": Support.LOSSY,  # only Nova system tools, on Nova models
    "tool-choice-none": Support.LOSSY,  # no `none`: tools left out (or kept, auto)
    "tool-choice-required": Support.MAPPED,  # `any`
    "tool-choice-named": Support.NATIVE,
    "parallel-tool-calls": Support.UNSUPPORTED,
    "tool-result-images": Support.NATIVE,
    "tool-result-error": Support.NATIVE,  # status: error
    "reasoning-text": Support.NATIVE,
    "reasoning-signature": Support.NATIVE,
    "reasoning-effort": Support.MAPPED,  # additionalModelRequestFields.thinking budget
    "json-schema-output": Support.NATIVE,  # outputConfig.textFormat
    "json-object-output": Support.UNSUPPORTED,
    "cache-control": Support.NATIVE,  # cachePoint blocks
    "stop-sequences": Support.NATIVE,
    "top-k": Support.MAPPED,  # additionalModelRequestFields.top_k
    "seed": Support.UNSUPPORTED,
    "penalties": Support.UNSUPPORTED,
    "multiple-choices": Support.UNSUPPORTED,
    "logprobs": Support.UNSUPPORTED,
    "user-id": Support.UNSUPPORTED,
    "service-tier": Support.MAPPED,  # serviceTier.type; `auto` = none given
    "refusal": Support.MAPPED,  # refusal text as text
    "citations": Support.LOSSY,  # web citations only; document ones need Bedrock's own
    "usage-cache": Support.NATIVE,
    "usage-reasoning": Support.UNSUPPORTED,
}
