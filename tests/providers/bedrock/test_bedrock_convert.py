"""Bedrock Converse request/response conversion, checked against the Converse documentation."""

from __future__ import annotations

from typing import Any

import pytest
from tests.sdk_bedrock import validate

from interlingua import Format, Kind
from interlingua._errors import InvalidPayloadError
from interlingua.providers.base import ConversionContext
from interlingua.providers.bedrock import BedrockAdapter
from interlingua.universal import (
    Base64Source,
    Choice,
    FinishReason,
    ImagePart,
    Message,
    Reasoning,
    ReasoningPart,
    Request,
    Response,
    TextPart,
    Tool,
    ToolCallPart,
    ToolChoice,
    ToolResultPart,
    UrlSource,
    Usage,
)

A = BedrockAdapter()
PNG = (  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _ctx(kind: Kind = Kind.REQUEST) -> ConversionContext:
    return ConversionContext(Format.BEDROCK, kind)


def _encode(req: Request) -> tuple[dict[str, Any], list[str]]:
    ctx = _ctx()
    out = A.request_from_universal(req, ctx)
    assert validate(Kind.REQUEST, out) == []
    return out, [loss.code for loss in ctx.losses.losses]


def _user(*parts: Any) -> Message:
    return Message(role="user", content=list(parts))


def test_usage_input_tokens_exclude_cache_on_the_wire() -> None:
    payload = {
        "output": {"message": {"role": "assistant", "content": [{"text": "Hi"}]}},
        "stopReason": "end_turn",
        "usage": {
            "inputTokens": 10,
            "outputTokens": 5,
            "totalTokens": 115,
            "cacheReadInputTokens": 60,
            "cacheWriteInputTokens": 40,
        },
        "metrics": {"latencyMs": 1},
    }
    usage = A.response_to_universal(payload, _ctx(Kind.RESPONSE)).usage
    assert usage is not None
    assert (usage.input_tokens, usage.cached_input_tokens, usage.cache_write_tokens) == (
        110,
        60,
        40,
    )
    resp = Response(
        choices=[Choice(message=Message(role="assistant", content=[TextPart(text="x")]))],
        usage=Usage(input_tokens=100, output_tokens=7, cached_input_tokens=30),
    )
    out = A.response_from_universal(resp, _ctx(Kind.RESPONSE))
    assert out["usage"] == {
        "inputTokens": 70,
        "outputTokens": 7,
        "totalTokens": 107,
        "cacheReadInputTokens": 30,
    }
    assert out["metrics"] == {"latencyMs": 0}
    assert validate(Kind.RESPONSE, out) == []


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("guardrail_intervened", FinishReason.CONTENT_FILTER),
        ("malformed_tool_use", FinishReason.MALFORMED_TOOL_CALL),
        ("some_future_reason", FinishReason.OTHER),
    ],
)
def test_stop_reasons_round_trip_raw(raw: str, reason: FinishReason) -> None:
    payload = {
        "output": {"message": {"role": "assistant", "content": []}},
        "stopReason": raw,
        "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
        "metrics": {"latencyMs": 1},
    }
    resp = A.response_to_universal(payload, _ctx(Kind.RESPONSE))
    assert resp.choices[0].finish_reason is reason
    assert A.response_from_universal(resp, _ctx(Kind.RESPONSE)) == payload


def test_url_images_are_a_loss_and_data_urls_become_bytes() -> None:
    req = Request(
        model="m",
        messages=[
            _user(
                ImagePart(source=UrlSource(url="https://example.com/a.png")),
                ImagePart(source=UrlSource(url=f"data:image/png;base64,{PNG}")),
                ImagePart(source=Base64Source(data=PNG)),  # type sniffed from the bytes
            )
        ],
    )
    out, codes = _encode(req)
    assert codes == ["media-source-unsupported"]
    content = out["messages"][0]["content"]
    assert content == [
        {"image": {"format": "png", "source": {"bytes": PNG}}},
        {"image": {"format": "png", "source": {"bytes": PNG}}},
    ]


def test_chat_style_tool_turns_are_regrouped() -> None:
    call = ToolCallPart(id="call_1", name="get_weather", arguments='{"city":"Paris"}')
    call2 = ToolCallPart(id="call_2", name="get_weather", arguments='{"city":"Rome"}')
    req = Request(
        model="m",
        tools=[Tool(name="get_weather", parameters={"type": "object"})],
        messages=[
            Message(role="system", content=[TextPart(text="Be brief.")]),
            _user(TextPart(text="Weather?")),
            Message(role="assistant", content=[TextPart(text=""), call, call2]),
            Message(
                role="tool",
                content=[ToolResultPart(call_id="call_1", content=[TextPart(text="sunny")])],
            ),
            Message(
                role="tool",
                content=[
                    ToolResultPart(call_id="call_2", content=[TextPart(text="?")], is_error=True)
                ],
            ),
            _user(TextPart(text="Thanks")),
        ],
    )
    out, codes = _encode(req)
    assert codes == []
    assert out["system"] == [{"text": "Be brief."}]
    roles = [m["role"] for m in out["messages"]]
    assert roles == ["user", "assistant", "user"]
    assert [next(iter(b)) for b in out["messages"][1]["content"]] == ["toolUse", "toolUse"]
    last = out["messages"][2]["content"]
    assert last[0]["toolResult"] == {"toolUseId": "call_1", "content": [{"text": "sunny"}]}
    assert last[1]["toolResult"]["status"] == "error"
    assert last[2] == {"text": "Thanks"}


