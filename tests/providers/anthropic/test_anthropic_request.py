"""Anthropic request encoding from other formats' universal requests, and decoding checks."""

from __future__ import annotations

from typing import Any

import pytest
from tests.sdk_validators import validate

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.anthropic import (
    AnthropicAdapter,
    BedrockAnthropicAdapter,
    VertexAnthropicAdapter,
)
from interlingua.providers.anthropic.tables import DEFAULT_MAX_TOKENS
from interlingua.providers.base import ConversionContext
from interlingua.universal import (
    AudioPart,
    Base64Source,
    ImagePart,
    Message,
    Reasoning,
    ReasoningPart,
    Request,
    ResponseFormat,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)

ADAPTER = AnthropicAdapter()


def encode(
    req: Request, adapter: AnthropicAdapter = ADAPTER
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    ctx = ConversionContext(adapter.format, Kind.REQUEST)
    out = adapter.request_from_universal(req, ctx)
    assert validate(adapter.format, Kind.REQUEST, out) == []
    return out, [(loss.path, loss.code) for loss in ctx.losses.losses]


def user(text: str) -> Message:
    return Message(role="user", content=[TextPart(text=text)])


def test_tool_messages_become_one_user_turn_results_first() -> None:
    req = Request(
        model="claude-sonnet-4-5",
        messages=[
            Message(role="system", content=[TextPart(text="Be brief.")]),
            user("Weather in Paris and Tokyo?"),
            Message(
                role="assistant",
                content=[
                    TextPart(text=""),
                    ToolCallPart(id="call_1", name="weather", arguments='{"city":"Paris"}'),
                    ToolCallPart(id="call_2", name="weather", arguments='{"city":"Tokyo"}'),
                ],
            ),
            Message(
                role="tool",
                content=[ToolResultPart(call_id="call_1", content=[TextPart(text="18C")])],
            ),
            Message(
                role="tool",
                content=[ToolResultPart(call_id="call_2", content=[TextPart(text="24C")])],
            ),
            user("And Berlin?"),
        ],
    )
    out, losses = encode(req)
    assert losses == []
    assert out["system"] == "Be brief."
    assert out["max_tokens"] == DEFAULT_MAX_TOKENS
    assert [m["role"] for m in out["messages"]] == ["user", "assistant", "user"]
    # the empty text part is not sent (the API rejects empty text blocks)
    assert [b["type"] for b in out["messages"][1]["content"]] == ["tool_use", "tool_use"]
    assert out["messages"][1]["content"][0]["input"] == {"city": "Paris"}
    last = out["messages"][2]["content"]
    assert [b["type"] for b in last] == ["tool_result", "tool_result", "text"]
    assert [b.get("tool_use_id") for b in last[:2]] == ["call_1", "call_2"]
    assert last[0]["content"] == "18C"


def test_consecutive_same_role_messages_are_merged() -> None:
    out, _ = encode(Request(model="m", messages=[user("a"), user("b")]))
    assert out["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}
    ]


def test_mid_conversation_system_is_hoisted_with_a_loss() -> None:
    req = Request(
        model="m",
        messages=[
            Message(role="developer", content=[TextPart(text="Rule one.")]),
            user("hi"),
            Message(role="system", content=[TextPart(text="Now answer in French.")]),
            user("again"),
        ],
    )
    out, losses = encode(req)
    assert out["system"] == [
        {"type": "text", "text": "Rule one."},
        {"type": "text", "text": "Now answer in French."},
    ]
    assert losses == [("$.messages[2]", "role-merged")]
    assert all(m["role"] == "user" for m in out["messages"])


def test_anthropic_system_turns_stay_in_messages() -> None:
    payload = {
        "model": "m",
        "max_tokens": 10,
        "system": "top",
        "messages": [{"role": "user", "content": "q"}, {"role": "system", "content": "later"}],
    }
    ctx = ConversionContext(Format.ANTHROPIC, Kind.REQUEST)
    assert (
        ADAPTER.request_from_universal(ADAPTER.request_to_universal(payload, ctx), ctx) == payload
    )


def test_image_sources() -> None:
    req = Request(
        model="m",
        messages=[
            Message(
                role="user",
                content=[
                    ImagePart(source=UrlSource(url="data:image/png;base64,iVBORw0KGgo=")),
                    ImagePart(source=UrlSource(url="https://example.com/cat.jpg"), detail="high"),
                    ImagePart(source=UrlSource(url="gs://bucket/cat.jpg")),
                    ImagePart(source=Base64Source(data="AAAA", media_type="image/tiff")),
                    AudioPart(
                        source=Base64Source(data="UklGRg==", media_type="audio/wav"), format="wav"
                    ),
                ],
            )
        ],
    )
    out, losses = encode(req)
    blocks = out["messages"][0]["content"]
    assert blocks[0]["source"] == {
        "type": "base64",
        "media_type": "image/png",
        "data": "iVBORw0KGgo=",
    }
    assert blocks[1]["source"] == {"type": "url", "url": "https://example.com/cat.jpg"}
    assert len(blocks) == 2
    assert losses == [
        ("$.messages[0].content[1].detail", "parameter-unsupported"),
        ("$.messages[0].content[2].source", "media-source-unsupported"),
        ("$.messages[0].content[3].source", "media-source-unsupported"),
        ("$.messages[0].content[4]", "part-unsupported"),
    ]


def test_invalid_tool_arguments_are_a_loss() -> None:
    req = Request(
        model="m",
        messages=[
            user("x"),
            Message(role="assistant", content=[ToolCallPart(id="c", name="f", arguments="{oops")]),
        ],
    )
    out, losses = encode(req)
    assert out["messages"][1]["content"][0]["input"] == {}
    assert losses == [("$.messages[1].content[0].arguments", "tool-arguments-invalid-json")]


def test_parallel_tool_calls_false_disables_parallel_use() -> None:
    from interlingua.universal import Tool, ToolChoice

    tools = [Tool(name="f", parameters={"type": "object", "properties": {}})]
    out, _ = encode(
        Request(model="m", messages=[user("x")], tools=tools, parallel_tool_calls=False)
    )
    assert out["tool_choice"] == {"type": "auto", "disable_parallel_tool_use": True}
    choice = ToolChoice(mode="required")
    out, _ = encode(
        Request(
            model="m",
            messages=[user("x")],
            tools=tools,
            tool_choice=choice,
            parallel_tool_calls=False,
        )
    )
    assert out["tool_choice"] == {"type": "any", "disable_parallel_tool_use": True}


def test_effort_becomes_a_thinking_budget() -> None:
    out, losses = encode(
        Request(model="m", messages=[user("x")], reasoning=Reasoning(effort="high"))
    )
    assert out["thinking"] == {"type": "enabled", "budget_tokens": 16384}
    assert out["max_tokens"] > 16384  # thinking counts toward max_tokens
    assert losses == []
    out, losses = encode(
        Request(
            model="m", messages=[user("x")], max_tokens=4000, reasoning=Reasoning(effort="high")
        )
    )
    assert out["thinking"]["budget_tokens"] < out["max_tokens"] == 4000
    assert losses == [("$.reasoning.budget_tokens", "value-clamped")]
    out, _ = encode(Request(model="m", messages=[user("x")], reasoning=Reasoning(effort="none")))
    assert out["thinking"] == {"type": "disabled"}


def test_structured_output() -> None:
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "required": ["a"],
        "additionalProperties": False,
    }
    rf = ResponseFormat(type="json_schema", schema=schema, name="thing")
    out, losses = encode(Request(model="m", messages=[user("x")], response_format=rf))
    assert out["output_config"] == {"format": {"type": "json_schema", "schema": schema}}
    assert losses == [("$.response_format.name", "response-format-approximated")]
    out, losses = encode(
        Request(model="m", messages=[user("x")], response_format=ResponseFormat(type="json_object"))
    )
    assert "output_config" not in out
    assert losses == [("$.response_format", "response-format-unsupported")]


