"""Gemini ``streamGenerateContent?alt=sse`` chunks -> universal stream events. https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent"""

from __future__ import annotations

from typing import Any, Final

from ..._errors import InvalidPayloadError, PayloadProblem
from ..._formats import Format, Kind
from ...universal import (
    ArgumentsDelta,
    Extras,
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
from ..base import StreamDecoder, leftovers, take, validate
from .content import DATA_KEYS, decode_part, extras, is_thought
from .models import ErrorEvent, GenerateContentResponse, UsageMetadata
from .response import CallIds, decode_finish, decode_usage
from .tables import FAMILY

FORMAT: Final = Format.GOOGLE
KIND: Final = Kind.STREAM_EVENT
#: the extras of a delta that had nothing beside its text (shared: never mutated)
_BARE: Final = Extras(FAMILY)
#: the open part and the delta of each kind of plain chunk part
_STARTS: Final[dict[str, type[TextPart | ReasoningPart]]] = {
    "text": TextPart,
    "reasoning": ReasoningPart,
}
_DELTAS: Final[dict[str, type[TextDelta | ReasoningDelta]]] = {
    "text": TextDelta,
    "reasoning": ReasoningDelta,
}


def plain_candidate(event: Any) -> dict[str, Any] | None:
    """The candidate of a chunk that holds one candidate with ``content`` (role ``model``,
    parts that are each only a text or a thought's text) and maybe ``index`` and
    ``finishReason``, beside ``responseId``, ``modelVersion`` and ``usageMetadata`` only;
    every value (but the usage) of the type validation wants. None for any other chunk."""
    if type(event) is not dict:
        return None
    candidates = event.get("candidates")
    rid = event.get("responseId")
    model = event.get("modelVersion")
    if (
        type(candidates) is not list
        or len(candidates) != 1
        # no other key, and responseId and modelVersion (if any) strings, not null
        or len(event) != 1 + (type(rid) is str) + (type(model) is str) + ("usageMetadata" in event)
    ):
        return None
    c = candidates[0]
    if type(c) is not dict:
        return None
    content = c.get("content")
    if (
        type(content) is not dict
        or len(c) != 1 + (type(c.get("index")) is int) + (type(c.get("finishReason")) is str)
        or len(content) != 2
        or content.get("role") != "model"
    ):
        return None
    parts = content.get("parts")
    if type(parts) is not list or not parts:
        return None
    for part in parts:
        if (
            type(part) is not dict
            or type(part.get("text")) is not str
            or len(part) != (1 if part.get("thought") is not True else 2)
        ):
            return None
    return c


def is_error_event(event: dict[str, Any]) -> bool:
    return "error" in event and "candidates" not in event and "usageMetadata" not in event


class _Choice:
    """Per-candidate state: the open streamed part, the next part index, calls seen."""

    def __init__(self, ci: int) -> None:
        self.open: tuple[int, str] | None = None
        self.next = 0
        self.calls = False
        self.finished = False


class GoogleStreamDecoder(StreamDecoder):
    """Each chunk is a partial GenerateContentResponse: text and thoughts arrive as parts to
    append, function calls whole. The lifecycle is synthesised: ResponseStart on the first
    chunk, PartStart when the kind of part changes, PartStop before the next kind or the
    finish, one ResponseDelta per candidate per chunk (its ``frame``: finish reason, usage and
    the candidate's other keys), ResponseStop at `finish` once a finishReason was seen."""

    def __init__(self, *, standalone: bool = False, wire: bool = True) -> None:
        super().__init__(standalone=standalone, wire=wire)
        self.started = False
        self.ended = False
        self.choices: dict[int, _Choice] = {}
        self.ids: CallIds | None = None

    def _fail(self, position: int, message: str) -> InvalidPayloadError:
        return InvalidPayloadError(
            [PayloadProblem(f"$[{position}]", message)],
            format=Format.GOOGLE.value,
            kind=Kind.STREAM_EVENT.value,
        )

    def feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        if not self.standalone and not self.ended:
            fast = self._fast(event)
            if fast is not None:
                return fast
        return self._full(event, position)

    def _fast(self, event: dict[str, Any]) -> list[StreamEvent] | None:
        """What `_full` makes of a `plain_candidate` chunk, without validating the whole
        chunk; None (nothing changed) when the chunk is not one or its usage is invalid.
        With ``wire=False``, a chunk's frame without finish reason or usage is left out."""
        c = plain_candidate(event)
        if c is None:
            return None
        index = c.get("index")
        ci = 0 if index is None else index
        st = self.choices.get(ci)
        if st is not None and st.finished:
            return None
        usage = None
        if "usageMetadata" in event:
            try:
                usage = decode_usage(validate(UsageMetadata, event["usageMetadata"], FORMAT, KIND))
            except InvalidPayloadError:
                return None
        out: list[StreamEvent] = []
        if not self.started:
            rid = event.get("responseId")
            out.append(ResponseStart(id=rid, model=event.get("modelVersion")))
            self.started = True
            self.ids = CallIds(rid)
        if st is None:
            st = self._state(ci)
        for part in c["content"]["parts"]:
            kind = "text" if len(part) == 1 else "reasoning"
            open_ = st.open
            if open_ is None or open_[1] != kind:
                out += self._begin(st, ci, kind, _STARTS[kind](text=""))
                open_ = st.open
                assert open_ is not None
            delta = _DELTAS[kind](text=part["text"], extras=_BARE)
            out.append(PartDelta(index=open_[0], delta=delta, choice_index=ci))
        raw = c.get("finishReason")
        if raw is None and usage is None and not self.wire:
            return out  # the frame would say nothing another family's encoder reads
        shape: dict[str, Any] = {"frame": True}
        if index is None:
            shape["index"] = "absent"
        finish = None
        if raw is not None:
            finish, fshape = decode_finish(raw, st.calls)
            shape.update(fshape)
            out += self._close(st, ci)
            st.finished = True
        shape["chunk"] = self._chunk(event, usage)
        out.append(
            ResponseDelta(
                finish_reason=finish,
                choice_index=ci,
                usage=usage[0] if usage is not None else None,
                extras=Extras(FAMILY, {}, shape),
            )
        )
        return out

    @staticmethod
    def _chunk(event: dict[str, Any], usage: tuple[Usage, str | None] | None) -> dict[str, Any]:
        """The chunk-level keys a plain chunk's frame keeps for the same-family encoder."""
        chunk: dict[str, Any] = {}
        rid, model = event.get("responseId"), event.get("modelVersion")
        if rid is not None:
            chunk["responseId"] = rid
        if model is not None:
            chunk["modelVersion"] = model
        if usage is not None and usage[1] is not None:
            chunk["serviceTier"] = usage[1]
        chunk["fields"] = {}
        return chunk

    def _full(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        """Any chunk: validated, then read."""
        if not self.standalone and self.ended:
            raise self._fail(position, "a chunk after the stream ended with an error")
        if is_error_event(event):
            ev = validate(ErrorEvent, event, FORMAT, KIND)
            err = ev.pop("error")
            self.ended = True
            return [
                StreamError(
                    error_type=take(err, "status"),
                    message=take(err, "message"),
                    extras=leftovers(FAMILY, err, {"event": ev} if ev else {}),
                )
            ]
        d = validate(GenerateContentResponse, event, FORMAT, KIND)
        out: list[StreamEvent] = []
        rid, model = take(d, "responseId"), take(d, "modelVersion")
        if self.standalone or not self.started:
            out.append(ResponseStart(id=rid, model=model))
            self.started = True
        if self.ids is None or self.standalone:
            self.ids = CallIds(rid)
        chunk: dict[str, Any] = {}
        if rid is not None:
            chunk["responseId"] = rid
        if model is not None:
            chunk["modelVersion"] = model
        raw_usage = take(d, "usageMetadata")
        usage = decode_usage(raw_usage) if raw_usage is not None else None
        if usage is not None and usage[1] is not None:
            chunk["serviceTier"] = usage[1]
        candidates = take(d, "candidates")
        if candidates is None:
            chunk["candidates"] = "absent"
        chunk["fields"] = d
        frames: list[ResponseDelta] = []
        for pos, c in enumerate(candidates or []):
            out += self._candidate(c, pos, frames, position)
        if not frames:
            frames.append(ResponseDelta(extras=leftovers(FAMILY, {}, {"frame": True})))
        first = frames[0]
        assert first.extras is not None
        first.extras.shape["chunk"] = chunk
        first.usage = usage[0] if usage is not None else None
        return out + list(frames)

    def _state(self, ci: int) -> _Choice:
        st = self.choices.get(ci)
        if st is None or self.standalone:
            st = self.choices[ci] = _Choice(ci)
        return st

    def _close(self, st: _Choice, ci: int) -> list[StreamEvent]:
        if st.open is None:
            return []
        index = st.open[0]
        st.open = None
        return [PartStop(index=index, choice_index=ci)]

    def _begin(self, st: _Choice, ci: int, kind: str, part: Any) -> list[StreamEvent]:
        out = self._close(st, ci)
        st.open = (st.next, kind)
        st.next += 1
        return [*out, PartStart(index=st.open[0], part=part, choice_index=ci)]

    def _candidate(
        self, c: dict[str, Any], pos: int, frames: list[ResponseDelta], position: int
    ) -> list[StreamEvent]:
        shape: dict[str, Any] = {"frame": True}
        index = take(c, "index")
        if index is None:
            shape["index"] = "absent"
        ci = index if index is not None else pos
        st = self._state(ci)
        out: list[StreamEvent] = []
        content = take(c, "content")
        if content is None:
            shape["content"] = "absent"
        else:
            parts = take(content, "parts")
            if parts is None:
                shape["parts"] = "absent"
            if take(content, "role") is None:
                shape["role"] = "absent"
            if content:
                shape["content_fields"] = content
            if parts and st.finished and not self.standalone:
                raise self._fail(position, f"content for candidate {ci} after its finishReason")
            for part in parts or []:
                out += self._part(part, st, ci)
        raw = take(c, "finishReason")
        finish, fshape = decode_finish(raw, st.calls)
        shape.update(fshape)
        if raw is not None:
            out += self._close(st, ci)
            st.finished = True
        frames.append(ResponseDelta(finish_reason=finish, choice_index=ci, extras=extras(c, shape)))
        return out

    def _part(self, part: dict[str, Any], st: _Choice, ci: int) -> list[StreamEvent]:
        data = [k for k in DATA_KEYS if k in part]
        out: list[StreamEvent] = []
        if data == ["text"] and not is_thought(part):
            if st.open is None or st.open[1] != "text":
                out += self._begin(st, ci, "text", TextPart(text=""))
            assert st.open is not None
            text = part.pop("text")
            delta = TextDelta(text=text, extras=extras(part))
            out.append(PartDelta(index=st.open[0], delta=delta, choice_index=ci))
            return out
        if data in (["text"], []) and is_thought(part):
            if st.open is None or st.open[1] != "reasoning":
                out += self._begin(st, ci, "reasoning", ReasoningPart(text=""))
            assert st.open is not None
            idx = st.open[0]
            del part["thought"]
            sig = take(part, "thoughtSignature")
            if "text" in part:
                rdelta = ReasoningDelta(text=part.pop("text"), extras=extras(part))
                out.append(PartDelta(index=idx, delta=rdelta, choice_index=ci))
                if sig is not None:
                    sd = SignatureDelta(
                        signature=sig, origin=FAMILY, extras=leftovers(FAMILY, {}, {"attach": True})
                    )
                    out.append(PartDelta(index=idx, delta=sd, choice_index=ci))
            elif sig is not None:
                sd = SignatureDelta(signature=sig, origin=FAMILY, extras=extras(part))
                out.append(PartDelta(index=idx, delta=sd, choice_index=ci))
            if sig is not None:
                st.open = (idx, "reasoning-signed")
            return out
        assert self.ids is not None
        decoded = decode_part(part, self.ids, self.ids)
        if isinstance(decoded, ToolCallPart):
            st.calls = True
            args = decoded.arguments
            decoded.arguments = ""
            out += self._begin(st, ci, "call", decoded)
            idx = st.next - 1
            if args:
                out.append(PartDelta(index=idx, delta=ArgumentsDelta(json=args), choice_index=ci))
        else:
            out += self._begin(st, ci, "whole", decoded)
        out += self._close(st, ci)
        return out

    def finish(self) -> list[StreamEvent]:
        if self.standalone or self.ended:
            return []
        if not self.started or not any(st.finished for st in self.choices.values()):
            raise InvalidPayloadError(
                [PayloadProblem("$", "stream ended before a finishReason (truncated)")],
                format=Format.GOOGLE.value,
                kind=Kind.STREAM_EVENT.value,
            )
        out: list[StreamEvent] = []
        for ci, st in sorted(self.choices.items()):
            out += self._close(st, ci)
        self.ended = True
        return [*out, ResponseStop()]
