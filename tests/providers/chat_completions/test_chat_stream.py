"""Chat Completions streams: decoding chunks, and writing chunks the openai SDK accumulates."""

from __future__ import annotations

from typing import Any

import pytest
from helpers_chat import ADAPTER, choice, chunk, codes, ctx
from openai.lib.streaming.chat._completions import ChatCompletionStreamState
from openai.types.chat import ChatCompletionChunk
from tests.sdk_types import check_model

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Kind
from interlingua.universal import (
    ArgumentsDelta,
    FinishReason,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningDelta,
    ReasoningPart,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    SignatureDelta,
    StreamEvent,
    TextDelta,
    TextPart,
    ToolCallPart,
    Usage,
)

PARALLEL = [
    chunk([choice({"role": "assistant", "content": None})]),
    chunk(
        [
            choice(
                {
                    "tool_calls": [
                        {
                            "index": 0,
                            "id": "a",
                            "type": "function",
                            "function": {"name": "w", "arguments": ""},
                        }
                    ]
                }
            )
        ]
    ),
    chunk([choice({"tool_calls": [{"index": 0, "function": {"arguments": '{"c":"P"}'}}]})]),
    chunk(
        [
            choice(
                {
                    "tool_calls": [
                        {
                            "index": 1,
                            "id": "b",
                            "type": "function",
                            "function": {"name": "w", "arguments": '{"c":'},
                        }
                    ]
                }
            )
        ]
    ),
    chunk([choice({"tool_calls": [{"index": 1, "function": {"arguments": '"T"}'}}]})]),
    chunk([choice({}, finish="tool_calls")]),
    chunk([], usage={"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}),
]

TWO_CHOICES = [
    chunk([choice({"role": "assistant", "content": ""}, 0)]),
    chunk([choice({"role": "assistant", "content": ""}, 1)]),
    chunk([choice({"content": "Hello"}, 0), choice({"content": "Hi"}, 1)]),
    chunk([choice({}, 0, "stop")]),
    chunk([choice({}, 1, "length")]),
]


def _decode(events: list[dict[str, Any]]) -> list[StreamEvent]:
    dec = ADAPTER.stream_decoder()
    out: list[StreamEvent] = []
    for i, ev in enumerate(events):
        out += dec.feed(ev, i)
    return out + dec.finish()


def _identity(events: list[dict[str, Any]]) -> None:
    for i, ev in enumerate(events):
        enc = ADAPTER.stream_encoder(ctx(Kind.STREAM_EVENT))
        assert enc.feed(ADAPTER.stream_decoder(standalone=True).feed(ev, i)) == [ev]
    c = ctx(Kind.STREAM_EVENT)
    dec, enc = ADAPTER.stream_decoder(), ADAPTER.stream_encoder(c)
    out: list[dict[str, Any]] = []
    for i, ev in enumerate(events):
        out += enc.feed(dec.feed(ev, i))
    out += enc.feed(dec.finish()) + enc.finish()
    assert out == events and codes(c) == []


@pytest.mark.parametrize("events", [PARALLEL, TWO_CHOICES], ids=["parallel", "two-choices"])
def test_streams_round_trip(events: list[dict[str, Any]]) -> None:
    _identity(events)


def test_parallel_tool_calls_get_distinct_parts() -> None:
    events = _decode(PARALLEL)
    starts = [e for e in events if isinstance(e, PartStart)]
    assert [(s.index, s.part.id) for s in starts if isinstance(s.part, ToolCallPart)] == [
        (0, "a"),
        (1, "b"),
    ]
    args = [
        (e.index, e.delta.json)
        for e in events
        if isinstance(e, PartDelta) and isinstance(e.delta, ArgumentsDelta)
    ]
    assert args == [(0, '{"c":"P"}'), (1, '{"c":'), (1, '"T"}')]
    assert [e.index for e in events if isinstance(e, PartStop)] == [0, 1]
    finish = [e for e in events if isinstance(e, ResponseDelta) and e.finish_reason]
    assert finish[0].finish_reason is FinishReason.TOOL_CALLS
    assert isinstance(events[-1], ResponseStop)


def test_choices_are_kept_apart() -> None:
    events = _decode(TWO_CHOICES)
    texts = [
        (e.choice_index, e.delta.text)
        for e in events
        if isinstance(e, PartDelta) and isinstance(e.delta, TextDelta)
    ]
    assert texts == [(0, "Hello"), (1, "Hi")]
    assert [e.choice_index for e in events if isinstance(e, ResponseStart)] == [0, 1]


def test_standalone_usage_chunk_only_says_usage() -> None:
    events = ADAPTER.stream_decoder(standalone=True).feed(PARALLEL[-1], 6)
    assert len(events) == 1 and isinstance(events[0], ResponseDelta)
    assert events[0].usage is not None and events[0].usage.input_tokens == 10


def test_misuse_is_rejected_with_a_path() -> None:
    dec = ADAPTER.stream_decoder()
    dec.feed(PARALLEL[0], 0)
    with pytest.raises(InvalidPayloadError) as info:
        dec.feed(chunk([choice({"tool_calls": [{"index": 3, "function": {"arguments": "{"}}]})]), 1)
    assert info.value.errors[0].path == "$[1].choices[0].delta.tool_calls[0]"
    dec = ADAPTER.stream_decoder()
    dec.feed(chunk([choice({"content": "x"})]), 0)
    with pytest.raises(InvalidPayloadError, match="stream ended before"):
        dec.finish()
    dec = ADAPTER.stream_decoder()
    dec.feed(chunk([choice({"content": "x"}, finish="stop")]), 0)
    with pytest.raises(InvalidPayloadError):
        dec.feed(chunk([choice({"content": "more"})]), 1)
    with pytest.raises(InvalidPayloadError) as info:
        ADAPTER.stream_decoder().feed({**chunk([]), "created": "now"}, 4)
    assert info.value.errors[0].path == "$[4].created"


def _foreign() -> list[list[StreamEvent]]:
    """What an Anthropic stream with thinking, text and a tool call decodes to."""
    return [
        [ResponseStart(id="msg_1", model="claude-x", usage=Usage(input_tokens=30))],
        [PartStart(index=0, part=ReasoningPart(text=""))],
        [PartDelta(index=0, delta=ReasoningDelta(text="let me think"))],
        [PartDelta(index=0, delta=SignatureDelta(signature="sig", origin="anthropic"))],
        [PartStop(index=0)],
        [PartStart(index=1, part=TextPart(text=""))],
        [PartDelta(index=1, delta=TextDelta(text="Checking."))],
        [PartStop(index=1)],
        [PartStart(index=2, part=ToolCallPart(id="toolu_1", name="w", arguments=""))],
        [PartDelta(index=2, delta=ArgumentsDelta(json='{"c":'))],
        [PartDelta(index=2, delta=ArgumentsDelta(json='"P"}'))],
        [PartStop(index=2)],
        [PartStart(index=3, part=ToolCallPart(id="toolu_2", name="w", arguments=""))],
        [PartDelta(index=3, delta=ArgumentsDelta(json='{"c":"T"}'))],
        [PartStop(index=3)],
        [ResponseDelta(finish_reason=FinishReason.TOOL_CALLS, usage=Usage(output_tokens=12))],
        [ResponseStop()],
    ]


def test_foreign_stream_is_what_the_sdk_accumulates() -> None:
    c = ctx(Kind.STREAM_EVENT)
    enc = ADAPTER.stream_encoder(c)
    out: list[dict[str, Any]] = []
    for batch in _foreign():
        out += enc.feed(batch)
    out += enc.finish()
    for ev in out:
        assert check_model(ev, ChatCompletionChunk) == []
        assert ev["id"] == "msg_1" and ev["model"] == "claude-x"
        assert ev["object"] == "chat.completion.chunk"
    assert out[0]["choices"][0]["delta"]["role"] == "assistant"
    assert out[-1]["choices"] == [] and out[-1]["usage"]["prompt_tokens"] == 30
    assert out[-1]["usage"]["completion_tokens"] == 12
    assert all("reasoning_content" not in (ch["delta"]) for ev in out for ch in ev["choices"])
    state = ChatCompletionStreamState()
    for ev in out:
        state.handle_chunk(ChatCompletionChunk.model_validate(ev))
    final = state.get_final_completion()
    message = final.choices[0].message
    assert message.content == "Checking."
    assert [(t.id, t.function.name, t.function.arguments) for t in message.tool_calls or []] == [
        ("toolu_1", "w", '{"c":"P"}'),
        ("toolu_2", "w", '{"c":"T"}'),
    ]
    assert final.choices[0].finish_reason == "tool_calls"
    assert final.usage is not None and final.usage.total_tokens == 42
    assert "reasoning-dropped" in codes(c) and "signature-not-portable" in codes(c)


def test_stream_event_detection() -> None:
    assert ADAPTER.detect(PARALLEL[1], Kind.STREAM_EVENT) is None
    assert ADAPTER.detect({"type": "message_start"}, Kind.STREAM_EVENT) is not None


def test_error_events_round_trip_and_decode_to_stream_error() -> None:
    from interlingua.universal import StreamError

    error = {
        "error": {"message": "overloaded", "type": "server_error", "param": None, "code": None}
    }
    events = ADAPTER.stream_decoder(standalone=True).feed(error, 0)
    assert isinstance(events[0], StreamError) and events[0].message == "overloaded"
    assert ADAPTER.stream_encoder(ctx(Kind.STREAM_EVENT)).feed(events) == [error]
