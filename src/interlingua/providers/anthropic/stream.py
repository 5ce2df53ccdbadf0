"""Anthropic Messages stream events -> universal stream events. https://docs.claude.com/en/docs/build-with-claude/streaming"""

from __future__ import annotations

from typing import Any, Final

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
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamError,
    StreamEvent,
    TextDelta,
)
from ..base import StreamDecoder, leftovers, take, validate
from .content import EMPTY, QUIET, decode_block, decode_citation, extras
from .fast import stop_reason as decode_stop_reason
from .models_response import StreamEvent as WireEvent
from .response import decode_usage, message_to_universal
from .stream_fast import BEDROCK_METRICS, DECODERS, START_QUIET
from .tables import FAMILY

#: The extras of every plain text / tool input / thinking delta event, shared by the events
#: of the fast path (nothing mutates decoded extras).
_DELTA_EVENT_EXTRAS: Final = Extras(FAMILY, {"type": "content_block_delta"}, {}, QUIET)


def _event_shape(ev: dict[str, Any]) -> dict[str, Any]:
    """Unknown event-level keys (besides ``type``) of an event whose payload is nested."""
    ev.pop("type", None)
    return {"event": ev} if ev else {}


def _decode_delta(delta: dict[str, Any]) -> Delta | None:
    kind = delta.pop("type")
    out: Delta
    if kind == "text_delta":
        out = TextDelta(text=take(delta, "text"))
    elif kind == "input_json_delta":
        out = ArgumentsDelta(json=take(delta, "partial_json"))
    elif kind == "thinking_delta":
        out = ReasoningDelta(text=take(delta, "thinking"))
    elif kind == "signature_delta":
        out = SignatureDelta(signature=take(delta, "signature"), origin=FAMILY)
    elif kind == "citations_delta":
        out = CitationDelta(citation=decode_citation(delta.pop("citation")))
    else:
        delta["type"] = kind
        return None
    out.extras = leftovers(FAMILY, delta)
    return out


def _whole_message(ev: dict[str, Any], fmt: Format) -> list[StreamEvent]:
    """A whole ``Message`` sent as a stream event: the full lifecycle, each event marked
    ``whole_message`` so the Anthropic encoder writes the message back once, at the stop."""
    resp = message_to_universal(ev)
    choice = resp.choices[0]

    def mark() -> Any:
        return leftovers(FAMILY, {}, {"whole_message": fmt.value})

    out: list[StreamEvent] = [
        ResponseStart(id=resp.id, model=resp.model, usage=resp.usage, extras=mark())
    ]
    for i, part in enumerate(choice.message.content):
        out += [PartStart(index=i, part=part, extras=mark()), PartStop(index=i, extras=mark())]
    out.append(
        ResponseDelta(
            finish_reason=choice.finish_reason,
            stop_sequence=choice.stop_sequence,
            usage=resp.usage,
            extras=mark(),
        )
    )
    out.append(ResponseStop(response=resp, extras=mark()))
    return out


