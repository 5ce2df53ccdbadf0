"""Discovery of the payload files the suites run over (``payloads/``, corpus copy included)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from interlingua import Format, Kind, adapters

ROOT = Path(__file__).resolve().parent.parent / "payloads"
FORMAT_NAMES = {f.value for f in Format}
ANTHROPIC_FAMILY = {Format.ANTHROPIC, Format.BEDROCK_ANTHROPIC, Format.VERTEX_ANTHROPIC}


@dataclass(frozen=True)
class Case:
    """One payload file: its format, kind, and a readable test id."""

    path: Path
    format: Format
    kind: Kind

    @property
    def id(self) -> str:
        rel = self.path.relative_to(ROOT).with_suffix("")
        parts = rel.parts
        if parts[0] == "corpus":  # corpus/snapshots/<case>/<format>/<file>
            return f"{parts[3]}/{parts[2]}/{parts[4]}"
        return "/".join(parts)

    def load(self) -> Any:
        return json.loads(self.path.read_text())


def _kind(name: str) -> Kind | None:
    if name.startswith("error"):
        return None
    if "stream" in name:
        return Kind.STREAM_EVENT
    if "response" in name:
        return Kind.RESPONSE
    if "request" in name:
        return Kind.REQUEST
    return None


@cache
def implemented() -> tuple[Format, ...]:
    return tuple(a.format for a in adapters())


@cache
def cases() -> tuple[Case, ...]:
    found = []
    for path in sorted(ROOT.rglob("*.json")):
        kind = _kind(path.name)
        fmt = next(
            (p for p in reversed(path.relative_to(ROOT).parts[:-1]) if p in FORMAT_NAMES), None
        )
        if kind is not None and fmt is not None and Format(fmt) in implemented():
            found.append(Case(path, Format(fmt), kind))
    return tuple(found)
