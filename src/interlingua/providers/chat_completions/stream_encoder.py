"""Universal stream events -> Chat Completions chunks, as the openai SDK accumulates them.
https://platform.openai.com/docs/api-reference/chat-streaming
"""

from __future__ import annotations

from typing import Any

from ...universal import (
    ArgumentsDelta,
    CitationDelta,
    Extras,
    PartDelta,
    PartStart,
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
from .common import F, needs_break, restore_into
from .response import encode_finish, encode_usage
from .tables import DEFAULT_CREATED, DEFAULT_ID, DEFAULT_MODEL, FINISH_REASONS_OUT

#: the delta key of each kind of text delta
_TEXT_KEYS = {"text": "content", "refusal": "refusal", "reasoning": "reasoning_content"}


class ChatCompletionsStreamEncoder(StreamEncoder):
    """Writes chunks. Events decoded from Chat chunks (their first event carries the chunk
    envelope) are rebuilt one chunk per list; any other stream is written the way OpenAI
    streams: a role chunk, content / tool-call deltas, a finish chunk, then a usage chunk."""

    def __init__(self, ctx: ConversionContext) -> None:
        super().__init__(ctx)
        self.id = DEFAULT_ID
        self.model = DEFAULT_MODEL
        self.created = DEFAULT_CREATED
        self.head = self._head()
        self.tool_index: dict[tuple[int, int], int] = {}
        self.tool_count: dict[int, int] = {}
        self.skipped: set[tuple[int, int]] = set()
        self.usage: Usage | None = None
        self.stopped = False
        self.last_text: dict[int, str] = {}
        self.open: dict[int, bool] = {}  # choice index -> still waiting for its finish reason
        self.gap: dict[int, bool] = {}

    # --- same family: one chunk per list ----------------------------------------------------

    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        env = events[0].extras if events else None
        if env is not None and env.family == F:
            if env.shape.get("chunk"):
                return [self._rebuild(env, events)]
            if env.shape.get("error"):
                return [dict(env.fields)]
        if len(events) == 1:
            ev = events[0]
            if type(ev) is PartDelta:  # the common event, without `_event`'s dispatch
                return self._part_delta(ev, ev.choice_index)
            return self._event(ev)
        out: list[dict[str, Any]] = []
        for ev in events:
            if type(ev) is PartDelta:
                out += self._part_delta(ev, ev.choice_index)
            else:
                out += self._event(ev)
        return out

    def _rebuild(self, env: Extras, events: list[StreamEvent]) -> dict[str, Any]:
        choices: dict[int, dict[str, Any]] = {}
        order: list[dict[str, Any]] = []
        for entry in env.shape["choices"]:
            ch = entry.copy()
            if "delta" in ch:
                del ch["delta"]
                ch["delta"] = {}  # last, as the chunk is rebuilt
            choices[entry["index"]] = ch
            order.append(ch)
        chunk: dict[str, Any] = {"choices": order}
        firsts: dict[tuple[int, int], dict[str, Any]] = {}
        for ev in events:
            if isinstance(ev, ResponseStart):
                self._start(ev)
                continue
            if not isinstance(ev, (PartStart, PartDelta, ResponseDelta)):
                continue
            if isinstance(ev, ResponseDelta) and ev.usage is not None:
                chunk["usage"] = encode_usage(ev.usage, self.ctx, "$.usage")
                self.usage = None
            found = choices.get(ev.choice_index)
            if found is None:
                continue
            ch = found
            if isinstance(ev, ResponseDelta):
                if ev.finish_reason is not None and "finish_reason" not in ch:
                    ch["finish_reason"] = FINISH_REASONS_OUT.get(ev.finish_reason, "stop")
                continue
            delta = ch.setdefault("delta", {})
            if isinstance(ev, PartStart) and isinstance(ev.part, ToolCallPart):
                call = self._call_entry(ev.part.extras, ev.part.id, ev.part.name, ev.part)
                delta.setdefault("tool_calls", []).append(call)
                firsts[(ev.choice_index, call["index"])] = call
            elif isinstance(ev, PartDelta):
                self._rebuild_delta(ev, delta, firsts)
        shared = len(choices) < len(order)  # choices sharing an index: the last one gets all
        for entry in env.shape["choices"]:
            target = choices[entry["index"]]
            if shared:
                target.update({k: v for k, v in entry.items() if k != "delta"})
            left = entry.get("delta")
            if isinstance(left, dict) and left:
                target["delta"].update(left)
        if "choices" in env.fields:
            chunk.update({k: v for k, v in env.fields.items() if k != "choices"})
        else:
            chunk.update(env.fields)
        return chunk

    def _rebuild_delta(
        self, ev: PartDelta, delta: dict[str, Any], firsts: dict[tuple[int, int], dict[str, Any]]
    ) -> None:
        d = ev.delta
        if isinstance(d, (TextDelta, RefusalDelta, ReasoningDelta)):
            key = _TEXT_KEYS[d.type]
            delta[key] = delta.get(key, "") + d.text
        elif isinstance(d, ArgumentsDelta):
            shape = d.extras.shape if d.extras is not None else {}
            first = firsts.get((ev.choice_index, shape.get("index", -1)))
            if shape.get("first") and first is not None:
                fn = first.setdefault("function", {})
                fn["arguments"] = fn.get("arguments", "") + d.json
                return
            call = self._call_entry(d.extras, None, None, d)
            if "function" in call and "arguments" in call["function"]:
                call["function"]["arguments"] = d.json
            delta.setdefault("tool_calls", []).append(call)

    def _call_entry(
        self, extras: Extras | None, call_id: str | None, name: str | None, node: Any
    ) -> dict[str, Any]:
        shape = extras.shape if extras is not None else {}
        absent = shape.get("absent", [])
        entry: dict[str, Any] = {"index": shape.get("index", 0)}
        if call_id is not None and "id" not in absent:
            entry["id"] = call_id
        if "function" not in absent:
            fn: dict[str, Any] = {}
            if name is not None and "name" not in absent:
                fn["name"] = name
            if "arguments" not in absent:
                fn["arguments"] = ""
            entry["function"] = fn
        restore_into(entry, node, self.ctx, "$")
        return entry

    # --- any other source: OpenAI's own chunk sequence ------------------------------------

    def _head(self) -> dict[str, Any]:
        """What every chunk of the stream begins with."""
        return {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
        }

    def _chunk(self, choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        return {**self.head, "choices": choices, **extra}

    def _delta(self, ci: int, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        chunk = self.head.copy()
        chunk["choices"] = [
            {"index": ci, "delta": delta, "logprobs": None, "finish_reason": finish}
        ]
        return chunk

    def _start(self, ev: ResponseStart) -> None:
        self.id = ev.id or self.id
        self.model = ev.model or self.model
        self.created = ev.created if ev.created is not None else self.created
        self.head = self._head()

    def _event(self, ev: StreamEvent) -> list[dict[str, Any]]:
        if isinstance(ev, PartDelta):
            return self._part_delta(ev, ev.choice_index)
        ci = getattr(ev, "choice_index", 0)
        if isinstance(ev, ResponseStart):
            self._start(ev)
            if ev.usage is not None:
                self.usage = merge_usage(self.usage, ev.usage)
            self.open[ci] = True
            return [self._delta(ci, {"role": "assistant", "content": ""})]
        if isinstance(ev, PartStart):
            return self._part_start(ev, ci)
        if isinstance(ev, ResponseDelta):
            if ev.usage is not None:
                self.usage = merge_usage(self.usage, ev.usage)
            if ev.finish_reason is None:
                return []
            self.open[ci] = False
            finish = encode_finish(ev.finish_reason, {}, self.ctx, "$.finish_reason")
            return [self._delta(ci, {}, finish)]
        if isinstance(ev, ResponseStop):
            return self._stop(ev)
        if isinstance(ev, StreamError):
            # NOTE: not a ChatCompletionChunk: OpenAI reports a failed stream with an error
            # object in a data line, and the openai SDK raises APIError when it reads one.
            error = {
                "message": ev.message or "",
                "type": ev.error_type,
                "param": None,
                "code": None,
            }
            self.stopped = True  # the stream failed: nothing may look like a normal end after it
            return [{"error": error}]
        return []

    def _part_start(self, ev: PartStart, ci: int) -> list[dict[str, Any]]:
        part, key = ev.part, (ci, ev.index)
        if isinstance(part, ToolCallPart) and part.kind != "server":
            if part.kind == "custom":
                self.ctx.loss(
                    f"$.content[{ev.index}]",
                    "tool-call-approximated",
                    "Chat Completions streams custom tool calls as function calls",
                )
            n = self.tool_index[key] = self.tool_count.get(ci, 0)
            self.tool_count[ci] = n + 1
            call = {
                "index": n,
                "id": part.id,
                "type": "function",
                "function": {"name": part.name, "arguments": part.arguments},
            }
            return [self._delta(ci, {"tool_calls": [call]})]
        if isinstance(part, TextPart):
            return self._text(ci, part.text)
        self.gap[ci] = True
        if isinstance(part, RefusalPart):
            return [self._delta(ci, {"refusal": part.text})] if part.text else []
        self.skipped.add(key)
        path = f"$.content[{ev.index}]"
        if isinstance(part, ReasoningPart):
            if part.signature is not None or part.redacted is not None:
                self.ctx.loss(
                    path,
                    "signature-not-portable",
                    "reasoning signatures and redacted reasoning cannot be replayed here",
                )
            self.ctx.loss(path, "reasoning-dropped", "Chat Completions streams carry no reasoning")
        elif isinstance(part, ToolCallPart):
            self.ctx.loss(
                path,
                "tool-unsupported",
                f"`{part.name}` ran on the provider's side; Chat Completions has no such call",
            )
        else:
            self.ctx.loss(
                path, "part-unsupported", f"`{part.type}` parts have no Chat Completions chunk"
            )
        return []

    def _text(self, ci: int, text: str) -> list[dict[str, Any]]:
        """A content chunk; a blank line goes between texts a non-text part separated."""
        if not text:
            return []
        if self.gap and self.gap.pop(ci, False) and needs_break(self.last_text.get(ci, ""), text):
            text = "\n\n" + text
        self.last_text[ci] = text
        chunk = self.head.copy()
        chunk["choices"] = [
            {"index": ci, "delta": {"content": text}, "logprobs": None, "finish_reason": None}
        ]
        return [chunk]

    def _part_delta(self, ev: PartDelta, ci: int) -> list[dict[str, Any]]:
        d = ev.delta
        if self.skipped and (ci, ev.index) in self.skipped:
            if isinstance(d, SignatureDelta):
                self.ctx.loss(
                    f"$.content[{ev.index}].signature",
                    "signature-not-portable",
                    "a reasoning signature cannot be replayed to Chat Completions",
                )
            return []
        if isinstance(d, TextDelta):
            return self._text(ci, d.text)
        if isinstance(d, ArgumentsDelta):
            n = self.tool_index.get((ci, ev.index))
            if not d.json or n is None:
                return []
            call = {"index": n, "function": {"arguments": d.json}}
            return [self._delta(ci, {"tool_calls": [call]})]
        if isinstance(d, RefusalDelta):
            return [self._delta(ci, {"refusal": d.text})] if d.text else []
        if isinstance(d, (ReasoningDelta, SummaryDelta, SignatureDelta)):
            self.skipped.add((ci, ev.index))
            self.ctx.loss(
                f"$.content[{ev.index}]",
                "reasoning-dropped",
                "Chat Completions streams carry no reasoning",
            )
        elif isinstance(d, CitationDelta):
            self.ctx.loss(
                f"$.content[{ev.index}].citations",
                "citation-unsupported",
                "Chat Completions chunks carry no citations",
            )
        return []

    def _stop(self, ev: ResponseStop) -> list[dict[str, Any]]:
        """Finish chunks for choices the source never gave a reason (it may carry the whole
        response at the end instead), then the usage chunk."""
        if self.stopped:
            return []
        out: list[dict[str, Any]] = []
        final = {c.index: c for c in ev.response.choices} if ev.response is not None else {}
        for ci, waiting in self.open.items():
            if waiting:
                reason = final[ci].finish_reason if ci in final else None
                finish = encode_finish(reason, {}, self.ctx, "$.finish_reason")
                out.append(self._delta(ci, {}, finish))
                self.open[ci] = False
        if self.usage is None and ev.response is not None:
            self.usage = ev.response.usage
        return out + self._close()

    def _close(self) -> list[dict[str, Any]]:
        if self.stopped:
            return []
        self.stopped = True
        if self.usage is None:
            return []
        usage = encode_usage(self.usage, self.ctx, "$.usage")
        self.usage = None
        return [self._chunk([], usage=usage)]

    def finish(self) -> list[dict[str, Any]]:
        return self._close()