def test_sampling_parameters_keep_anthropic_ranges() -> None:
    # Anthropic documents temperature in [0, 1]; OpenAI's range is [0, 2]. Seed and n have no
    # Anthropic equivalent.
    out, losses = encode(
        Request(model="m", messages=[user("x")], temperature=1.5, top_p=0.9, seed=3, n=2)
    )
    assert out["temperature"] == 1.0 and out["top_p"] == 0.9
    assert ("$.temperature", "value-clamped") in losses
    assert {code for _, code in losses} == {
        "value-clamped",
        "parameter-unsupported",
        "n-unsupported",
    }
    out, losses = encode(Request(model="m", messages=[user("x")], temperature=0.3, top_k=40))
    assert (out["temperature"], out["top_k"], losses) == (0.3, 40, [])


def test_reasoning_parts_only_replayed_with_their_own_signature() -> None:
    req = Request(
        model="m",
        messages=[
            user("x"),
            Message(
                role="assistant",
                content=[
                    ReasoningPart(text="mine", signature="sig", signature_origin="anthropic"),
                    ReasoningPart(text="theirs", signature="gsig", signature_origin="google"),
                    ReasoningPart(redacted="blob", signature_origin="responses"),
                    TextPart(text="answer"),
                ],
            ),
        ],
    )
    out, losses = encode(req)
    assert out["messages"][1]["content"][0] == {
        "type": "thinking",
        "thinking": "mine",
        "signature": "sig",
    }
    assert len(out["messages"][1]["content"]) == 2
    assert [c for _, c in losses] == ["reasoning-dropped", "signature-not-portable"]


