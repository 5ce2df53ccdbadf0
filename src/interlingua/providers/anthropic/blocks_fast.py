"""Fast encoding of the common parts: plain text, function calls and tool results of text.

`quick_block` writes exactly what `BlockEncoder.part` writes for a part that cannot lose
anything (no citations or cache control, extras of this family or quiet ones), so that no
JSON path has to be formatted for it; anything else returns None and goes through
`BlockEncoder`, which reports the losses. Tests: ``test_anthropic_blocks_fast.py``.
"""

from __future__ import annotations

from typing import Any

from ..._json import JSONDecodeError, loads
from ...universal import Extras, Part, TextPart, ToolCallPart, ToolResultPart
from .tables import FAMILY


def _text(p: TextPart, native: bool) -> dict[str, Any] | None:
    cites = p.citations
    if p.cache_control is not None or (not p.text and not native):
        return None
    if cites is not None and (cites or native):
        return None  # citations to write (an empty list is written for this family only)
    return {"type": "text", "text": p.text}


def _tool_call(p: ToolCallPart) -> dict[str, Any] | None:
    if p.kind != "function" or p.cache_control is not None:
        return None
    value: Any = {}
    if p.arguments.strip():
        try:
            value = loads(p.arguments)
        except JSONDecodeError:
            return None
        if not isinstance(value, dict):
            return None
    return {"type": "tool_use", "id": p.id, "name": p.name, "input": value}


def _tool_result(p: ToolResultPart, native: bool) -> dict[str, Any] | None:
    if p.kind == "server" or p.cache_control is not None:
        return None
    out: dict[str, Any] = {"type": "tool_result", "tool_use_id": p.call_id}
    ex = p.extras
    shape = ex.shape.get("content") if native and ex is not None else None
    parts = p.content
    if shape == "absent" or not (parts or native):
        pass
    elif len(parts) == 1 and type(parts[0]) is TextPart and (shape == "string" or not native):
        only = parts[0]
        if not native and (only.cache_control is not None or only.citations):
            return None
        out["content"] = only.text
    elif not parts:
        out["content"] = []
    else:
        return None
    if p.is_error is not None:
        out["is_error"] = p.is_error
    return out


def _quiet(ex: Extras) -> bool:
    """Whether `restore` drops all of another family's ``ex`` without reporting one."""
    quiet = ex.quiet
    return all(value is None or key in quiet for key, value in ex.fields.items())


def quick_block(p: Part) -> dict[str, Any] | None:
    """The block `BlockEncoder.part` writes for ``p`` when nothing can be lost, else None."""
    ex = p.extras
    native = ex is not None and ex.family == FAMILY
    if ex is not None and ex.fields and not native and not _quiet(ex):
        return None  # another family's fields that `restore` reports
    out: dict[str, Any] | None
    if type(p) is TextPart:
        out = _text(p, native)
    elif type(p) is ToolCallPart:
        out = _tool_call(p)
    elif type(p) is ToolResultPart:
        out = _tool_result(p, native)
    else:
        return None
    if out is not None and native and ex is not None and ex.fields:
        out.update(ex.fields)
    return out
