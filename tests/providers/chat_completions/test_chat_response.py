"""Chat Completions responses: usage arithmetic, finish reasons, parts other formats send."""

from __future__ import annotations

from typing import Any

from helpers_chat import ADAPTER, codes, ctx
from tests.sdk_types import check_model

from interlingua._formats import Kind
from interlingua.universal import (
    Choice,
    Citation,
    FinishReason,
    Message,
    ReasoningPart,
    RefusalPart,
    Response,
    TextPart,
    ToolCallPart,
    Usage,
)


def _body(message: dict[str, Any], finish: str = "stop", **extra: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "gpt-4o",
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        **extra,
    }


def _encode(resp: Response) -> tuple[dict[str, Any], list[str]]:
    from openai.types.chat import ChatCompletion

    c = ctx(Kind.RESPONSE)
    out = ADAPTER.response_from_universal(resp, c)
    assert check_model(out, ChatCompletion) == []
    return out, codes(c)


def _roundtrip(payload: dict[str, Any]) -> Response:
    c = ctx(Kind.RESPONSE)
    resp = ADAPTER.response_to_universal(payload, c)
    assert ADAPTER.response_from_universal(resp, c) == payload
    assert codes(c) == []
    return resp


def test_usage_details_map_onto_the_universal_convention() -> None:
    usage = {
        "prompt_tokens": 100,
        "completion_tokens": 50,
        "total_tokens": 150,
        "prompt_tokens_details": {"cached_tokens": 30, "cache_write_tokens": 10, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 20, "audio_tokens": 0},
    }
    resp = _roundtrip(_body({"role": "assistant", "content": "hi"}, usage=usage))
    # prompt_tokens already counts cached tokens and completion_tokens reasoning tokens
    assert resp.usage is not None
    expected = Usage(
        input_tokens=100,
        output_tokens=50,
        total_tokens=150,
        cached_input_tokens=30,
        cache_write_tokens=10,
        reasoning_tokens=20,
        extras=resp.usage.extras,
    )
    assert resp.usage == expected


def test_universal_usage_is_written_with_chat_totals() -> None:
    resp = Response(
        choices=[
            Choice(
                message=Message(role="assistant", content=[TextPart(text="x")]),
                finish_reason=FinishReason.STOP,
            )
        ],
        usage=Usage(
            input_tokens=120, output_tokens=40, cached_input_tokens=100, reasoning_tokens=15
        ),
    )
    out, _ = _encode(resp)
    assert out["usage"] == {
        "prompt_tokens": 120,
        "completion_tokens": 40,
        "total_tokens": 160,
        "prompt_tokens_details": {"cached_tokens": 100},
        "completion_tokens_details": {"reasoning_tokens": 15},
    }


def test_unknown_finish_reason_round_trips_and_foreign_ones_are_approximated() -> None:
    resp = _roundtrip(_body({"role": "assistant", "content": "x"}, finish="eos"))
    assert resp.choices[0].finish_reason is FinishReason.OTHER
    legacy = _roundtrip(
        _body(
            {
                "role": "assistant",
                "content": None,
                "function_call": {"name": "f", "arguments": "{}"},
            },
            finish="function_call",
        )
    )
    assert legacy.choices[0].finish_reason is FinishReason.TOOL_CALLS
    foreign = Response(
        choices=[Choice(message=Message(role="assistant"), finish_reason=FinishReason.PAUSE_TURN)]
    )
    out, lost = _encode(foreign)
    assert out["choices"][0]["finish_reason"] == "stop"
    assert lost == ["finish-reason-approximated"]
    stop_seq = Response(
        choices=[
            Choice(message=Message(role="assistant"), finish_reason=FinishReason.STOP_SEQUENCE)
        ]
    )
    out, lost = _encode(stop_seq)
    assert out["choices"][0]["finish_reason"] == "stop" and lost == []


def test_text_and_refusal_together() -> None:
    resp = _roundtrip(
        _body(
            {
                "role": "assistant",
                "content": "Partly:",
                "refusal": "I can't do the rest.",
                "annotations": [],
            }
        )
    )
    parts = resp.choices[0].message.content
    assert [p.type for p in parts] == ["text", "refusal"]


def test_compatible_reasoning_content_is_a_reasoning_part() -> None:
    resp = _roundtrip(_body({"role": "assistant", "content": "4", "reasoning_content": "2+2 is 4"}))
    first = resp.choices[0].message.content[0]
    assert isinstance(first, ReasoningPart) and first.text == "2+2 is 4"


def test_foreign_parts_are_flattened_or_reported() -> None:
    text1 = TextPart(text="I'll look it up.")
    text2 = TextPart(
        text="It is sunny.",
        citations=[
            Citation(
                kind="web_search_result_location",
                url="https://w.example",
                title="W",
                cited_text="something else",
            )
        ],
    )
    message = Message(
        role="assistant",
        content=[
            ReasoningPart(text="hmm", signature="s", signature_origin="anthropic"),
            text1,
            ToolCallPart(id="t", name="search", arguments="{}", kind="server"),
            text2,
            RefusalPart(text="no more"),
        ],
    )
    out, lost = _encode(
        Response(choices=[Choice(message=message, finish_reason=FinishReason.STOP)])
    )
    msg = out["choices"][0]["message"]
    assert msg["content"] == "I'll look it up.\n\nIt is sunny."
    assert msg["refusal"] == "no more"
    start = msg["content"].index("It is sunny.")
    assert msg["annotations"] == [
        {
            "type": "url_citation",
            "url_citation": {
                "url": "https://w.example",
                "title": "W",
                "start_index": start,
                "end_index": start + len("It is sunny."),
            },
        }
    ]
    assert "reasoning_content" not in msg
    assert sorted(set(lost)) == ["reasoning-dropped", "signature-not-portable", "tool-unsupported"]


def test_response_detection() -> None:
    assert ADAPTER.detect(_body({"role": "assistant", "content": "x"}), Kind.RESPONSE) is None
    assert ADAPTER.detect({"type": "message", "content": []}, Kind.RESPONSE) is not None
