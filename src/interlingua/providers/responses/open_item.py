"""The state of one output item a Responses stream is writing (generated streams only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: the delta event of each kind of open item (reasoning: of its reasoning text)
DELTA_EVENTS = {
    "message": "response.output_text.delta",
    "refusal": "response.refusal.delta",
    "function_call": "response.function_call_arguments.delta",
    "custom_tool_call": "response.custom_tool_call_input.delta",
    "reasoning": "response.reasoning_text.delta",
}


@dataclass(slots=True)
class OpenItem:
    """An output item between its ``output_item.added`` and ``output_item.done`` events."""

    kind: str  # message, refusal, function_call, custom_tool_call, reasoning
    item: dict[str, Any]
    output_index: int
    text: list[str] = field(default_factory=list)
    summary: dict[int, list[str]] = field(default_factory=dict)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    reasoning_open: bool = False
    encrypted: str | None = None
    #: the keys every delta event of this item starts with
    head: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.head = {
            "type": DELTA_EVENTS[self.kind],
            "item_id": self.item["id"],
            "output_index": self.output_index,
        }
        if self.kind in ("message", "refusal", "reasoning"):
            self.head["content_index"] = 0
