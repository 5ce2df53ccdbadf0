"""The common Chat Completions chunk, decoded without validation: one choice whose delta carries
one text, reasoning, refusal or tool-argument string for the part already open, nothing else
said (other keys null). Every check here is one the wire model makes, and the events are
exactly those the full path of `ChatCompletionsStreamDecoder` builds; any other chunk goes there.
https://platform.openai.com/docs/api-reference/chat-streaming
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ...universal import (
    ArgumentsDelta,
    Extras,
    PartDelta,
    ReasoningDelta,
    RefusalDelta,
    StreamEvent,
    TextDelta,
)
from .common import F
from .tables import QUIET_TOP

#: the chunk keys the wire model declares
_TOP = frozenset({"id", "object", "created", "model", "choices", "usage"})
#: the key layouts of OpenAI's chunks without ``choices``: the declared keys first, as
#: validation returns them, then any of the optional ones, in OpenAI's order
_LAYOUTS = frozenset(
    ("id", "object", "created", "model", *tail)
    for n in range(4)
    for tail in combinations(("service_tier", "system_fingerprint", "obfuscation"), n)
)
#: the delta keys the wire model declares, in the order validation returns them
_DELTA = ("role", "content", "refusal", "tool_calls", "reasoning_content")
#: delta keys carrying text, with the kind of part they stream into and their delta type
_TEXT: dict[str, tuple[str, type[TextDelta | ReasoningDelta | RefusalDelta]]] = {
    "content": ("text", TextDelta),
    "reasoning_content": ("reasoning", ReasoningDelta),
    "refusal": ("refusal", RefusalDelta),
}
_ARGUMENTS_QUIET = frozenset({"id", "type", "function"})
#: the chunk keys whose envelope holds nothing another family would report lost, if ``usage``
#: is null: the ones `_fields` checks, then OpenAI's quiet extras (`QUIET_TOP`)
_PLAIN_TOP = QUIET_TOP | {"choices", "usage"}
_CHUNK = "chat.completion.chunk"


@dataclass(slots=True)
class ChoiceState:
    """What the decoder knows of one choice: parts opened so far and tool calls by index."""

    started: bool = False
    finished: bool = False
    next_index: int = 0
    open: int | None = None
    open_kind: str | None = None
    tools: dict[int, int] = field(default_factory=dict)


def fast_events(
    choices: dict[int, ChoiceState], event: dict[str, Any], wire: bool = True
) -> list[StreamEvent] | None:
    """The events of a common delta chunk of a started choice, or None (use the full path).

    Without ``wire`` (see `StreamDecoder`), a chunk whose envelope would hold only quiet keys
    and nulls yields its delta with no envelope; the checks validation makes are the same."""
    wire_choices = event.get("choices")
    if type(wire_choices) is not list or len(wire_choices) != 1:
        return None
    ch = wire_choices[0]
    if type(ch) is not dict:
        return None
    ci, delta = ch.get("index"), ch.get("delta")
    if type(ci) is not int or type(delta) is not dict:
        return None
    st = choices.get(ci)
    if st is None or st.finished:
        return None
    key = next(iter(delta)) if len(delta) == 1 else _only_value(delta)
    if key is None:
        return None
    value = delta[key]
    event_delta: TextDelta | ReasoningDelta | RefusalDelta | ArgumentsDelta
    if key == "tool_calls":
        found = _arguments(value, st, wire)
        if found is None:
            return None
        index, event_delta = found
    else:
        text = _TEXT.get(key)
        if text is None or type(value) is not str or not value or st.open_kind != text[0]:
            return None
        assert st.open is not None
        index, event_delta = st.open, text[1](text=value)
    if not wire and _plain(event) and _null_rest(ch):
        return [PartDelta(index=index, delta=event_delta, choice_index=ci)]
    skeleton = _skeleton(ch, ci, delta, key)
    fields = _fields(event)
    if skeleton is None or fields is None:
        return None
    envelope = Extras(F, fields, {"chunk": True, "choices": [skeleton]}, QUIET_TOP)
    return [PartDelta(index=index, delta=event_delta, choice_index=ci, extras=envelope)]


def _arguments(calls: Any, st: ChoiceState, wire: bool) -> tuple[int, ArgumentsDelta] | None:
    """A lone ``{"index": i, "function": {"arguments": "..."}}`` for a call already started."""
    if type(calls) is not list or len(calls) != 1:
        return None
    tc = calls[0]
    if type(tc) is not dict or len(tc) != 2:
        return None
    widx, fn = tc.get("index"), tc.get("function")
    if type(widx) is not int or type(fn) is not dict or len(fn) != 1:
        return None
    args = fn.get("arguments")
    part = st.tools.get(widx)
    if type(args) is not str or part is None:
        return None
    if not wire:  # the extras hold only shape hints, which only this family reads
        return part, ArgumentsDelta(json=args)
    shape = {"index": widx, "absent": ["id", "name"]}
    return part, ArgumentsDelta(json=args, extras=Extras(F, {}, shape, _ARGUMENTS_QUIET))


def _only_value(wire: dict[Any, Any]) -> str | None:
    """The one key of ``wire`` with a non-null value (None unless all keys are strings)."""
    found = None
    for key, value in wire.items():
        if type(key) is not str:
            return None
        if value is not None:
            if found is not None:
                return None
            found = key
    return found


def _plain(event: dict[str, Any]) -> bool:
    """Whether the chunk's keys but ``choices`` are valid and would all be quiet or null in its
    envelope: keys of `_PLAIN_TOP` only, checked as `_fields` checks them."""
    try:
        if not (
            event.keys() <= _PLAIN_TOP
            and type(event["id"]) is str
            and type(event["created"]) is int
            and type(event["model"]) is str
        ):
            return False
    except KeyError:
        return False
    obj = event.get("object", _CHUNK)
    return type(obj) is str and obj == _CHUNK and event.get("usage") is None


def _null_rest(ch: dict[Any, Any]) -> bool:
    """Whether the choice's keys but index and delta are null strings."""
    if len(ch) == 2 or (len(ch) == 3 and ch.get("finish_reason", ...) is None):
        return True
    for k, value in ch.items():
        if type(k) is not str or (value is not None and k != "index" and k != "delta"):
            return False
    return True


