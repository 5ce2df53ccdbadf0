"""Responses stream events -> universal stream events.
https://platform.openai.com/docs/api-reference/responses-streaming
"""

from __future__ import annotations

from typing import Any

from ..._errors import InvalidPayloadError, PayloadProblem
from ..._formats import Format, Kind
from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    Delta,
    Extras,
    KeepAlive,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    RefusalDelta,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamError,
    StreamEvent,
    SummaryDelta,
    TextDelta,
)
from ..base import StreamDecoder, validate
from .common import F
from .content import decode_annotation, decode_part
from .items import decode_output_item, is_message
from .models_response import StreamEvent as WireEvent
from .response import decode_response

#: delta events and the universal delta each becomes
_DELTAS: dict[str, type[TextDelta | RefusalDelta | ReasoningDelta]] = {
    "response.output_text.delta": TextDelta,
    "response.refusal.delta": RefusalDelta,
    "response.reasoning_text.delta": ReasoningDelta,
}
_ARGUMENT_DELTAS = frozenset(
    {"response.function_call_arguments.delta", "response.custom_tool_call_input.delta"}
)
TERMINAL = frozenset({"response.completed", "response.incomplete", "response.failed"})
_STARTS = frozenset({"response.created", "response.queued"})
#: delta events whose part is found by ``content_index`` too (the others: by output index)
_BY_CONTENT = frozenset(
    {
        "response.output_text.delta",
        "response.refusal.delta",
        "response.output_text.annotation.added",
    }
)
#: the delta events `_fast` decodes (their wire type is DeltaEvent)
_FAST = frozenset({*_DELTAS, *_ARGUMENT_DELTAS, "response.reasoning_summary_text.delta"})
#: the keys such an event may have for `_fast` (others, or keys that are not strings: `_full`)
_FAST_KEYS = frozenset(
    {
        "type",
        "delta",
        "item_id",
        "output_index",
        "sequence_number",
        "content_index",
        "summary_index",
        "logprobs",
        "obfuscation",
    }
)


def carrier(event: StreamEvent, kind: str, rest: dict[str, Any]) -> StreamEvent:
    """Mark ``event`` as the one that carries wire event ``kind`` (its other keys in ``rest``)."""
    event.extras = Extras(F, rest, {"event": kind}, frozenset(rest))
    return event


