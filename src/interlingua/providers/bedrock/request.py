"""Bedrock Converse request <-> universal Request. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html"""

from __future__ import annotations

import re
from typing import Any, Final

from ..._formats import Kind
from ..._json import JSONDecodeError, loads, to_json_text
from ...universal import Message, Request, ResponseFormat
from ..base import ConversionContext, restore, shape_of, take, validate
from .content import BARE, decode_blocks, extras, is_native
from .fast import quick_messages
from .messages import encode_messages
from .models import ConverseRequest
from .tables import MAX_TEMPERATURE, SERVICE_TIERS
from .thinking import decode_reasoning, encode_reasoning
from .tools import decode_tool_choice, decode_tools, encode_tool_config

_METADATA_OK: Final = re.compile(r"[a-zA-Z0-9\s:_@$#=/+,\-.]{0,256}")

# --- decoding ---------------------------------------------------------------------------------


def _pop_dict(d: dict[str, Any], key: str, shape: dict[str, Any]) -> dict[str, Any] | None:
    """Take a sub-object whose members are mapped one by one (see `_put_back`)."""
    value = d.pop(key, None)
    if isinstance(value, dict) and not value:
        shape.setdefault("empty", []).append(key)
    return value if isinstance(value, dict) else None


def _put_back(d: dict[str, Any], key: str, rest: dict[str, Any] | None) -> None:
    """Members nobody took stay in the request's extras under their parent key."""
    if rest:
        d[key] = rest


def _response_format(oc: dict[str, Any]) -> ResponseFormat | None:
    tf = oc.get("textFormat")
    js = tf["structure"].get("jsonSchema") if isinstance(tf, dict) else None
    if not (
        isinstance(tf, dict)
        and set(tf) == {"type", "structure"}
        and set(tf["structure"]) == {"jsonSchema"}
        and isinstance(js, dict)
    ):
        return None
    text = js["schema"]
    try:
        schema = loads(text)
    except JSONDecodeError:
        return None
    if not isinstance(schema, dict):
        return None
    del oc["textFormat"]
    js = dict(js)
    del js["schema"]
    shape = {"schema": text} if to_json_text(schema) != text else None
    return ResponseFormat(
        type="json_schema",
        schema=schema,
        name=take(js, "name"),
        description=take(js, "description"),
        extras=extras(js, shape),
    )


#: ``inferenceConfig`` sampling members -> Request fields.
_SAMPLING: Final = {"maxTokens": "max_tokens", "temperature": "temperature", "topP": "top_p"}


def _decode_inference(ic: dict[str, Any], out: dict[str, Any]) -> None:
    """``inferenceConfig`` members into Request keywords (taken from ``ic``)."""
    if "stopSequences" in ic:
        out["stop"] = list(ic.pop("stopSequences"))
    for key, name in _SAMPLING.items():
        if key in ic:
            out[name] = ic.pop(key)


def _tool_config(tc: dict[str, Any], out: dict[str, Any]) -> None:
    out["tools"] = decode_tools(tc.pop("tools"))
    raw_choice = tc.pop("toolChoice", None)
    if raw_choice is not None:
        out["tool_choice"] = decode_tool_choice(raw_choice)


def _model_fields(d: dict[str, Any], shape: dict[str, Any], out: dict[str, Any]) -> None:
    """``additionalModelRequestFields`` and ``outputConfig``: reasoning, structured output,
    ``top_k``; what is not mapped goes back into ``d``."""
    amrf = _pop_dict(d, "additionalModelRequestFields", shape)
    oc = _pop_dict(d, "outputConfig", shape)
    out["reasoning"] = decode_reasoning(amrf, oc)
    if oc is not None:
        out["response_format"] = _response_format(oc)
    top_k = amrf.get("top_k") if amrf is not None else None
    if isinstance(top_k, int) and not isinstance(top_k, bool) and amrf is not None:
        del amrf["top_k"]
        out["top_k"] = top_k
    _put_back(d, "additionalModelRequestFields", amrf)
    _put_back(d, "outputConfig", oc)