@pytest.mark.parametrize(
    ("adapter", "version"),
    [
        (BedrockAnthropicAdapter(), "bedrock-2023-05-31"),
        (VertexAnthropicAdapter(), "vertex-2023-10-16"),
    ],
)
def test_cloud_bodies_carry_version_not_model(adapter: AnthropicAdapter, version: str) -> None:
    out, losses = encode(Request(model="claude-sonnet-4-5", messages=[user("x")]), adapter)
    assert out["anthropic_version"] == version and "model" not in out
    assert losses == []
    assert adapter.set_model(out, "other", Kind.REQUEST) == out


def test_invalid_payload_names_the_path() -> None:
    payload = {"model": "m", "max_tokens": 5, "messages": [{"role": "tool", "content": "x"}]}
    with pytest.raises(InvalidPayloadError) as err:
        ADAPTER.request_to_universal(payload, ConversionContext(Format.ANTHROPIC, Kind.REQUEST))
    assert err.value.errors[0].path == "$.messages[0].role"
    payload = {"model": "m", "messages": []}
    with pytest.raises(InvalidPayloadError) as err:
        ADAPTER.request_to_universal(payload, ConversionContext(Format.ANTHROPIC, Kind.REQUEST))
    assert err.value.errors[0].path == "$.max_tokens"


def test_decoded_request_uses_universal_conventions() -> None:
    payload = {
        "model": "m",
        "max_tokens": 100,
        "system": [
            {"type": "text", "text": "sys", "cache_control": {"type": "ephemeral", "ttl": "1h"}}
        ],
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": "t1", "content": "ok", "is_error": True}
                ],
            }
        ],
        "thinking": {"type": "enabled", "budget_tokens": 2048},
        "output_config": {"effort": "max"},
        "tool_choice": {"type": "any", "disable_parallel_tool_use": True},
        "metadata": {"user_id": "u1"},
        "stop_sequences": ["END"],
    }
    req = ADAPTER.request_to_universal(payload, ConversionContext(Format.ANTHROPIC, Kind.REQUEST))
    assert req.messages[0].role == "system"
    sys_part = req.messages[0].content[0]
    assert isinstance(sys_part, TextPart) and sys_part.cache_control is not None
    assert sys_part.cache_control.ttl == "1h"
    result = req.messages[1].content[0]
    assert isinstance(result, ToolResultPart) and result.is_error and result.call_id == "t1"
    assert req.reasoning is not None
    assert (req.reasoning.mode, req.reasoning.budget_tokens, req.reasoning.effort) == (
        "enabled",
        2048,
        "max",
    )
    assert req.tool_choice is not None and req.tool_choice.mode == "required"
    assert req.parallel_tool_calls is False
    assert req.user == "u1" and req.stop == ["END"]
