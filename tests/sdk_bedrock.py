"""Bedrock Converse payloads checked against botocore's bedrock-runtime service model.

A small walker over the service model's shapes, in the JSON form the REST API and the JS SDK
use: blob members are base64 strings, ``Document`` members any JSON. Unknown keys, missing
required members, wrong types, unions with other than one member set, and the enums, lengths,
ranges and patterns the model states are errors.

NOTE: the API sends ``"type": "tool_use"`` on every ``toolUse`` block (corpus toolCallRequest),
although the model's ToolUseType enum lists only ``server_tool_use``; that value is accepted.
NOTE: responses recorded through the JS SDK carry its ``$metadata`` (HTTP status, request id);
it is accepted at the top of a response.
"""

from __future__ import annotations

import base64
import binascii
import re
from functools import cache
from typing import Any

from interlingua import Kind

_EXTRA_ENUM_VALUES = {"ToolUseType": {"tool_use"}}


@cache
def _model() -> Any:
    import botocore.session  # type: ignore[import-untyped]

    return botocore.session.get_session().get_service_model("bedrock-runtime")


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _bounds(value: float, shape: Any, path: str, what: str) -> list[str]:
    md = shape.metadata
    low, high = md.get("min"), md.get("max")
    if low is not None and value < low:
        return [f"{path}: {what} {value} is below the minimum {low}"]
    if high is not None and value > high:
        return [f"{path}: {what} {value} is above the maximum {high}"]
    return []


def walk(value: Any, shape: Any, path: str = "$") -> list[str]:
    """Every way ``value`` fails to be an instance of the service-model ``shape``."""
    kind = shape.type_name
    md = shape.metadata
    if kind == "structure":
        if md.get("document"):
            return []
        if not isinstance(value, dict):
            return [f"{path}: expected an object ({shape.name}), got {type(value).__name__}"]
        errors = []
        members = shape.members
        for key in value:
            if key not in members:
                errors.append(f"{path}.{key}: unknown key for {shape.name}")
        if md.get("union"):
            given = [k for k in value if k in members and value[k] is not None]
            if len(given) != 1:
                errors.append(f"{path}: {shape.name} needs exactly one member, got {given}")
        for req in md.get("required", []):
            if req not in value:
                errors.append(f"{path}.{req}: required member of {shape.name} is missing")
        for key, sub in value.items():
            if key in members:
                errors += walk(sub, members[key], f"{path}.{key}")
        return errors
    if kind == "list":
        if not isinstance(value, list):
            return [f"{path}: expected a list ({shape.name})"]
        errors = _bounds(len(value), shape, path, "length")
        for i, item in enumerate(value):
            errors += walk(item, shape.member, f"{path}[{i}]")
        return errors
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{path}: expected an object ({shape.name})"]
        errors = _bounds(len(value), shape, path, "size")
        for key, item in value.items():
            errors += walk(key, shape.key, f"{path}.{key}(key)")
            errors += walk(item, shape.value, f"{path}.{key}")
        return errors
    if kind == "string":
        if not isinstance(value, str):
            return [f"{path}: expected a string ({shape.name}), got {value!r:.40}"]
        enum = shape.enum
        allowed = set(enum) | _EXTRA_ENUM_VALUES.get(shape.name, set())
        if enum and value not in allowed:
            return [f"{path}: {value!r} is not one of {sorted(enum)}"]
        errors = _bounds(len(value), shape, path, "length")
        pattern = md.get("pattern")
        if pattern and not _pattern(pattern).fullmatch(value):
            errors.append(f"{path}: {value!r:.60} does not match {pattern!r:.80}")
        return errors
    if kind == "blob":
        if not isinstance(value, str):
            return [f"{path}: expected base64 text ({shape.name})"]
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return [f"{path}: not valid base64"]
        return _bounds(len(raw), shape, path, "byte length")
    if kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            return [f"{path}: expected an integer, got {value!r:.40}"]
        return _bounds(value, shape, path, "value")
    if kind in ("float", "double"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return [f"{path}: expected a number, got {value!r:.40}"]
        return _bounds(value, shape, path, "value")
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean"]
    if kind == "timestamp":
        return [] if isinstance(value, (str, int, float)) else [f"{path}: expected a timestamp"]
    return [f"{path}: unhandled shape type {kind}"]


def validate(kind: Kind, payload: dict[str, Any]) -> list[str]:
    """Errors of a Converse request, response or ConverseStream event (empty = valid)."""
    model = _model()
    if kind is Kind.REQUEST:
        guard = payload.get("guardrailConfig")
        streaming = isinstance(guard, dict) and "streamProcessingMode" in guard
        op = "ConverseStream" if streaming else "Converse"
        return walk(payload, model.operation_model(op).input_shape)
    if kind is Kind.RESPONSE:
        body = {k: v for k, v in payload.items() if k != "$metadata"}
        return walk(body, model.operation_model("Converse").output_shape)
    events = model.operation_model("ConverseStream").output_shape.members["stream"]
    if not isinstance(payload, dict) or len(payload) != 1:
        return ["$: a stream event is an object with exactly one event key"]
    name = next(iter(payload))
    if name not in events.members:
        return [f"$.{name}: not a ConverseStream event"]
    return walk(payload[name], events.members[name], f"$.{name}")