def request_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Request:
    quick = quick_messages(payload.get("messages"))
    rest = payload
    if quick is not None:  # the rest is small: validated without the messages
        rest = {key: value for key, value in payload.items() if key != "messages"}
    d = validate(ConverseRequest, rest, ctx.format, Kind.REQUEST)
    shape: dict[str, Any] = {}
    messages: list[Message] = []
    #: Request keywords for what the body states (the others keep their defaults)
    fields: dict[str, Any] = {"model": d.pop("modelId")}
    if "system" in d:
        system = d.pop("system")
        messages.append(Message(role="system", content=decode_blocks(system), extras=BARE))
    if quick is not None:
        messages += quick
    for m in d.pop("messages", None) or []:
        role = m.pop("role")
        mshape = {"role": "inline"} if role == "system" else None
        content = decode_blocks(m.pop("content"))
        messages.append(Message(role=role, content=content, extras=extras(m, mshape)))
    if "messages" not in payload:
        shape["messages"] = "absent"
    if "inferenceConfig" in d:
        ic = _pop_dict(d, "inferenceConfig", shape) or {}
        _decode_inference(ic, fields)
        _put_back(d, "inferenceConfig", ic)
    if "toolConfig" in d:
        tc = _pop_dict(d, "toolConfig", shape) or {}
        _tool_config(tc, fields)
        _put_back(d, "toolConfig", tc)
    if "additionalModelRequestFields" in d or "outputConfig" in d:
        _model_fields(d, shape, fields)
    tier = d.get("serviceTier")
    if isinstance(tier, dict) and set(tier) == {"type"}:
        fields["service_tier"] = d.pop("serviceTier")["type"]
    if "requestMetadata" in d:
        fields["metadata"] = d.pop("requestMetadata")
    return Request(messages=messages, extras=extras(d, shape), **fields)


# --- encoding ---------------------------------------------------------------------------------


def _unsupported(req: Request, ctx: ConversionContext) -> None:
    """Report universal settings Converse has no parameter for."""
    if (
        req.seed is None
        and req.frequency_penalty is None
        and req.presence_penalty is None
        and req.top_logprobs is None
        and req.store is None
        and req.user is None
        and not req.logprobs
        and req.n is None
        and req.parallel_tool_calls is not False
    ):
        return
    for name, value in (
        ("seed", req.seed),
        ("frequency_penalty", req.frequency_penalty),
        ("presence_penalty", req.presence_penalty),
        ("top_logprobs", req.top_logprobs),
        ("store", req.store),
        ("user", req.user),
    ):
        if value is not None:
            ctx.loss(f"$.{name}", "parameter-unsupported", f"Bedrock Converse has no {name}")
    if req.logprobs:
        ctx.loss("$.logprobs", "parameter-unsupported", "Bedrock does not return log probabilities")
    if req.n is not None and req.n != 1:
        ctx.loss("$.n", "n-unsupported", "Bedrock generates one response per request")
    if req.parallel_tool_calls is False:
        ctx.loss(
            "$.parallel_tool_calls",
            "parameter-unsupported",
            "Bedrock Converse cannot turn parallel tool calls off",
        )


def _inference(req: Request, max_tokens: int | None, ctx: ConversionContext) -> dict[str, Any]:
    ic: dict[str, Any] = {}
    if max_tokens is not None:
        ic["maxTokens"] = max_tokens
    if req.temperature is not None:
        value = req.temperature
        if value > MAX_TEMPERATURE and not is_native(req):
            ctx.loss(
                "$.temperature",
                "value-clamped",
                f"temperature {value} is above Bedrock's maximum {MAX_TEMPERATURE}",
            )
            value = MAX_TEMPERATURE
        ic["temperature"] = value
    if req.top_p is not None:
        ic["topP"] = req.top_p
    if req.stop is not None:
        ic["stopSequences"] = list(req.stop)
    return ic


