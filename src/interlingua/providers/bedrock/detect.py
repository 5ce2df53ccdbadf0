"""Cheap key checks telling Bedrock Converse payloads from the other formats. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html"""

from __future__ import annotations

from typing import Any, Final

from ..._formats import Kind
from .tables import STREAM_EVENT_NAMES

#: Content block members only Converse uses (camelCase; other formats tag blocks with ``type``).
_BLOCK_KEYS: Final = frozenset(
    {
        "text",
        "image",
        "document",
        "video",
        "audio",
        "toolUse",
        "toolResult",
        "guardContent",
        "cachePoint",
        "reasoningContent",
        "citationsContent",
        "searchResult",
        "toolAddition",
        "toolRemoval",
    }
)
#: Top-level request keys only Converse has.
_REQUEST_KEYS: Final = frozenset(
    {
        "modelId",
        "inferenceConfig",
        "guardrailConfig",
        "additionalModelRequestFields",
        "additionalModelResponseFieldPaths",
        "promptVariables",
        "requestMetadata",
        "performanceConfig",
    }
)


def _converse_block(b: Any) -> bool:
    """A ``{"<member>": ...}`` block with no ``type`` tag."""
    return isinstance(b, dict) and "type" not in b and len(b) == 1 and next(iter(b)) in _BLOCK_KEYS


def _converse_tools(tc: Any) -> bool:
    """A Converse ``toolConfig`` (Gemini has a ``toolConfig`` too, of another shape)."""
    if not isinstance(tc, dict):
        return False
    tools = tc.get("tools")
    return "tools" in tc and (
        isinstance(tools, list)
        and all(isinstance(t, dict) and "type" not in t and len(t) == 1 for t in tools)
    )


def _request(p: dict[str, Any]) -> str | None:
    if "contents" in p:  # Gemini
        return "has Gemini `contents`"
    if "output" in p and "stopReason" in p:  # a response echoes performanceConfig/serviceTier
        return "has a response's `output` and `stopReason`"
    if any(key in p for key in _REQUEST_KEYS) or _converse_tools(p.get("toolConfig")):
        return None
    system = p.get("system")
    if isinstance(system, list) and system and all(_converse_block(b) for b in system):
        return None
    messages = p.get("messages")
    if not isinstance(messages, list):
        return "no `modelId` and no `messages` list"
    for m in messages:
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, list) and content and all(_converse_block(b) for b in content):
            return None
    return "no `modelId`, Converse keys or untyped camelCase content blocks"


def detect(p: dict[str, Any], kind: Kind) -> str | None:
    """None when ``p`` looks like a Converse ``kind``, else why not."""
    if kind is Kind.REQUEST:
        return _request(p)
    if kind is Kind.RESPONSE:
        output = p.get("output")
        if isinstance(output, dict) and "message" in output and "stopReason" in p:
            return None
        return "no `output.message` with `stopReason`"
    if len(p) == 1 and next(iter(p)) in STREAM_EVENT_NAMES:
        return None
    return "not a single-key ConverseStream event"
