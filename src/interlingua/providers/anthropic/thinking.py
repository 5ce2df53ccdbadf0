"""Anthropic ``thinking`` / ``output_config`` <-> universal Reasoning and ResponseFormat. https://docs.claude.com/en/docs/build-with-claude/extended-thinking"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Reasoning, Request, ResponseFormat
from ...universal.reasoning import EFFORT_BUDGETS, effort_to_budget
from ..base import ConversionContext, leftovers, restore, shape_of, take
from .content import extras, is_native
from .tables import DEFAULT_MAX_TOKENS, EFFORTS, FAMILY

_MODES: Final = ("enabled", "disabled", "adaptive")
MIN_BUDGET: Final = 1024  # Anthropic's smallest thinking budget


def decode_reasoning(
    d: dict[str, Any], shape: dict[str, Any]
) -> tuple[Reasoning | None, ResponseFormat | None]:
    """``thinking`` + ``output_config.effort`` -> Reasoning; ``output_config.format`` (or the
    older top-level ``output_format``) -> ResponseFormat. Records in ``shape`` which keys held
    them when that matters for writing them back."""
    th = take(d, "thinking")
    oc = d.get("output_config")
    effort = fmt = None
    if isinstance(oc, dict):
        effort, fmt = take(oc, "effort"), take(oc, "format")
        if not oc:
            del d["output_config"]
            shape["output_config"] = True
    old = take(d, "output_format")
    if old is not None and fmt is None:
        fmt, shape["response_format"] = old, "output_format"
    elif old is not None:  # both given: keep the old one verbatim
        d["output_format"] = old
    response_format = None
    if fmt is not None:
        del fmt["type"]
        response_format = ResponseFormat(
            type="json_schema", schema=take(fmt, "schema"), extras=extras(fmt)
        )
    if th is None and effort is None:
        return None, response_format
    rshape: dict[str, Any] = {}
    mode = budget = None
    wire: dict[str, Any] = {}
    if th is not None:
        kind = th.pop("type")
        rshape["thinking"] = kind
        mode = kind if kind in _MODES else None
        budget = take(th, "budget_tokens")
        wire = th
    reasoning = Reasoning(
        mode=mode, effort=effort, budget_tokens=budget, extras=leftovers(FAMILY, wire, rshape)
    )
    return reasoning, response_format


def _foreign_thinking(
    r: Reasoning, max_tokens: int, explicit: bool, ctx: ConversionContext
) -> tuple[dict[str, Any] | None, dict[str, Any], int]:
    """Reasoning settings from another format: effort words become a thinking budget through
    the universal table (works on every thinking-capable Claude model)."""
    path = "$.reasoning"
    config: dict[str, Any] = {}
    if r.summary not in (None, "auto"):
        ctx.loss(
            f"{path}.summary", "parameter-unsupported", "Anthropic has no reasoning-summary setting"
        )
    if r.mode == "disabled" or (r.mode is None and r.effort == "none"):
        return {"type": "disabled"}, config, max_tokens
    if r.mode == "adaptive":
        if r.effort is not None:
            if r.effort in EFFORTS:
                config["effort"] = r.effort
            else:
                ctx.loss(
                    f"{path}.effort", "parameter-unsupported", f"no Anthropic effort {r.effort!r}"
                )
        return {"type": "adaptive"}, config, max_tokens
    if r.mode is None and r.effort is None and r.budget_tokens is None:
        return None, config, max_tokens
    budget = r.budget_tokens
    if budget is None:
        budget = effort_to_budget(r.effort or "medium") or EFFORT_BUDGETS["medium"]
    if budget < MIN_BUDGET:
        ctx.loss(
            f"{path}.budget_tokens",
            "value-clamped",
            f"thinking budget raised to the minimum {MIN_BUDGET}",
        )
        budget = MIN_BUDGET
    if not explicit:
        max_tokens = max(max_tokens, budget + DEFAULT_MAX_TOKENS)
    elif budget >= max_tokens:
        if max_tokens <= MIN_BUDGET:
            ctx.loss(
                path, "parameter-unsupported", "max_tokens is too small to leave room for thinking"
            )
            return None, config, max_tokens
        ctx.loss(
            f"{path}.budget_tokens", "value-clamped", "thinking budget must be below max_tokens"
        )
        budget = max_tokens - 1
    return {"type": "enabled", "budget_tokens": budget}, config, max_tokens


def encode_reasoning(
    req: Request, max_tokens: int, ctx: ConversionContext
) -> tuple[dict[str, Any] | None, dict[str, Any], int]:
    """(``thinking`` or None, ``output_config`` entries, possibly raised ``max_tokens``)."""
    r = req.reasoning
    if r is None:
        return None, {}, max_tokens
    if not is_native(r):
        return _foreign_thinking(r, max_tokens, req.max_tokens is not None, ctx)
    config: dict[str, Any] = {}
    if r.effort is not None:
        config["effort"] = r.effort
    kind = shape_of(r, ctx).get("thinking")
    if kind is None:
        return None, config, max_tokens
    thinking: dict[str, Any] = {"type": kind}
    if r.budget_tokens is not None:
        thinking["budget_tokens"] = r.budget_tokens
    restore(thinking, r, ctx, "$.reasoning")
    return thinking, config, max_tokens
