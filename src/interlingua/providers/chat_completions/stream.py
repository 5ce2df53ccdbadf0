"""Chat Completions stream chunks (`chat.completion.chunk`) -> universal stream events.
https://platform.openai.com/docs/api-reference/chat-streaming
"""

from __future__ import annotations

from typing import Any

from ..._errors import InvalidPayloadError, PayloadProblem
from ..._formats import Format, Kind
from ...universal import (
    ArgumentsDelta,
    Delta,
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
    StreamError,
    StreamEvent,
    TextDelta,
    TextPart,
    ToolCallPart,
)
from ..base import StreamDecoder, leftovers, take, validate
from .common import F
from .models_response import ChatCompletionChunk
from .response import decode_finish, decode_usage
from .stream_encoder import ChatCompletionsStreamEncoder
from .stream_fast import ChoiceState, fast_events
from .tables import QUIET_TOP

__all__ = ["ChatCompletionsStreamDecoder", "ChatCompletionsStreamEncoder"]

#: delta keys carrying text, in the order their parts are opened, with their part kinds
_TEXT_KEYS = (("reasoning_content", "reasoning"), ("content", "text"), ("refusal", "refusal"))
_QUIET_DELTA = frozenset({"role", "content", "refusal", "reasoning_content", "tool_calls"})


def _new_part(kind: str) -> Part:
    if kind == "text":
        return TextPart(text="", extras=leftovers(F, {}))
    if kind == "refusal":
        return RefusalPart(text="", extras=leftovers(F, {}, shape={"slot": "refusal"}))
    return ReasoningPart(text="", extras=leftovers(F, {}))


def _text_delta(kind: str, text: str) -> Delta:
    if kind == "text":
        return TextDelta(text=text)
    if kind == "refusal":
        return RefusalDelta(text=text)
    return ReasoningDelta(text=text)


