"""Limits: very large payloads, deep nesting, very long streams, SSE in tiny chunks.

Each test asserts a time bound and, where it matters, a memory bound (tracemalloc), so a
regression to copying, re-encoding or accumulating per-event state makes it fail.
"""

from __future__ import annotations

import base64
import json
import time
import tracemalloc
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from interlingua import InterlinguaError, translate, translate_stream
from interlingua.sse import SSEParser, translate_sse

MB = 1024 * 1024
B64 = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * (50 * MB * 3 // 4 - 8)).decode()


def _find_big(value: object) -> str | None:
    """The first string over 1 MB in a payload."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and len(item) > MB:
            return item
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@pytest.mark.parametrize("to", ["anthropic", "google", "bedrock"])
def test_50mb_data_url_image_is_passed_through_not_copied(to: str) -> None:
    url = "data:image/png;base64," + B64
    request = {
        "model": "gpt-4o",
        "messages": [
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]}
        ],
    }
    tracemalloc.start()
    try:
        start = time.perf_counter()
        out = translate(request, to)
        elapsed = time.perf_counter() - start
        retained, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    data = _find_big(out)
    assert data == B64  # the very same base64 text (a slice of the URL: equal, not identical)
    assert elapsed < 5
    # The output holds one copy of the data (the slice); nothing else of its size is kept.
    # (The transient peak is not asserted: orjson's serialisability check in coerce_payload
    # reserves ~10x the string size, which tracemalloc counts though RSS only grows ~1x.)
    assert retained < 1.5 * len(B64)


@pytest.mark.parametrize("to", ["google", "bedrock", "chat-completions"])
def test_50mb_inline_base64_keeps_the_same_string_object(to: str) -> None:
    request = {
        "model": "claude-x",
        "max_tokens": 10,
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "image",
                        "source": {"type": "base64", "media_type": "image/png", "data": B64},
                    }
                ],
            }
        ],
    }
    tracemalloc.start()
    try:
        start = time.perf_counter()
        out = translate(request, to)
        elapsed = time.perf_counter() - start
        retained, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    data = _find_big(out)
    assert data is not None
    assert elapsed < 5
    if to == "chat-completions":  # rebuilt as a data: URL, one unavoidable copy
        assert data.endswith(B64)
        assert retained < 1.5 * len(B64)
    else:
        assert data is B64  # never decoded, re-encoded or copied
        assert retained < 0.1 * len(B64)


def _nested_dict(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth):
        node["a"] = {}
        node = node["a"]
    return root


@pytest.mark.parametrize("as_text", [False, True])
def test_10000_level_nesting_is_refused_quickly(as_text: bool) -> None:
    payload: object = {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}
    assert isinstance(payload, dict)
    payload["zzz"] = _nested_dict(10_000)
    if as_text:
        payload = '{"model":"gpt-4o","zzz":' + '{"a":' * 10_000 + "1" + "}" * 10_001
    start = time.perf_counter()
    with pytest.raises(InterlinguaError):
        translate(payload, "anthropic")
    assert time.perf_counter() - start < 1


N = 100_000


def _anthropic_stream(n: int = N) -> Iterator[dict[str, Any]]:
    yield {
        "type": "message_start",
        "message": {
            "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-x",
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": 5, "output_tokens": 0},
        },
    }  # fmt: skip
    yield {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
    for _ in range(n - 5):
        yield {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "text_delta", "text": "tok "},
        }
    yield {"type": "content_block_stop", "index": 0}
    yield {
        "type": "message_delta",
        "delta": {"stop_reason": "end_turn", "stop_sequence": None},
        "usage": {"output_tokens": n},
    }
    yield {"type": "message_stop"}


def _chat_stream(n: int = N) -> Iterator[dict[str, Any]]:
    base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o"}
    yield {
        **base,
        "choices": [
            {"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}
        ],
    }
    for _ in range(n - 2):
        yield {
            **base,
            "choices": [{"index": 0, "delta": {"content": "tok "}, "finish_reason": None}],
        }
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}


def _measure(events: Iterator[dict[str, Any]]) -> tuple[int, float, int, int]:
    """(events out, seconds, traced bytes after 10k, after 90k events out)."""
    count, at_10k, at_90k = 0, 0, 0
    tracemalloc.start()
    try:
        start = time.perf_counter()
        for _ in events:
            count += 1
            if count == 10_000:
                at_10k = tracemalloc.get_traced_memory()[0]
            elif count == 90_000:
                at_90k = tracemalloc.get_traced_memory()[0]
        elapsed = time.perf_counter() - start
    finally:
        tracemalloc.stop()
    return count, elapsed, at_10k, at_90k


@pytest.mark.parametrize(
    ("source", "to"),
    [
        ("anthropic", "chat-completions"),
        ("anthropic", "google"),
        ("anthropic", "responses"),
        ("chat-completions", "anthropic"),
    ],
)
def test_100k_event_stream_is_lazy_and_flat_in_memory(source: str, to: str) -> None:
    events = _anthropic_stream() if source == "anthropic" else _chat_stream()
    count, elapsed, at_10k, at_90k = _measure(translate_stream(events, to))
    print(
        f"{source}->{to}: {count} ev {elapsed:.2f}s {count / elapsed:.0f}/s "
        f"growth {at_90k - at_10k}B"
    )
    assert count > N * 0.99
    assert elapsed < 20
    growth = at_90k - at_10k
    if to == "responses":
        # The encoder keeps the text for its final response.completed event: 80,000 deltas of
        # "tok " are 320 kB of text; allow a small multiple of that, not one object per event.
        assert growth < 4 * 80_000 * len("tok ")
    else:
        assert growth < 2 * MB


def _anthropic_sse(n: int = N) -> bytes:
    lines = [f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in _anthropic_stream(n)]
    return "".join(lines).encode()


def test_100k_event_sse_in_7_byte_chunks() -> None:
    data = _anthropic_sse()
    chunks = (data[i : i + 7] for i in range(0, len(data), 7))
    start = time.perf_counter()
    count = sum(1 for _ in translate_sse(chunks, "chat-completions"))
    elapsed = time.perf_counter() - start
    print(f"SSE: {len(data)} bytes, {count} events in {elapsed:.2f}s ({count / elapsed:.0f}/s)")
    assert count > N * 0.99
    assert elapsed < 20


def test_long_sse_line_in_7_byte_chunks_is_linear() -> None:
    """A 4 MB data line split into 7-byte chunks: the parser must not rescan/recopy its buffer
    per chunk (that was quadratic: ~1 s for 400 kB, minutes for 4 MB)."""
    text = "x" * (4 * MB)
    line = b'data: {"type":"ping","x":"' + text.encode() + b'"}\n\n'
    parser = SSEParser()
    start = time.perf_counter()
    events = []
    for i in range(0, len(line), 7):
        events += parser.feed(line[i : i + 7])
    events += parser.close()
    elapsed = time.perf_counter() - start
    assert len(events) == 1 and len(events[0].data) == len(text) + 22
    assert elapsed < 3
