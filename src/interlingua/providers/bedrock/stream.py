"""Bedrock ConverseStream events -> universal stream events. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html

Each event is ``{"<eventName>": {...}}``. Text and reasoning blocks have no
``contentBlockStart`` (their first delta opens them): the decoder synthesises the `PartStart`
(marked ``synthetic`` so the Bedrock encoder does not write it back). ``messageStop`` carries
the stop reason; the final ``metadata`` event carries usage and metrics and ends the stream.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..._errors import InvalidPayloadError, PayloadProblem
from ..._formats import Format, Kind
from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    Delta,
    KeepAlive,
    OpaquePart,
    Part,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    ReasoningPart,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamError,
    StreamEvent,
    TextDelta,
    TextPart,
    ToolCallPart,
    Usage,
)
from ..base import StreamDecoder, take, validate
from . import names
from .content import BARE, decode_citation, extras
from .models_stream import EVENT_WRAPPERS
from .response import decode_stop_reason, decode_usage, quick_usage
from .tables import EXCEPTION_EVENTS, EXCEPTION_TYPES, FAMILY


def _fail(position: int, message: str, suffix: str = "") -> InvalidPayloadError:
    return InvalidPayloadError(
        [PayloadProblem(f"$[{position}]{suffix}", message)],
        format=Format.BEDROCK.value,
        kind=Kind.STREAM_EVENT.value,
    )


def _quick_delta(delta: dict[str, Any]) -> Delta | None:
    """The universal delta of a lone ``text``, ``toolUse.input`` or ``reasoningContent`` text or
    signature (what `decode_delta` makes of them, with nothing left over); None otherwise."""
    if len(delta) != 1:
        return None
    text = delta.get("text")
    if type(text) is str:
        return TextDelta(text=text, extras=BARE)
    tool = delta.get("toolUse")
    if type(tool) is dict and len(tool) == 1 and type(tool.get("input")) is str:
        return ArgumentsDelta(json=tool["input"], extras=BARE)
    rc = delta.get("reasoningContent")
    if type(rc) is dict and len(rc) == 1:
        text = rc.get("text")
        if type(text) is str:
            return ReasoningDelta(text=text, extras=BARE)
        signature = rc.get("signature")
        if type(signature) is str:
            return SignatureDelta(signature=signature, origin=FAMILY, extras=BARE)
    return None


def _verbatim(event: dict[str, Any]) -> KeepAlive:
    """An event (or delta) this version cannot express universally, kept for Bedrock."""
    return KeepAlive(extras=extras(event, {"verbatim": True}))


def decode_delta(delta: dict[str, Any]) -> tuple[str, Delta | None, Any]:
    """(block kind the delta belongs to, the universal delta or None, redacted data)."""
    out: Delta
    if "text" in delta and isinstance(delta["text"], str):
        out, kind = TextDelta(text=delta.pop("text")), "text"
    elif "toolUse" in delta and len(delta) == 1:
        tu = dict(delta.pop("toolUse"))
        out, kind = ArgumentsDelta(json=tu.pop("input"), extras=extras(tu)), "tool"
        return kind, out, None
    elif "reasoningContent" in delta and len(delta) == 1:
        rc = dict(delta["reasoningContent"])
        if "text" in rc:
            out = ReasoningDelta(text=rc.pop("text"))
        elif "signature" in rc:
            out = SignatureDelta(signature=rc.pop("signature"), origin=FAMILY)
        elif "redactedContent" in rc and len(rc) == 1:
            return "reasoning", None, rc["redactedContent"]
        else:
            return "other", None, None
        del delta["reasoningContent"]
        out.extras = extras(rc)
        return "reasoning", out, None
    elif "citation" in delta and len(delta) == 1:
        out, kind = CitationDelta(citation=decode_citation(dict(delta.pop("citation")))), "text"
    else:
        return "other", None, None
    out.extras = extras(delta)
    return kind, out, None


def _start_part(start: dict[str, Any]) -> tuple[str, Part]:
    if "toolUse" in start and len(start) == 1:
        tu = dict(start["toolUse"])
        server = tu.get("type") == "server_tool_use"
        if server:
            del tu["type"]
        part = ToolCallPart(
            id=names.decode(tu.pop("toolUseId"), tool_id=True),
            name=names.decode(tu.pop("name")),
            arguments="",
            kind="server" if server else "function",
            extras=extras(tu),
        )
        return "tool", part
    return "other", OpaquePart(family=FAMILY, data=start)


class BedrockStreamDecoder(StreamDecoder):
    """Decodes ``messageStart`` ... ``messageStop``, ``metadata``; misuse raises."""

    def __init__(self, *, standalone: bool = False, wire: bool = True) -> None:
        super().__init__(standalone=standalone, wire=wire)
        self.started = self.stopped = self.ended = False
        self.open: dict[int, str] = {}
        self.seen: set[int] = set()

    def feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        quick = self._quick(event)
        if quick is not None:
            return quick
        if not isinstance(event, dict) or len(event) != 1:
            raise _fail(position, "a ConverseStream event is an object with one event key")
        name = next(iter(event))
        wrapper = EVENT_WRAPPERS.get(name)
        if wrapper is None:
            if not isinstance(event[name], dict):
                raise _fail(position, f"unknown event {name!r}")
            return [_verbatim(dict(event))]  # an event type this version does not know
        body = validate(wrapper, event, Format.BEDROCK, Kind.STREAM_EVENT)[name]
        self._check(name, position)
        if name == "messageStart":
            role = body.pop("role")
            self.started = True
            return [
                ResponseStart(extras=extras(body, {"role": role} if role != "assistant" else None))
            ]
        if name == "contentBlockStart":
            return self._block_start(body, position)
        if name == "contentBlockDelta":
            return self._delta(body, event, position)
        if name == "contentBlockStop":
            index = body.pop("contentBlockIndex")
            if not self.standalone and index not in self.open:
                raise _fail(position, f"block {index} is not open", f".{name}.contentBlockIndex")
            self.open.pop(index, None)
            return [PartStop(index=index, extras=extras(body))]
        if name == "messageStop":
            return self._message_stop(body.pop("stopReason"), body)
        if name == "metadata":
            return self._metadata(decode_usage(body.pop("usage")), body)
        # the exception events
        self.ended = True
        return [
            StreamError(
                error_type=EXCEPTION_TYPES.get(name, name),
                message=take(body, "message"),
                extras=extras(body, {"event": name}),
            )
        ]

    def _message_stop(self, reason: str, rest: dict[str, Any]) -> list[StreamEvent]:
        finish, shape = decode_stop_reason(reason)
        out: list[StreamEvent] = []
        if self.open:
            out += [
                PartStop(index=i, extras=extras({}, {"synthetic": True})) for i in sorted(self.open)
            ]
            self.open.clear()
        self.stopped = True
        out.append(ResponseDelta(finish_reason=finish, extras=extras(rest, shape)))
        return out

    def _metadata(self, usage: Usage, rest: dict[str, Any]) -> list[StreamEvent]:
        self.ended = True
        marker = {"event": "metadata"}
        return [
            ResponseDelta(usage=usage, extras=extras(rest, marker)),
            ResponseStop(extras=extras({}, marker)),
        ]

    # --- fast paths: the common exact shapes, checked inline; None takes the full path ------

    def _quick(self, event: dict[str, Any]) -> list[StreamEvent] | None:
        """What `feed` makes of a common event in its plain shape, without validation: a
        delta `_quick_delta` knows, ``contentBlockStop`` of an open block, ``messageStart``
        (assistant), ``messageStop`` and ``metadata`` with plain usage, each in order."""
        if type(event) is not dict or len(event) != 1 or self.ended:
            return None
        body = event.get("contentBlockDelta")
        if body is not None:
            return self._quick_block_delta(body) if type(body) is dict else None
        name = next(iter(event))
        body = event[name]
        method = _QUICK_EVENTS.get(name) if type(body) is dict else None
        return None if method is None else method(self, body)

    def _quick_block_delta(self, body: dict[str, Any]) -> list[StreamEvent] | None:
        if len(body) != 2:
            return None
        index, delta = body.get("contentBlockIndex"), body.get("delta")
        if type(index) is not int or type(delta) is not dict:
            return None
        out = _quick_delta(delta)
        if out is None:
            return None
        if index in self.open:
            return [PartDelta(index=index, delta=out, extras=BARE)]
        # the first delta of a text or reasoning block opens it (as `_delta` does)
        if self.standalone or not self.started or self.stopped or index in self.seen:
            return None
        if type(out) is ArgumentsDelta:
            return None
        part: Part = TextPart(text="") if type(out) is TextDelta else ReasoningPart()
        self.seen.add(index)
        self.open[index] = "text" if type(out) is TextDelta else "reasoning"
        return [
            PartStart(index=index, part=part, extras=extras({}, {"synthetic": True})),
            PartDelta(index=index, delta=out, extras=BARE),
        ]

    def _quick_start(self, body: dict[str, Any]) -> list[StreamEvent] | None:
        role = body.get("role")
        if len(body) != 1 or type(role) is not str or role != "assistant" or self.started:
            return None
        self.started = True
        return [ResponseStart(extras=BARE)]

    def _quick_block_stop(self, body: dict[str, Any]) -> list[StreamEvent] | None:
        index = body.get("contentBlockIndex")
        if len(body) != 1 or type(index) is not int or index not in self.open:
            return None
        del self.open[index]
        return [PartStop(index=index, extras=BARE)]

    def _quick_message_stop(self, body: dict[str, Any]) -> list[StreamEvent] | None:
        reason = body.get("stopReason")
        if len(body) != 1 or type(reason) is not str or not self.started or self.stopped:
            return None
        return self._message_stop(reason, {})

    def _quick_metadata(self, body: dict[str, Any]) -> list[StreamEvent] | None:
        raw = body.get("usage")
        usage = quick_usage(raw) if type(raw) is dict and self.started else None
        if usage is None:
            return None
        if len(body) == 1:
            return self._metadata(usage, {})
        metrics = body.get("metrics")
        if len(body) != 2 or type(metrics) is not dict:
            return None
        return self._metadata(usage, {"metrics": dict(metrics)})

    def _check(self, name: str, position: int) -> None:
        if self.standalone or name in EXCEPTION_EVENTS:
            return
        if self.ended:
            raise _fail(position, f"{name} after the end of the stream")
        if name == "messageStart":
            if self.started:
                raise _fail(position, "a second messageStart")
            return
        if not self.started:
            raise _fail(position, f"{name} before messageStart")
        if self.stopped and name != "metadata":
            raise _fail(position, f"{name} after messageStop")

    def _open(self, index: int, kind: str, position: int, name: str) -> None:
        if index in self.seen and not self.standalone:
            raise _fail(position, f"block {index} started twice", f".{name}.contentBlockIndex")
        self.seen.add(index)
        self.open[index] = kind

    def _block_start(self, body: dict[str, Any], position: int) -> list[StreamEvent]:
        index = body.pop("contentBlockIndex")
        kind, part = _start_part(body.pop("start"))
        self._open(index, kind, position, "contentBlockStart")
        return [PartStart(index=index, part=part, extras=extras(body))]

    def _delta(
        self, body: dict[str, Any], event: dict[str, Any], position: int
    ) -> list[StreamEvent]:
        index = body["contentBlockIndex"]
        raw = dict(body["delta"])
        kind, delta, redacted = decode_delta(raw)
        is_open = index in self.open
        if redacted is not None and (self.standalone or not is_open):
            # NOTE: redacted reasoning arrives as a delta of a block that never started
            part = ReasoningPart(redacted=redacted, signature_origin=FAMILY)
            self._open(index, "reasoning", position, "contentBlockDelta")
            del body["delta"], body["contentBlockIndex"]
            shape = {"delta": "redactedContent"}
            return [PartStart(index=index, part=part, extras=extras(body, shape))]
        if delta is None:
            if not self.standalone and not is_open:
                raise _fail(position, f"a delta for block {index}, which is not open")
            return [_verbatim(dict(event))]
        out: list[StreamEvent] = []
        if not self.standalone and not is_open:
            if kind not in ("text", "reasoning"):
                where = ".contentBlockDelta.contentBlockIndex"
                raise _fail(position, f"a {kind} delta for block {index}, never started", where)
            self._open(index, kind, position, "contentBlockDelta")
            first: Part = TextPart(text="") if kind == "text" else ReasoningPart()
            out.append(PartStart(index=index, part=first, extras=extras({}, {"synthetic": True})))
        del body["delta"], body["contentBlockIndex"]
        out.append(PartDelta(index=index, delta=delta, extras=extras(body)))
        return out

    def finish(self) -> list[StreamEvent]:
        if self.standalone or self.ended:
            return []
        what = "metadata" if self.started else "messageStart"
        raise InvalidPayloadError(
            [PayloadProblem("$", f"stream ended before {what}")],
            format=Format.BEDROCK.value,
            kind=Kind.STREAM_EVENT.value,
        )


_QuickEvent = Callable[[BedrockStreamDecoder, dict[str, Any]], "list[StreamEvent] | None"]

#: The fast path of each event besides ``contentBlockDelta`` (see `BedrockStreamDecoder._quick`).
_QUICK_EVENTS: dict[str, _QuickEvent] = {
    "messageStart": BedrockStreamDecoder._quick_start,
    "contentBlockStop": BedrockStreamDecoder._quick_block_stop,
    "messageStop": BedrockStreamDecoder._quick_message_stop,
    "metadata": BedrockStreamDecoder._quick_metadata,
}
