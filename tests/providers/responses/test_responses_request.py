"""Responses requests: grouping, instructions, tool outputs, tools, losses, invalid input."""

from __future__ import annotations

import pytest
from helpers_responses import ADAPTER, codes, ctx, load
from tests.sdk_responses import validate

from interlingua import Format, InvalidPayloadError, Kind
from interlingua._registry import adapter_for
from interlingua.universal import (
    Base64Source,
    Message,
    ReasoningPart,
    Request,
    TextPart,
    Tool,
    ToolCallPart,
    ToolResultPart,
)

CASE = "responses/multimodal-tools-reasoning/request.json"


def test_assistant_items_group_into_one_turn() -> None:
    req = ADAPTER.request_to_universal(load(CASE), ctx())
    roles = [m.role for m in req.messages]
    # instructions, user, (reasoning + 2 calls), tool, tool, (message), developer, user
    assert roles == [
        "system",
        "user",
        "assistant",
        "tool",
        "tool",
        "assistant",
        "developer",
        "user",
    ]
    turn = req.messages[2].content
    assert [type(p) for p in turn] == [ReasoningPart, ToolCallPart, ToolCallPart]
    reasoning = turn[0]
    assert isinstance(reasoning, ReasoningPart)
    assert reasoning.redacted == "gAAAAABencrypted" and reasoning.signature_origin == "responses"
    assert reasoning.summary == ["Need the weather first."]
    result = req.messages[4].content[0]
    assert isinstance(result, ToolResultPart) and result.call_id == "call_2"
    assert len(result.content) == 2


def test_instructions_become_a_leading_system_message_and_back() -> None:
    payload = {"model": "gpt-4o", "instructions": "Be brief.", "input": "Hi"}
    req = ADAPTER.request_to_universal(payload, ctx())
    assert req.messages[0].role == "system"
    assert ADAPTER.request_from_universal(req, ctx()) == payload


def test_settings_are_decoded() -> None:
    req = ADAPTER.request_to_universal(load(CASE), ctx())
    assert req.max_tokens == 4000
    assert req.reasoning is not None and req.reasoning.effort == "high"
    assert req.reasoning.summary == "auto"
    assert req.response_format is not None and req.response_format.name == "summary"
    assert req.logprobs is True and req.top_logprobs == 2
    assert req.user == "user-123"
    tools = req.tools or []
    assert [t.kind for t in tools] == ["function", "function", "custom", "builtin"]
    assert tools[3].builtin_type == "web_search"


def test_anthropic_tool_results_in_a_user_turn_become_output_items() -> None:
    req = Request(
        model="m",
        messages=[
            Message(role="user", content=[TextPart(text="Weather?")]),
            Message(
                role="assistant",
                content=[ToolCallPart(id="t1", name="get_weather", arguments='{"city":"Paris"}')],
            ),
            Message(
                role="user",
                content=[
                    ToolResultPart(call_id="t1", content=[TextPart(text="sunny")], is_error=True),
                    TextPart(text="And tomorrow?"),
                ],
            ),
        ],
        tools=[Tool(name="get_weather", parameters={"type": "object"})],
    )
    c = ctx()
    out = ADAPTER.request_from_universal(req, c)
    types = [i.get("type", "message") for i in out["input"]]
    assert types == ["message", "function_call", "function_call_output", "message"]
    assert out["input"][2] == {"type": "function_call_output", "call_id": "t1", "output": "sunny"}
    assert "part-field-dropped" in codes(c)  # is_error has no Responses field
    assert validate(Kind.REQUEST, out) == []


def test_foreign_reasoning_is_not_replayed() -> None:
    part = ReasoningPart(text="think", signature="sig", signature_origin="anthropic")
    req = Request(
        model="m",
        messages=[
            Message(role="user", content=[TextPart(text="q")]),
            Message(role="assistant", content=[part, TextPart(text="a")]),
        ],
    )
    c = ctx()
    out = ADAPTER.request_from_universal(req, c)
    assert {"signature-not-portable", "reasoning-dropped"} <= codes(c)
    assert all(i.get("type") != "reasoning" for i in out["input"])
    assert validate(Kind.REQUEST, out) == []


def test_leading_system_message_from_chat_becomes_instructions() -> None:
    chat = {
        "model": "gpt-4o",
        "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
        "stop": ["END"],
    }
    src = adapter_for(Format.CHAT_COMPLETIONS)
    req = src.request_to_universal(chat, ctx(fmt=Format.CHAT_COMPLETIONS))
    c = ctx()
    out = ADAPTER.request_from_universal(req, c)
    assert out["instructions"] == "Be brief."
    assert out["input"] == [{"role": "user", "content": "Hi"}]
    assert "parameter-unsupported" in codes(c)  # stop sequences
    assert validate(Kind.REQUEST, out) == []


def test_images_become_data_urls_with_a_detail() -> None:
    from interlingua.universal import ImagePart

    png = "iVBORw0KGgo="
    req = Request(
        model="m",
        messages=[Message(role="user", content=[ImagePart(source=Base64Source(data=png))])],
    )
    out = ADAPTER.request_from_universal(req, ctx())
    image = out["input"][0]["content"][0]
    assert image == {
        "type": "input_image",
        "detail": "auto",
        "image_url": f"data:image/png;base64,{png}",
    }


def test_invalid_input_names_the_path() -> None:
    bad = {"model": "gpt-4o", "input": [{"type": "function_call", "name": "x", "arguments": "{}"}]}
    with pytest.raises(InvalidPayloadError) as info:
        ADAPTER.request_to_universal(bad, ctx())
    assert info.value.path == "$.input[0].call_id"
    with pytest.raises(InvalidPayloadError) as info:
        ADAPTER.request_to_universal({"input": [{"role": "robot", "content": "x"}]}, ctx())
    assert info.value.path == "$.input[0].role"
