"""Helpers every Chat Completions converter shares: extras restoring, key taking, tiers.
https://platform.openai.com/docs/api-reference/chat
"""

from __future__ import annotations

from typing import Any

from ...universal import HasExtras
from ..base import ConversionContext, restore
from .tables import FAMILY_NAME, SERVICE_TIER_ALIASES, SERVICE_TIERS

F = FAMILY_NAME
NESTED = frozenset(
    {
        "function",
        "custom",
        "url_citation",
        "image_url",
        "allowed_tools",
        "input_audio",
        "file",
        "json_schema",
        "stream_options",
        "prompt_tokens_details",
        "completion_tokens_details",
        "delta",
    }
)


# --- shared helpers ------------------------------------------------------------------------


def mine(node: HasExtras | None) -> bool:
    """Whether ``node`` was decoded from Chat Completions (its extras are ours)."""
    return node is not None and node.extras is not None and node.extras.family == F


def restore_into(out: dict[str, Any], node: HasExtras, ctx: ConversionContext, path: str) -> None:
    """`restore`, but a same-family dict field listed in NESTED is merged into the dict
    already written under that key rather than replacing it."""
    ex = node.extras
    if ex is None or not ex.fields:
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


def take_nonempty(d: dict[str, Any], key: str) -> Any:
    """`take`, but an empty string or list stays in ``d`` too (restored verbatim)."""
    value = d.get(key)
    if value is None or value in ("", []):
        return None
    del d[key]
    return value


#: the values nothing is lost by dropping (compared with ``==``; never changed)
_EMPTIES: tuple[Any, ...] = ("", [], {})


def quiet_empties(d: dict[str, Any], base: frozenset[str] = frozenset()) -> frozenset[str]:
    """``base`` plus the keys of ``d`` holding empty values (nothing lost when dropped)."""
    if not d:
        return base
    empty = []
    for key, value in d.items():
        if value is not None and value in _EMPTIES:
            empty.append(key)
    return base | frozenset(empty) if empty else base


def nested_leftover(d: dict[str, Any], key: str, sub: dict[str, Any]) -> None:
    """Put what is left of a nested wire object back under ``key`` if anything is."""
    if sub:
        d[key] = sub


def encode_service_tier(tier: str | None, same: bool, ctx: ConversionContext) -> str | None:
    """A service tier Chat Completions knows (same-family values pass as they are)."""
    if tier is None or same or tier in SERVICE_TIERS:
        return tier
    alias = SERVICE_TIER_ALIASES.get(tier)
    if alias is None:
        ctx.loss(
            "$.service_tier",
            "parameter-unsupported",
            f"service tier {tier!r} is not one Chat Completions knows",
        )
    return alias


def needs_break(before: str, after: str) -> bool:
    """Whether two texts that a non-text part separated would run together when joined."""
    return bool(before) and bool(after) and not before[-1].isspace() and not after[0].isspace()


def join_texts(texts: list[str], gaps: list[bool]) -> tuple[str, list[int]]:
    """Concatenate texts, with a blank line where a non-text part (a tool call, reasoning)
    separated two texts that would otherwise run together; also returns each text's start."""
    out = ""
    starts: list[int] = []
    for text, gap in zip(texts, gaps, strict=True):
        if gap and needs_break(out, text):
            out += "\n\n"
        starts.append(len(out))
        out += text
    return out, starts
