"""Universal stream events -> Gemini ``streamGenerateContent?alt=sse`` chunks. https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    FinishReason,
    Part,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    ReasoningPart,
    RefusalDelta,
    RefusalPart,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamError,
    StreamEvent,
    SummaryDelta,
    TextDelta,
    TextPart,
    ToolCallPart,
    Usage,
)
from ...universal.accumulate import merge_usage
from ..base import ConversionContext, StreamEncoder, restore, shape_of
from .content import encode_call, encode_part, is_native
from .response import encode_finish, encode_usage
from .tables import FAMILY


def _is_frame(ev: StreamEvent, family: str) -> bool:
    ex = ev.extras
    return (
        isinstance(ev, ResponseDelta)
        and ex is not None
        and ex.family == family
        and bool(ex.shape.get("frame"))
    )


class GoogleStreamEncoder(StreamEncoder):
    """Writes chunks. Events decoded from a Gemini stream (one ``frame`` per candidate per
    chunk) are written back one chunk per source chunk; another format's stream gets a chunk
    per text or thought delta, one chunk per whole function call (its argument deltas gathered
    until the part stops), and a last chunk with finishReason and usageMetadata."""

    def __init__(self, ctx: ConversionContext) -> None:
        super().__init__(ctx)
        self.native = False
        self.started = self.stopped = False
        self.id: str | None = None
        self.model: str | None = None
        self.kinds: dict[tuple[int, int], str] = {}
        self.calls: dict[tuple[int, int], tuple[ToolCallPart, list[str]]] = {}
        self.finish_reasons: dict[int, ResponseDelta] = {}
        self.usage: Usage | None = None
        self.count = 0
        self.called: set[int] = set()  # choices that got a function call

    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        self.count += 1
        if len(events) == 1 and type(events[0]) is PartDelta and not self.native:
            return [] if self.stopped else self._delta(events[0])  # not a frame: a delta
        if any(_is_frame(ev, self.ctx.family) for ev in events):
            self.native = True
            return self._native(events)
        if self.native:
            return []  # the closing events `finish` synthesised: nothing on the wire
        out: list[dict[str, Any]] = []
        for ev in events:
            out += self._one(ev)
        return out

    def _path(self) -> str:
        return f"$[{self.count - 1}]"

    # --- a chunk decoded from Gemini, written back ---------------------------------------

    def _native(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        ctx = self.ctx
        path = self._path()
        parts: dict[int, list[dict[str, Any]]] = {}
        calls: dict[tuple[int, int], tuple[ToolCallPart, list[str]]] = {}
        chunk: dict[str, Any] = {}
        candidates: list[dict[str, Any]] = []
        for ev in events:
            if isinstance(ev, StreamError):
                return self._error(ev)
            if isinstance(ev, PartStart):
                ci = ev.choice_index
                if isinstance(ev.part, ToolCallPart):
                    calls[(ci, ev.index)] = (ev.part, [])
                elif isinstance(ev.part, (TextPart, ReasoningPart)) and ev.part.extras is None:
                    continue  # synthesised start of streamed text
                else:
                    wire = encode_part(ev.part, {}, ctx, path)
                    if wire is not None:
                        parts.setdefault(ci, []).append(wire)
            elif isinstance(ev, PartDelta):
                lst = parts.setdefault(ev.choice_index, [])
                d = ev.delta
                if isinstance(d, ArgumentsDelta) and (ev.choice_index, ev.index) in calls:
                    calls[(ev.choice_index, ev.index)][1].append(d.json)
                    continue
                piece: dict[str, Any]
                if isinstance(d, TextDelta):
                    piece = {"text": d.text}
                elif isinstance(d, ReasoningDelta):
                    piece = {"text": d.text, "thought": True}
                elif isinstance(d, SignatureDelta):
                    if shape_of(d, ctx).get("attach") and lst:
                        lst[-1]["thoughtSignature"] = d.signature
                        continue
                    piece = {"thought": True, "thoughtSignature": d.signature}
                else:
                    continue
                restore(piece, d, ctx, path)
                lst.append(piece)
            elif isinstance(ev, PartStop):
                at = (ev.choice_index, ev.index)
                if at in calls:
                    part, args = calls.pop(at)
                    wire = encode_call(replace(part, arguments="".join(args)), ctx, path)
                    if wire is not None:
                        parts.setdefault(ev.choice_index, []).append(wire)
            elif _is_frame(ev, ctx.family):
                assert isinstance(ev, ResponseDelta)
                shape = shape_of(ev, ctx)
                if "chunk" in shape:
                    chunk = shape["chunk"]
                    if ev.usage is not None:
                        chunk = {
                            **chunk,
                            "usage": encode_usage(ev.usage, ctx, path, chunk.get("serviceTier")),
                        }
                candidates.append(self._candidate(ev, shape, parts.get(ev.choice_index, [])))
        out: dict[str, Any] = dict(chunk.get("fields", {}))
        if chunk.get("candidates") != "absent":
            out["candidates"] = candidates
        if "usage" in chunk:
            out["usageMetadata"] = chunk["usage"]
        for key in ("responseId", "modelVersion"):
            if key in chunk:
                out[key] = chunk[key]
        return [out]

    def _candidate(
        self, ev: ResponseDelta, shape: dict[str, Any], parts: list[dict[str, Any]]
    ) -> dict[str, Any]:
        cand: dict[str, Any] = {}
        if shape.get("content") != "absent":
            content: dict[str, Any] = dict(shape.get("content_fields", {}))
            if parts or shape.get("parts") != "absent":
                content["parts"] = parts
            if shape.get("role") != "absent":
                content["role"] = "model"
            cand["content"] = content
        reason = encode_finish(ev.finish_reason, shape, self.ctx, self._path())
        if reason is not None:
            cand["finishReason"] = reason
        if shape.get("index") != "absent":
            cand["index"] = ev.choice_index
        restore(cand, ev, self.ctx, self._path())
        return cand

    # --- another format's stream -----------------------------------------------------------

    def _chunk(self, ci: int, parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.started = True
        out: dict[str, Any] = {
            "candidates": [{"content": {"parts": parts, "role": "model"}, "index": ci}]
        }
        if self.model is not None:
            out["modelVersion"] = self.model
        if self.id is not None:
            out["responseId"] = self.id
        return [out]

    def _error(self, ev: StreamError) -> list[dict[str, Any]]:
        self.stopped = True
        err: dict[str, Any] = {}
        native = is_native(ev)
        if not native:
            err["code"] = 500
        if ev.message is not None or not native:
            err["message"] = ev.message or ""
        if ev.error_type is not None or not native:
            err["status"] = ev.error_type or "INTERNAL"
        restore(err, ev, self.ctx, self._path())
        ex = ev.extras
        event = ex.shape.get("event", {}) if ex is not None and ex.family == FAMILY else {}
        return [{**event, "error": err}]

    def _start_part(self, ev: PartStart) -> list[dict[str, Any]]:
        key = (ev.choice_index, ev.index)
        part: Part = ev.part
        path = f"{self._path()}.part"
        if isinstance(part, ToolCallPart):
            self.kinds[key] = "call"
            self.calls[key] = (part, [part.arguments] if part.arguments else [])
            return []
        if isinstance(part, (TextPart, RefusalPart)):
            self.kinds[key] = "text"
            if isinstance(part, RefusalPart):
                self.ctx.loss(path, "part-approximated", "a refusal is sent as text")
            if isinstance(part, TextPart) and part.citations:
                self.ctx.loss(
                    f"{path}.citations", "citation-unsupported", "citations in a Gemini stream"
                )
            return self._chunk(ev.choice_index, [{"text": part.text}]) if part.text else []
        if isinstance(part, ReasoningPart):
            self.kinds[key] = "reasoning"
            wire = encode_part(part, {}, self.ctx, path)
            return self._chunk(ev.choice_index, [wire]) if wire is not None else []
        self.kinds[key] = "whole"
        wire = encode_part(part, {}, self.ctx, path)
        return self._chunk(ev.choice_index, [wire]) if wire is not None else []

    def _delta(self, ev: PartDelta) -> list[dict[str, Any]]:
        key = (ev.choice_index, ev.index)
        d = ev.delta
        kind = self.kinds.get(key)
        if kind is None:
            self.ctx.loss(
                self._path(),
                "stream-event-dropped",
                f"a delta for part {ev.index}, which never started",
            )
            return []
        if type(d) is TextDelta and kind == "text":  # the common case, checked first
            return self._chunk(ev.choice_index, [{"text": d.text}]) if d.text else []
        if isinstance(d, ArgumentsDelta) and key in self.calls:
            self.calls[key][1].append(d.json)
            return []
        if isinstance(d, (TextDelta, RefusalDelta)) and kind == "text":
            return self._chunk(ev.choice_index, [{"text": d.text}]) if d.text else []
        if isinstance(d, (ReasoningDelta, SummaryDelta, TextDelta)) and kind == "reasoning":
            return (
                self._chunk(ev.choice_index, [{"text": d.text, "thought": True}]) if d.text else []
            )
        if isinstance(d, SignatureDelta):
            if d.origin == FAMILY:
                return self._chunk(
                    ev.choice_index, [{"thought": True, "thoughtSignature": d.signature}]
                )
            self.ctx.loss(
                self._path(), "signature-not-portable", f"a {d.origin} reasoning signature"
            )
            return []
        if isinstance(d, CitationDelta):
            self.ctx.loss(self._path(), "citation-unsupported", "citations in a Gemini stream")
            return []
        self.ctx.loss(self._path(), "stream-event-dropped", f"a {d.type} delta for a {kind} part")
        return []

    def _stop_part(self, ev: PartStop) -> list[dict[str, Any]]:
        key = (ev.choice_index, ev.index)
        found = self.calls.pop(key, None)
        if found is None:
            return []
        part, args = found
        wire = encode_call(replace(part, arguments="".join(args)), self.ctx, f"{self._path()}.part")
        if wire is not None:
            self.called.add(ev.choice_index)
        return self._chunk(ev.choice_index, [wire]) if wire is not None else []

    def _one(self, ev: StreamEvent) -> list[dict[str, Any]]:
        if self.stopped:
            return []
        if isinstance(ev, ResponseStart):
            self.id = ev.id or self.id
            self.model = ev.model or self.model
            self.usage = merge_usage(self.usage, ev.usage)
            self.started = True
            return []
        if isinstance(ev, PartStart):
            return self._start_part(ev)
        if isinstance(ev, PartDelta):
            return self._delta(ev)
        if isinstance(ev, PartStop):
            return self._stop_part(ev)
        if isinstance(ev, ResponseDelta):
            self.usage = merge_usage(self.usage, ev.usage)
            if ev.finish_reason is not None:
                self.finish_reasons[ev.choice_index] = ev
            return []
        if isinstance(ev, ResponseStop):
            if ev.response is not None:
                resp = ev.response
                self.usage = self.usage or resp.usage
                self.id = self.id or resp.id
                self.model = self.model or resp.model
                for c in resp.choices:
                    if c.finish_reason is not None and c.index not in self.finish_reasons:
                        self.finish_reasons[c.index] = ResponseDelta(
                            finish_reason=c.finish_reason, choice_index=c.index
                        )
            return self._close()
        if isinstance(ev, StreamError):
            return self._error(ev)
        return []  # KeepAlive

    def _close(self) -> list[dict[str, Any]]:
        if self.stopped:
            return []
        out: list[dict[str, Any]] = []
        for key in list(self.calls):
            out += self._stop_part(PartStop(index=key[1], choice_index=key[0]))
        self.stopped = True
        reasons = self.finish_reasons or {0: ResponseDelta()}
        candidates = []
        for ci, ev in sorted(reasons.items()):
            path = f"{self._path()}.finish_reason"
            reason = encode_finish(ev.finish_reason, {}, self.ctx, path)
            if ev.finish_reason is FinishReason.TOOL_CALLS and ci not in self.called:
                self.ctx.loss(path, "finish-reason-approximated", "tool_calls without a call")
            candidates.append(
                {"content": {"role": "model"}, "finishReason": reason or "STOP", "index": ci}
            )
        last: dict[str, Any] = {"candidates": candidates}
        if self.usage is not None:
            last["usageMetadata"] = encode_usage(self.usage, self.ctx, f"{self._path()}.usage")
        if self.model is not None:
            last["modelVersion"] = self.model
        if self.id is not None:
            last["responseId"] = self.id
        return [*out, last]

    def finish(self) -> list[dict[str, Any]]:
        if self.native or not self.started or self.stopped:
            return []
        return self._close()
