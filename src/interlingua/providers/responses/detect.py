"""Cheap checks that tell a Responses body from the other formats' bodies.
https://platform.openai.com/docs/api-reference/responses
"""

from __future__ import annotations

from typing import Any

from ..._formats import Kind

#: stream event types without the `response.` prefix
BARE_EVENTS = frozenset({"error", "keepalive"})


def detect(payload: dict[str, Any], kind: Kind) -> str | None:
    """None when ``payload`` looks like a Responses ``kind``, else why not."""
    if kind is Kind.REQUEST:
        if "messages" in payload or "contents" in payload:
            return "has `messages`/`contents` (not Responses)"
        if "object" in payload or "sequence_number" in payload:
            return "has `object`/`sequence_number` (a response or event)"
        if "input" in payload or "instructions" in payload:
            return None
        return "no `input` or `instructions`"
    if kind is Kind.RESPONSE:
        return None if payload.get("object") == "response" else "no `object: response`"
    kind_name = payload.get("type")
    if not isinstance(kind_name, str) or "sequence_number" not in payload:
        return "no `type` with `sequence_number`"
    if kind_name.startswith("response.") or kind_name in BARE_EVENTS:
        return None
    return f"event type {kind_name!r} is not a Responses event"
