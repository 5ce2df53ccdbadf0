"""Universal stream events -> Responses stream events (a complete, well-formed sequence).
https://platform.openai.com/docs/api-reference/responses-streaming
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    FinishReason,
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
    Usage,
)
from ...universal.accumulate import merge_usage
from ..base import ConversionContext, StreamEncoder
from .common import F, safe_id, shape
from .content import encode_annotation
from .open_item import OpenItem
from .response import encode_usage
from .stream_mirror import mirror_event
from .tables import APPROXIMATE_FINISH, DEFAULT_ID, DEFAULT_MODEL, FINISH_STATUS


class ResponsesStreamEncoder(StreamEncoder):
    """Writes Responses events: the same family's events are rebuilt from their carriers,
    any other stream is turned into the full created / item / part / completed sequence."""

    def __init__(self, ctx: ConversionContext) -> None:
        super().__init__(ctx)
        self.seq = 0
        self.mirrored = False
        self.started = False
        self.stopped = False
        self.rid = DEFAULT_ID
        self.model = DEFAULT_MODEL
        self.created = 0
        self.output: list[dict[str, Any]] = []
        self.open: dict[int, OpenItem] = {}
        self.skipped: set[int] = set()
        self.usage: Usage | None = None
        self.finish_reason: Any = None

    # --- same family -------------------------------------------------------------------

    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        for e in events:
            ex = e.extras
            if ex is not None and ex.family == F and "event" in ex.shape:
                self.mirrored = True
                return [mirror_event(e, self.ctx, self.rid) for e in events if "event" in shape(e)]
        if len(events) == 1:
            return self._generate(events[0])
        out: list[dict[str, Any]] = []
        for ev in events:
            out += self._generate(ev)
        return out

    # --- any other source --------------------------------------------------------------

    def _emit(self, kind: str, **body: Any) -> dict[str, Any]:
        event = {"type": kind, **body, "sequence_number": self.seq}
        self.seq += 1
        return event

    def _envelope(self, status: str, usage: dict[str, Any] | None) -> dict[str, Any]:
        return {
            "id": self.rid,
            "object": "response",
            "created_at": self.created,
            "status": status,
            "error": None,
            "incomplete_details": None,
            "instructions": None,
            "model": self.model,
            "output": list(self.output),
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
            "usage": usage,
        }

    def _begin(self, ev: ResponseStart | None = None) -> list[dict[str, Any]]:
        if self.started:
            return []
        self.started = True
        if ev is not None:
            self.rid = ev.id or self.rid
            self.model = ev.model or self.model
            self.created = ev.created or self.created
            self.usage = merge_usage(self.usage, ev.usage)
        return [
            self._emit("response.created", response=self._envelope("in_progress", None)),
            self._emit("response.in_progress", response=self._envelope("in_progress", None)),
        ]

    def _generate(self, ev: StreamEvent) -> list[dict[str, Any]]:
        if self.started and not self.stopped:  # the most frequent events first
            if isinstance(ev, PartDelta):
                return self._part_delta(ev)
            if isinstance(ev, ResponseDelta):
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
        return safe_id(f"{prefix}_{self.rid}_{len(self.output) + len(self.open)}", prefix)

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
            out = [
                self._emit("response.output_item.added", item=dict(item), output_index=oi),
                self._emit(
                    "response.content_part.added",
                    item_id=item["id"],
                    output_index=oi,
                    content_index=0,
                    part=blank,
                ),
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

    def _text(self, state: OpenItem, text: str) -> list[dict[str, Any]]:
        state.text.append(text)
        seq = self.seq
        self.seq = seq + 1
        if state.kind == "message":
            return [{**state.head, "delta": text, "logprobs": [], "sequence_number": seq}]
        return [{**state.head, "delta": text, "sequence_number": seq}]

    def _reasoning(self, state: OpenItem, text: str) -> list[dict[str, Any]]:
        ids = {"item_id": state.item["id"], "output_index": state.output_index}
        out = []
        if not state.reasoning_open:
            state.reasoning_open = True
            out.append(
                self._emit(
                    "response.content_part.added",
                    **ids,
                    content_index=0,
                    part={"type": "reasoning_text", "text": ""},
                )
            )
        state.text.append(text)
        out.append({**state.head, "delta": text, "sequence_number": self.seq})
        self.seq += 1
        return out

    def _summary(self, state: OpenItem, index: int, text: str) -> list[dict[str, Any]]:
        ids = {"item_id": state.item["id"], "output_index": state.output_index}
        out = []
        if index not in state.summary:
            for k in range(len(state.summary), index + 1):
                state.summary[k] = []
                out.append(
                    self._emit(
                        "response.reasoning_summary_part.added",
                        **ids,
                        summary_index=k,
                        part={"type": "summary_text", "text": ""},
                    )
                )
        state.summary[index].append(text)
        out.append(
            self._emit(
                "response.reasoning_summary_text.delta", **ids, summary_index=index, delta=text
            )
        )
        return out

    def _signature(self, state: OpenItem, signature: str, origin: str | None) -> None:
        if origin == F:
            state.encrypted = (state.encrypted or "") + signature
            return
        self.ctx.loss(
            f"$.choices[0].message.content[{state.output_index}].signature",
            "signature-not-portable",
            f"a reasoning signature from {origin or 'another provider'} "
            "cannot be verified by Responses",
        )

    def _part_delta(self, ev: PartDelta) -> list[dict[str, Any]]:
        if ev.index in self.skipped:
            return []
        state = self.open.get(ev.index)
        if state is None:
            return []
        d = ev.delta
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

    def _part_stop(self, index: int) -> list[dict[str, Any]]:
        state = self.open.pop(index, None)
        if state is None:
            return []
        text = "".join(state.text)
        item = dict(state.item)
        ids = {"item_id": item["id"], "output_index": state.output_index}
        out: list[dict[str, Any]] = []
        if state.kind in ("message", "refusal"):
            if state.kind == "message":
                part = {"type": "output_text", "text": text, "annotations": state.annotations}
                out.append(
                    self._emit(
                        "response.output_text.done", **ids, content_index=0, text=text, logprobs=[]
                    )
                )
            else:
                part = {"type": "refusal", "refusal": text}
                out.append(
                    self._emit("response.refusal.done", **ids, content_index=0, refusal=text)
                )
            out.append(self._emit("response.content_part.done", **ids, content_index=0, part=part))
            item.update(status="completed", content=[part])
        elif state.kind == "reasoning":
            for k in sorted(state.summary):
                s = "".join(state.summary[k])
                part = {"type": "summary_text", "text": s}
                out.append(
                    self._emit(
                        "response.reasoning_summary_text.done", **ids, summary_index=k, text=s
                    )
                )
                out.append(
                    self._emit(
                        "response.reasoning_summary_part.done", **ids, summary_index=k, part=part
                    )
                )
            item["summary"] = [
                {"type": "summary_text", "text": "".join(state.summary[k])}
                for k in sorted(state.summary)
            ]
            if state.reasoning_open:
                part = {"type": "reasoning_text", "text": text}
                out.append(
                    self._emit("response.reasoning_text.done", **ids, content_index=0, text=text)
                )
                out.append(
                    self._emit("response.content_part.done", **ids, content_index=0, part=part)
                )
                item["content"] = [part]
            if state.encrypted is not None:
                item["encrypted_content"] = state.encrypted
        elif state.kind == "custom_tool_call":
            out.append(self._emit("response.custom_tool_call_input.done", **ids, input=text))
            item["input"] = text
        else:
            out.append(self._emit("response.function_call_arguments.done", **ids, arguments=text))
            item.update(status="completed", arguments=text)
        out.append(
            self._emit("response.output_item.done", item=item, output_index=state.output_index)
        )
        self.output.append(item)
        return out

    def _end(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index in sorted(self.open, key=lambda i: self.open[i].output_index):
            out += self._part_stop(index)
        self.stopped = True
        status, incomplete = FINISH_STATUS.get(self.finish_reason, ("completed", None))
        # a tool-call finish is told by call items, a refusal by a refusal part
        item_types = {item.get("type") for item in self.output}
        part_types = {
            p.get("type")
            for item in self.output
            for p in item.get("content") or ()
            if isinstance(p, dict)
        }
        untold = (
            self.finish_reason is FinishReason.TOOL_CALLS
            and not item_types & {"function_call", "custom_tool_call"}
        ) or (self.finish_reason is FinishReason.REFUSAL and "refusal" not in part_types)
        if self.finish_reason in APPROXIMATE_FINISH or untold:
            self.ctx.loss(
                "$.finish_reason",
                "finish-reason-approximated",
                f"Responses has no finish reason {self.finish_reason.value!r}",
            )
        usage = encode_usage(self.usage or Usage(), self.ctx)
        resp = self._envelope(status, usage)
        resp["incomplete_details"] = {"reason": incomplete} if incomplete else None
        if status == "failed":
            resp["error"] = {"code": "server_error", "message": "the response failed"}
        kind = {"incomplete": "response.incomplete", "failed": "response.failed"}.get(
            status, "response.completed"
        )
        out.append(self._emit(kind, response=resp))
        return out

    def finish(self) -> list[dict[str, Any]]:
        if self.mirrored or self.stopped or not self.started:
            return []
        return self._end()
