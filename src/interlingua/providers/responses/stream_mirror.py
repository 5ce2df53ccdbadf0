"""Responses events rebuilt from the carriers the Responses stream decoder recorded: a
Responses stream translated into Responses (a model override, or a same-family trip) comes
back event for event."""

from __future__ import annotations

from typing import Any

from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    PartDelta,
    PartStart,
    ReasoningDelta,
    RefusalDelta,
    ResponseStart,
    ResponseStop,
    StreamError,
    StreamEvent,
    SummaryDelta,
    TextDelta,
)
from ..base import ConversionContext
from .assistant import encode_assistant
from .common import safe_id
from .content import encode_annotation, encode_part
from .response import response_from_universal


def mirror_event(ev: StreamEvent, ctx: ConversionContext, rid: str) -> dict[str, Any]:
    """The Responses event ``ev`` was decoded from (``rid``: the response id, for new items)."""
    assert ev.extras is not None
    out: dict[str, Any] = {"type": ev.extras.shape["event"]}
    if isinstance(ev, ResponseStop) and ev.response is not None:
        out["response"] = response_from_universal(ev.response, ctx)
    elif isinstance(ev, PartStart):
        if "item" in ev.extras.fields or "part" in ev.extras.fields:
            pass
        elif out["type"] == "response.output_item.added":
            (out["item"],) = encode_assistant([ev.part], ctx, "response", "$", safe_id(rid, "resp"))
        else:
            out["part"] = encode_part(ev.part, "output", ctx, "$.part")
    elif isinstance(ev, PartDelta):
        d = ev.delta
        if isinstance(d, CitationDelta):
            out["annotation"] = encode_annotation(d.citation, "", ctx, "$.annotation")
        elif isinstance(d, ArgumentsDelta):
            out["delta"] = d.json
        elif isinstance(d, (TextDelta, RefusalDelta, ReasoningDelta, SummaryDelta)):
            out["delta"] = d.text
    elif isinstance(ev, StreamError):
        if ev.error_type is not None:
            out["code"] = ev.error_type
        if ev.message is not None:
            out["message"] = ev.message
    out.update(ev.extras.fields)
    if isinstance(ev, ResponseStart) and isinstance(out.get("response"), dict):
        resp = out["response"]
        for key, value in (("id", ev.id), ("model", ev.model), ("created_at", ev.created)):
            if value is not None and resp.get(key) != value:
                out["response"] = resp = {**resp, key: value}
    return out
