"""Responses pass through unchanged between Anthropic, Bedrock-Anthropic and Vertex-Anthropic:
the shortcut must give exactly what the full decode-encode path gives, with no losses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interlingua import Format, Kind, from_universal, to_universal, translate_with_report

PAYLOADS = Path(__file__).resolve().parents[3] / "payloads"
FAMILY = ("anthropic", "bedrock-anthropic", "vertex-anthropic")


def _responses() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for fmt in FAMILY:
        for path in sorted(PAYLOADS.rglob(f"{fmt}/*response*.json")):
            if "streaming" in path.name:
                continue
            data = json.loads(path.read_text())
            if isinstance(data, dict) and data.get("type") == "message":
                found.append((fmt, str(path.relative_to(PAYLOADS)), data))
    return found


RESPONSES = _responses()


def test_the_family_has_recorded_responses() -> None:
    assert len({fmt for fmt, _, _ in RESPONSES}) == len(FAMILY)
    assert len(RESPONSES) > 50


@pytest.mark.parametrize(("source", "name", "data"), RESPONSES, ids=[n for _, n, _ in RESPONSES])
def test_shortcut_equals_full_path(source: str, name: str, data: dict[str, Any]) -> None:
    for target in FAMILY:
        if target == source:
            continue
        shortcut = translate_with_report(data, target, source=source, kind="response")
        universal = to_universal(data, source=source, kind=Kind.RESPONSE)
        full = from_universal(universal, Format(target), on_loss="error")
        assert shortcut.losses == []
        assert shortcut.payload == full


def test_requests_are_not_passed_through() -> None:
    request = {"model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}
    out = translate_with_report(request, "bedrock-anthropic", source="anthropic", kind="request")
    assert "model" not in out.payload
    assert out.payload["anthropic_version"] == "bedrock-2023-05-31"
