"""Cheap checks that tell a Chat Completions body from the other formats' bodies.
https://platform.openai.com/docs/api-reference/chat
"""

from __future__ import annotations

from typing import Any, Final

from ..._formats import Kind

#: Content block types only Anthropic uses (Chat parts are text/image_url/input_audio/file).
ANTHROPIC_BLOCKS: Final = frozenset(
    {
        "tool_use",
        "tool_result",
        "thinking",
        "redacted_thinking",
        "document",
        "server_tool_use",
        "web_search_tool_result",
        "search_result",
        "container_upload",
        "image",
    }
)


def detect(payload: dict[str, Any], kind: Kind) -> str | None:
    """None when ``payload`` looks like a Chat Completions ``kind``, else why not."""
    if kind is Kind.REQUEST:
        return _request(payload)
    choices = payload.get("choices")
    key = "message" if kind is Kind.RESPONSE else "delta"
    expected = "chat.completion" if kind is Kind.RESPONSE else "chat.completion.chunk"
    if payload.get("object") == expected:
        return None
    if isinstance(choices, list) and any(isinstance(c, dict) and key in c for c in choices):
        return None
    return f"no `object: {expected}` and no `choices` with `{key}`"


def _request(payload: dict[str, Any]) -> str | None:
    messages = payload.get("messages")
    if not isinstance(messages, list):
        return "no `messages` list"
    if not all(isinstance(m, dict) and "role" in m for m in messages):
        return "`messages` items without `role`"
    if "system" in payload or "anthropic_version" in payload:
        return "top-level `system`/`anthropic_version` (Anthropic)"
    for m in messages:
        content = m.get("content")
        if isinstance(content, list) and any(
            isinstance(b, dict) and b.get("type") in ANTHROPIC_BLOCKS for b in content
        ):
            return "Anthropic-only content blocks"
    return None