class ResponsesStreamDecoder(StreamDecoder):
    """Decodes ``response.created`` ... ``response.completed``; each wire event becomes
    universal events of which one (the carrier) keeps the event's wire keys."""

    def __init__(self, *, standalone: bool = False, wire: bool = True) -> None:
        super().__init__(standalone=standalone, wire=wire)
        self.started = False
        self.ended = False
        self.index: dict[tuple[int, int | None], int] = {}
        self.open: set[int] = set()
        self.message_items: set[int] = set()

    def _carrier(self, event: StreamEvent, kind: str, rest: dict[str, Any]) -> StreamEvent:
        """`carrier`, or ``event`` alone for another family's encoder (which would drop every
        key of the carrier's extras unreported: they are all quiet)."""
        return carrier(event, kind, rest) if self.wire else event

    def _fail(self, position: int, message: str, suffix: str = "") -> InvalidPayloadError:
        return InvalidPayloadError(
            [PayloadProblem(f"$[{position}]{suffix}", message)],
            format=Format.RESPONSES.value,
            kind=Kind.STREAM_EVENT.value,
        )

    def _start(self, key: tuple[int, int | None], position: int) -> int:
        if self.standalone:
            return key[0]
        if key in self.index:
            raise self._fail(position, f"output {key[0]} started twice", ".output_index")
        index = self.index[key] = len(self.index)
        self.open.add(index)
        return index

    def _find(self, key: tuple[int, int | None], position: int, stop: bool = False) -> int:
        if self.standalone:
            return key[0]
        index = self.index.get(key)
        if index is None or index not in self.open:
            raise self._fail(
                position, f"event for output {key[0]}, which is not open", ".output_index"
            )
        if stop:
            self.open.discard(index)
        return index

    def feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        if self.standalone or (self.started and not self.ended):
            fast = self._fast(event, position) if self.wire else self._lean(event, position)
            if fast is not None:
                return fast
        return self._full(event, position)

    def _lean(self, event: dict[str, Any], position: int) -> list[StreamEvent] | None:
        """`_fast` for another family's encoder: the same events without their carrier extras
        (every key they would keep is quiet, so the encoder would drop them unreported)."""
        if type(event) is not dict or not event.keys() <= _FAST_KEYS:
            return None
        kind, text, oi = event.get("type"), event.get("delta"), event.get("output_index")
        if (
            type(kind) is not str
            or type(text) is not str
            or type(oi) is not int
            or type(event.get("item_id")) is not str
        ):
            return None
        if type(event.get("sequence_number", 0)) is not int:
            return None
        delta: Delta
        key: tuple[int, Any]
        if kind == "response.output_text.delta":
            delta, key = TextDelta(text=text), (oi, event.get("content_index"))
        elif kind in _ARGUMENT_DELTAS:
            delta, key = ArgumentsDelta(json=text), (oi, None)
        elif kind == "response.reasoning_text.delta":
            delta, key = ReasoningDelta(text=text), (oi, None)
        elif kind == "response.reasoning_summary_text.delta":
            summary = event.get("summary_index", 0)
            delta, key = SummaryDelta(text=text, summary_index=summary), (oi, None)
        elif kind == "response.refusal.delta":
            delta, key = RefusalDelta(text=text), (oi, event.get("content_index"))
        else:
            return None
        if self.standalone:
            return [PartDelta(index=oi, delta=delta)]
        index = self.index.get(key)
        if index is None or index not in self.open:
            index = self._find(key, position)
        return [PartDelta(index=index, delta=delta)]

    def _fast(self, event: dict[str, Any], position: int) -> list[StreamEvent] | None:
        """A delta event of the common shape, decoded as `_full` decodes it but without the
        validated copy; None for anything else (including anything validation would reject)."""
        if type(event) is not dict or not event.keys() <= _FAST_KEYS:
            return None
        kind = event.get("type")
        if type(kind) is not str or kind not in _FAST:
            return None
        item_id, oi = event.get("item_id"), event.get("output_index")
        if type(event.get("delta")) is not str or type(item_id) is not str or type(oi) is not int:
            return None
        seq = event.get("sequence_number", 0)
        if type(seq) is not int:
            return None
        # the validated copy's order: declared keys first, then the others as they came
        if "sequence_number" in event:
            rest = {"item_id": item_id, "output_index": oi, "sequence_number": seq, **event}
        else:
            rest = {"item_id": item_id, "output_index": oi, **event}
        del rest["type"]
        delta = _delta(kind, rest)
        if delta is None:
            return None
        index = self._find(
            (oi, rest.get("content_index") if kind in _BY_CONTENT else None), position
        )
        return [carrier(PartDelta(index=index, delta=delta), kind, rest)]

    def _full(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        ev = validate(WireEvent, event, Format.RESPONSES, Kind.STREAM_EVENT)
        kind = ev.pop("type")
        if not self.standalone and kind not in ("error", "keepalive"):
            if self.ended:
                raise self._fail(position, f"{kind} after the end of the stream")
            if kind in _STARTS and self.started:
                raise self._fail(position, f"a second {kind}")
            if kind not in _STARTS and not self.started:
                raise self._fail(position, f"{kind} before response.created")
        out = self._decode(kind, ev, position)
        if kind in _STARTS:
            self.started = True
        elif kind in TERMINAL:
            self.ended = True
        return out

    def _decode(self, kind: str, ev: dict[str, Any], position: int) -> list[StreamEvent]:
        oi = ev.get("output_index")
        ci = ev.get("content_index")
        if kind in _STARTS:
            r = ev["response"]
            start = ResponseStart(
                id=r.get("id"), model=r.get("model"), created=_int_or_none(r.get("created_at"))
            )
            return [self._carrier(start, kind, ev)]
        if kind in TERMINAL:
            resp = decode_response(ev.pop("response"))
            choice = resp.choices[0]
            out: list[StreamEvent] = []
            if not self.standalone:
                out += [PartStop(index=i) for i in sorted(self.open)]
                self.open.clear()
            out.append(ResponseDelta(finish_reason=choice.finish_reason, usage=resp.usage))
            out.append(self._carrier(ResponseStop(response=resp), kind, ev))
            return out
        if kind == "error":
            err = StreamError(error_type=ev.pop("code", None), message=ev.pop("message", None))
            return [self._carrier(err, kind, ev)]
        if kind == "response.output_item.added" and isinstance(oi, int):
            item = ev.pop("item")
            if is_message(item):
                self.message_items.add(oi)
                ev["item"] = item
                return [self._carrier(KeepAlive(), kind, ev)]
            (part,) = decode_output_item(item)[:1]
            return [
                self._carrier(
                    PartStart(index=self._start((oi, None), position), part=part), kind, ev
                )
            ]
        if kind == "response.output_item.done" and isinstance(oi, int):
            if oi in self.message_items or is_message(ev["item"]):
                return [self._carrier(KeepAlive(), kind, ev)]
            index = self._find((oi, None), position, stop=True)
            out = []
            encrypted = ev["item"].get("encrypted_content")
            if isinstance(encrypted, str):
                out.append(
                    PartDelta(index=index, delta=SignatureDelta(signature=encrypted, origin=F))
                )
            return [*out, self._carrier(PartStop(index=index), kind, ev)]
        if kind == "response.content_part.added" and isinstance(oi, int):
            if ev["part"].get("type") not in ("output_text", "refusal"):
                return [self._carrier(KeepAlive(), kind, ev)]
            part = decode_part(ev.pop("part"))
            return [
                self._carrier(PartStart(index=self._start((oi, ci), position), part=part), kind, ev)
            ]
        if kind == "response.content_part.done" and isinstance(oi, int):
            if ev["part"].get("type") not in ("output_text", "refusal"):
                return [self._carrier(KeepAlive(), kind, ev)]
            return [
                self._carrier(PartStop(index=self._find((oi, ci), position, stop=True)), kind, ev)
            ]
        delta = _delta(kind, ev)
        if delta is not None and isinstance(oi, int):
            key = (oi, ci if kind in _BY_CONTENT else None)
            return [
                self._carrier(PartDelta(index=self._find(key, position), delta=delta), kind, ev)
            ]
        return [self._carrier(KeepAlive(), kind, ev)]

    def finish(self) -> list[StreamEvent]:
        if self.standalone or self.ended:
            return []
        raise InvalidPayloadError(
            [PayloadProblem("$", "stream ended before response.completed")],
            format=Format.RESPONSES.value,
            kind=Kind.STREAM_EVENT.value,
        )


def _delta(kind: str, ev: dict[str, Any]) -> Delta | None:
    """The universal delta a delta event carries (its ``delta`` or ``annotation`` consumed)."""
    if kind in _DELTAS:
        return _DELTAS[kind](text=ev.pop("delta"))
    if kind in _ARGUMENT_DELTAS:
        return ArgumentsDelta(json=ev.pop("delta"))
    if kind == "response.reasoning_summary_text.delta":
        return SummaryDelta(text=ev.pop("delta"), summary_index=ev.get("summary_index", 0))
    if kind == "response.output_text.annotation.added":
        return CitationDelta(citation=decode_annotation(ev.pop("annotation")))
    return None


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) else None
