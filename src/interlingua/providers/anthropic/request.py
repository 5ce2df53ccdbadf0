"""Anthropic Messages request <-> universal Request. https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from typing import Any, Final

from ..._errors import InvalidPayloadError
from ..._formats import Format, Kind
from ...universal import Extras, Message, Request, ResponseFormat, TextPart
from ..base import ConversionContext, leftovers, restore, shape_of, take, validate
from . import request_fast
from .content import decode_block, extras, is_native
from .messages import encode_messages
from .models import MessageCreateParams
from .tables import DEFAULT_MAX_TOKENS, FAMILY, MAX_TEMPERATURE, REQUEST_SERVICE_TIERS
from .thinking import decode_reasoning, encode_reasoning
from .tools import decode_tool, decode_tool_choice, encode_tool, encode_tool_choice

# --- decoding ---------------------------------------------------------------------------------


def _decode_system(system: str | list[dict[str, Any]]) -> Message:
    """Top-level ``system`` as a leading system message (shape ``system: top``)."""
    if isinstance(system, str):
        return Message(
            role="system",
            content=[TextPart(text=system)],
            extras=leftovers(FAMILY, {}, {"system": "top", "content": "string"}),
        )
    parts = [decode_block(b) for b in system]
    return Message(role="system", content=parts, extras=leftovers(FAMILY, {}, {"system": "top"}))


#: Body keys read into the `Request` field of the same name.
_SAME_NAME: Final = frozenset(
    {"model", "max_tokens", "temperature", "top_p", "top_k", "stream", "service_tier"}
)


def _decode_message(m: dict[str, Any]) -> Message:
    role, content = m.pop("role"), m.pop("content")
    if isinstance(content, str):
        ex = extras(m, {"content": "string"}) if m else request_fast.STRING_CONTENT
        return Message(role=role, content=[TextPart(text=content)], extras=ex)
    return Message(role=role, content=[decode_block(b) for b in content], extras=extras(m))


def _decode_options(d: dict[str, Any], shape: dict[str, Any], fields: dict[str, Any]) -> None:
    """The body keys besides messages and plain values, into ``fields`` (Request fields) and
    ``shape`` (how they were written)."""
    version = take(d, "anthropic_version")
    if version is not None:
        shape["anthropic_version"] = version
    tools = take(d, "tools")
    if tools is not None:
        fields["tools"] = [decode_tool(t) for t in tools]
    tc = take(d, "tool_choice")
    if tc is not None:
        fields["tool_choice"], fields["parallel_tool_calls"] = decode_tool_choice(tc)
    reasoning, response_format = decode_reasoning(d, shape)
    if reasoning is not None:
        fields["reasoning"] = reasoning
    if response_format is not None:
        fields["response_format"] = response_format
    metadata = d.get("metadata")
    if isinstance(metadata, dict):
        fields["user"] = take(metadata, "user_id")
        if not metadata:
            del d["metadata"]
            shape["metadata"] = True
    stop = take(d, "stop_sequences")
    if stop is not None:
        fields["stop"] = list(stop)


def _validate_fast(payload: dict[str, Any], ctx: ConversionContext) -> Any:
    """(validated body with ``messages`` empty, decoded messages) when every message has a
    common shape and the rest of the body is valid; None otherwise."""
    messages = request_fast.messages(payload.get("messages"))
    if messages is None:
        return None
    try:
        d = validate(MessageCreateParams, {**payload, "messages": []}, ctx.format, Kind.REQUEST)
    except InvalidPayloadError:
        return None  # the full path reports it, with the messages' problems too
    return d, messages


def _plain_request(payload: dict[str, Any], ctx: ConversionContext) -> Request | None:
    """A body of plain values, a string ``system`` and messages of common shapes, decoded
    without validation (see `request_fast.plain_body`); None for any other body."""
    fields = request_fast.plain_body(payload)
    decoded = request_fast.messages(payload.get("messages")) if fields is not None else None
    if fields is None or decoded is None:
        return None
    version = fields.pop("anthropic_version", None)
    shape: dict[str, Any] = {"anthropic_version": version} if version is not None else {}
    shape["format"] = ctx.format._value_
    system = payload.get("system")
    messages = [_decode_system(system), *decoded] if system is not None else decoded
    return Request(messages=messages, extras=Extras(FAMILY, {}, shape), **fields)


def request_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Request:
    plain = _plain_request(payload, ctx)
    if plain is not None:
        return plain
    messages: list[Message] = []
    fast = _validate_fast(payload, ctx)
    if fast is not None:
        d, decoded = fast
    else:
        d = validate(MessageCreateParams, payload, ctx.format, Kind.REQUEST)
    system = take(d, "system")
    if system is not None:
        messages.append(_decode_system(system))
    wire = d.pop("messages")
    messages += decoded if fast is not None else [_decode_message(m) for m in wire]
    fields: dict[str, Any] = {k: v for k, v in d.items() if k in _SAME_NAME and v is not None}
    for key in fields:
        del d[key]
    shape: dict[str, Any] = {}
    if d:
        _decode_options(d, shape, fields)
    shape["format"] = ctx.format._value_  # the body's own format (see _sampling, stream)
    return Request(messages=messages, extras=Extras(FAMILY, d, shape), **fields)


# --- encoding ---------------------------------------------------------------------------------


#: Universal request settings Anthropic has no parameter for.
_NO_PARAMETER: Final = ("seed", "frequency_penalty", "presence_penalty", "top_logprobs", "store")


def _unsupported(req: Request, ctx: ConversionContext) -> None:
    """Report universal settings Anthropic has no parameter for."""
    for name in _NO_PARAMETER:
        if getattr(req, name) is not None:
            ctx.loss(f"$.{name}", "parameter-unsupported", f"Anthropic has no {name} parameter")
    if req.logprobs:
        ctx.loss(
            "$.logprobs", "parameter-unsupported", "Anthropic does not return log probabilities"
        )
    if req.n is not None and req.n != 1:
        ctx.loss("$.n", "n-unsupported", "Anthropic generates exactly one response per request")
    if req.metadata:
        ctx.loss("$.metadata", "parameter-unsupported", "Anthropic metadata holds only user_id")


def _sampling(req: Request, out: dict[str, Any], ctx: ConversionContext) -> None:
    """Write ``temperature`` (Anthropic's range is 0-1; OpenAI's 0-2 is clamped and reported),
    ``top_p`` and ``top_k``.

    NOTE: the anthropic SDK's request types no longer list these keys, but the recorded
    payloads (``temperatureParam``, ``topPParam``) show the API accepting them, and a recorded
    payload outranks the types. Some newer models refuse them; the API then says so.
    """
    if req.temperature is not None:
        value = req.temperature
        if value > MAX_TEMPERATURE:
            ctx.loss(
                "$.temperature",
                "value-clamped",
                f"temperature {value} is above Anthropic's maximum {MAX_TEMPERATURE}; sent as "
                f"{MAX_TEMPERATURE}",
            )
            value = MAX_TEMPERATURE
        out["temperature"] = value
    if req.top_p is not None:
        out["top_p"] = req.top_p
    if req.top_k is not None:
        out["top_k"] = req.top_k
    if req.stop is not None:
        out["stop_sequences"] = list(req.stop)


def _response_format(rf: ResponseFormat, ctx: ConversionContext) -> dict[str, Any] | None:
    path = "$.response_format"
    if rf.type == "text":
        return None
    if rf.type == "json_object":
        ctx.loss(
            path, "response-format-unsupported", "Anthropic has no any-JSON mode (only json_schema)"
        )
        return None
    out: dict[str, Any] = {"type": "json_schema", "schema": rf.schema or {"type": "object"}}
    if not is_native(rf):
        for key, value in (("name", rf.name), ("description", rf.description)):
            if value is not None:
                ctx.loss(
                    f"{path}.{key}",
                    "response-format-approximated",
                    f"Anthropic schemas have no {key}",
                )
        if rf.strict is False:
            ctx.loss(
                f"{path}.strict",
                "response-format-approximated",
                "Anthropic always enforces the schema",
            )
    restore(out, rf, ctx, path)
    return out


def _merge(out: dict[str, Any], key: str, values: dict[str, Any]) -> None:
    """Add ``values`` into ``out[key]`` (which ``restore`` may have filled with leftovers)."""
    if values:
        current = out.get(key)
        out[key] = {**current, **values} if isinstance(current, dict) else values


def request_from_universal(
    req: Request, ctx: ConversionContext, *, version: str | None = None
) -> dict[str, Any]:
    """The request body; ``version`` is the cloud variant's ``anthropic_version`` (no body
    model then: Bedrock and Vertex take the model from the URL)."""
    out: dict[str, Any] = {}
    shape = shape_of(req, ctx)
    if version is not None:
        given = shape.get("anthropic_version")
        same_cloud = isinstance(given, str) and given.split("-")[0] == version.split("-")[0]
        out["anthropic_version"] = given if same_cloud else version
    elif (req.model or ctx.model) is not None:
        out["model"] = req.model or ctx.model
    else:
        ctx.loss("$.model", "model-missing", "the source names no model; pass model= to set one")
    out["max_tokens"] = req.max_tokens if req.max_tokens is not None else DEFAULT_MAX_TOKENS
    system, messages = encode_messages(req.messages, ctx)
    if system is not None:
        out["system"] = system
    out["messages"] = messages
    if req.tools is not None:
        tools = [encode_tool(t, ctx, i) for i, t in enumerate(req.tools)]
        if any(t is not None for t in tools) or is_native(req):
            out["tools"] = [t for t in tools if t is not None]
    choice = encode_tool_choice(req, ctx)
    if choice is not None:
        out["tool_choice"] = choice
    _sampling(req, out, ctx)
    _unsupported(req, ctx)
    # NOTE: Bedrock refuses a ``stream`` key: streaming is chosen by the endpoint
    # (InvokeModelWithResponseStream), like the model, so leaving it out is not a loss.
    bedrock = ctx.format is Format.BEDROCK_ANTHROPIC and shape.get("format") != ctx.format._value_
    if req.stream is not None and not bedrock:
        out["stream"] = req.stream
    if req.service_tier is not None:
        tier = req.service_tier if is_native(req) else REQUEST_SERVICE_TIERS.get(req.service_tier)
        if tier is None:
            ctx.loss(
                "$.service_tier",
                "parameter-unsupported",
                f"no Anthropic tier for {req.service_tier!r}",
            )
        else:
            out["service_tier"] = tier
    restore(out, req, ctx, "$")
    thinking, output_config, out["max_tokens"] = encode_reasoning(req, out["max_tokens"], ctx)
    if thinking is not None:
        out["thinking"] = thinking
    if req.response_format is not None:
        fmt = _response_format(req.response_format, ctx)
        if fmt is not None:
            if shape.get("response_format") == "output_format":
                out["output_format"] = fmt
            else:
                output_config["format"] = fmt
    _merge(out, "output_config", output_config)
    if shape.get("output_config"):
        out.setdefault("output_config", {})
    if req.user is not None or shape.get("metadata"):
        _merge(out, "metadata", {"user_id": req.user} if req.user is not None else {})
        out.setdefault("metadata", {})
    return out