def test_invalid_tool_names_are_aliased_and_decoded_back() -> None:
    req = Request(
        model="m",
        tools=[Tool(name="weather.get", parameters={"type": "object"})],
        tool_choice=ToolChoice(mode="tool", name="weather.get"),
        messages=[_user(TextPart(text="Hi"))],
    )
    out, codes = _encode(req)
    assert codes == []
    alias = out["toolConfig"]["tools"][0]["toolSpec"]["name"]
    assert alias != "weather.get" and out["toolConfig"]["toolChoice"] == {"tool": {"name": alias}}
    reply = {
        "output": {
            "message": {
                "role": "assistant",
                "content": [{"toolUse": {"toolUseId": "t1", "name": alias, "input": {}}}],
            }
        },
        "stopReason": "tool_use",
        "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
        "metrics": {"latencyMs": 1},
    }
    part = A.response_to_universal(reply, _ctx(Kind.RESPONSE)).choices[0].message.content[0]
    assert isinstance(part, ToolCallPart) and part.name == "weather.get"


def test_tool_choice_none_leaves_tools_out_with_a_loss() -> None:
    req = Request(
        model="m",
        tools=[Tool(name="f", parameters={"type": "object"})],
        tool_choice=ToolChoice(mode="none"),
        messages=[_user(TextPart(text="Hi"))],
    )
    out, codes = _encode(req)
    assert "toolConfig" not in out and codes == ["tool-choice-unsupported"]


def test_signatures_from_anthropic_pass_other_origins_do_not() -> None:
    def history(origin: str) -> Request:
        thought = ReasoningPart(text="hmm", signature="c2ln", signature_origin=origin)
        return Request(
            model="m",
            messages=[
                _user(TextPart(text="Q")),
                Message(role="assistant", content=[thought, TextPart(text="A")]),
                _user(TextPart(text="Q2")),
            ],
        )

    out, codes = _encode(history("anthropic"))
    block = out["messages"][1]["content"][0]
    assert block == {"reasoningContent": {"reasoningText": {"text": "hmm", "signature": "c2ln"}}}
    assert codes == []
    out, codes = _encode(history("google"))
    assert "signature-not-portable" in codes and "reasoning-dropped" in codes
    assert out["messages"][1]["content"] == [{"text": "A"}]


def test_effort_becomes_a_claude_thinking_budget() -> None:
    req = Request(
        model="m",
        max_tokens=32000,
        reasoning=Reasoning(effort="high"),
        messages=[_user(TextPart(text="Hi"))],
    )
    out, codes = _encode(req)
    assert out["additionalModelRequestFields"] == {
        "thinking": {"type": "enabled", "budget_tokens": 16384}
    }
    assert codes == []
    back = A.request_to_universal(out, _ctx())
    assert back.reasoning is not None and back.reasoning.budget_tokens == 16384


def test_foreign_system_after_the_start_is_hoisted_with_a_loss() -> None:
    req = Request(
        model="m",
        messages=[
            _user(TextPart(text="Hi")),
            Message(role="system", content=[TextPart(text="Now in French.")]),
            _user(TextPart(text="Ça va?")),
        ],
    )
    out, codes = _encode(req)
    assert codes == ["role-merged"]
    assert out["system"] == [{"text": "Now in French."}]
    assert [m["role"] for m in out["messages"]] == ["user"]


def test_invalid_input_names_the_path() -> None:
    bad = {"modelId": "m", "messages": [{"role": "tool", "content": []}]}
    with pytest.raises(InvalidPayloadError) as err:
        A.request_to_universal(bad, _ctx())
    assert "$.messages[0].role" in str(err.value)


def test_detection_is_distinctive() -> None:
    assert A.detect({"modelId": "m", "messages": []}, Kind.REQUEST) is None
    assert (
        A.detect({"messages": [{"role": "user", "content": [{"text": "x"}]}]}, Kind.REQUEST) is None
    )
    chat = {"messages": [{"role": "user", "content": [{"type": "text", "text": "x"}]}]}
    assert A.detect(chat, Kind.REQUEST) is not None
    gemini = {"contents": [], "toolConfig": {"functionCallingConfig": {"mode": "ANY"}}}
    assert A.detect(gemini, Kind.REQUEST) is not None
    assert A.detect({"output": [], "status": "completed"}, Kind.RESPONSE) is not None
    assert A.detect({"messageStop": {"stopReason": "end_turn"}}, Kind.STREAM_EVENT) is None
    assert A.detect({"type": "message_stop"}, Kind.STREAM_EVENT) is not None
