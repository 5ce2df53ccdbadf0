"""Gemini ``generationConfig`` <-> universal sampling, reasoning and response-format settings. https://ai.google.dev/api/generate-content#generationconfig"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Final

from ...universal import Reasoning, Request, ResponseFormat
from ...universal.reasoning import budget_to_effort, effort_to_budget
from ..base import ConversionContext, leftovers, restore, shape_of, take
from .content import is_native
from .tables import DYNAMIC_BUDGET, EFFORT_LEVELS, FAMILY, MAX_THINKING_BUDGET, THINKING_LEVELS
from .tools import decode_schema, encode_schema

JSON_MIME = "application/json"

#: ``generationConfig`` keys the request holds, in the order the encoder writes them, and the
#: attribute each sets (``topK`` and ``stopSequences`` need a conversion when decoded)
_GENERATION_FIELDS: Final = (
    ("temperature", "temperature"),
    ("topP", "top_p"),
    ("topK", "top_k"),
    ("candidateCount", "n"),
    ("maxOutputTokens", "max_tokens"),
    ("stopSequences", "stop"),
    ("seed", "seed"),
    ("presencePenalty", "presence_penalty"),
    ("frequencyPenalty", "frequency_penalty"),
    ("responseLogprobs", "logprobs"),
    ("logprobs", "top_logprobs"),
)
#: the keys decoded as they are
_SAMPLING: Final = {
    key: attr for key, attr in _GENERATION_FIELDS if key not in ("topK", "stopSequences")
}
_CONFIG_KEYS: Final = tuple(key for key, _ in _GENERATION_FIELDS)
_read_config = attrgetter(*(attr for _, attr in _GENERATION_FIELDS))

# --- decoding ---------------------------------------------------------------------------------


def _decode_reasoning(tc: dict[str, Any]) -> Reasoning:
    budget = take(tc, "thinkingBudget")
    level = tc.get("thinkingLevel")
    effort = None
    mode = None
    shape: dict[str, Any] = {}
    if level in THINKING_LEVELS:
        effort = THINKING_LEVELS[tc.pop("thinkingLevel")]
        mode = "enabled"
        shape["level"] = True
    if budget is not None:
        if budget == DYNAMIC_BUDGET:
            mode = "adaptive"
        elif budget == 0:
            mode, effort = "disabled", effort or "none"
        else:
            mode, effort = "enabled", effort or budget_to_effort(budget)
    return Reasoning(
        mode=mode,  # type: ignore[arg-type]
        effort=effort,
        budget_tokens=budget,
        extras=leftovers(FAMILY, tc, shape),
    )


def _decode_format(gc: dict[str, Any], shape: dict[str, Any]) -> ResponseFormat | None:
    mime = gc.get("responseMimeType")
    if mime == "text/plain" and "responseSchema" not in gc and "responseJsonSchema" not in gc:
        del gc["responseMimeType"]
        return ResponseFormat(type="text", extras=leftovers(FAMILY, {}))
    if mime != JSON_MIME:
        return None
    del gc["responseMimeType"]
    schema = take(gc, "responseJsonSchema")
    fshape: dict[str, Any] = {}
    if schema is None and isinstance(gc.get("responseSchema"), dict):
        schema, fshape = decode_schema(gc.pop("responseSchema"))
    if schema is None:
        return ResponseFormat(type="json_object", extras=leftovers(FAMILY, {}))
    return ResponseFormat(type="json_schema", schema=schema, extras=leftovers(FAMILY, {}, fshape))


def decode_generation_config(gc: dict[str, Any], req: Request, shape: dict[str, Any]) -> None:
    """Take what the universal request holds out of ``gc`` (left keys stay as extras)."""
    for key in [k for k in gc if k in _SAMPLING]:
        setattr(req, _SAMPLING[key], take(gc, key))
    top_k = take(gc, "topK")
    if top_k is not None:
        if top_k == int(top_k):
            req.top_k = int(top_k)
        else:
            gc["topK"] = top_k  # a fractional top-k has no universal value
    stop = take(gc, "stopSequences")
    req.stop = list(stop) if stop is not None else None
    tc = gc.get("thinkingConfig")
    if isinstance(tc, dict):
        del gc["thinkingConfig"]
        req.reasoning = _decode_reasoning(tc)
    req.response_format = _decode_format(gc, shape)


# --- encoding ---------------------------------------------------------------------------------


def _encode_reasoning(r: Reasoning, ctx: ConversionContext) -> dict[str, Any]:
    path = "$.reasoning"
    out: dict[str, Any] = {}
    if is_native(r):
        if shape_of(r, ctx).get("level") and r.effort in EFFORT_LEVELS:
            out["thinkingLevel"] = EFFORT_LEVELS[r.effort]
        if r.budget_tokens is not None:
            out["thinkingBudget"] = r.budget_tokens
        restore(out, r, ctx, path)
        return out
    if r.mode == "disabled" or r.effort == "none":
        out["thinkingBudget"] = 0
    elif r.budget_tokens is not None:
        out["thinkingBudget"] = r.budget_tokens
    elif r.effort is not None:
        budget = effort_to_budget(r.effort)
        if budget is None:
            ctx.loss(f"{path}.effort", "parameter-unsupported", f"unknown effort {r.effort!r}")
        else:
            out["thinkingBudget"] = budget
    elif r.mode in ("adaptive", "enabled"):
        out["thinkingBudget"] = DYNAMIC_BUDGET
    budget = out.get("thinkingBudget")
    if isinstance(budget, int) and budget > MAX_THINKING_BUDGET:
        ctx.loss(
            f"{path}.budget_tokens",
            "value-clamped",
            f"thinking budget {budget} is above Gemini's maximum {MAX_THINKING_BUDGET}",
        )
        out["thinkingBudget"] = MAX_THINKING_BUDGET
    if r.summary is not None and r.summary != "none" and r.mode != "disabled":
        out["includeThoughts"] = True
    restore(out, r, ctx, path)
    return out


def _encode_format(rf: ResponseFormat, ctx: ConversionContext) -> dict[str, Any]:
    path = "$.response_format"
    if rf.type == "text":
        return {"responseMimeType": "text/plain"} if is_native(rf) else {}
    out: dict[str, Any] = {"responseMimeType": JSON_MIME}
    if rf.type == "json_schema":
        shape = shape_of(rf, ctx)
        schema = rf.schema or {"type": "object"}
        if shape.get("schema") == "openapi":
            out["responseSchema"] = encode_schema(schema, shape)
        else:
            out["responseJsonSchema"] = schema
        for key in ("name", "description"):
            if getattr(rf, key) is not None and not is_native(rf):
                ctx.loss(
                    f"{path}.{key}", "response-format-approximated", f"Gemini schemas have no {key}"
                )
    restore(out, rf, ctx, path)
    return out


def encode_generation_config(req: Request, ctx: ConversionContext) -> dict[str, Any]:
    gc: dict[str, Any] = {
        key: value
        for key, value in zip(_CONFIG_KEYS, _read_config(req), strict=True)
        if value is not None
    }
    if req.stop is not None:
        gc["stopSequences"] = list(req.stop)  # a copy, in its place in the table's order
    if req.reasoning is not None:
        tc = _encode_reasoning(req.reasoning, ctx)
        if tc or is_native(req.reasoning):
            gc["thinkingConfig"] = tc
    if req.response_format is not None:
        gc.update(_encode_format(req.response_format, ctx))
    return gc
