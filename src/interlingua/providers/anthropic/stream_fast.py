"""Fast decoding of the common exact shapes of the stream's framing events: ``message_start``,
``content_block_start`` (text, tool_use), ``content_block_stop``, ``message_delta``,
``message_stop``.

Each function checks the event inline and builds exactly the events `AnthropicStreamDecoder`'s
validated path builds, extras and their key order included; anything else returns None and is
validated. The decoder checks the stream's order itself. Nothing here mutates its input.
Tests: ``test_anthropic_stream_fast.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from ...universal import (
    Extras,
    PartStart,
    PartStop,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    StreamEvent,
)
from . import fast
from .content import QUIET
from .tables import FAMILY

BEDROCK_METRICS: Final = "amazon-bedrock-invocationMetrics"

#: ``message_start`` message keys that are constant at the start of a stream.
START_QUIET: Final = frozenset({"type", "role", "content"})

#: The extras of events with nothing but their ``type`` left, shared (never mutated).
_BLOCK_START_EXTRAS: Final = Extras(FAMILY, {"type": "content_block_start"}, {}, QUIET)
_BLOCK_STOP_EXTRAS: Final = Extras(FAMILY, {"type": "content_block_stop"}, {}, QUIET)
_STOP_EXTRAS: Final = Extras(FAMILY, {"type": "message_stop"}, {}, QUIET)

#: Declared keys of a ``message_start`` message and of a ``message_delta`` delta.
_MESSAGE_DECLARED: Final = frozenset(
    {"id", "type", "role", "content", "model", "stop_reason", "stop_sequence", "usage"}
)
_DELTA_DECLARED: Final = frozenset({"stop_reason", "stop_sequence"})


def _str_or_null(value: Any) -> bool:
    return value is None or type(value) is str


def _usage(wire: Any) -> tuple[Any, bool]:
    """(decoded usage or None, whether it was decodable)."""
    if type(wire) is not dict:
        return None, False
    decoded = fast.usage(wire, take_tier=False)
    return (decoded[0], True) if decoded is not None else (None, False)


def message_start(event: dict[str, Any]) -> ResponseStart | None:
    """A ``message_start`` whose message has no content yet and no unknown event keys."""
    msg = event.get("message")
    if len(event) != 2 or type(msg) is not dict:
        return None
    rid, model, content = msg.get("id"), msg.get("model"), msg.get("content")
    if type(rid) is not str or type(model) is not str or type(content) is not list or content:
        return None
    kind, role = msg.get("type"), msg.get("role")
    if kind != "message" or role != "assistant" or type(kind) is not str or type(role) is not str:
        return None
    fields: dict[str, Any] = {"type": "message", "role": "assistant", "content": []}
    known = 5
    for key in ("stop_reason", "stop_sequence"):
        if key in msg:
            value = msg[key]
            if not _str_or_null(value):
                return None
            fields[key] = value
            known += 1
    usage = None
    if "usage" in msg:
        usage, ok = _usage(msg["usage"])
        if not ok:
            return None
        known += 1
    if len(msg) != known:
        for key, value in msg.items():
            if key not in _MESSAGE_DECLARED:
                fields[key] = value
    return ResponseStart(
        id=rid, model=model, usage=usage, extras=Extras(FAMILY, fields, {}, START_QUIET)
    )


def block_start(event: dict[str, Any]) -> PartStart | None:
    """A ``content_block_start`` of a text or client tool_use block."""
    index = event.get("index")
    if len(event) != 3 or type(index) is not int:
        return None
    part = fast.block(event.get("content_block"), streaming=True)
    if part is None:
        return None
    return PartStart(index=index, part=part, extras=_BLOCK_START_EXTRAS)


def block_stop(event: dict[str, Any]) -> PartStop | None:
    index = event.get("index")
    if len(event) != 2 or type(index) is not int:
        return None
    return PartStop(index=index, extras=_BLOCK_STOP_EXTRAS)


def message_delta(event: dict[str, Any]) -> ResponseDelta | None:
    """A ``message_delta`` without unknown event keys."""
    delta = event.get("delta")
    has_usage = "usage" in event
    if type(delta) is not dict or len(event) != 2 + has_usage:
        return None
    usage = None
    if has_usage:
        usage, ok = _usage(event["usage"])
        if not ok:
            return None
    raw_stop, sequence = delta.get("stop_reason"), delta.get("stop_sequence")
    if not _str_or_null(raw_stop) or not _str_or_null(sequence):
        return None
    fields: dict[str, Any] = {}
    if raw_stop is None and "stop_reason" in delta:
        fields["stop_reason"] = None
    if sequence is None and "stop_sequence" in delta:
        fields["stop_sequence"] = None
    for key, value in delta.items():
        if key not in _DELTA_DECLARED:
            fields[key] = value
    finish, shape = fast.stop_reason(raw_stop)
    return ResponseDelta(
        finish_reason=finish,
        stop_sequence=sequence,
        usage=usage,
        extras=Extras(FAMILY, fields, shape),
    )


def message_stop(event: dict[str, Any]) -> ResponseStop | None:
    """A ``message_stop``, with or without Bedrock's invocation metrics."""
    if len(event) == 1:
        return ResponseStop(extras=_STOP_EXTRAS)
    if len(event) != 2 or BEDROCK_METRICS not in event:
        return None
    metrics = event[BEDROCK_METRICS]
    shape = {BEDROCK_METRICS: metrics} if metrics is not None else {}
    return ResponseStop(extras=Extras(FAMILY, {"type": "message_stop"}, shape, QUIET))


#: Event ``type`` -> its fast decoder.
DECODERS: Final[dict[str, Callable[[dict[str, Any]], StreamEvent | None]]] = {
    "message_start": message_start,
    "content_block_start": block_start,
    "content_block_stop": block_stop,
    "message_delta": message_delta,
    "message_stop": message_stop,
}