def _metadata(req: Request, ctx: ConversionContext) -> dict[str, Any] | None:
    if req.metadata is None:
        return None
    if is_native(req):
        return req.metadata
    out: dict[str, Any] = {}
    for key, value in req.metadata.items():
        ok = isinstance(value, str) and _METADATA_OK.fullmatch(value) and key
        if ok and _METADATA_OK.fullmatch(key) and len(out) < 16:
            out[key] = value
        else:
            ctx.loss(
                f"$.metadata.{key}",
                "parameter-unsupported",
                "Bedrock requestMetadata takes at most 16 pairs of plain strings",
            )
    return out or None


def _merge(out: dict[str, Any], key: str, values: dict[str, Any]) -> None:
    """Add ``values`` into ``out[key]`` (which ``restore`` may have filled with leftovers)."""
    if values:
        current = out.get(key)
        out[key] = {**current, **values} if isinstance(current, dict) else values


def _output_config(req: Request, ctx: ConversionContext) -> dict[str, Any]:
    rf = req.response_format
    if rf is None or rf.type == "text":
        return {}
    if rf.type == "json_object":
        ctx.loss(
            "$.response_format",
            "response-format-unsupported",
            "Bedrock has no any-JSON mode (only a JSON schema)",
        )
        return {}
    raw = shape_of(rf, ctx).get("schema")
    js: dict[str, Any] = {
        "schema": raw if isinstance(raw, str) else to_json_text(rf.schema or {"type": "object"})
    }
    if rf.name is not None:
        js["name"] = rf.name
    if rf.description is not None:
        js["description"] = rf.description
    if rf.strict is False:
        ctx.loss(
            "$.response_format.strict",
            "response-format-approximated",
            "Bedrock always enforces the schema",
        )
    restore(js, rf, ctx, "$.response_format")
    return {"textFormat": {"type": "json_schema", "structure": {"jsonSchema": js}}}


def request_from_universal(req: Request, ctx: ConversionContext) -> dict[str, Any]:
    out: dict[str, Any] = {}
    shape = shape_of(req, ctx)
    if (req.model or ctx.model) is not None:
        out["modelId"] = req.model or ctx.model
    else:
        ctx.loss("$.model", "model-missing", "the source names no model; pass model= to set one")
    system, messages = encode_messages(req.messages, ctx)
    if shape.get("messages") != "absent" or messages:
        out["messages"] = messages
    if system is not None:
        out["system"] = system
    tool_config = encode_tool_config(req, ctx)
    _unsupported(req, ctx)
    if req.service_tier is not None:
        tier = req.service_tier if is_native(req) else SERVICE_TIERS.get(req.service_tier, "?")
        if tier == "?":
            ctx.loss(
                "$.service_tier", "parameter-unsupported", f"no Bedrock tier {req.service_tier!r}"
            )
        elif tier is not None:
            out["serviceTier"] = {"type": tier}
    metadata = _metadata(req, ctx)
    if metadata is not None:
        out["requestMetadata"] = metadata
    # NOTE: `stream` is not a body key: streaming is the ConverseStream operation (like the
    # model, it is chosen by the endpoint), and usage is always reported; neither is a loss.
    restore(out, req, ctx, "$")
    amrf, oc, max_tokens = encode_reasoning(req, ctx)
    _merge(out, "inferenceConfig", _inference(req, max_tokens, ctx))
    if tool_config is not None:
        _merge(out, "toolConfig", tool_config)
    if req.top_k is not None:
        amrf["top_k"] = req.top_k
    _merge(out, "additionalModelRequestFields", amrf)
    if req.response_format is not None:
        oc = {**_output_config(req, ctx), **oc}
    _merge(out, "outputConfig", oc)
    if "empty" in shape:
        for key in shape["empty"]:
            out.setdefault(key, {})
    return out
