"""Universal stream events -> Bedrock ConverseStream events. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeAlias

from ...universal import (
    ArgumentsDelta,
    HasExtras,
    KeepAlive,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    ReasoningPart,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    StreamError,
    StreamEvent,
    TextDelta,
    ToolCallPart,
    Usage,
)
from ...universal.accumulate import merge_usage
from ..base import ConversionContext, StreamEncoder, restore, shape_of
from .content import is_native
from .response import encode_stop_reason, encode_usage
from .stream_parts import open_part, start_block, wire_delta
from .tables import ERROR_EVENTS, EXCEPTION_EVENTS, FAMILY, FINISH_REASONS


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
        self.count += 1
        for ev in events:
            fast = _FAST.get(type(ev))
            if fast is not None and fast(self, ev, out):
                continue
            if getattr(ev, "choice_index", 0) != 0:
                if not self.choice_loss:
                    self.ctx.loss(self._path(), "n-unsupported", "a stream carries one answer")
                    self.choice_loss = True
                continue
            out += self._one(ev)
        return out

    # --- the common events, written straight into ``out`` (False: take the full path) ------

    def _fast_delta(self, ev: PartDelta, out: list[dict[str, Any]]) -> bool:
        """A text, reasoning or argument delta with no extras to restore or report: the event
        `_part_delta` writes for it without a loss."""
        d, ex = ev.delta, ev.extras
        if ev.choice_index or (d.extras is not None and d.extras.fields):
            return False
        if ex is not None and ex.family == FAMILY:
            return self._fast_native_delta(ev, out)
        idx = self.index.get(ev.index)
        if idx is None or idx in self.custom or ev.index in self.skipped:
            return False
        kind = self.kinds[idx]
        wire: dict[str, Any]
        if type(d) is TextDelta:
            if kind == "text":
                wire = {"text": d.text}
            elif kind == "reasoning":
                wire = {"reasoningContent": {"text": d.text}}
            else:
                return False
        elif type(d) is ArgumentsDelta and kind == "tool":
            wire = {"toolUse": {"input": d.json}}
        elif type(d) is ReasoningDelta and kind == "reasoning":
            wire = {"reasoningContent": {"text": d.text}}
        else:
            return False
        self.emitted.add(idx)
        out.append({"contentBlockDelta": {"delta": wire, "contentBlockIndex": idx}})
        return True

    def _fast_native_delta(self, ev: PartDelta, out: list[dict[str, Any]]) -> bool:
        """`_fast_delta` of an event decoded from Bedrock (written back with its index)."""
        d, idx = ev.delta, ev.index
        if ev.extras.fields or idx in self.custom or idx in self.skipped:  # type: ignore[union-attr]
            return False
        wire: dict[str, Any]
        if type(d) is TextDelta:
            wire = {"text": d.text}
        elif type(d) is ReasoningDelta:
            wire = {"reasoningContent": {"text": d.text}}
        elif type(d) is ArgumentsDelta:
            wire = {"toolUse": {"input": d.json}}
        else:
            return False
        out.append({"contentBlockDelta": {"delta": wire, "contentBlockIndex": idx}})
        return True

    def _report(self, node: HasExtras) -> None:
        """Report the fields of a foreign node's extras that Bedrock cannot take (`restore`)."""
        ex = node.extras
        if ex is None:
            return
        for key, value in ex.fields.items():
            if value is not None and key not in ex.quiet:
                restore({}, node, self.ctx, self._path())
                return

    def _fast_response_start(self, ev: ResponseStart, out: list[dict[str, Any]]) -> bool:
        ex = ev.extras
        if ev.choice_index or (ex is not None and ex.family == FAMILY):
            return False
        self.started = True
        out.append({"messageStart": {"role": "assistant"}})
        self._report(ev)
        if ev.usage is not None:
            self.usage = merge_usage(self.usage, ev.usage)
        return True

    def _fast_part_start(self, ev: PartStart, out: list[dict[str, Any]]) -> bool:
        ex = ev.extras
        if ev.choice_index or (ex is not None and ex.family == FAMILY):
            return False
        self._foreign_start(ev, out)
        return True

    def _fast_part_stop(self, ev: PartStop, out: list[dict[str, Any]]) -> bool:
        ex = ev.extras
        if ev.choice_index or (ex is not None and ex.family == FAMILY):
            return False
        idx = self.index.get(ev.index)
        if ev.index not in self.skipped and idx is not None and idx in self.open:
            self.open.remove(idx)
            self._stop(idx, out)
        return True

    def _fast_response_delta(self, ev: ResponseDelta, out: list[dict[str, Any]]) -> bool:
        ex = ev.extras
        if ev.choice_index or (ex is not None and ex.family == FAMILY):
            return False
        if ev.usage is not None:
            self.usage = merge_usage(self.usage, ev.usage)
        if ev.finish_reason is not None:
            self.finish_reason = ev
        return True

    def _fast_response_stop(self, ev: ResponseStop, out: list[dict[str, Any]]) -> bool:
        ex = ev.extras
        if ex is not None and ex.family == FAMILY:
            return False
        if ev.response is not None:
            self._absorb(ev)
        self._close(out)
        return True

    def _path(self) -> str:  # ``$[n]``: the n-th source event (one `feed`)
        return f"$[{self.count - 1}]"

    def _one(self, ev: StreamEvent) -> list[dict[str, Any]]:
        """The full path: native events, the deltas `_fast_delta` declines, and events of
        subclasses of the universal event types."""
        native = is_native(ev)
        if isinstance(ev, PartDelta):
            return self._part_delta(ev, native)
        out: list[dict[str, Any]] = []
        if not native:
            for tp, handle in _FOREIGN.items():
                if isinstance(ev, tp):
                    handle(self, ev, out)
                    return out
        shape = shape_of(ev, self.ctx)
        if isinstance(ev, ResponseStart):
            self.started = True
            body: dict[str, Any] = {"role": shape.get("role", "assistant")}
            restore(body, ev, self.ctx, self._path())
            return [{"messageStart": body}]
        if isinstance(ev, PartStart):
            return self._part_start(ev, shape)
        if isinstance(ev, PartStop):
            return self._part_stop(ev, shape)
        if isinstance(ev, ResponseDelta):
            return [self._native_delta(ev, shape)]
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

    def _part_start(self, ev: PartStart, shape: dict[str, Any]) -> list[dict[str, Any]]:
        if shape.get("synthetic"):
            return []
        part = ev.part
        body: dict[str, Any] = {"contentBlockIndex": ev.index}
        if shape.get("delta") == "redactedContent" and isinstance(part, ReasoningPart):
            body["delta"] = {"reasoningContent": {"redactedContent": part.redacted}}
            restore(body, ev, self.ctx, self._path())
            return [{"contentBlockDelta": body}]
        body["start"] = start_block(part, self.ctx, f"{self._path()}.part")
        restore(body, ev, self.ctx, self._path())
        return [{"contentBlockStart": body}]

    def _foreign_start(self, ev: PartStart, out: list[dict[str, Any]]) -> None:
        opening = open_part(ev.part, self.ctx, self._path())
        if opening is None:
            self.skipped.add(ev.index)
            return
        kind, start, follow = opening
        if not self.started:
            out.append({"messageStart": {"role": "assistant"}})
            self.started = True
        idx = self.next
        self.next += 1
        if isinstance(ev.part, ToolCallPart) and ev.part.kind == "custom":
            self.custom.add(idx)
        self.index[ev.index] = idx
        self.kinds[idx] = kind
        self.open.append(idx)
        self._report(ev)
        if start is not None or follow:
            self.emitted.add(idx)
        if start is not None:
            out.append({"contentBlockStart": {"start": start, "contentBlockIndex": idx}})
        for delta in follow:
            out.append({"contentBlockDelta": {"delta": delta, "contentBlockIndex": idx}})

    def _part_delta(self, ev: PartDelta, native: bool) -> list[dict[str, Any]]:
        path = self._path()
        if ev.index in self.skipped:
            return []
        if native:
            wire = wire_delta(ev.delta, None, ev.index in self.custom, self.ctx, f"{path}.delta")
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
        kind, custom = self.kinds.get(idx), idx in self.custom
        wire = wire_delta(ev.delta, kind, custom, self.ctx, f"{path}.delta")
        if wire is None:
            return []
        restore({}, ev.delta, self.ctx, f"{path}.delta")
        return [self._delta_event(idx, wire)]

    def _part_stop(self, ev: PartStop, shape: dict[str, Any]) -> list[dict[str, Any]]:
        if ev.index in self.skipped or shape.get("synthetic"):
            return []
        body: dict[str, Any] = {"contentBlockIndex": ev.index}
        restore(body, ev, self.ctx, self._path())
        return [{"contentBlockStop": body}]

    def _stop(self, idx: int, out: list[dict[str, Any]]) -> None:
        if idx not in self.emitted:
            return
        if idx in self.custom:
            self.custom.discard(idx)
            out.append(self._delta_event(idx, {"toolUse": {"input": '"}'}}))
        out.append({"contentBlockStop": {"contentBlockIndex": idx}})

    # --- the end ---------------------------------------------------------------------------

    def _close(self, out: list[dict[str, Any]]) -> None:
        if self.done:
            return
        if not self.started:
            out.append({"messageStart": {"role": "assistant"}})
            self.started = True
        for idx in self.open:
            self._stop(idx, out)
        self.open.clear()
        path = self._path()
        pending = self.finish_reason
        reason = "end_turn"  # required; a source without one ended normally
        if pending is not None:
            finish = pending.finish_reason
            known = FINISH_REASONS.get(finish) if finish is not None else reason
            if known is None:
                known = encode_stop_reason(finish, {}, self.ctx, f"{path}.finish_reason")
            reason = known
            if pending.stop_sequence is not None:
                self.ctx.loss(
                    f"{path}.stop_sequence",
                    "parameter-unsupported",
                    "Bedrock names the matched stop sequence only in model-specific fields",
                )
            restore({}, pending, self.ctx, path)
        out.append({"messageStop": {"stopReason": reason}})
        usage = encode_usage(self.usage, self.ctx, f"{path}.usage")
        out.append({"metadata": {"usage": usage, "metrics": {"latencyMs": 0}}})
        self.done = True

    def finish(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if self.started and not self.done:
            self._close(out)
        return out


_Handler: TypeAlias = Callable[[BedrockStreamEncoder, Any, list[dict[str, Any]]], bool]

#: The foreign events the encoder writes without the full path's checks (see `feed`).
_FOREIGN: Final[dict[type, _Handler]] = {
    ResponseStart: BedrockStreamEncoder._fast_response_start,
    PartStart: BedrockStreamEncoder._fast_part_start,
    PartStop: BedrockStreamEncoder._fast_part_stop,
    ResponseDelta: BedrockStreamEncoder._fast_response_delta,
    ResponseStop: BedrockStreamEncoder._fast_response_stop,
}
_FAST: Final[dict[type, _Handler]] = {PartDelta: BedrockStreamEncoder._fast_delta, **_FOREIGN}
