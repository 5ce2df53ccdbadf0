"""SSE parsing at arbitrary chunk boundaries, framing per format, and SSE-to-SSE translation."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlingua import InvalidPayloadError
from interlingua.sse import ServerSentEvent, SSEParser, format_event, parse_sse, write_sse

STREAM = (
    'event: message_start\r\ndata: {"type": "message_start", "x": "caf\u00e9 \u2603"}\r\n\r\n'
    ": a comment\n"
    'event: ping\ndata: {"type":"ping"}\n\n'
    'data: {"a":\n'
    "data: 1}\n\n"
    "data: [DONE]\n\n"
).encode()


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    pieces, last = [], 0
    for p in points:
        pieces.append(data[last:p])
        last = p
    pieces.append(data[last:])
    return pieces


def test_parser_reads_names_comments_multiline_data() -> None:
    parser = SSEParser()
    events = parser.feed(STREAM) + parser.close()
    assert [e.event for e in events] == ["message_start", "ping", None, None]
    assert json.loads(events[2].data) == {"a": 1}
    assert events[3] == ServerSentEvent(None, "[DONE]")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=30))
def test_any_chunking_gives_the_same_events(cuts: list[int]) -> None:
    assert list(parse_sse(_split(STREAM, cuts))) == list(parse_sse([STREAM]))


def test_invalid_utf8_is_reported() -> None:
    with pytest.raises(InvalidPayloadError, match="invalid UTF-8"):
        list(parse_sse([b'data: {"a": "\xff"}\n\n']))


def test_non_json_data_is_reported() -> None:
    with pytest.raises(InvalidPayloadError, match="not valid JSON"):
        list(parse_sse([b"data: hello\n\n"]))


def test_last_event_without_blank_line_is_kept() -> None:
    assert list(parse_sse([b'data: {"a": 1}'])) == [{"a": 1}]


def test_framing_per_format() -> None:
    event = {"type": "message_stop"}
    assert (
        format_event(event, "anthropic")
        == b'event: message_stop\ndata: {"type":"message_stop"}\n\n'
    )
    chunk = {"object": "chat.completion.chunk"}
    assert format_event(chunk, "openai") == b'data: {"object":"chat.completion.chunk"}\n\n'
    assert b"".join(write_sse([chunk], "chat-completions")).endswith(b"data: [DONE]\n\n")
    assert not b"".join(write_sse([event], "anthropic")).endswith(b"[DONE]\n\n")
