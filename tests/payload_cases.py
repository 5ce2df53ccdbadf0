"""Discovery of the payload files the suites run over (``payloads/``, corpus copy included)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from interlingua import Format, Kind, adapters
from interlingua._roundtrip import discover

ROOT = Path(__file__).resolve().parent.parent / "payloads"
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
        if parts[:2] == ("corpus", "snapshots"):  # corpus/snapshots/<case>/<format>/<file>
            return f"{parts[3]}/{parts[2]}/{parts[4]}"
        if parts[:2] == ("corpus", "transforms"):  # corpus/transforms/<src>_to_<dst>/<case>
            return f"transforms/{parts[2]}/{parts[3]}"
        return "/".join(parts)

    def load(self) -> Any:
        return json.loads(self.path.read_text())


@cache
def implemented() -> tuple[Format, ...]:
    return tuple(a.format for a in adapters())


@cache
def cases() -> tuple[Case, ...]:
    return tuple(Case(path, fmt, kind) for path, fmt, kind in discover(ROOT))
