"""Whole-stream behaviour: translation in both directions, truncation, ordering, async,
collect_stream, and SSE bytes in and out."""

from __future__ import annotations

import asyncio
import json
import warnings
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from interlingua import (
    InterlinguaError,
    InvalidPayloadError,
    atranslate_stream,
    collect_stream,
    translate_stream,
)
from interlingua.sse import parse_sse, translate_sse, write_sse

SNAPSHOTS = Path(__file__).resolve().parent.parent / "payloads" / "corpus" / "snapshots"


def _load(case: str, fmt: str, name: str = "response-streaming.json") -> Any:
    return json.loads((SNAPSHOTS / case / fmt / name).read_text())


def _quiet(events: Any, to: str, **kw: Any) -> list[dict[str, Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(translate_stream(events, to, **kw))


def test_collect_stream_matches_the_recorded_response() -> None:
    # The recorded stream and response are two separate calls, so compare structure.
    events = _load("toolCallRequest", "anthropic")
    collected = collect_stream(events)
    assert collected["type"] == "message"
    calls = [b for b in collected["content"] if b["type"] == "tool_use"]
    assert calls and calls[0]["input"] == {"location": "San Francisco, CA"}
    assert collected["stop_reason"] == "tool_use"


def test_anthropic_to_chat_stream_adds_up_to_the_same_answer() -> None:
    events = _load("toolCallRequest", "anthropic")
    out = _quiet(events, "chat-completions")
    collected = collect_stream(out, source="chat-completions")
    call = collected["choices"][0]["message"]["tool_calls"][0]
    assert json.loads(call["function"]["arguments"]) == {"location": "San Francisco, CA"}
    assert collected["choices"][0]["finish_reason"] == "tool_calls"


def test_chat_to_anthropic_stream_is_well_formed() -> None:
    events = _load("toolCallRequest", "chat-completions")
    out = _quiet(events, "anthropic")
    types = [e["type"] for e in out]
    assert types[0] == "message_start" and types[-1] == "message_stop"
    assert types.count("content_block_start") == types.count("content_block_stop")
    assert "message_delta" in types


def test_truncated_stream_is_reported_not_completed() -> None:
    events = _load("toolCallRequest", "anthropic")[:-3]
    with pytest.raises(InvalidPayloadError, match="ended"):
        _quiet(events, "chat-completions")


def test_delta_before_block_start_is_an_error_with_position() -> None:
    events = _load("toolCallRequest", "anthropic")
    broken = [events[0], events[2]]  # a content_block_delta without its content_block_start
    with pytest.raises(InvalidPayloadError) as info:
        _quiet(broken, "chat-completions")
    assert info.value.path is not None and info.value.path.startswith("$[1]")


def test_empty_stream_is_an_error() -> None:
    with pytest.raises(InterlinguaError):
        _quiet([], "anthropic")


def test_same_format_stream_passes_through() -> None:
    events = _load("toolCallRequest", "anthropic")
    assert list(translate_stream(events, "anthropic")) == events


def test_async_matches_sync() -> None:
    events = _load("toolCallRequest", "chat-completions")

    async def source() -> AsyncIterator[dict[str, Any]]:
        for event in events:
            yield event

    async def run() -> list[dict[str, Any]]:
        return [e async for e in atranslate_stream(source(), "anthropic", on_loss="ignore")]

    assert asyncio.run(run()) == _quiet(events, "anthropic", on_loss="ignore")


def test_sse_bytes_in_bytes_out_at_any_boundary() -> None:
    events = _load("toolCallRequest", "anthropic")
    sse = b"".join(write_sse(events, "anthropic"))
    expected = b"".join(translate_sse([sse], "chat-completions", on_loss="ignore"))
    pieces = [sse[i : i + 7] for i in range(0, len(sse), 7)]
    assert b"".join(translate_sse(pieces, "chat-completions", on_loss="ignore")) == expected
    assert expected.endswith(b"data: [DONE]\n\n")
    back = list(parse_sse([expected]))
    assert all(e["object"] == "chat.completion.chunk" for e in back)
