"""Adds a universal stream up to the universal response it describes (``collect_stream``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .content import Part, ReasoningPart, RefusalPart, TextPart, ToolCallPart
from .messages import Message
from .response import Choice, FinishReason, Response, Usage
from .stream import (
    ArgumentsDelta,
    CitationDelta,
    PartDelta,
    PartStart,
    ReasoningDelta,
    RefusalDelta,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamEvent,
    SummaryDelta,
    TextDelta,
)

__all__ = ["StreamAccumulator", "merge_usage"]


def merge_usage(old: Usage | None, new: Usage | None) -> Usage | None:
    """``new`` over ``old``, field by field: later stream events repeat or refine counts."""
    if old is None or new is None:
        return new or old
    return Usage(
        input_tokens=_later(new.input_tokens, old.input_tokens),
        output_tokens=_later(new.output_tokens, old.output_tokens),
        total_tokens=_later(new.total_tokens, old.total_tokens),
        cached_input_tokens=_later(new.cached_input_tokens, old.cached_input_tokens),
        cache_write_tokens=_later(new.cache_write_tokens, old.cache_write_tokens),
        reasoning_tokens=_later(new.reasoning_tokens, old.reasoning_tokens),
        extras=new.extras or old.extras,
    )


def _later(new: int | None, old: int | None) -> int | None:
    return new if new is not None else old


@dataclass(slots=True)
class _PartBuffer:
    part: Part
    chunks: list[str] = field(default_factory=list)
    summary: dict[int, list[str]] = field(default_factory=dict)

    def build(self) -> Part:
        part = self.part
        text = "".join(self.chunks)
        if isinstance(part, (TextPart, RefusalPart)):
            return replace(part, text=part.text + text)
        if isinstance(part, ToolCallPart):
            return replace(part, arguments=part.arguments + text)
        if isinstance(part, ReasoningPart):
            summary = part.summary
            if self.summary:
                summary = list(summary or [])
                for i in sorted(self.summary):
                    while len(summary) <= i:
                        summary.append("")
                    summary[i] += "".join(self.summary[i])
            body = (part.text or "") + text if (part.text is not None or text) else None
            return replace(part, text=body, summary=summary)
        return part


@dataclass(slots=True)
class _ChoiceState:
    parts: dict[int, _PartBuffer] = field(default_factory=dict)
    finish_reason: FinishReason | None = None
    stop_sequence: str | None = None


class StreamAccumulator:
    """Feed universal stream events; `response()` returns what they add up to."""

    def __init__(self) -> None:
        self._id: str | None = None
        self._model: str | None = None
        self._created: int | None = None
        self._usage: Usage | None = None
        self._choices: dict[int, _ChoiceState] = {}
        self._final: Response | None = None

    def _choice(self, index: int) -> _ChoiceState:
        state = self._choices.get(index)
        if state is None:
            state = self._choices[index] = _ChoiceState()
        return state

    def feed(self, event: StreamEvent) -> None:
        """Take one universal event into account."""
        if isinstance(event, ResponseStart):
            self._id = event.id or self._id
            self._model = event.model or self._model
            self._created = event.created or self._created
            self._usage = merge_usage(self._usage, event.usage)
            self._choice(event.choice_index)
        elif isinstance(event, PartStart):
            self._choice(event.choice_index).parts[event.index] = _PartBuffer(replace(event.part))
        elif isinstance(event, PartDelta):
            self._apply(event)
        elif isinstance(event, ResponseDelta):
            state = self._choice(event.choice_index)
            state.finish_reason = event.finish_reason or state.finish_reason
            state.stop_sequence = event.stop_sequence or state.stop_sequence
            self._usage = merge_usage(self._usage, event.usage)
        elif isinstance(event, ResponseStop) and event.response is not None:
            self._final = event.response

    def _apply(self, event: PartDelta) -> None:
        buffer = self._choice(event.choice_index).parts.get(event.index)
        if buffer is None:  # decoders check order; be forgiving when accumulating
            buffer = self._choice(event.choice_index).parts[event.index] = _PartBuffer(
                _empty_part_for(event)
            )
        delta = event.delta
        if isinstance(delta, (TextDelta, ArgumentsDelta, ReasoningDelta, RefusalDelta)):
            buffer.chunks.append(delta.json if isinstance(delta, ArgumentsDelta) else delta.text)
        elif isinstance(delta, SummaryDelta):
            buffer.summary.setdefault(delta.summary_index, []).append(delta.text)
        elif isinstance(delta, SignatureDelta) and isinstance(buffer.part, ReasoningPart):
            buffer.part = replace(
                buffer.part,
                signature=(buffer.part.signature or "") + delta.signature,
                signature_origin=delta.origin or buffer.part.signature_origin,
            )
        elif isinstance(delta, CitationDelta) and isinstance(buffer.part, TextPart):
            buffer.part = replace(
                buffer.part, citations=[*(buffer.part.citations or []), delta.citation]
            )

    def response(self) -> Response:
        """The response the events fed so far describe."""
        if self._final is not None:
            return self._final
        choices = [
            Choice(
                index=index,
                message=Message(
                    role="assistant",
                    content=[state.parts[i].build() for i in sorted(state.parts)],
                ),
                finish_reason=state.finish_reason,
                stop_sequence=state.stop_sequence,
            )
            for index, state in sorted(self._choices.items())
        ] or [Choice(index=0, message=Message(role="assistant"))]
        return Response(
            id=self._id,
            model=self._model,
            created=self._created,
            choices=choices,
            usage=self._usage,
        )


def _empty_part_for(event: PartDelta) -> Part:
    delta = event.delta
    if isinstance(delta, ArgumentsDelta):
        return ToolCallPart(id="", name="", arguments="")
    if isinstance(delta, (ReasoningDelta, SummaryDelta, SignatureDelta)):
        return ReasoningPart()
    if isinstance(delta, RefusalDelta):
        return RefusalPart(text="")
    return TextPart(text="")
