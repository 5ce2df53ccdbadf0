"""Shared helpers of the Responses tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from interlingua import Format, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.responses import ResponsesAdapter

ADAPTER = ResponsesAdapter()
ROOT = Path(__file__).resolve().parents[3] / "payloads"


def ctx(kind: Kind = Kind.REQUEST, fmt: Format = Format.RESPONSES) -> ConversionContext:
    return ConversionContext(fmt, kind)


def load(rel: str) -> Any:
    return json.loads((ROOT / rel).read_text())


def codes(c: ConversionContext) -> set[str]:
    return {loss.code for loss in c.losses.losses}
