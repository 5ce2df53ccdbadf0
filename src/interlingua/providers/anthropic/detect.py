"""Cheap key checks telling Anthropic Messages payloads (and the Bedrock/Vertex bodies) apart. https://docs.claude.com/en/api/messages"""

from __future__ import annotations

import re
from typing import Any, Final

from ..._formats import Kind
from .tables import STREAM_EVENT_TYPES

#: Top-level keys only OpenAI Chat Completions has: their presence means "not Anthropic".
_OPENAI_KEYS: Final = frozenset(
    {
        "max_completion_tokens",
        "response_format",
        "n",
        "logprobs",
        "top_logprobs",
        "seed",
        "frequency_penalty",
        "presence_penalty",
        "reasoning_effort",
        "stream_options",
        "parallel_tool_calls",
        "modalities",
        "audio",
        "prediction",
        "store",
        "stop",
        "user",
        "prompt_cache_key",
        "safety_identifier",
        "functions",
        "function_call",
        "logit_bias",
        "web_search_options",
        "verbosity",
    }
)
#: Block types only OpenAI content uses.
_OPENAI_PARTS: Final = frozenset({"image_url", "input_audio", "file", "refusal"})
#: Block types only Anthropic content uses (``text`` is shared, so it proves nothing).
_ANTHROPIC_BLOCKS: Final = frozenset(
    {
        "image",
        "document",
        "search_result",
        "thinking",
        "redacted_thinking",
        "tool_use",
        "tool_result",
        "server_tool_use",
        "web_search_tool_result",
        "container_upload",
    }
)
_DATED_TOOL: Final = re.compile(r"_\d{8}$")
_VARIANT_IDS: Final = {
    "bedrock": ("msg_bdrk_", "toolu_bdrk_", "srvtoolu_bdrk_"),
    "vertex": ("msg_vrtx_", "toolu_vrtx_", "srvtoolu_vrtx_"),
}


def _openai_marker(p: dict[str, Any]) -> str | None:
    """The first OpenAI-only feature in a request with ``messages``, if any."""
    for key in _OPENAI_KEYS:
        if key in p:
            return f"has OpenAI-only `{key}`"
    if isinstance(p.get("tool_choice"), str):  # Anthropic's tool_choice is always an object
        return "`tool_choice` is a string"
    for t in p.get("tools") or []:
        if isinstance(t, dict) and ("function" in t or t.get("type") == "function"):
            return "tools are OpenAI function tools"
    for m in p["messages"]:
        if not isinstance(m, dict):
            continue
        if m.get("role") in ("tool", "developer", "function") or "tool_calls" in m:
            return f"has an OpenAI `{m.get('role')}` message or `tool_calls`"
        # A system turn is Anthropic only alongside a top-level ``system``; otherwise it is the
        # Chat Completions way of giving instructions.
        if m.get("role") == "system" and "system" not in p:
            return "`system` role message without a top-level `system`"
        content = m.get("content")
        if isinstance(content, list):
            for b in content:
                if isinstance(b, dict) and b.get("type") in _OPENAI_PARTS:
                    return f"has an OpenAI `{b.get('type')}` part"
    return None


def _anthropic_marker(p: dict[str, Any]) -> bool:
    """Whether a request shows a feature only Anthropic has."""
    if (
        "system" in p
        or "thinking" in p
        or "top_k" in p
        or "stop_sequences" in p
        or "output_config" in p
    ):
        return True
    tc = p.get("tool_choice")
    if isinstance(tc, dict) and tc.get("type") in ("auto", "any", "tool", "none"):
        return True
    for t in p.get("tools") or []:
        if isinstance(t, dict) and (
            "input_schema" in t or _DATED_TOOL.search(str(t.get("type", "")))
        ):
            return True
    for m in p["messages"]:
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, list) and any(
            isinstance(b, dict) and b.get("type") in _ANTHROPIC_BLOCKS for b in content
        ):
            return True
    return False


def detect_request(p: dict[str, Any]) -> str | None:
    """None when ``p`` looks like an Anthropic Messages request body."""
    if not isinstance(p.get("messages"), list):
        return "no `messages` list"
    if "anthropic_version" in p:  # only the Bedrock / Vertex bodies carry it
        return None
    why = _openai_marker(p)
    if why is not None:
        return why
    # Anthropic requires max_tokens: with no OpenAI-only feature, a body that has it is read as
    # Anthropic (Chat Completions, tried after, is the fallback for everything else).
    if _anthropic_marker(p) or "max_tokens" in p:
        return None
    return "no Anthropic marker (`max_tokens`, top-level `system`, Anthropic blocks or tools)"


def _ids(p: dict[str, Any], kind: Kind) -> list[str]:
    """Provider-issued ids in a response or stream event (message and tool-use ids)."""
    if kind is Kind.RESPONSE:
        msg: Any = p
    elif p.get("type") == "message_start":
        msg = p.get("message")
    else:
        block = p.get("content_block")
        return [block["id"]] if isinstance(block, dict) and isinstance(block.get("id"), str) else []
    if not isinstance(msg, dict):
        return []
    out = [msg["id"]] if isinstance(msg.get("id"), str) else []
    for b in msg.get("content") or []:
        if isinstance(b, dict) and isinstance(b.get("id"), str):
            out.append(b["id"])
    return out


def cloud_of(p: dict[str, Any], kind: Kind) -> str | None:
    """``bedrock``/``vertex`` when the payload shows it came from that cloud, else None.

    Requests say so with ``anthropic_version``. Responses and events only through id prefixes
    (``msg_bdrk_``, ``toolu_bdrk_``, ``msg_vrtx_``, ``toolu_vrtx_``): ``message_start``, a
    whole message, and ``content_block_start`` of a tool call carry one; every other event
    (deltas, stops, ``message_delta``, ``ping``, ``error``) is identical on every cloud and
    reads as plain ``anthropic``.
    """
    if kind is Kind.REQUEST:
        version = p.get("anthropic_version")
        if isinstance(version, str):
            for cloud in _VARIANT_IDS:
                if version.startswith(f"{cloud}-"):
                    return cloud
        return None
    for ident in _ids(p, kind):
        for cloud, prefixes in _VARIANT_IDS.items():
            if ident.startswith(prefixes):
                return cloud
    return None


def detect_shape(p: dict[str, Any], kind: Kind) -> str | None:
    """None when ``p`` has the Anthropic shape of ``kind`` (whichever cloud)."""
    if kind is Kind.REQUEST:
        return detect_request(p)
    if kind is Kind.RESPONSE:
        if p.get("type") == "message" and "role" in p and isinstance(p.get("content"), list):
            return None
        return "not a `type: message` object with `role` and `content`"
    if p.get("type") in STREAM_EVENT_TYPES:
        return None
    return "`type` is not an Anthropic stream event type"
