"""The state of one Responses stream being written, and the events that close its output
items and the response (the events a `ResponsesStreamEncoder` generates for other sources).
https://platform.openai.com/docs/api-reference/responses-streaming
"""

from __future__ import annotations

from typing import Any

from ...universal import FinishReason, Usage
from ..base import ConversionContext, StreamEncoder
from .common import F
from .open_item import OpenItem
from .response import encode_usage
from .tables import APPROXIMATE_FINISH, DEFAULT_ID, DEFAULT_MODEL, FINISH_STATUS

#: the kinds of open item whose deltas are tool input (and the types of their items)
CALLS = frozenset({"function_call", "custom_tool_call"})
_TOOL_CALLS, _REFUSAL = FinishReason.TOOL_CALLS, FinishReason.REFUSAL
#: the event that ends a response of each status but "completed"
_END_EVENTS = {"incomplete": "response.incomplete", "failed": "response.failed"}


class ResponseWriter(StreamEncoder):
    """What a generated Responses stream has written so far: sequence numbers, the response
    envelope, the open and finished output items."""

    def __init__(self, ctx: ConversionContext) -> None:
        super().__init__(ctx)
        self.seq = 0
        self.mirrored = False
        self.started = False
        self.stopped = False
        self.rid = DEFAULT_ID
        self.model = DEFAULT_MODEL
        self.created = 0
        self.output: list[dict[str, Any]] = []
        self.open: dict[int, OpenItem] = {}
        self.skipped: set[int] = set()
        self.usage: Usage | None = None
        self.finish_reason: Any = None
        #: the response id as item ids spell it (set when the stream begins)
        self.stem = ""

    def _emit(self, kind: str, **body: Any) -> dict[str, Any]:
        event = {"type": kind, **body, "sequence_number": self.seq}
        self.seq += 1
        return event

    def _envelope(self, status: str, usage: dict[str, Any] | None) -> dict[str, Any]:
        return {
            "id": self.rid,
            "object": "response",
            "created_at": self.created,
            "status": status,
            "error": None,
            "incomplete_details": None,
            "instructions": None,
            "model": self.model,
            "output": list(self.output),
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
            "usage": usage,
        }

    def _text(self, state: OpenItem, text: str) -> list[dict[str, Any]]:
        state.text.append(text)
        seq = self.seq
        self.seq = seq + 1
        if state.kind == "message":
            return [{**state.head, "delta": text, "logprobs": [], "sequence_number": seq}]
        return [{**state.head, "delta": text, "sequence_number": seq}]

    def _reasoning(self, state: OpenItem, text: str) -> list[dict[str, Any]]:
        ids = {"item_id": state.item["id"], "output_index": state.output_index}
        out = []
        if not state.reasoning_open:
            state.reasoning_open = True
            out.append(
                self._emit(
                    "response.content_part.added",
                    **ids,
                    content_index=0,
                    part={"type": "reasoning_text", "text": ""},
                )
            )
        state.text.append(text)
        out.append({**state.head, "delta": text, "sequence_number": self.seq})
        self.seq += 1
        return out

    def _summary(self, state: OpenItem, index: int, text: str) -> list[dict[str, Any]]:
        ids = {"item_id": state.item["id"], "output_index": state.output_index}
        out = []
        if index not in state.summary:
            for k in range(len(state.summary), index + 1):
                state.summary[k] = []
                out.append(
                    self._emit(
                        "response.reasoning_summary_part.added",
                        **ids,
                        summary_index=k,
                        part={"type": "summary_text", "text": ""},
                    )
                )
        state.summary[index].append(text)
        out.append(
            self._emit(
                "response.reasoning_summary_text.delta", **ids, summary_index=index, delta=text
            )
        )
        return out

    def _signature(self, state: OpenItem, signature: str, origin: str | None) -> None:
        if origin == F:
            state.encrypted = (state.encrypted or "") + signature
            return
        self.ctx.loss(
            f"$.choices[0].message.content[{state.output_index}].signature",
            "signature-not-portable",
            f"a reasoning signature from {origin or 'another provider'} "
            "cannot be verified by Responses",
        )

    def _part_stop(self, index: int) -> list[dict[str, Any]]:
        state = self.open.pop(index, None)
        if state is None:
            return []
        text = "".join(state.text)
        item = dict(state.item)
        oi = state.output_index
        ids = {"item_id": item["id"], "output_index": oi}
        out: list[dict[str, Any]] = []
        if state.kind == "message":
            part = {"type": "output_text", "text": text, "annotations": state.annotations}
            seq = self.seq
            self.seq = seq + 2
            out += [
                {
                    "type": "response.output_text.done",
                    **ids,
                    "content_index": 0,
                    "text": text,
                    "logprobs": [],
                    "sequence_number": seq,
                },
                {
                    "type": "response.content_part.done",
                    **ids,
                    "content_index": 0,
                    "part": part,
                    "sequence_number": seq + 1,
                },
            ]
            item.update(status="completed", content=[part])
        elif state.kind == "refusal":
            part = {"type": "refusal", "refusal": text}
            out.append(self._emit("response.refusal.done", **ids, content_index=0, refusal=text))
            out.append(self._emit("response.content_part.done", **ids, content_index=0, part=part))
            item.update(status="completed", content=[part])
        elif state.kind == "reasoning":
            for k in sorted(state.summary):
                s = "".join(state.summary[k])
                part = {"type": "summary_text", "text": s}
                out.append(
                    self._emit(
                        "response.reasoning_summary_text.done", **ids, summary_index=k, text=s
                    )
                )
                out.append(
                    self._emit(
                        "response.reasoning_summary_part.done", **ids, summary_index=k, part=part
                    )
                )
            item["summary"] = [
                {"type": "summary_text", "text": "".join(state.summary[k])}
                for k in sorted(state.summary)
            ]
            if state.reasoning_open:
                part = {"type": "reasoning_text", "text": text}
                out.append(
                    self._emit("response.reasoning_text.done", **ids, content_index=0, text=text)
                )
                out.append(
                    self._emit("response.content_part.done", **ids, content_index=0, part=part)
                )
                item["content"] = [part]
            if state.encrypted is not None:
                item["encrypted_content"] = state.encrypted
        elif state.kind == "custom_tool_call":
            out.append(self._emit("response.custom_tool_call_input.done", **ids, input=text))
            item["input"] = text
        else:
            out.append(self._emit("response.function_call_arguments.done", **ids, arguments=text))
            item.update(status="completed", arguments=text)
        seq = self.seq
        self.seq = seq + 1
        out.append(
            {
                "type": "response.output_item.done",
                "item": item,
                "output_index": oi,
                "sequence_number": seq,
            }
        )
        self.output.append(item)
        return out

    def _end(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for index in sorted(self.open, key=lambda i: self.open[i].output_index):
            out += self._part_stop(index)
        self.stopped = True
        status, incomplete = FINISH_STATUS.get(self.finish_reason, ("completed", None))
        if self.finish_reason in APPROXIMATE_FINISH or self._untold():
            self.ctx.loss(
                "$.finish_reason",
                "finish-reason-approximated",
                f"Responses has no finish reason {self.finish_reason.value!r}",
            )
        usage = encode_usage(self.usage or Usage(), self.ctx)
        resp = self._envelope(status, usage)
        resp["incomplete_details"] = {"reason": incomplete} if incomplete else None
        if status == "failed":
            resp["error"] = {"code": "server_error", "message": "the response failed"}
        out.append(self._emit(_END_EVENTS.get(status, "response.completed"), response=resp))
        return out

    def _untold(self) -> bool:
        """Whether the finish reason is one the output does not tell by itself: a tool-call
        finish is told by call items, a refusal by a refusal part."""
        if self.finish_reason is _TOOL_CALLS:
            return not any(item.get("type") in CALLS for item in self.output)
        if self.finish_reason is _REFUSAL:
            return not any(
                isinstance(p, dict) and p.get("type") == "refusal"
                for item in self.output
                for p in item.get("content") or ()
            )
        return False
