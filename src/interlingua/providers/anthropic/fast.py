"""Fast decoding of the common exact shapes: text and tool_use blocks, usage, stop reasons.

Each function checks the shape inline (``type(x) is``, known keys) and builds exactly what the
validated path builds (`content.decode_block`, `response.decode_usage`), extras and their key
order included; anything else returns None and goes through validation, which produces the
typed errors. Nothing here mutates its input. Tests: ``test_anthropic_fast.py``.
"""

from __future__ import annotations

from typing import Any, Final

from ..._json import to_json_text
from ...universal import Extras, FinishReason, TextPart, ToolCallPart, Usage
from .content import QUIET
from .tables import FAMILY, STOP_REASONS

#: The extras of a block with nothing but its ``type`` left, shared (never mutated).
TEXT_EXTRAS: Final = Extras(FAMILY, {"type": "text"}, {}, QUIET)
_TOOL_USE_EXTRAS: Final = Extras(FAMILY, {"type": "tool_use"}, {}, QUIET)

#: Keys the wire types declare besides those read here: present, they leave the fast path.
_TEXT_OTHER: Final = frozenset({"citations", "cache_control"})
_TOOL_USE_OTHER: Final = frozenset({"cache_control"})
_TEXT_READ: Final = frozenset({"type", "text"})
_TOOL_USE_READ: Final = frozenset({"type", "id", "name", "input"})

#: ``Usage`` keys in their declared order (validation writes them first, in this order).
_USAGE_KEYS: Final = (
    "input_tokens",
    "output_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "service_tier",
)
_USAGE_DECLARED: Final = frozenset(_USAGE_KEYS)
#: Usage keys whose content the universal counts carry (see `response.decode_usage`).
USAGE_QUIET: Final = frozenset({"cache_creation", "output_tokens_details"})


def unknown(
    wire: dict[str, Any], read: frozenset[str], other: frozenset[str], fields: dict[str, Any]
) -> bool:
    """Copy ``wire``'s undeclared keys into ``fields`` in order; False if a declared key
    besides those in ``read`` is present."""
    for key, value in wire.items():
        if key in read:
            continue
        if key in other:
            return False
        fields[key] = value
    return True


def text_block(block: dict[str, Any]) -> TextPart | None:
    """A ``text`` block without citations or cache control (``type`` already checked)."""
    text = block.get("text")
    if type(text) is not str:
        return None
    if len(block) == 2:
        return TextPart(text=text, extras=TEXT_EXTRAS)
    fields: dict[str, Any] = {"type": "text"}
    if not unknown(block, _TEXT_READ, _TEXT_OTHER, fields):
        return None
    return TextPart(text=text, extras=Extras(FAMILY, fields, {}, QUIET))


def tool_use_block(block: dict[str, Any], *, streaming: bool = False) -> ToolCallPart | None:
    """A client ``tool_use`` block without cache control (``type`` already checked)."""
    call_id, name, data = block.get("id"), block.get("name"), block.get("input")
    if type(call_id) is not str or type(name) is not str or type(data) is not dict:
        return None
    for key in data:
        if type(key) is not str:
            return None
    args = "" if streaming and not data else to_json_text(data)
    if len(block) == 4:
        return ToolCallPart(id=call_id, name=name, arguments=args, extras=_TOOL_USE_EXTRAS)
    fields: dict[str, Any] = {"type": "tool_use"}
    if not unknown(block, _TOOL_USE_READ, _TOOL_USE_OTHER, fields):
        return None
    extras = Extras(FAMILY, fields, {}, QUIET)
    return ToolCallPart(id=call_id, name=name, arguments=args, extras=extras)


def block(wire: Any, *, streaming: bool = False) -> TextPart | ToolCallPart | None:
    """A text or client tool_use block, or None."""
    if type(wire) is not dict:
        return None
    kind = wire.get("type")
    if kind == "text" and type(kind) is str:
        return text_block(wire)
    if kind == "tool_use" and type(kind) is str:
        return tool_use_block(wire, streaming=streaming)
    return None


def usage(u: dict[str, Any], *, take_tier: bool) -> tuple[Usage, str | None] | None:
    """`response.decode_usage` of an unvalidated usage object, or None."""
    inp, out = u.get("input_tokens"), u.get("output_tokens")
    writes, reads = u.get("cache_creation_input_tokens"), u.get("cache_read_input_tokens")
    tier = u.get("service_tier")
    nulls = False
    for count in (inp, out, writes, reads):
        if type(count) is not int:
            if count is not None:
                return None
            nulls = True
    if type(tier) is not str:
        if tier is not None:
            return None
        nulls = True
    # validation writes the declared keys first: the nulls (and a tier not taken) lead
    fields: dict[str, Any] = {k: None for k in _USAGE_KEYS if u.get(k, 0) is None} if nulls else {}
    if tier is not None and not take_tier:
        fields["service_tier"] = tier  # the last declared key
    for key, value in u.items():
        if key not in _USAGE_DECLARED:
            fields[key] = value
    return build_usage(inp, out, writes, reads, fields), tier if take_tier else None


def build_usage(
    inp: int | None, out: int | None, writes: int | None, reads: int | None, rest: dict[str, Any]
) -> Usage:
    """Universal usage from Anthropic's counts (``input_tokens`` excludes cache reads and
    writes; the universal one includes both) and the usage object's other keys."""
    details = rest.get("output_tokens_details")
    thinking = details.get("thinking_tokens") if isinstance(details, dict) else None
    total_in = inp + (writes or 0) + (reads or 0) if inp is not None else None
    return Usage(
        input_tokens=total_in,
        output_tokens=out,
        total_tokens=total_in + out if total_in is not None and out is not None else None,
        cached_input_tokens=reads,
        cache_write_tokens=writes,
        reasoning_tokens=thinking if isinstance(thinking, int) else None,
        extras=Extras(FAMILY, rest, {}, USAGE_QUIET),
    )


def stop_reason(raw: str | None) -> tuple[FinishReason | None, dict[str, Any]]:
    """``stop_reason`` -> finish reason; an unknown value is OTHER with the raw value kept."""
    if raw is None:
        return None, {}
    known = STOP_REASONS.get(raw)
    return (known, {}) if known is not None else (FinishReason.OTHER, {"finish_reason": raw})
