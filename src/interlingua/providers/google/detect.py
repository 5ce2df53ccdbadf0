"""Cheap key checks telling Gemini generateContent payloads apart. https://ai.google.dev/api/generate-content"""

from __future__ import annotations

from typing import Any, Final

from ..._formats import Kind

#: Keys only a Gemini response / chunk has at its top level.
_RESPONSE_KEYS: Final = ("candidates", "promptFeedback", "usageMetadata")
#: Top-level keys of other formats' bodies: their presence means "not Gemini".
_FOREIGN: Final = frozenset({"messages", "input", "type", "object", "choices", "output", "content"})


def _is_response(p: dict[str, Any]) -> bool:
    if "contents" in p or _FOREIGN & p.keys():
        return False
    if isinstance(p.get("candidates"), list):
        return True
    return isinstance(p.get("promptFeedback"), dict) or isinstance(p.get("usageMetadata"), dict)


def _is_error(p: dict[str, Any]) -> bool:
    """A ``google.rpc.Status`` error sent in a stream: ``{"error": {code, message, status}}``."""
    err = p.get("error")
    return set(p) == {"error"} and isinstance(err, dict) and "status" in err and "code" in err


def detect_shape(p: dict[str, Any], kind: Kind) -> str | None:
    """None when ``p`` is a Gemini ``kind``.

    A stream chunk is a whole GenerateContentResponse, so a chunk is detected as a response
    unless the caller asks for ``stream-event``; then chunks (and Google error bodies) match.
    """
    if kind is Kind.REQUEST:
        if isinstance(p.get("contents"), list) and not (
            {"messages", "input", "model_id"} & p.keys()
        ):
            return None
        return "no `contents` list"
    if _is_response(p):
        return None
    if kind is Kind.STREAM_EVENT and _is_error(p):
        return None
    return "no `candidates`, `promptFeedback` or `usageMetadata`"
