"""Responses response objects: usage, finish reasons, and SDK-valid output from elsewhere."""

from __future__ import annotations

from typing import Any

from helpers_responses import ADAPTER, codes, ctx, load
from tests.sdk_responses import validate

from interlingua import Kind
from interlingua.universal import (
    Choice,
    FinishReason,
    Message,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)


def _wire(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-4o",
        "status": "completed",
        "output": [],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
    }
    return {**base, **kw}


def test_usage_is_already_in_the_universal_convention() -> None:
    usage = {
        "input_tokens": 100,
        "input_tokens_details": {"cached_tokens": 40, "cache_write_tokens": 10},
        "output_tokens": 50,
        "output_tokens_details": {"reasoning_tokens": 30},
        "total_tokens": 150,
    }
    resp = ADAPTER.response_to_universal(_wire(usage=usage), ctx(Kind.RESPONSE))
    u = resp.usage
    assert u is not None
    # input_tokens includes the cached tokens; output_tokens includes reasoning
    assert (u.input_tokens, u.cached_input_tokens, u.cache_write_tokens) == (100, 40, 10)
    assert (u.output_tokens, u.reasoning_tokens, u.total_tokens) == (50, 30, 150)


def test_finish_reasons() -> None:
    def reason(**kw: Any) -> FinishReason | None:
        return (
            ADAPTER.response_to_universal(_wire(**kw), ctx(Kind.RESPONSE)).choices[0].finish_reason
        )

    call = {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"}
    assert reason() is FinishReason.STOP
    assert reason(output=[call]) is FinishReason.TOOL_CALLS
    assert reason(status="incomplete", incomplete_details={"reason": "max_output_tokens"}) is (
        FinishReason.LENGTH
    )
    assert reason(status="incomplete", incomplete_details={"reason": "content_filter"}) is (
        FinishReason.CONTENT_FILTER
    )
    assert reason(status="failed") is FinishReason.ERROR
    assert reason(status="in_progress") is None


def test_foreign_response_is_complete_and_sdk_valid() -> None:
    resp = Response(
        id="chatcmpl-1",
        model="m",
        created=5,
        choices=[
            Choice(
                message=Message(
                    role="assistant",
                    content=[
                        TextPart(text="Let me check."),
                        ToolCallPart(id="call_1", name="f", arguments="{}"),
                    ],
                ),
                finish_reason=FinishReason.LENGTH,
            )
        ],
        usage=Usage(input_tokens=10, output_tokens=5, cached_input_tokens=2),
    )
    c = ctx(Kind.RESPONSE)
    out = ADAPTER.response_from_universal(resp, c)
    assert validate(Kind.RESPONSE, out) == []
    assert out["status"] == "incomplete"
    assert out["incomplete_details"] == {"reason": "max_output_tokens"}
    assert [i["type"] for i in out["output"]] == ["message", "function_call"]
    assert out["output"][1]["call_id"] == "call_1"
    assert out["usage"]["total_tokens"] == 15
    assert out["usage"]["input_tokens_details"]["cached_tokens"] == 2
    assert not codes(c)


def test_approximated_finish_reason_is_reported() -> None:
    resp = Response(
        choices=[Choice(message=Message(role="assistant"), finish_reason=FinishReason.PAUSE_TURN)]
    )
    c = ctx(Kind.RESPONSE)
    ADAPTER.response_from_universal(resp, c)
    assert "finish-reason-approximated" in codes(c)


def test_refusal_and_hosted_call_round_trip() -> None:
    payload = load("responses/refusal-incomplete/response.json")
    resp = ADAPTER.response_to_universal(payload, ctx(Kind.RESPONSE))
    parts = resp.choices[0].message.content
    assert isinstance(parts[0], ToolCallPart) and parts[0].kind == "server"
    assert parts[0].name == "web_search"
    assert resp.choices[0].finish_reason is FinishReason.CONTENT_FILTER
    assert ADAPTER.response_from_universal(resp, ctx(Kind.RESPONSE)) == payload
