"""Gemini generateContent request <-> universal Request. https://ai.google.dev/api/generate-content#request-body"""

from __future__ import annotations

from typing import Any

from ..._formats import Kind
from ...universal import Extras, Message, Request
from ..base import ConversionContext, leftovers, restore, shape_of, take, validate
from .config import decode_generation_config, encode_generation_config
from .content import decode_part, is_native
from .messages import encode_contents
from .models import GenerateContentRequest
from .tables import FAMILY, ROLES, SERVICE_TIERS
from .tools import decode_tool_config, decode_tools, encode_tool_config, encode_tools

# --- decoding ---------------------------------------------------------------------------------


class _Ids:
    """Ids for function calls and responses that carry none: ``call_<turn>_<part>``, and a
    response takes the id of the earliest unanswered call of the same name."""

    def __init__(self) -> None:
        self.where = (0, 0)
        self.pending: list[tuple[str, str]] = []  # (name, id) of calls without an answer

    def call(self, name: str) -> str:
        cid = f"call_{self.where[0]}_{self.where[1]}"
        self.pending.append((name, cid))
        return cid

    def result(self, name: str) -> str:
        for i, (n, cid) in enumerate(self.pending):
            if n == name:
                del self.pending[i]
                return cid
        return f"call_{self.where[0]}_{self.where[1]}"


def _decode_content(c: dict[str, Any], role: str, ids: _Ids, m: int) -> Message:
    parts = take(c, "parts")
    content = []
    if parts is not None:
        call, result = ids.call, ids.result
        for p, part in enumerate(parts):
            ids.where = (m, p)
            content.append(decode_part(part, call, result))
    shape = {} if parts is not None else {"parts": "absent"}
    return Message(role=role, content=content, extras=Extras(FAMILY, c, shape))  # type: ignore[arg-type]


def request_to_universal(payload: dict[str, Any], ctx: ConversionContext) -> Request:
    d = validate(GenerateContentRequest, payload, ctx.format, Kind.REQUEST)
    ids = _Ids()
    messages: list[Message] = []
    system = take(d, "systemInstruction")
    if system is not None:
        role = take(system, "role")
        msg = _decode_content(system, "system", ids, -1)
        assert msg.extras is not None
        msg.extras.shape["system"] = role if role is not None else True
        messages.append(msg)
    for m, c in enumerate(take(d, "contents")):
        role = take(c, "role")
        msg = _decode_content(c, ROLES[role] if role is not None else "user", ids, m)
        if role is None:
            assert msg.extras is not None
            msg.extras.shape["role"] = "absent"
        messages.append(msg)
    shape: dict[str, Any] = {}
    model = take(d, "model")
    tools = take(d, "tools")
    tool_choice = None
    tc = d.get("toolConfig")
    if isinstance(tc, dict):
        tool_choice = decode_tool_config(tc)
        if not tc:
            del d["toolConfig"]
    req = Request(
        model=model,
        messages=messages,
        tools=decode_tools(tools) if tools is not None else None,
        tool_choice=tool_choice,
        metadata=take(d, "labels"),
        service_tier=take(d, "serviceTier"),
    )
    gc = d.get("generationConfig")
    if isinstance(gc, dict):
        decode_generation_config(gc, req, shape)
        if not gc:
            del d["generationConfig"]
            shape["generationConfig"] = True
    req.extras = leftovers(FAMILY, d, shape)
    return req


# --- encoding ---------------------------------------------------------------------------------


def _merge(out: dict[str, Any], key: str, values: dict[str, Any]) -> None:
    """Add ``values`` into ``out[key]`` (which ``restore`` may have filled), one level deep."""
    current = out.get(key)
    if not isinstance(current, dict):
        out[key] = values
        return
    merged = dict(current)
    for k, v in values.items():
        if isinstance(v, dict) and isinstance(merged.get(k), dict):
            merged[k] = {**merged[k], **v}
        else:
            merged[k] = v
    out[key] = merged


def _unsupported(req: Request, ctx: ConversionContext) -> None:
    if req.user is not None:
        ctx.loss("$.user", "parameter-unsupported", "Gemini has no end-user id")
    if req.parallel_tool_calls is False:
        ctx.loss(
            "$.parallel_tool_calls",
            "parameter-unsupported",
            "Gemini cannot be told to make one tool call at a time",
        )
    if req.store is not None:
        ctx.loss("$.store", "parameter-unsupported", "Gemini has no store parameter")


def request_from_universal(req: Request, ctx: ConversionContext) -> dict[str, Any]:
    """The REST body. NOTE: the model goes in the URL (``models/{model}:generateContent``);
    ``model`` is written only when a Gemini source body carried one."""
    out: dict[str, Any] = {}
    native = is_native(req)
    shape = shape_of(req, ctx)
    if req.model is not None and native:
        out["model"] = req.model
    restore(out, req, ctx, "$")
    system, contents = encode_contents(req.messages, ctx)
    out["contents"] = contents
    if system is not None:
        out["systemInstruction"] = system
    if req.tools is not None:
        out["tools"] = encode_tools(req.tools, ctx)
    fcc = encode_tool_config(req, ctx)
    if fcc is not None:
        _merge(out, "toolConfig", {"functionCallingConfig": fcc})
    gc = encode_generation_config(req, ctx)
    if gc or shape.get("generationConfig"):
        _merge(out, "generationConfig", gc)
    if req.metadata is not None:
        labels = {k: v for k, v in req.metadata.items() if isinstance(v, str)}
        if len(labels) != len(req.metadata):
            ctx.loss("$.metadata", "parameter-unsupported", "Gemini labels hold strings only")
        out["labels"] = labels
    if req.service_tier is not None:
        tier = req.service_tier if native else SERVICE_TIERS.get(req.service_tier)
        if tier is None:
            ctx.loss(
                "$.service_tier", "parameter-unsupported", f"no Gemini tier {req.service_tier!r}"
            )
        else:
            out["serviceTier"] = tier
    _unsupported(req, ctx)
    return out
