"""Anthropic responses: usage reconciliation, stop reasons, encoding other formats' responses."""

from __future__ import annotations

from tests.sdk_validators import validate

from interlingua import Format, Kind
from interlingua.providers.anthropic import AnthropicAdapter
from interlingua.providers.base import ConversionContext
from interlingua.universal import (
    Choice,
    FinishReason,
    Message,
    ReasoningPart,
    RefusalPart,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)

ADAPTER = AnthropicAdapter()


def message(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [{"type": "text", "text": "hi"}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {
            "input_tokens": 100,
            "cache_creation_input_tokens": 20,
            "cache_read_input_tokens": 30,
            "output_tokens": 9,
        },
    }
    base.update(over)
    return base


def test_usage_counts_cache_reads_and_writes_as_input() -> None:
    resp = ADAPTER.response_to_universal(
        message(), ConversionContext(Format.ANTHROPIC, Kind.RESPONSE)
    )
    assert resp.usage is not None
    assert resp.usage.input_tokens == 150  # 100 uncached + 20 written + 30 read
    assert (resp.usage.cached_input_tokens, resp.usage.cache_write_tokens) == (30, 20)
    assert resp.usage.total_tokens == 159


def test_stop_sequence_and_refusal() -> None:
    ctx = ConversionContext(Format.ANTHROPIC, Kind.RESPONSE)
    resp = ADAPTER.response_to_universal(
        message(stop_reason="stop_sequence", stop_sequence="END"), ctx
    )
    assert resp.choices[0].finish_reason is FinishReason.STOP_SEQUENCE
    assert resp.choices[0].stop_sequence == "END"
    resp = ADAPTER.response_to_universal(message(stop_reason="refusal"), ctx)
    assert resp.choices[0].finish_reason is FinishReason.REFUSAL


def test_foreign_response_is_valid_for_the_sdk() -> None:
    resp = Response(
        id="chatcmpl-1",
        model="gpt-4o",
        choices=[
            Choice(
                message=Message(
                    role="assistant",
                    content=[
                        ReasoningPart(summary=["first", "second"]),
                        RefusalPart(text="I can't help with that."),
                        ToolCallPart(id="call_1", name="f", arguments='{"x": 1}'),
                    ],
                ),
                finish_reason=FinishReason.CONTENT_FILTER,
            ),
            Choice(index=1, message=Message(role="assistant", content=[TextPart(text="other")])),
        ],
        usage=Usage(input_tokens=50, output_tokens=10, cached_input_tokens=20, reasoning_tokens=4),
    )
    ctx = ConversionContext(Format.ANTHROPIC, Kind.RESPONSE)
    out = ADAPTER.response_from_universal(resp, ctx)
    assert validate(Format.ANTHROPIC, Kind.RESPONSE, out) == []
    assert [b["type"] for b in out["content"]] == ["thinking", "text", "tool_use"]
    assert out["content"][0]["thinking"] == "first\n\nsecond"
    assert out["content"][2]["input"] == {"x": 1}
    assert out["stop_reason"] == "refusal"
    assert out["usage"]["input_tokens"] == 30 and out["usage"]["cache_read_input_tokens"] == 20
    assert sorted(loss.code for loss in ctx.losses.losses) == [
        "finish-reason-approximated",
        "n-unsupported",
    ]
