"""The common Chat Completions response, decoded without validation: declared keys only (and a
null ``logprobs`` per choice), string or null message texts, empty ``annotations``, function
tool calls of exactly ``id``, ``type`` and ``function``, usage details of declared keys.
Every check here is one the wire model makes, and the `Response` is exactly the one
`response_to_universal` builds from the validated copy; anything else goes there.
https://platform.openai.com/docs/api-reference/chat/object
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    Choice,
    Extras,
    Message,
    Part,
    ReasoningPart,
    RefusalPart,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)
from ..base import ConversionContext, take
from .common import F, quiet_empties
from .response import decode_finish, response_to_universal
from .tables import QUIET_TOP

#: the optional top-level keys the decoder leaves in the extras, in the wire model's order
_TOP_LEFT = ("object", "usage", "service_tier", "system_fingerprint")
_TOP = frozenset({"id", "created", "model", "choices", *_TOP_LEFT})
_CHOICE = frozenset({"index", "message", "finish_reason", "logprobs"})
#: the message keys but ``role``, in the wire model's order
_MESSAGE_ORDER = ("content", "refusal", "tool_calls", "annotations", "reasoning_content")
_MESSAGE = frozenset({"role", *_MESSAGE_ORDER})
_TURN = _MESSAGE | {"name"}
_USAGE = frozenset(
    {
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "prompt_tokens_details",
        "completion_tokens_details",
    }
)


#: the usage details objects, with their keys in the wire model's order
_DETAILS = (
    ("prompt_tokens_details", ("cached_tokens", "cache_write_tokens", "audio_tokens")),
    (
        "completion_tokens_details",
        (
            "reasoning_tokens",
            "audio_tokens",
            "accepted_prediction_tokens",
            "rejected_prediction_tokens",
        ),
    ),
)
#: the extras of nodes with nothing left over (read-only once decoded, so they may be shared)
_EMPTY = Extras(F, {}, {})


def decode_response(payload: dict[str, Any], ctx: ConversionContext) -> Response:
    """`response_to_universal`, without validation when the body has the common shape."""
    fast = fast_response(payload)
    return fast if fast is not None else response_to_universal(payload, ctx)


def fast_response(p: Any) -> Response | None:
    """The `Response` of a common response body, or None (use the validated path)."""
    if type(p) is not dict or not p.keys() <= _TOP:
        return None
    rid, created, model = p.get("id"), p.get("created"), p.get("model")
    if type(rid) is not str or type(created) is not int or type(model) is not str:
        return None
    obj, tier = p.get("object", "chat.completion"), p.get("service_tier")
    fingerprint, wire_usage = p.get("system_fingerprint"), p.get("usage")
    if (
        type(obj) is not str
        or obj != "chat.completion"
        or (tier is not None and type(tier) is not str)
        or (fingerprint is not None and type(fingerprint) is not str)
    ):
        return None
    wire_choices = p.get("choices")
    if type(wire_choices) is not list:
        return None
    choices = []
    for c in wire_choices:
        choice = _choice(c)
        if choice is None:
            return None
        choices.append(choice)
    usage = None
    if wire_usage is not None:
        usage = _usage(wire_usage)
        if usage is None:
            return None
    fields = {k: p[k] for k in _TOP_LEFT if k in p}
    if usage is not None:
        del fields["usage"]
    if tier is not None:
        del fields["service_tier"]
    return Response(
        id=rid,
        model=model,
        created=created,
        choices=choices,
        usage=usage,
        service_tier=tier,
        extras=Extras(F, fields, {}, QUIET_TOP),
    )


def _choice(c: Any) -> Choice | None:
    if type(c) is not dict or not c.keys() <= _CHOICE or "finish_reason" not in c:
        return None
    index, raw, m = c.get("index"), c["finish_reason"], c.get("message")
    if type(index) is not int or (raw is not None and type(raw) is not str):
        return None
    if c.get("logprobs") is not None or type(m) is not dict:
        return None
    message = assistant_message(m, request=False)
    if message is None:
        return None
    left: dict[str, Any] = {"finish_reason": None} if raw is None else {}
    if "logprobs" in c:
        left["logprobs"] = None
    shape: dict[str, Any] = {}
    reason = decode_finish(raw, shape)
    extras = Extras(F, left, shape) if left or shape else _EMPTY
    return Choice(index=index, message=message, finish_reason=reason, extras=extras)


def assistant_message(m: dict[str, Any], *, request: bool) -> Message | None:
    """`decode_assistant` of a response's message, or of a request's assistant turn (which
    may have a ``name`` but no null ``tool_calls``), with the common shape, as a `Message`."""
    role, name = m.get("role"), m.get("name")
    if not m.keys() <= (_TURN if request else _MESSAGE) or type(role) is not str:
        return None
    if role != "assistant" or ("name" in m and type(name) is not str):
        return None
    if request and "tool_calls" in m and m["tool_calls"] is None:
        return None
    left = {k: m[k] for k in _MESSAGE_ORDER if k in m}
    reasoning, content, refusal = (
        left.get("reasoning_content"),
        left.get("content"),
        left.get("refusal"),
    )
    annotations, calls = left.get("annotations"), left.get("tool_calls")
    if (
        (reasoning is not None and type(reasoning) is not str)
        or (content is not None and type(content) is not str)
        or (refusal is not None and type(refusal) is not str)
        or (annotations is not None and annotations != [])
        or (calls is not None and type(calls) is not list)
    ):
        return None
    parts: list[Part] = []
    shape: dict[str, Any] = {}
    if reasoning:
        del left["reasoning_content"]
        parts.append(ReasoningPart(text=reasoning, extras=_EMPTY))
    if content:
        del left["content"]
        shape["content"] = "string"
        text = TextPart(text=content)
        parts.append(text)
        if annotations is not None:
            del left["annotations"]
            text.citations = []
    if refusal:
        del left["refusal"]
        parts.append(RefusalPart(text=refusal, extras=Extras(F, {}, {"slot": "refusal"})))
    if calls:
        del left["tool_calls"]
        for tc in calls:
            call = tool_call(tc)
            if call is None:
                return None
            parts.append(call)
    return Message(
        role="assistant",
        content=parts,
        name=name,
        extras=Extras(F, left, shape, quiet_empties(left)),
    )


def tool_call(tc: Any) -> ToolCallPart | None:
    """A ``function`` tool call with nothing else said."""
    if type(tc) is not dict or len(tc) != 3:
        return None
    call_id, kind, fn = tc.get("id"), tc.get("type"), tc.get("function")
    if type(call_id) is not str or type(kind) is not str or kind != "function":
        return None
    if type(fn) is not dict or len(fn) != 2:
        return None
    name, arguments = fn.get("name"), fn.get("arguments")
    if type(name) is not str or type(arguments) is not str:
        return None
    return ToolCallPart(id=call_id, name=name, arguments=arguments, extras=_EMPTY)


def _usage(u: Any) -> Usage | None:
    """`decode_usage` of usage with declared keys only, details in the wire model's order."""
    if type(u) is not dict or not u.keys() <= _USAGE:
        return None
    prompt, completion = u.get("prompt_tokens"), u.get("completion_tokens")
    total = u.get("total_tokens")
    if type(prompt) is not int or type(completion) is not int or type(total) is not int:
        return None
    if len(u) == 3:
        return Usage(
            input_tokens=prompt, output_tokens=completion, total_tokens=total, extras=_EMPTY
        )
    usage = Usage(input_tokens=prompt, output_tokens=completion, total_tokens=total)
    left: dict[str, Any] = {}
    for key, keys in _DETAILS:
        if key in u:
            details = u[key]
            if details is not None:
                details = _details(details, keys)
                if details is None:
                    return None
            left[key] = details
    zero = []
    prompt_details = left.get("prompt_tokens_details")
    if prompt_details is not None:
        del left["prompt_tokens_details"]
        usage.cached_input_tokens = take(prompt_details, "cached_tokens")
        usage.cache_write_tokens = take(prompt_details, "cache_write_tokens")
        left["prompt_tokens_details"] = prompt_details
        if not any(prompt_details.values()):
            zero.append("prompt_tokens_details")
    completion_details = left.get("completion_tokens_details")
    if completion_details is not None:
        del left["completion_tokens_details"]
        usage.reasoning_tokens = take(completion_details, "reasoning_tokens")
        left["completion_tokens_details"] = completion_details
        if not any(completion_details.values()):
            zero.append("completion_tokens_details")
    usage.extras = Extras(F, left, {}, frozenset(zero))
    return usage


def _details(d: Any, keys: tuple[str, ...]) -> dict[str, Any] | None:
    """A copy of a usage details object in the wire model's key order (as validation returns
    it), if its keys are all declared and its values integers or nulls."""
    if type(d) is not dict:
        return None
    out = {}
    for key in keys:
        if key in d:
            value = d[key]
            if value is not None and type(value) is not int:
                return None
            out[key] = value
    return out if len(out) == len(d) else None
