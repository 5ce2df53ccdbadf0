"""Helpers every Responses converter shares: extras restoring, ids, service tiers.
https://platform.openai.com/docs/api-reference/responses
"""

from __future__ import annotations

from typing import Any

from ...universal import HasExtras
from ..base import ConversionContext, restore
from .tables import FAMILY_NAME, SERVICE_TIER_ALIASES, SERVICE_TIERS

F = FAMILY_NAME

#: Wire objects whose same-family leftovers merge into the dict written under that key.
NESTED = frozenset(
    {"format", "input_tokens_details", "output_tokens_details", "stream_options", "text"}
)


def mine(node: HasExtras | None) -> bool:
    """Whether ``node`` was decoded from Responses (its extras are ours)."""
    return node is not None and node.extras is not None and node.extras.family == F


def shape(node: HasExtras | None) -> dict[str, Any]:
    """``node``'s Responses shape hints ({} when it came from elsewhere)."""
    if node is None or node.extras is None or node.extras.family != F:
        return {}
    return node.extras.shape


def restore_into(out: dict[str, Any], node: HasExtras, ctx: ConversionContext, path: str) -> None:
    """`restore`, merging same-family dict leftovers listed in NESTED into what is written."""
    ex = node.extras
    if ex is None:
        return
    if ex.family != ctx.family:
        restore(out, node, ctx, path)
        return
    for key, value in ex.fields.items():
        have = out.get(key)
        if key in NESTED and isinstance(value, dict) and isinstance(have, dict):
            out[key] = {**have, **value}
        else:
            out[key] = value


def nested_leftover(d: dict[str, Any], key: str, sub: dict[str, Any]) -> None:
    """Put what is left of a nested wire object back under ``key`` if anything is."""
    if sub:
        d[key] = sub


def encode_service_tier(tier: str | None, same: bool, ctx: ConversionContext) -> str | None:
    """A service tier Responses knows (same-family values pass as they are)."""
    if tier is None or same or tier in SERVICE_TIERS:
        return tier
    alias = SERVICE_TIER_ALIASES.get(tier)
    if alias is None:
        ctx.loss(
            "$.service_tier",
            "parameter-unsupported",
            f"service tier {tier!r} is not one Responses knows",
        )
    return alias


def safe_id(value: str | None, default: str) -> str:
    """An id fragment made of the characters ids are written with."""
    text = value or default
    if text.replace("_", "").replace("-", "").isalnum():
        return text
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in text)
