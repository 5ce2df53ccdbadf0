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


#: the recorded Responses streams (paths under ``payloads/``)
STREAMS = sorted(
    str(p.relative_to(ROOT))
    for p in ROOT.rglob("*.json")
    if "responses" in p.parts and "stream" in p.name
)
#: a common text delta event
DELTA = {
    "type": "response.output_text.delta",
    "sequence_number": 7,
    "item_id": "msg_1",
    "output_index": 0,
    "content_index": 0,
    "delta": "Paris",
    "logprobs": [],
    "obfuscation": "Do0KaY7nyEp",
}


class StrSubclass(str):
    """A ``str`` subclass: validation takes it, exact-type fast paths must decline it."""
