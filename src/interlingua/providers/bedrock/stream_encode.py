"""Universal stream events -> Bedrock ConverseStream events. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html"""

from __future__ import annotations

from typing import Any

from ..._json import to_json_text
from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    KeepAlive,
    OpaquePart,
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
    ToolResultPart,
    Usage,
)
from ...universal.accumulate import merge_usage
from ..base import ConversionContext, StreamEncoder, restore, shape_of
from .content import is_native
from .encode import encode_citation, is_base64, tool_name
from .response import encode_stop_reason, encode_usage
from .tables import ERROR_EVENTS, EXCEPTION_EVENTS, FAMILY, SIGNATURE_ORIGINS


def _escape(text: str) -> str:
    return to_json_text(text)[1:-1]


class BedrockStreamEncoder(StreamEncoder):
    """Writes ConverseStream events. Events decoded from a Bedrock stream are written back one
    for one; another format's stream gets the full framing: ``messageStart``, per block its
    deltas (``contentBlockStart`` only for tool use) and ``contentBlockStop``, then
    ``messageStop`` with the stop reason and ``metadata`` with usage and metrics (latency 0:
    the source did not measure it)."""

    def __init__(self, ctx: ConversionContext) -> None:
        super().__init__(ctx)
        self.started = self.done = False
        self.index: dict[int, int] = {}  # universal part index -> contentBlockIndex
        self.kinds: dict[int, str] = {}
        self.open: list[int] = []
        self.skipped: set[int] = set()
        #: Bedrock blocks that have had an event: text and reasoning blocks open implicitly
        #: with their first delta, so a block that had none must not be closed either
        self.emitted: set[int] = set()
        self.custom: set[int] = set()
        self.next = 0
        self.finish_reason: ResponseDelta | None = None
        self.usage: Usage | None = None
        self.count = 0
        self.choice_loss = False

    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for ev in events:
            self.count += 1
            if type(ev) is PartDelta:
                quick = self._quick_delta(ev)
                if quick is not None:
                    out.append(quick)
                    continue
            if getattr(ev, "choice_index", 0) != 0:
                if not self.choice_loss:
                    self.ctx.loss(self._path(), "n-unsupported", "a stream carries one answer")
                    self.choice_loss = True
                continue
            out += self._one(ev)
        return out

    def _quick_delta(self, ev: PartDelta) -> dict[str, Any] | None:
        """The fast path of a text, reasoning or argument delta with no extras to restore or
        report: the event `_part_delta` writes for it without a loss. None takes the full path."""
        d, ex = ev.delta, ev.extras
        if ev.choice_index or (d.extras is not None and d.extras.fields):
            return None
        native = ex is not None and ex.family == FAMILY
        idx = ev.index if native else self.index.get(ev.index)
        if idx is None or idx in self.custom or ev.index in self.skipped:
            return None
        if native and ex is not None and ex.fields:
            return None
        kind = None if native else self.kinds.get(idx)
        wire: dict[str, Any]
        if isinstance(d, TextDelta) and kind in ("text", None):
            wire = {"text": d.text}
        elif isinstance(d, (ReasoningDelta, TextDelta)) and kind in ("reasoning", None):
            wire = {"reasoningContent": {"text": d.text}}
        elif isinstance(d, ArgumentsDelta) and kind in ("tool", None):
            wire = {"toolUse": {"input": d.json}}
        else:
            return None
        if not native:
            self.emitted.add(idx)
        return {"contentBlockDelta": {"delta": wire, "contentBlockIndex": idx}}

    def _path(self) -> str:
        return f"$[{self.count - 1}]"

    def _one(self, ev: StreamEvent) -> list[dict[str, Any]]:
        native = is_native(ev)
        shape = shape_of(ev, self.ctx)
        if isinstance(ev, ResponseStart):
            self.started = True
            body: dict[str, Any] = {"role": shape.get("role", "assistant")}
            restore(body, ev, self.ctx, self._path())
            if not native:
                self.usage = merge_usage(self.usage, ev.usage)
            return [{"messageStart": body}]
        if isinstance(ev, PartStart):
            return self._part_start(ev, native, shape)
        if isinstance(ev, PartDelta):
            return self._part_delta(ev, native)
        if isinstance(ev, PartStop):
            return self._part_stop(ev, native, shape)
        if isinstance(ev, ResponseDelta):
            if native:
                return [self._native_delta(ev, shape)]
            self.usage = merge_usage(self.usage, ev.usage)
            if ev.finish_reason is not None:
                self.finish_reason = ev
            return []
        if isinstance(ev, ResponseStop):
            if native:
                return []
            if ev.response is not None:
                self._absorb(ev)
            return self._close()
        if isinstance(ev, StreamError):
            self.done = True
            name = shape.get("event")
            if name not in EXCEPTION_EVENTS:
                name = ERROR_EVENTS.get(ev.error_type or "", "internalServerException")
            err: dict[str, Any] = {}
            if ev.message is not None or not native:
                err["message"] = ev.message or ""
            restore(err, ev, self.ctx, self._path())
            return [{name: err}]
        if isinstance(ev, KeepAlive) and native and shape.get("verbatim"):
            raw: dict[str, Any] = {}
            restore(raw, ev, self.ctx, self._path())
            return [raw]
        return []

    def _absorb(self, ev: ResponseStop) -> None:
        resp = ev.response
        assert resp is not None
        if self.usage is None:
            self.usage = resp.usage
        if self.finish_reason is None and resp.choices:
            self.finish_reason = ResponseDelta(finish_reason=resp.choices[0].finish_reason)

    def _native_delta(self, ev: ResponseDelta, shape: dict[str, Any]) -> dict[str, Any]:
        path = self._path()
        if shape.get("event") == "metadata":
            self.done = True
            body: dict[str, Any] = {"usage": encode_usage(ev.usage, self.ctx, f"{path}.usage")}
            restore(body, ev, self.ctx, path)
            return {"metadata": body}
        reason = encode_stop_reason(ev.finish_reason, shape, self.ctx, f"{path}.finish_reason")
        body = {"stopReason": reason}
        restore(body, ev, self.ctx, path)
        return {"messageStop": body}

    # --- parts -----------------------------------------------------------------------------

    def _delta_event(self, idx: int, delta: dict[str, Any]) -> dict[str, Any]:
        self.emitted.add(idx)
        return {"contentBlockDelta": {"delta": delta, "contentBlockIndex": idx}}

    def _part_start(
        self, ev: PartStart, native: bool, shape: dict[str, Any]
    ) -> list[dict[str, Any]]:
        path = f"{self._path()}.part"
        part = ev.part
        if native:
            if shape.get("synthetic"):
                return []
            body: dict[str, Any] = {"contentBlockIndex": ev.index}
            if shape.get("delta") == "redactedContent" and isinstance(part, ReasoningPart):
                body["delta"] = {"reasoningContent": {"redactedContent": part.redacted}}
                restore(body, ev, self.ctx, self._path())
                return [{"contentBlockDelta": body}]
            body["start"] = self._start_block(part, path)
            restore(body, ev, self.ctx, self._path())
            return [{"contentBlockStart": body}]
        return self._foreign_start(ev, path)

    def _start_block(self, part: Part, path: str) -> dict[str, Any]:
        if isinstance(part, ToolCallPart):
            tu: dict[str, Any] = {
                "toolUseId": tool_name(part.id, self.ctx, path, "id", tool_id=True),
                "name": tool_name(part.name, self.ctx, path, "name"),
            }
            if part.kind == "server":
                tu["type"] = "server_tool_use"
            restore(tu, part, self.ctx, path)
            return {"toolUse": tu}
        return part.data if isinstance(part, OpaquePart) else {}

    def _foreign_start(self, ev: PartStart, path: str) -> list[dict[str, Any]]:
        part = ev.part
        follow: list[dict[str, Any]] = []
        start: dict[str, Any] | None = None
        if isinstance(part, (TextPart, RefusalPart)):
            kind = "text"
            if part.text:
                follow.append({"text": part.text})
            if isinstance(part, TextPart) and part.citations:
                for i, c in enumerate(part.citations):
                    cite = encode_citation(c, self.ctx, f"{path}.citations[{i}]")
                    if cite is not None:
                        follow.append({"citation": cite})
        elif isinstance(part, ReasoningPart):
            kind = "reasoning"
            portable = part.signature_origin in SIGNATURE_ORIGINS
            if part.redacted is not None:
                if portable and is_base64(part.redacted):
                    follow.append({"reasoningContent": {"redactedContent": part.redacted}})
                else:
                    code = "signature-not-portable" if not portable else "reasoning-dropped"
                    self.ctx.loss(path, code, "encrypted reasoning Bedrock cannot take")
                    self.skipped.add(ev.index)
                    return []
            text = part.text if part.text is not None else "\n\n".join(part.summary or [])
            if text:
                follow.append({"reasoningContent": {"text": text}})
            if part.signature is not None:
                if portable:
                    follow.append({"reasoningContent": {"signature": part.signature}})
                else:
                    self.ctx.loss(
                        path, "signature-not-portable", f"a {part.signature_origin} signature"
                    )
        elif isinstance(part, ToolCallPart) and part.kind != "server":
            kind = "tool"
            start = self._start_block(part, path)
            text = part.arguments
            if part.kind == "custom":
                self.custom.add(self.next)
                self.ctx.loss(
                    path, "custom-tool-approximated", 'free-text input wrapped as {"input": text}'
                )
                text = '{"input":"' + _escape(text)
            if text:
                follow.append({"toolUse": {"input": text}})
        elif isinstance(part, (ToolCallPart, ToolResultPart)):
            self.ctx.loss(path, "tool-unsupported", "another provider's hosted tool")
            self.skipped.add(ev.index)
            return []
        else:
            self.ctx.loss(path, "stream-event-dropped", f"a {part.type} part cannot be streamed")
            self.skipped.add(ev.index)
            return []
        out: list[dict[str, Any]] = []
        if not self.started:
            out.append({"messageStart": {"role": "assistant"}})
        self.started = True
        idx = self.next
        self.next += 1
        self.index[ev.index] = idx
        self.kinds[idx] = kind
        self.open.append(idx)
        restore({}, ev, self.ctx, self._path())
        if start is not None:
            self.emitted.add(idx)
            out.append({"contentBlockStart": {"start": start, "contentBlockIndex": idx}})
        out += [self._delta_event(idx, d) for d in follow]
        return out

    def _wire_delta(self, d: Any, kind: str | None, idx: int, path: str) -> dict[str, Any] | None:
        if isinstance(d, (TextDelta, RefusalDelta)) and kind in ("text", None):
            return {"text": d.text}
        if isinstance(d, (ReasoningDelta, SummaryDelta)) and kind in ("reasoning", None):
            return {"reasoningContent": {"text": d.text}}
        if isinstance(d, TextDelta) and kind == "reasoning":
            return {"reasoningContent": {"text": d.text}}
        if isinstance(d, ArgumentsDelta) and kind in ("tool", None):
            return {"toolUse": {"input": _escape(d.json) if idx in self.custom else d.json}}
        if isinstance(d, SignatureDelta) and kind in ("reasoning", None):
            if d.origin in SIGNATURE_ORIGINS or kind is None:
                return {"reasoningContent": {"signature": d.signature}}
            self.ctx.loss(path, "signature-not-portable", f"a {d.origin} reasoning signature")
            return None
        if isinstance(d, CitationDelta) and kind in ("text", None):
            cite = encode_citation(d.citation, self.ctx, f"{path}.citation")
            return {"citation": cite} if cite is not None else None
        self.ctx.loss(path, "stream-event-dropped", f"a {d.type} delta for a {kind} block")
        return None

    def _part_delta(self, ev: PartDelta, native: bool) -> list[dict[str, Any]]:
        path = self._path()
        if ev.index in self.skipped:
            return []
        if native:
            wire = self._wire_delta(ev.delta, None, ev.index, f"{path}.delta")
            if wire is None:
                return []
            inner = next(iter(wire.values()))
            restore(
                inner if isinstance(inner, dict) and "text" not in wire else wire,
                ev.delta,
                self.ctx,
                f"{path}.delta",
            )
            body: dict[str, Any] = {"delta": wire, "contentBlockIndex": ev.index}
            restore(body, ev, self.ctx, path)
            return [{"contentBlockDelta": body}]
        idx = self.index.get(ev.index)
        if idx is None:
            self.ctx.loss(
                path, "stream-event-dropped", f"a delta for part {ev.index}, never started"
            )
            return []
        wire = self._wire_delta(ev.delta, self.kinds.get(idx), idx, f"{path}.delta")
        if wire is None:
            return []
        restore({}, ev.delta, self.ctx, f"{path}.delta")
        return [self._delta_event(idx, wire)]

    def _part_stop(self, ev: PartStop, native: bool, shape: dict[str, Any]) -> list[dict[str, Any]]:
        if ev.index in self.skipped:
            return []
        if native:
            if shape.get("synthetic"):
                return []
            body: dict[str, Any] = {"contentBlockIndex": ev.index}
            restore(body, ev, self.ctx, self._path())
            return [{"contentBlockStop": body}]
        idx = self.index.get(ev.index)
        if idx is None or idx not in self.open:
            return []
        self.open.remove(idx)
        return self._stop(idx)

    def _stop(self, idx: int) -> list[dict[str, Any]]:
        if idx not in self.emitted:
            return []
        out = []
        if idx in self.custom:
            self.custom.discard(idx)
            out.append(self._delta_event(idx, {"toolUse": {"input": '"}'}}))
        out.append({"contentBlockStop": {"contentBlockIndex": idx}})
        return out

    # --- the end ---------------------------------------------------------------------------

    def _close(self) -> list[dict[str, Any]]:
        if self.done:
            return []
        out: list[dict[str, Any]] = []
        if not self.started:
            out.append({"messageStart": {"role": "assistant"}})
        self.started = True
        for idx in list(self.open):
            out += self._stop(idx)
        self.open.clear()
        path = self._path()
        pending = self.finish_reason or ResponseDelta()
        reason = encode_stop_reason(pending.finish_reason, {}, self.ctx, f"{path}.finish_reason")
        if pending.stop_sequence is not None:
            self.ctx.loss(
                f"{path}.stop_sequence",
                "parameter-unsupported",
                "Bedrock names the matched stop sequence only in model-specific fields",
            )
        if pending.extras is not None:
            restore({}, pending, self.ctx, path)
        out.append({"messageStop": {"stopReason": reason}})
        usage = encode_usage(self.usage, self.ctx, f"{path}.usage")
        out.append({"metadata": {"usage": usage, "metrics": {"latencyMs": 0}}})
        self.done = True
        return out

    def finish(self) -> list[dict[str, Any]]:
        if self.started and not self.done:
            return self._close()
        return []