class AnthropicStreamDecoder(StreamDecoder):
    """Decodes ``message_start`` ... ``message_stop``. Anthropic streams are explicit about every
    block's start and stop, so nothing needs synthesising; misuse raises."""

    def __init__(
        self, fmt: Format = Format.ANTHROPIC, *, standalone: bool = False, wire: bool = True
    ) -> None:
        super().__init__(standalone=standalone, wire=wire)
        self.format = fmt
        self.started = False
        self.ended = False
        self.open: set[int] = set()
        self.seen: set[int] = set()

    def _fail(self, position: int, message: str, suffix: str = "") -> InvalidPayloadError:
        return InvalidPayloadError(
            [PayloadProblem(f"$[{position}]{suffix}", message)],
            format=self.format.value,
            kind=Kind.STREAM_EVENT.value,
        )

    def _check(self, kind: str, index: int | None, position: int) -> None:
        if self.standalone or kind in ("ping", "error"):
            return
        if self.ended:
            raise self._fail(position, f"{kind} after the end of the stream")
        if kind in ("message_start", "message"):
            if self.started:
                raise self._fail(position, "a second message_start")
            return
        if not self.started:
            raise self._fail(position, f"{kind} before message_start")
        if index is None:
            return
        if kind == "content_block_start" and index in self.seen:
            raise self._fail(position, f"block {index} started twice", ".index")
        if kind in ("content_block_delta", "content_block_stop") and index not in self.open:
            raise self._fail(position, f"{kind} for block {index}, which is not open", ".index")

    def _fits(self, kind: str, index: int | None) -> bool:
        """Whether `_check` passes (for the fast paths, which leave errors to the full path)."""
        if self.standalone:
            return True
        if self.ended:
            return False
        if kind == "message_start":
            return not self.started
        if not self.started:
            return False
        if kind == "content_block_start":
            return index not in self.seen
        return kind != "content_block_stop" or index in self.open

    def feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        if type(event) is dict:
            kind = event.get("type")
            if kind == "content_block_delta":
                fast = self._plain_delta(event)
                if fast is not None:
                    return fast
            elif type(kind) is str:
                fast = self._framing(kind, event)
                if fast is not None:
                    return fast
        return self._feed(event, position)

    def _framing(self, kind: str, event: dict[str, Any]) -> list[StreamEvent] | None:
        """A framing event of the common shape (see `stream_fast`), or None."""
        decode = DECODERS.get(kind)
        decoded = decode(event) if decode is not None else None
        if decoded is None:
            return None
        index = event.get("index")  # an int where it matters: the decoders checked it
        if not self._fits(kind, index):
            return None
        return self._advance(kind, index, [decoded])

    def _plain_delta(self, event: dict[str, Any]) -> list[StreamEvent] | None:
        """The common ``content_block_delta`` (text, tool input or thinking, no other keys, for
        an open block) decoded without validation; None for anything else."""
        index = event.get("index")
        delta = event.get("delta")
        if type(index) is not int or type(delta) is not dict or len(event) != 3:
            return None
        if not (self.standalone or (self.started and not self.ended and index in self.open)):
            return None
        if len(delta) != 2:
            return None
        kind = delta.get("type")
        out: Delta
        if kind == "text_delta":
            text = delta.get("text")
            if type(text) is not str:
                return None
            out = TextDelta(text=text, extras=EMPTY)
        elif kind == "input_json_delta":
            text = delta.get("partial_json")
            if type(text) is not str:
                return None
            out = ArgumentsDelta(json=text, extras=EMPTY)
        elif kind == "thinking_delta":
            text = delta.get("thinking")
            if type(text) is not str:
                return None
            out = ReasoningDelta(text=text, extras=EMPTY)
        else:
            return None
        return [PartDelta(index=index, delta=out, extras=_DELTA_EVENT_EXTRAS)]

    def _feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        """Any event: validated, checked against the stream's order, decoded."""
        ev = validate(WireEvent, event, self.format, Kind.STREAM_EVENT)
        kind = ev["type"]
        index = ev.get("index") if kind.startswith("content_block_") else None
        self._check(kind, index, position)
        return self._advance(kind, index, self._decode(kind, ev))

    def _advance(self, kind: str, index: int | None, out: list[StreamEvent]) -> list[StreamEvent]:
        """Update the stream's state for a decoded event; ``out`` plus any closing events."""
        if self.standalone:
            return out
        if kind == "message_start":
            self.started = True
        elif kind == "message":
            self.started = self.ended = True
        elif kind == "content_block_start" and index is not None:
            self.seen.add(index)
            self.open.add(index)
        elif kind == "content_block_stop" and index is not None:
            self.open.discard(index)
        elif kind == "message_stop":
            closing: list[StreamEvent] = [PartStop(index=i) for i in sorted(self.open)]
            self.open.clear()
            self.ended = True
            out = closing + out
        elif kind == "error":
            self.ended = True
        return out

    def _decode(self, kind: str, ev: dict[str, Any]) -> list[StreamEvent]:
        if kind == "message":
            return _whole_message(ev, self.format)
        if kind == "message_start":
            msg = ev.pop("message")
            raw_usage = take(msg, "usage")
            usage = decode_usage(raw_usage, take_tier=False)[0] if raw_usage is not None else None
            rid, model = take(msg, "id"), take(msg, "model")
            ex = leftovers(FAMILY, msg, _event_shape(ev), START_QUIET)
            return [ResponseStart(id=rid, model=model, usage=usage, extras=ex)]
        if kind == "content_block_start":
            index = ev.pop("index")
            part = decode_block(ev.pop("content_block"), streaming=True)
            return [PartStart(index=index, part=part, extras=extras(ev))]
        if kind == "content_block_delta":
            index = ev.pop("index")
            raw = ev.pop("delta")
            delta = _decode_delta(raw)
            if delta is None:  # a delta type this version does not know: kept verbatim
                ev.update(index=index, delta=raw)
                return [
                    KeepAlive(extras=leftovers(FAMILY, {"type": kind, **ev}, {"verbatim": True}))
                ]
            return [PartDelta(index=index, delta=delta, extras=extras(ev))]
        if kind == "content_block_stop":
            return [PartStop(index=ev.pop("index"), extras=extras(ev))]
        if kind == "message_delta":
            delta = ev.pop("delta")
            finish, shape = decode_stop_reason(take(delta, "stop_reason"))
            raw_usage = take(ev, "usage")
            usage = decode_usage(raw_usage, take_tier=False)[0] if raw_usage is not None else None
            shape.update(_event_shape(ev))
            return [
                ResponseDelta(
                    finish_reason=finish,
                    stop_sequence=take(delta, "stop_sequence"),
                    usage=usage,
                    extras=leftovers(FAMILY, delta, shape),
                )
            ]
        if kind == "message_stop":
            # Bedrock's per-invocation metrics: written back into Bedrock bodies only
            metrics = ev.pop(BEDROCK_METRICS, None)
            stop_shape = {BEDROCK_METRICS: metrics} if metrics is not None else None
            return [ResponseStop(extras=extras(ev, stop_shape))]
        if kind == "error":
            err = ev.pop("error")
            return [
                StreamError(
                    error_type=take(err, "type"),
                    message=take(err, "message"),
                    extras=leftovers(FAMILY, err, _event_shape(ev)),
                )
            ]
        # ``ping``, and event types this version does not know (kept verbatim)
        return [
            KeepAlive(
                extras=leftovers(
                    FAMILY, ev, {} if kind == "ping" else {"verbatim": True}, frozenset({"type"})
                )
            )
        ]

    def finish(self) -> list[StreamEvent]:
        if self.standalone or self.ended:
            return []
        what = "message_stop" if self.started else "message_start"
        raise InvalidPayloadError(
            [PayloadProblem("$", f"stream ended before {what}")],
            format=self.format.value,
            kind=Kind.STREAM_EVENT.value,
        )
