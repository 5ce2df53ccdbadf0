"""Validates Gemini payloads against google-genai's pydantic types (REST camelCase JSON)."""

from __future__ import annotations

import functools
import json
import warnings
from typing import Any

import pydantic

from interlingua import Kind

#: The REST body keys of generateContent besides the typed pieces below.
_PLAIN_KEYS = {"cachedContent": str, "model": str, "serviceTier": str}


def _walk(raw: Any, obj: Any, path: str) -> list[str]:
    """Keys must be the camelCase REST names (the SDK also accepts snake_case field names)."""
    out: list[str] = []
    if isinstance(obj, pydantic.BaseModel) and isinstance(raw, dict):
        fields = type(obj).model_fields
        names = {(f.alias or n): n for n, f in fields.items()}
        for key, value in raw.items():
            if key not in names:
                out.append(f"{path}.{key}: not a camelCase field of {type(obj).__name__}")
            else:
                out += _walk(value, getattr(obj, names[key]), f"{path}.{key}")
    elif isinstance(obj, list) and isinstance(raw, list):
        for i, (r, o) in enumerate(zip(raw, obj, strict=False)):
            out += _walk(r, o, f"{path}[{i}]")
    elif isinstance(obj, dict) and isinstance(raw, dict):
        for key, value in raw.items():
            if key in obj:
                out += _walk(value, obj[key], f"{path}.{key}")
    return out


@functools.cache
def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(tp)


def check(value: Any, tp: Any, path: str) -> list[str]:
    """Errors of ``value`` as a ``tp`` (parsed as JSON: base64 bytes, enums, unknown keys)."""
    adapter = _adapter(tp)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unknown enum value only warns in the SDK
        try:
            obj = adapter.validate_json(json.dumps(value))
        except pydantic.ValidationError as exc:
            return [
                f"{path}{''.join(f'.{p}' if isinstance(p, str) else f'[{p}]' for p in e['loc'])}: "
                f"{e['msg']}"
                for e in exc.errors()
            ]
        except Warning as w:
            return [f"{path}: {w}"]
    return _walk(value, obj, path)


def _request(payload: dict[str, Any]) -> list[str]:
    from google.genai import types as t

    pieces: dict[str, Any] = {
        "contents": list[t.Content],
        "systemInstruction": t.Content,
        "tools": list[t.Tool],
        "toolConfig": t.ToolConfig,
        "generationConfig": t.GenerationConfig,
        "safetySettings": list[t.SafetySetting],
        "labels": dict[str, str],
    }
    errors: list[str] = []
    if "contents" not in payload:
        errors.append("$.contents: required key missing")
    for key, value in payload.items():
        if key in pieces:
            errors += check(value, pieces[key], f"$.{key}")
        elif key in _PLAIN_KEYS:
            if not isinstance(value, _PLAIN_KEYS[key]):
                errors.append(f"$.{key}: expected a string")
        else:
            errors.append(f"$.{key}: unknown key for a generateContent body")
    for i, content in enumerate(payload.get("contents") or []):
        if isinstance(content, dict) and content.get("role") not in ("user", "model"):
            errors.append(f"$.contents[{i}].role: expected 'user' or 'model'")
    return errors


def _error(payload: dict[str, Any]) -> list[str]:
    err = payload["error"]
    if set(payload) != {"error"} or not isinstance(err, dict):
        return ["$: an error event holds only `error`"]
    known = ("code", "message", "status", "details")
    errors = [f"$.error.{k}: unknown key" for k in err if k not in known]
    if not isinstance(err.get("code"), int):
        errors.append("$.error.code: expected an integer")
    for key in ("message", "status"):
        if not isinstance(err.get(key), str):
            errors.append(f"$.error.{key}: expected a string")
    return errors


def validate(kind: Kind, payload: dict[str, Any]) -> list[str]:
    """Errors of a Gemini ``payload`` of ``kind`` (empty: valid)."""
    from google.genai import types as t

    if kind is Kind.REQUEST:
        return _request(payload)
    if kind is Kind.STREAM_EVENT and "error" in payload:
        return _error(payload)
    return check(payload, t.GenerateContentResponse, "$")