class ChatCompletionsStreamDecoder(StreamDecoder):
    """Decodes chunks; each chunk's envelope (id, model, leftovers of the chunk, its choices
    and deltas) rides on the first event it yields so that the chunk can be rebuilt exactly."""

    def __init__(self, *, standalone: bool = False, wire: bool = True) -> None:
        super().__init__(standalone=standalone, wire=wire)
        self.choices: dict[int, ChoiceState] = {}
        self.seen = False

    def feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        if not self.standalone and type(event) is dict:
            fast = fast_events(self.choices, event, self.wire)
            if fast is not None:
                return fast
        if "error" in event and "choices" not in event:
            return [self._error(dict(event))]
        try:
            d = validate(ChatCompletionChunk, event, Format.CHAT_COMPLETIONS, Kind.STREAM_EVENT)
        except InvalidPayloadError as exc:
            raise _at(position, exc.errors) from None
        self.seen = True
        events: list[StreamEvent] = []
        skeleton: list[dict[str, Any]] = []
        for j, ch in enumerate(d.pop("choices")):
            events += self._choice(d, ch, f"$[{position}].choices[{j}]")
            skeleton.append(ch)
        usage = take(d, "usage")
        if usage is not None:
            events.append(ResponseDelta(usage=decode_usage(usage)))
        if any(_substantive(ch) for ch in skeleton):
            d["choices"] = skeleton
        envelope = leftovers(F, d, shape={"chunk": True, "choices": skeleton}, quiet=QUIET_TOP)
        if not events:
            events.append(KeepAlive())
        events[0].extras = envelope
        return events

    def _error(self, d: dict[str, Any]) -> StreamError:
        err = d.get("error")
        ev = StreamError()
        if isinstance(err, dict):
            ev.error_type = err.get("type") if isinstance(err.get("type"), str) else None
            ev.message = err.get("message") if isinstance(err.get("message"), str) else None
        elif isinstance(err, str):
            ev.message = err
        ev.extras = leftovers(F, d, shape={"error": True}, quiet=frozenset({"error"}))
        return ev

    def _choice(self, d: dict[str, Any], ch: dict[str, Any], path: str) -> list[StreamEvent]:
        ci = ch["index"]
        st = self.choices.setdefault(ci, ChoiceState())
        delta = ch.get("delta")
        events: list[StreamEvent] = []
        if not self.standalone and st.finished and _has_content(delta):
            raise InvalidPayloadError(
                [PayloadProblem(f"{path}.delta", "content after the choice finished")],
                format=Format.CHAT_COMPLETIONS.value,
                kind=Kind.STREAM_EVENT.value,
            )
        role = isinstance(delta, dict) and delta.get("role") is not None
        if (not st.started and not self.standalone) or (self.standalone and role):
            st.started = True
            events.append(
                ResponseStart(
                    id=d.get("id"), model=d.get("model"), created=d.get("created"), choice_index=ci
                )
            )
        if isinstance(delta, dict):
            events += self._delta(delta, st, ci, f"{path}.delta")
        raw = ch.get("finish_reason")
        if raw is not None:
            shape: dict[str, Any] = {}
            reason = decode_finish(raw, shape)
            if not shape:
                del ch["finish_reason"]
            events += self._close(st, ci)
            events.append(ResponseDelta(finish_reason=reason, choice_index=ci))
            st.finished = True
        return events

    def _close(self, st: ChoiceState, ci: int) -> list[StreamEvent]:
        if self.standalone or st.open is None:
            return []
        idx, st.open, st.open_kind = st.open, None, None
        return [PartStop(index=idx, choice_index=ci)]

    def _open(
        self, st: ChoiceState, ci: int, kind: str, part: Part, wire_index: int
    ) -> list[StreamEvent]:
        if self.standalone:
            return [PartStart(index=wire_index, part=part, choice_index=ci)]
        events = self._close(st, ci)
        st.open, st.open_kind = st.next_index, kind
        st.next_index += 1
        events.append(PartStart(index=st.open, part=part, choice_index=ci))
        return events

    def _delta(
        self, delta: dict[str, Any], st: ChoiceState, ci: int, path: str
    ) -> list[StreamEvent]:
        events: list[StreamEvent] = []
        for key, kind in _TEXT_KEYS:
            value = delta.get(key)
            if not isinstance(value, str) or not value:
                continue
            del delta[key]
            if not self.standalone and st.open_kind != kind:
                events += self._open(st, ci, kind, _new_part(kind), 0)
            index = 0 if self.standalone else st.open
            assert index is not None
            events.append(PartDelta(index=index, delta=_text_delta(kind, value), choice_index=ci))
        calls = delta.get("tool_calls")
        if isinstance(calls, list) and calls:
            del delta["tool_calls"]
            for k, tc in enumerate(calls):
                events += self._tool(tc, st, ci, f"{path}.tool_calls[{k}]")
        return events

    def _tool(self, tc: dict[str, Any], st: ChoiceState, ci: int, path: str) -> list[StreamEvent]:
        widx = tc.pop("index")
        fn = tc.get("function")
        absent = [k for k in ("id", "function") if k not in tc]
        absent += [k for k in ("name", "arguments") if not isinstance(fn, dict) or k not in fn]
        args = take(fn, "arguments") if isinstance(fn, dict) else None
        events: list[StreamEvent] = []
        name = fn.get("name") if isinstance(fn, dict) else None
        new = isinstance(name, str) if self.standalone else widx not in st.tools
        if new:
            if not self.standalone and tc.get("id") is None and name is None:
                raise InvalidPayloadError(
                    [PayloadProblem(path, "arguments for a tool call that was never started")],
                    format=Format.CHAT_COMPLETIONS.value,
                    kind=Kind.STREAM_EVENT.value,
                )
            call_id = take(tc, "id")
            if isinstance(fn, dict):
                take(fn, "name")
            _fold(tc, fn)
            part = ToolCallPart(
                id=call_id or "",
                name=name or "",
                arguments="",
                extras=leftovers(
                    F, tc, shape={"index": widx, "absent": absent}, quiet=frozenset({"type"})
                ),
            )
            events += self._open(st, ci, "tool", part, widx)
            index = widx
            if not self.standalone:
                assert st.open is not None
                index = st.tools[widx] = st.open
            if args:
                events.append(
                    PartDelta(
                        index=index,
                        choice_index=ci,
                        delta=ArgumentsDelta(
                            json=args, extras=leftovers(F, {}, shape={"index": widx, "first": True})
                        ),
                    )
                )
            return events
        # NOTE: a delta for a call that is no longer the open part (interleaved parallel calls)
        # is passed on to its part rather than rejected: Chat streams do not forbid it.
        index = widx if self.standalone else st.tools[widx]
        _fold(tc, fn)
        return [
            PartDelta(
                index=index,
                choice_index=ci,
                delta=ArgumentsDelta(
                    json=args or "",
                    extras=leftovers(
                        F,
                        tc,
                        shape={"index": widx, "absent": absent},
                        quiet=frozenset({"id", "type", "function"}),
                    ),
                ),
            )
        ]

    def finish(self) -> list[StreamEvent]:
        if self.standalone:
            return []
        if not self.seen or not self.choices:
            raise InvalidPayloadError(
                [PayloadProblem("$", "stream ended before any choice")],
                format=Format.CHAT_COMPLETIONS.value,
                kind=Kind.STREAM_EVENT.value,
            )
        for ci, st in self.choices.items():
            if not st.finished:
                raise InvalidPayloadError(
                    [PayloadProblem("$", f"stream ended before choice {ci} had a finish_reason")],
                    format=Format.CHAT_COMPLETIONS.value,
                    kind=Kind.STREAM_EVENT.value,
                )
        return [ResponseStop()]


def _fold(tc: dict[str, Any], fn: Any) -> None:
    """Leave what is left of ``function`` in ``tc`` (or drop an emptied one)."""
    if isinstance(fn, dict) and not fn:
        del tc["function"]


def _substantive(ch: dict[str, Any]) -> bool:
    """Whether a choice's leftovers hold anything but wire noise (reported when dropped)."""
    if any(v is not None for k, v in ch.items() if k not in ("index", "delta", "finish_reason")):
        return True
    delta = ch.get("delta")
    return isinstance(delta, dict) and any(
        v is not None for k, v in delta.items() if k not in _QUIET_DELTA
    )


def _has_content(delta: Any) -> bool:
    if not isinstance(delta, dict):
        return False
    return any(delta.get(k) for k in ("content", "refusal", "reasoning_content", "tool_calls"))


def _at(position: int, errors: list[PayloadProblem]) -> InvalidPayloadError:
    moved = [PayloadProblem(f"$[{position}]{e.path[1:]}", e.message) for e in errors]
    return InvalidPayloadError(
        moved, format=Format.CHAT_COMPLETIONS.value, kind=Kind.STREAM_EVENT.value
    )
