"""Universal stream events -> Responses stream events (a complete, well-formed sequence).
https://platform.openai.com/docs/api-reference/responses-streaming
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    KeepAlive,
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
)
from ...universal.accumulate import merge_usage
from .common import F, safe_id, shape
from .content import encode_annotation
from .open_item import OpenItem
from .stream_mirror import mirror_event
from .stream_writer import CALLS, ResponseWriter


class ResponsesStreamEncoder(ResponseWriter):
    """Writes Responses events: the same family's events are rebuilt from their carriers,
    any other stream is turned into the full created / item / part / completed sequence."""

    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        if len(events) == 1:
            ev = events[0]
            ex = ev.extras
            if ex is None or ex.family != F or "event" not in ex.shape:
                if type(ev) is PartDelta and self.started and not self.stopped:
                    return self._part_delta(ev)
                return self._generate(ev)
        for e in events:
            ex = e.extras
            if ex is not None and ex.family == F and "event" in ex.shape:
                self.mirrored = True
                return [mirror_event(e, self.ctx, self.rid) for e in events if "event" in shape(e)]
        out: list[dict[str, Any]] = []
        for ev in events:
            out += self._generate(ev)
        return out

    # --- any other source --------------------------------------------------------------

    def _begin(self, ev: ResponseStart | None = None) -> list[dict[str, Any]]:
        if self.started:
            return []
        self.started = True
        if ev is not None:
            self.rid = ev.id or self.rid
            self.model = ev.model or self.model
            self.created = ev.created or self.created
            self.usage = merge_usage(self.usage, ev.usage)
        self.stem = safe_id(self.rid, "")
        seq = self.seq
        self.seq = seq + 2
        return [
            {
                "type": "response.created",
                "response": self._envelope("in_progress", None),
                "sequence_number": seq,
            },
            {
                "type": "response.in_progress",
                "response": self._envelope("in_progress", None),
                "sequence_number": seq + 1,
            },
        ]

    def _generate(self, ev: StreamEvent) -> list[dict[str, Any]]:
        if self.started and not self.stopped:  # the most frequent events first
            if type(ev) is PartDelta:
                return self._part_delta(ev)
            if type(ev) is ResponseDelta:
                self._response_delta(ev)
                return []
        if isinstance(ev, KeepAlive):
            return []
        if isinstance(ev, StreamError):
            # the stream failed: nothing after the error may look like a normal end
            self.stopped = True
            return [self._emit("error", code=ev.error_type, message=ev.message or "", param=None)]
        if self.stopped:
            return []
        if isinstance(ev, ResponseStart):
            return self._begin(ev)
        out = self._begin()
        if isinstance(ev, PartStart):
            out += self._part_start(ev)
        elif isinstance(ev, PartDelta):
            out += self._part_delta(ev)
        elif isinstance(ev, PartStop):
            out += self._part_stop(ev.index)
        elif isinstance(ev, ResponseDelta):
            self._response_delta(ev)
        elif isinstance(ev, ResponseStop):
            out += self._end()
        return out

    def _response_delta(self, ev: ResponseDelta) -> None:
        self.finish_reason = ev.finish_reason or self.finish_reason
        self.usage = merge_usage(self.usage, ev.usage)

    def _item_id(self, prefix: str) -> str:
        return f"{prefix}_{self.stem}_{len(self.output) + len(self.open)}"

    def _part_start(self, ev: PartStart) -> list[dict[str, Any]]:
        part = ev.part
        oi = len(self.output) + len(self.open)
        if isinstance(part, (TextPart, RefusalPart)):
            kind = "message" if isinstance(part, TextPart) else "refusal"
            item = {
                "id": self._item_id("msg"),
                "type": "message",
                "role": "assistant",
                "status": "in_progress",
                "content": [],
            }
            state = self.open[ev.index] = OpenItem(kind, item, oi)
            blank: dict[str, Any] = (
                {"type": "output_text", "text": "", "annotations": []}
                if kind == "message"
                else {"type": "refusal", "refusal": ""}
            )
            seq = self.seq
            self.seq = seq + 2
            out = [
                {
                    "type": "response.output_item.added",
                    "item": dict(item),
                    "output_index": oi,
                    "sequence_number": seq,
                },
                {
                    "type": "response.content_part.added",
                    "item_id": item["id"],
                    "output_index": oi,
                    "content_index": 0,
                    "part": blank,
                    "sequence_number": seq + 1,
                },
            ]
            if part.text:
                out += self._text(state, part.text)
            return out
        if isinstance(part, ToolCallPart) and part.kind != "server":
            custom = part.kind == "custom"
            kind = "custom_tool_call" if custom else "function_call"
            item = {
                "id": self._item_id("ctc" if custom else "fc"),
                "type": "custom_tool_call" if custom else "function_call",
                "status": "in_progress",
                "call_id": part.id,
                "name": part.name,
                "input" if custom else "arguments": "",
            }
            if custom:
                del item["status"]
            state = self.open[ev.index] = OpenItem(kind, item, oi)
            out = [self._emit("response.output_item.added", item=dict(item), output_index=oi)]
            if part.arguments:
                out += self._text(state, part.arguments)
            return out
        if isinstance(part, ReasoningPart):
            item = {"id": self._item_id("rs"), "type": "reasoning", "summary": []}
            state = self.open[ev.index] = OpenItem("reasoning", item, oi)
            out = [self._emit("response.output_item.added", item=dict(item), output_index=oi)]
            if part.text:
                out += self._reasoning(state, part.text)
            for k, s in enumerate(part.summary or []):
                out += self._summary(state, k, s)
            if part.signature or part.redacted:
                self._signature(state, part.redacted or part.signature or "", part.signature_origin)
            return out
        self.skipped.add(ev.index)
        code = "tool-unsupported" if isinstance(part, ToolCallPart) else "part-unsupported"
        self.ctx.loss(
            f"$.choices[0].message.content[{ev.index}]",
            code,
            f"a streamed `{part.type}` part has no Responses output item",
        )
        return []

    def _part_delta(self, ev: PartDelta) -> list[dict[str, Any]]:
        state = self.open.get(ev.index)
        if state is None or ev.index in self.skipped:
            return []
        d = ev.delta
        if type(d) is TextDelta and state.kind == "message":  # the most frequent deltas first
            seq = self.seq
            self.seq = seq + 1
            state.text.append(d.text)
            return [{**state.head, "delta": d.text, "logprobs": [], "sequence_number": seq}]
        if type(d) is ArgumentsDelta and state.kind in CALLS:
            seq = self.seq
            self.seq = seq + 1
            state.text.append(d.json)
            return [{**state.head, "delta": d.json, "sequence_number": seq}]
        if isinstance(d, (TextDelta, RefusalDelta, ArgumentsDelta)) and state.kind != "reasoning":
            return self._text(state, d.json if isinstance(d, ArgumentsDelta) else d.text)
        if isinstance(d, ReasoningDelta) and state.kind == "reasoning":
            return self._reasoning(state, d.text)
        if isinstance(d, SummaryDelta) and state.kind == "reasoning":
            return self._summary(state, d.summary_index, d.text)
        if isinstance(d, SignatureDelta) and state.kind == "reasoning":
            self._signature(state, d.signature, d.origin)
            return []
        if isinstance(d, CitationDelta) and state.kind == "message":
            text = "".join(state.text)
            path = f"$.choices[0].message.content[{ev.index}].citations"
            annotation = encode_annotation(d.citation, text, self.ctx, path)
            if annotation is None:
                return []
            state.annotations.append(annotation)
            return [
                self._emit(
                    "response.output_text.annotation.added",
                    item_id=state.item["id"],
                    output_index=state.output_index,
                    content_index=0,
                    annotation_index=len(state.annotations) - 1,
                    annotation=annotation,
                )
            ]
        self.ctx.loss(
            f"$.choices[0].message.content[{ev.index}]",
            "stream-event-dropped",
            f"a `{d.type}` delta does not fit a Responses {state.kind} item",
        )
        return []

    def finish(self) -> list[dict[str, Any]]:
        if self.mirrored or self.stopped or not self.started:
            return []
        return self._end()
