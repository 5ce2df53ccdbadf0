"""Universal stream events -> Anthropic Messages stream events. https://docs.claude.com/en/docs/build-with-claude/streaming"""

from __future__ import annotations

from typing import Any

from ..._formats import Format
from ..._json import to_json_text
from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    HasExtras,
    KeepAlive,
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
from .blocks import BlockEncoder, encode_citation
from .content import is_native
from .response import encode_stop_reason, encode_usage, response_from_universal, usage_counts
from .stream_fast import BEDROCK_METRICS
from .tables import FAMILY, SIGNATURE_ORIGINS


def _escape(text: str) -> str:
    """``text`` as the inside of a JSON string."""
    return to_json_text(text)[1:-1]


class AnthropicStreamEncoder(StreamEncoder):
    """Writes Anthropic events. Events decoded from an Anthropic-family stream are written back
    one for one; a stream from another format gets the full Anthropic framing: a complete
    ``message_start`` skeleton, ``content_block_start``/``delta``/``stop`` per block with its
    own index, one ``message_delta`` (stop reason and usage, gathered until the end) and
    ``message_stop``."""

    def __init__(self, ctx: ConversionContext) -> None:
        super().__init__(ctx)
        self.blocks = BlockEncoder(ctx, response=True)
        self.started = self.stopped = False
        self.index: dict[int, int] = {}  # universal part index -> block index
        self.kinds: dict[int, str] = {}  # block index -> block type
        self.open: list[int] = []
        self.skipped: set[int] = set()
        self.custom: set[int] = set()  # blocks of free-text tool input, wrapped as JSON
        self.next = 0
        self.finish_reason: ResponseDelta | None = None
        self.usage: Usage | None = None
        self.count = 0
        self.choice_loss = False

    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        self.count += 1
        for ev in events:
            if type(ev) is PartDelta and ev.choice_index == 0:  # the bulk of a stream, first
                ex = ev.extras
                if ex is None or ex.family != FAMILY or not ex.shape:  # no whole-message mark
                    out += self._part_delta(ev, ex is not None and ex.family == FAMILY)
                    continue
            if getattr(ev, "choice_index", 0) != 0:
                if not self.choice_loss:
                    self._loss("n-unsupported", "an Anthropic stream carries one answer")
                    self.choice_loss = True
                continue
            out += self._one(ev)
        return out

    def _path(self) -> str:  # ``$[n]``: the n-th source event (one `feed`)
        return f"$[{self.count - 1}]"

    def _loss(self, code: str, reason: str) -> None:
        self.ctx.loss(self._path(), code, reason)

    # --- per event -------------------------------------------------------------------------

    def _restore(self, out: dict[str, Any], node: HasExtras, suffix: str = "") -> None:
        """`restore` for this event (path ``$[n]`` + ``suffix``, written only for a loss)."""
        ex = node.extras
        if ex is None or not ex.fields:
            return
        if ex.family == self.ctx.family:
            out.update(ex.fields)
            return
        restore(out, node, self.ctx, self._path() + suffix)

    def _one(self, ev: StreamEvent) -> list[dict[str, Any]]:
        ex = ev.extras
        native = ex is not None and ex.family == FAMILY
        shape = ex.shape if ex is not None and ex.family == self.ctx.family else None
        whole = shape.get("whole_message") if shape else None
        if whole is not None and whole != self.ctx.format.value:
            native = False  # another cloud's whole-message reply: written as a real stream
        elif whole is not None:
            # a whole Message received as one event: written back once, at its stop
            if isinstance(ev, ResponseStop) and ev.response is not None:
                self.started = self.stopped = True
                return [response_from_universal(ev.response, self.ctx)]
            return []
        if isinstance(ev, PartDelta):  # the bulk of a stream, first
            return self._part_delta(ev, native)
        if isinstance(ev, ResponseStart):
            return self._start(ev, native)
        if isinstance(ev, PartStart):
            return self._part_start(ev, native)
        if isinstance(ev, PartStop):
            return self._part_stop(ev, native)
        if isinstance(ev, ResponseDelta):
            if native:
                return [self._message_delta(ev, native=True)]
            self.usage = merge_usage(self.usage, ev.usage)
            if ev.finish_reason is not None or ev.stop_sequence is not None:
                self.finish_reason = ev
            return []
        if isinstance(ev, ResponseStop):
            if native:
                self.stopped = True
                out: dict[str, Any] = {"type": "message_stop"}
                restore(out, ev, self.ctx, self._path())
                metrics = shape_of(ev, self.ctx).get(BEDROCK_METRICS)
                if metrics is not None and self.ctx.format is Format.BEDROCK_ANTHROPIC:
                    out[BEDROCK_METRICS] = metrics
                return [out]
            if ev.response is not None:
                self._absorb(ev)
            return self._close()
        if isinstance(ev, StreamError):
            self.stopped = True  # the stream ends with the error; nothing is closed after it
            err: dict[str, Any] = {}
            if ev.error_type is not None or not native:
                err["type"] = ev.error_type or "api_error"
            if ev.message is not None or not native:
                err["message"] = ev.message or ""
            restore(err, ev, self.ctx, self._path())
            return [{"type": "error", "error": err, **shape_of(ev, self.ctx).get("event", {})}]
        if isinstance(ev, KeepAlive):
            if not native:
                return []  # another format's empty event: nothing to say (ping is Anthropic's own)
            ping: dict[str, Any] = {"type": "ping"}
            restore(ping, ev, self.ctx, self._path())
            return [ping]
        return []  # pragma: no cover - exhaustive

    def _absorb(self, ev: ResponseStop) -> None:
        """Take finish reason and usage from a final whole response where none came before."""
        resp = ev.response
        assert resp is not None
        if self.usage is None:
            self.usage = resp.usage
        if self.finish_reason is None and resp.choices:
            c = resp.choices[0]
            self.finish_reason = ResponseDelta(
                finish_reason=c.finish_reason, stop_sequence=c.stop_sequence
            )

    def _start(self, ev: ResponseStart, native: bool) -> list[dict[str, Any]]:
        self.started = True
        path = f"{self._path()}.message"
        if native:
            msg: dict[str, Any] = {"id": ev.id, "model": ev.model}
            if ev.usage is not None:
                msg["usage"] = encode_usage(ev.usage, self.ctx, f"{path}.usage")
            restore(msg, ev, self.ctx, path)
            return [
                {"type": "message_start", "message": msg, **shape_of(ev, self.ctx).get("event", {})}
            ]
        self.usage = merge_usage(self.usage, ev.usage)
        msg = {
            "id": ev.id or "",
            "type": "message",
            "role": "assistant",
            "content": [],
            "model": ev.model or "",
            "stop_reason": None,
            "stop_sequence": None,
            "usage": encode_usage(ev.usage, self.ctx, f"{path}.usage"),
        }
        restore(msg, ev, self.ctx, path)
        return [{"type": "message_start", "message": msg}]

    def _ensure_started(self) -> list[dict[str, Any]]:
        return [] if self.started else self._start(ResponseStart(), native=False)

    def _part_start(self, ev: PartStart, native: bool) -> list[dict[str, Any]]:
        path = f"{self._path()}.part"
        if native:
            blocks = self.blocks.part(ev.part, path)
            if not blocks:
                self.skipped.add(ev.index)
                return []
            self.index[ev.index] = ev.index
            self.kinds[ev.index] = blocks[0]["type"]
            out: dict[str, Any] = {
                "type": "content_block_start",
                "index": ev.index,
                "content_block": blocks[0],
            }
            restore(out, ev, self.ctx, self._path())
            return [out]
        block, follow = self._foreign_block(ev.part, path)
        if block is None:
            self.skipped.add(ev.index)
            return []
        events = self._ensure_started()
        idx = self.next
        self.next += 1
        self.index[ev.index] = idx
        self.kinds[idx] = block["type"]
        self.open.append(idx)
        if isinstance(ev.part, ToolCallPart) and ev.part.kind == "custom":
            self.custom.add(idx)
        restore({}, ev, self.ctx, self._path())
        events.append({"type": "content_block_start", "index": idx, "content_block": block})
        events += [{"type": "content_block_delta", "index": idx, "delta": d} for d in follow]
        return events

    def _foreign_block(
        self, part: Part, path: str
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The start block for another format's part, and first deltas carrying whatever
        content the part already has (Anthropic starts text and tool input empty)."""
        if isinstance(part, (TextPart, RefusalPart)):
            if isinstance(part, TextPart) and part.citations:
                for i, c in enumerate(part.citations):
                    encode_citation(c, self.ctx, f"{path}.citations[{i}]")
            follow = [{"type": "text_delta", "text": part.text}] if part.text else []
            return {"type": "text", "text": ""}, follow
        if isinstance(part, ReasoningPart) and part.redacted is None:
            text = part.text if part.text is not None else "\n\n".join(part.summary or [])
            follow = [{"type": "thinking_delta", "thinking": text}] if text else []
            if part.signature is not None:
                if part.signature_origin in SIGNATURE_ORIGINS:
                    follow.append({"type": "signature_delta", "signature": part.signature})
                else:
                    origin = part.signature_origin
                    self.ctx.loss(
                        f"{path}.signature", "signature-not-portable", f"a {origin} signature"
                    )
            return {"type": "thinking", "thinking": "", "signature": ""}, follow
        if isinstance(part, ToolCallPart) and (part.kind != "server" or is_native(part)):
            # the arguments so far are passed on as they are: a stream's first chunk of JSON
            # text is rarely a complete object yet
            kind = "tool_use" if part.kind != "server" else "server_tool_use"
            block = {"type": kind, "id": part.id, "name": part.name, "input": {}}
            text = part.arguments
            if part.kind == "custom":
                self.ctx.loss(
                    path, "custom-tool-approximated", 'free-text input wrapped as {"input": text}'
                )
                text = '{"input":"' + _escape(text)
            follow = [{"type": "input_json_delta", "partial_json": text}] if text else []
            return block, follow
        blocks = self.blocks.part(part, path)
        return (blocks[0] if blocks else None), []

    def _part_delta(self, ev: PartDelta, native: bool) -> list[dict[str, Any]]:
        d = ev.delta
        if ev.index in self.skipped:
            return []
        if native:
            idx = self.index.get(ev.index, ev.index)
            delta = self._native_delta(d)
            if delta is None:
                return []
            out: dict[str, Any] = {"type": "content_block_delta", "index": idx, "delta": delta}
            self._restore(out, ev)
            return [out]
        idx_or_none = self.index.get(ev.index)
        if idx_or_none is None:
            self._loss("stream-event-dropped", f"a delta for part {ev.index}, which never started")
            return []
        idx = idx_or_none
        kind = self.kinds.get(idx)
        wire: dict[str, Any] | None = None
        if isinstance(d, (TextDelta, RefusalDelta)) and kind == "text":
            wire = {"type": "text_delta", "text": d.text}
        elif isinstance(d, (ReasoningDelta, SummaryDelta, TextDelta)) and kind == "thinking":
            wire = {"type": "thinking_delta", "thinking": d.text}
        elif isinstance(d, ArgumentsDelta) and kind in ("tool_use", "server_tool_use"):
            text = _escape(d.json) if idx in self.custom else d.json
            wire = {"type": "input_json_delta", "partial_json": text}
        elif isinstance(d, SignatureDelta) and kind == "thinking":
            if d.origin in SIGNATURE_ORIGINS:
                wire = {"type": "signature_delta", "signature": d.signature}
            else:
                self._loss("signature-not-portable", f"a {d.origin} reasoning signature")
        elif isinstance(d, CitationDelta) and kind == "text":
            cite = encode_citation(d.citation, self.ctx, f"{self._path()}.delta.citation")
            if cite is not None:
                wire = {"type": "citations_delta", "citation": cite}
        else:
            self._loss("stream-event-dropped", f"a {d.type} delta for a {kind} block")
        if wire is None:
            return []
        self._restore({}, d, ".delta")
        return [{"type": "content_block_delta", "index": idx, "delta": wire}]

    def _native_delta(self, d: Any) -> dict[str, Any] | None:
        out: dict[str, Any]
        if isinstance(d, TextDelta):
            out = {"type": "text_delta", "text": d.text}
        elif isinstance(d, ArgumentsDelta):
            out = {"type": "input_json_delta", "partial_json": d.json}
        elif isinstance(d, ReasoningDelta):
            out = {"type": "thinking_delta", "thinking": d.text}
        elif isinstance(d, SignatureDelta):
            out = {"type": "signature_delta", "signature": d.signature}
        elif isinstance(d, CitationDelta):
            cite = encode_citation(d.citation, self.ctx, f"{self._path()}.delta.citation")
            if cite is None:
                return None
            out = {"type": "citations_delta", "citation": cite}
        else:
            return None
        self._restore(out, d, ".delta")
        return out

    def _part_stop(self, ev: PartStop, native: bool) -> list[dict[str, Any]]:
        if ev.index in self.skipped:
            return []
        idx = self.index.get(ev.index, ev.index)
        if native:
            out: dict[str, Any] = {"type": "content_block_stop", "index": idx}
            restore(out, ev, self.ctx, self._path())
            return [out]
        if idx not in self.open or ev.index not in self.index:
            return []
        self.open.remove(idx)
        return [*self._closing(idx), {"type": "content_block_stop", "index": idx}]

    def _closing(self, idx: int) -> list[dict[str, Any]]:
        """The end of a custom tool's wrapped input, before its block stops."""
        if idx not in self.custom:
            return []
        self.custom.discard(idx)
        return [
            {
                "type": "content_block_delta",
                "index": idx,
                "delta": {"type": "input_json_delta", "partial_json": '"}'},
            }
        ]

    # --- the end ---------------------------------------------------------------------------

    def _message_delta(self, ev: ResponseDelta, *, native: bool) -> dict[str, Any]:
        path = self._path()
        delta: dict[str, Any] = {}
        reason = encode_stop_reason(
            ev.finish_reason, shape_of(ev, self.ctx), self.ctx, f"{path}.finish_reason"
        )
        if reason is not None or not native:
            delta["stop_reason"] = reason if reason is not None or native else "end_turn"
        if ev.stop_sequence is not None or not native:
            delta["stop_sequence"] = ev.stop_sequence
        restore(delta, ev, self.ctx, path)
        out: dict[str, Any] = {"type": "message_delta", "delta": delta}
        if ev.usage is not None or not native:
            out["usage"] = encode_usage(ev.usage, self.ctx, f"{path}.usage", partial=True)
        out.update(shape_of(ev, self.ctx).get("event", {}))
        return out

    def _close(self) -> list[dict[str, Any]]:
        """Close open blocks, then the message: one message_delta and message_stop."""
        if self.stopped:
            return []
        out = self._ensure_started()
        for i in self.open:
            out += [*self._closing(i), {"type": "content_block_stop", "index": i}]
        self.open.clear()
        pending = self.finish_reason or ResponseDelta()
        final = ResponseDelta(
            finish_reason=pending.finish_reason,
            stop_sequence=pending.stop_sequence,
            usage=usage_counts(self.usage),
        )
        out.append(self._message_delta(final, native=False))
        out.append({"type": "message_stop"})
        self.stopped = True
        return out

    def finish(self) -> list[dict[str, Any]]:
        if self.started and not self.stopped:
            return self._close()
        return []