def _skeleton(
    ch: dict[Any, Any], ci: int, delta: dict[str, Any], key: str
) -> dict[str, Any] | None:
    """What the full path leaves of the choice, if its keys but index and delta are null."""
    left: dict[str, Any] = {}
    if len(delta) > 1:  # the other keys are null strings (`_only_value`)
        rest = [k for k in delta if k != key]
        left = dict.fromkeys(
            [k for k in _DELTA if k in rest] + [k for k in rest if k not in _DELTA]
        )
    skeleton: dict[str, Any] = {"index": ci, "delta": left}
    if "finish_reason" in ch:
        if ch["finish_reason"] is not None:
            return None
        skeleton["finish_reason"] = None
    if len(skeleton) < len(ch):
        for k, value in ch.items():
            if k not in skeleton:
                if value is not None or type(k) is not str:
                    return None
                skeleton[k] = None
    return skeleton


def _fields(event: dict[str, Any]) -> dict[str, Any] | None:
    """The chunk's keys but ``choices``, as validation returns them, if they are valid."""
    fields = event.copy()
    del fields["choices"]
    if tuple(fields) not in _LAYOUTS:
        return _any_fields(event)
    obj = fields["object"]
    if (
        type(fields["id"]) is str
        and type(obj) is str
        and obj == "chat.completion.chunk"
        and type(fields["created"]) is int
        and type(fields["model"]) is str
    ):
        return fields
    return None


def _any_fields(event: dict[str, Any]) -> dict[str, Any] | None:
    """`_fields` of a chunk that OpenAI would not send: other keys, or in another order."""
    eid, created, model = event.get("id"), event.get("created"), event.get("model")
    if type(eid) is not str or type(created) is not int or type(model) is not str:
        return None
    fields: dict[str, Any] = {"id": eid}
    if "object" in event:
        obj = event["object"]
        if type(obj) is not str or obj != "chat.completion.chunk":
            return None
        fields["object"] = obj
    fields["created"] = created
    fields["model"] = model
    if "usage" in event:
        if event["usage"] is not None:
            return None
        fields["usage"] = None
    for key, value in event.items():
        if key not in _TOP:
            if type(key) is not str:
                return None
            fields[key] = value
    return fields
