"""The common parts of another format written as Converse blocks without `PartEncoder`'s
general checks: text, function calls whose arguments are a JSON object, and function results
holding text. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeAlias

from ..._json import JSONDecodeError, loads
from ...universal import TextPart, ToolCallPart, ToolResultPart
from . import names
from .content import is_native
from .tables import FAMILY


def _text(p: TextPart) -> dict[str, Any] | None:
    if not p.text or p.citations or p.cache_control is not None or is_native(p):
        return None
    return {"text": p.text}


def _tool_use(p: ToolCallPart) -> dict[str, Any] | None:
    if p.kind != "function" or p.cache_control is not None or is_native(p):
        return None
    value: Any = {}
    if p.arguments.strip():
        try:
            value = loads(p.arguments)
        except JSONDecodeError:
            return None
        if type(value) is not dict:
            return None
    call_id, id_ok = names.encode_id(p.id)
    name, name_ok = names.encode(p.name)
    if not id_ok or not name_ok:
        return None
    return {"toolUse": {"toolUseId": call_id, "name": name, "input": value}}


def _tool_result(p: ToolResultPart) -> dict[str, Any] | None:
    if p.kind != "function" or p.cache_control is not None or is_native(p):
        return None
    content: list[dict[str, Any]] = []
    for q in p.content:
        if type(q) is not TextPart or q.citations or q.cache_control is not None:
            return None
        ex = q.extras
        if ex is not None and (ex.family == FAMILY or ex.fields):
            return None
        if q.text:
            content.append({"text": q.text})
    call_id, id_ok = names.encode_id(p.call_id)
    if not id_ok:
        return None
    out: dict[str, Any] = {"toolUseId": call_id, "content": content}
    if p.is_error:
        out["status"] = "error"
    return {"toolResult": out}


_Quick: TypeAlias = Callable[[Any], "dict[str, Any] | None"]

#: Part type -> the writer of its common form: the block `PartEncoder.part` writes for a part
#: of another format (or of none) when writing it reports no loss except for the part's own
#: extras, which the caller reports with `restore` as the full path does; None for any other.
QUICK: Final[dict[type, _Quick]] = {
    TextPart: _text,
    ToolCallPart: _tool_use,
    ToolResultPart: _tool_result,
}
