"""Bedrock reasoning settings <-> universal Reasoning. https://docs.aws.amazon.com/bedrock/latest/userguide/inference-reasoning.html

Converse has no reasoning parameter of its own: each model family takes its own key in the
free-form ``additionalModelRequestFields``. Recognised (and mapped both ways):

* ``thinking: {type: enabled|disabled|adaptive, budget_tokens}``: Anthropic Claude. This is
  what a request from another format gets: effort words become a token budget through
  `interlingua.universal.reasoning` (minimal 1,024 ... max 65,536), ``none`` becomes
  ``{type: disabled}``, adaptive stays adaptive (its effort goes to ``outputConfig.effort``).
* ``reasoning_config: {type, maxReasoningEffort}``: Amazon Nova 2 (effort words low/medium/high).
* ``outputConfig.effort``: the Converse effort setting.

Any other key stays verbatim in the request's extras.
"""

from __future__ import annotations

from typing import Any, Final

from ...universal import Reasoning, Request
from ...universal.reasoning import EFFORT_BUDGETS, effort_to_budget
from ..base import ConversionContext, shape_of
from .content import extras, is_native

_MODES: Final = ("enabled", "disabled", "adaptive")
MIN_BUDGET: Final = 1024  # Claude's smallest thinking budget
#: Written as ``maxTokens`` when thinking needs room and the source gave no cap.
DEFAULT_MAX_TOKENS: Final = 4096


def decode_reasoning(amrf: dict[str, Any] | None, oc: dict[str, Any] | None) -> Reasoning | None:
    """Takes the recognised keys out of ``amrf`` and ``oc`` (both mutated)."""
    shape: dict[str, Any] = {}
    mode = effort = budget = None
    th = amrf.get("thinking") if amrf is not None else None
    rc = amrf.get("reasoning_config") if amrf is not None else None
    if (
        amrf is not None
        and isinstance(th, dict)
        and th.get("type") in _MODES
        and set(th) <= {"type", "budget_tokens"}
        and isinstance(th.get("budget_tokens", 0), int)
    ):
        del amrf["thinking"]
        mode, budget, shape["key"] = th["type"], th.get("budget_tokens"), "thinking"
    elif (
        amrf is not None
        and isinstance(rc, dict)
        and rc.get("type") in _MODES
        and set(rc) <= {"type", "maxReasoningEffort"}
        and isinstance(rc.get("maxReasoningEffort", ""), str)
    ):
        del amrf["reasoning_config"]
        mode, effort, shape["key"] = rc["type"], rc.get("maxReasoningEffort"), "reasoning_config"
    if oc is not None and isinstance(oc.get("effort"), str) and effort is None:
        effort, shape["effort"] = oc.pop("effort"), "outputConfig"
    if mode is None and effort is None:
        return None
    return Reasoning(mode=mode, effort=effort, budget_tokens=budget, extras=extras({}, shape))


def _native(r: Reasoning, ctx: ConversionContext) -> tuple[dict[str, Any], dict[str, Any]]:
    shape = shape_of(r, ctx)
    amrf: dict[str, Any] = {}
    oc: dict[str, Any] = {}
    key = shape.get("key")
    in_oc = shape.get("effort") == "outputConfig"
    if key == "thinking":
        th: dict[str, Any] = {"type": r.mode}
        if r.budget_tokens is not None:
            th["budget_tokens"] = r.budget_tokens
        amrf["thinking"] = th
    elif key == "reasoning_config":
        rc: dict[str, Any] = {"type": r.mode}
        if r.effort is not None and not in_oc:
            rc["maxReasoningEffort"] = r.effort
        amrf["reasoning_config"] = rc
    if in_oc and r.effort is not None:
        oc["effort"] = r.effort
    return amrf, oc


def encode_reasoning(
    req: Request, ctx: ConversionContext
) -> tuple[dict[str, Any], dict[str, Any], int | None]:
    """(``additionalModelRequestFields`` entries, ``outputConfig`` entries, ``maxTokens``)."""
    r = req.reasoning
    max_tokens = req.max_tokens
    if r is None:
        return {}, {}, max_tokens
    if is_native(r):
        amrf, oc = _native(r, ctx)
        return amrf, oc, max_tokens
    path = "$.reasoning"
    if r.summary not in (None, "auto"):
        ctx.loss(f"{path}.summary", "parameter-unsupported", "Bedrock has no reasoning summary")
    if r.mode == "disabled" or (r.mode is None and r.effort == "none"):
        return {"thinking": {"type": "disabled"}}, {}, max_tokens
    if r.mode == "adaptive":
        return (
            {"thinking": {"type": "adaptive"}},
            ({"effort": r.effort} if r.effort else {}),
            (max_tokens),
        )
    if r.mode is None and r.effort is None and r.budget_tokens is None:
        return {}, {}, max_tokens
    budget = r.budget_tokens
    if budget is None:
        budget = effort_to_budget(r.effort or "medium") or EFFORT_BUDGETS["medium"]
    if budget < MIN_BUDGET:
        ctx.loss(f"{path}.budget_tokens", "value-clamped", f"budget raised to {MIN_BUDGET}")
        budget = MIN_BUDGET
    if max_tokens is None:
        max_tokens = budget + DEFAULT_MAX_TOKENS
    elif budget >= max_tokens:
        if max_tokens <= MIN_BUDGET:
            ctx.loss(path, "parameter-unsupported", "maxTokens leaves no room for thinking")
            return {}, {}, max_tokens
        ctx.loss(f"{path}.budget_tokens", "value-clamped", "budget must be below maxTokens")
        budget = max_tokens - 1
    return {"thinking": {"type": "enabled", "budget_tokens": budget}}, {}, max_tokens
