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

    Raises `InvalidPayloadError` for invalid JSON, invalid UTF-8, or JSON that is not an object.
    """
    if isinstance(payload, dict):
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
