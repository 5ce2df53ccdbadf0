"""The one module that touches orjson: payload coercion, serialisation and JSON paths."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from ._errors import InvalidPayloadError, PayloadProblem

__all__ = ["JSONDecodeError", "coerce_payload", "dumps", "format_path", "loads", "to_json_text"]

JSONDecodeError = orjson.JSONDecodeError


def loads(data: str | bytes | bytearray | memoryview) -> Any:
    """Parse JSON text (orjson: strict UTF-8, no NaN)."""
    return orjson.loads(data)


def dumps(value: Any, *, indent: bool = False) -> bytes:
    """Serialise ``value`` to compact (or 2-space indented) UTF-8 JSON."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 if indent else 0)


def to_json_text(value: Any) -> str:
    """Serialise ``value`` to compact JSON as ``str`` (tool-call arguments and the like)."""
    return orjson.dumps(value).decode()


def coerce_payload(
    payload: object, *, format: str | None = None, kind: str | None = None
) -> dict[str, Any]:
    """Return ``payload`` as a JSON object: dicts pass through, str/bytes are parsed.

    Raises `InvalidPayloadError` for invalid JSON, invalid UTF-8, or JSON that is not an object;
    a dict must also be serialisable as JSON (no lone surrogates, nesting within orjson's limit).
    """
    if isinstance(payload, dict):
        try:
            orjson.dumps(payload)
        except orjson.JSONEncodeError as exc:
            problem = _unserialisable(payload) or PayloadProblem(
                "$", f"not serialisable as JSON: {exc}"
            )
            raise InvalidPayloadError([problem], format=format, kind=kind) from None
        return payload
    if isinstance(payload, (str, bytes, bytearray, memoryview)):
        try:
            value = orjson.loads(payload)
        except orjson.JSONDecodeError as exc:
            raise InvalidPayloadError(
                [PayloadProblem("$", f"invalid JSON: {exc}")], format=format, kind=kind
            ) from None
        if isinstance(value, dict):
            return value
        got = type(value).__name__ if value is not None else "null"
        raise InvalidPayloadError(
            [PayloadProblem("$", f"expected a JSON object, got {_json_type(value) or got}")],
            format=format,
            kind=kind,
        )
    raise InvalidPayloadError(
        [
            PayloadProblem(
                "$", f"expected a JSON object, str or bytes, got {type(payload).__name__}"
            )
        ],
        format=format,
        kind=kind,
    )


#: orjson refuses to serialise containers nested this deep (it parses up to 1024 levels).
MAX_DEPTH = 255


def _unserialisable(root: object) -> PayloadProblem | None:
    """The first value (depth-first, iteratively) that orjson cannot serialise, with its path."""
    stack: list[tuple[object, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        value, loc = stack.pop()
        if isinstance(value, str):
            if not _is_unicode(value):
                return PayloadProblem(format_path(loc), "string contains a lone surrogate")
        elif isinstance(value, (dict, list)):
            if len(loc) + 1 >= MAX_DEPTH:
                return PayloadProblem(
                    format_path(loc), f"JSON nested deeper than {MAX_DEPTH - 1} levels"
                )
            if isinstance(value, list):
                stack.extend((item, (*loc, i)) for i, item in reversed(list(enumerate(value))))
                continue
            for key in value:
                if not isinstance(key, str):
                    return PayloadProblem(format_path(loc), f"object key {key!r} is not a string")
                if not _is_unicode(key):
                    return PayloadProblem(format_path(loc), "object key contains a lone surrogate")
            stack.extend((item, (*loc, key)) for key, item in reversed(list(value.items())))
    return None


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_type(value: object) -> str:
    return {
        list: "array",
        str: "string",
        int: "number",
        float: "number",
        bool: "boolean",
        type(None): "null",
    }.get(type(value), "")


def format_path(loc: Iterable[str | int]) -> str:
    """Render a location tuple as a ``$.``-rooted JSON path: ``$.messages[3].content``."""
    out = ["$"]
    for part in loc:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(f".{part}")
    return "".join(out)
