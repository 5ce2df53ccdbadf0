"""The universal request: conversation, tools, and generation settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .content import CacheControl
from .extras import HasExtras
from .messages import Message

__all__ = ["Reasoning", "Request", "ResponseFormat", "Tool", "ToolChoice"]


@dataclass(slots=True, kw_only=True)
class Tool(HasExtras):
    """A tool the model may call.

    ``kind``: ``function`` (JSON-schema ``parameters``), ``custom`` (free-text input, optional
    ``grammar`` in extras) or ``builtin`` (a provider-hosted tool; ``builtin_type`` is the
    universal name such as ``web_search``, ``code_execution``, ``url_context``, ``bash``,
    ``text_editor``, and ``config`` its provider options, e.g. ``max_uses``).
    """

    name: str
    kind: Literal["function", "custom", "builtin"] = "function"
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None
    builtin_type: str | None = None
    config: dict[str, Any] | None = None
    cache_control: CacheControl | None = None


@dataclass(slots=True, kw_only=True)
class ToolChoice(HasExtras):
    """How the model must use tools: ``auto``, ``none``, ``required`` (any tool) or ``tool``
    (the tool called ``name``)."""

    mode: Literal["auto", "none", "required", "tool"]
    name: str | None = None


@dataclass(slots=True, kw_only=True)
class ResponseFormat(HasExtras):
    """Structured output: ``text``, ``json_object`` (any JSON) or ``json_schema``."""

    type: Literal["text", "json_object", "json_schema"]
    schema: dict[str, Any] | None = None
    name: str | None = None
    description: str | None = None
    strict: bool | None = None


@dataclass(slots=True, kw_only=True)
class Reasoning(HasExtras):
    """Reasoning ("thinking") settings.

    ``mode``: ``enabled`` (with an optional ``budget_tokens``), ``disabled`` or ``adaptive``
    (the model decides). ``effort`` is the universal effort word (``none``, ``minimal``,
    ``low``, ``medium``, ``high``, ``xhigh``, ``max``); ``summary`` OpenAI's summary setting.
    Effort and budget convert through each provider's documented table.
    """

    mode: Literal["enabled", "disabled", "adaptive"] | None = None
    effort: str | None = None
    budget_tokens: int | None = None
    summary: str | None = None


@dataclass(slots=True, kw_only=True)
class Request(HasExtras):
    """A model request.

    Sampling parameters keep their provider ranges: ``temperature`` 0-2 in OpenAI formats and
    0-1 in Anthropic's (encoders clamp and report). ``max_tokens`` caps output tokens
    (reasoning included where the provider counts it there). ``user`` is the end-user id
    (``user``/``safety_identifier`` in OpenAI, ``metadata.user_id`` in Anthropic).
    """

    model: str | None = None
    messages: list[Message]
    tools: list[Tool] | None = None
    tool_choice: ToolChoice | None = None
    parallel_tool_calls: bool | None = None
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    stop: list[str] | None = None
    seed: int | None = None
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    n: int | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    reasoning: Reasoning | None = None
    response_format: ResponseFormat | None = None
    stream: bool | None = None
    include_usage: bool | None = None
    metadata: dict[str, Any] | None = None
    user: str | None = None
    service_tier: str | None = None
    store: bool | None = None
