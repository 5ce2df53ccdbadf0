"""Gemini requests: ids, tool-result regrouping, wrapping, schemas, reasoning, losses."""

from __future__ import annotations

from typing import Any

import pytest
from tests.sdk_google import validate

from interlingua import Format, InvalidPayloadError, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.google import GoogleAdapter
from interlingua.universal import (
    Message,
    Reasoning,
    ReasoningPart,
    Request,
    TextPart,
    Tool,
    ToolCallPart,
    ToolChoice,
    ToolResultPart,
)

A = GoogleAdapter()


def _ctx() -> ConversionContext:
    return ConversionContext(Format.GOOGLE, Kind.REQUEST)


def _decode(body: dict[str, Any]) -> Request:
    return A.request_to_universal(body, _ctx())


def _encode(req: Request) -> tuple[dict[str, Any], list[str]]:
    ctx = _ctx()
    out = A.request_from_universal(req, ctx)
    assert validate(Kind.REQUEST, out) == []
    return out, [loss.code for loss in ctx.losses.losses]


PARALLEL = {
    "contents": [
        {"role": "user", "parts": [{"text": "Weather in Paris and Rome?"}]},
        {
            "role": "model",
            "parts": [
                {"functionCall": {"name": "w", "args": {"c": "Paris"}}, "thoughtSignature": "czE="},
                {"functionCall": {"name": "w", "args": {"c": "Rome"}}},
            ],
        },
        {
            "role": "user",
            "parts": [
                {"functionResponse": {"name": "w", "response": {"result": "sunny"}}},
                {"functionResponse": {"name": "w", "response": {"error": "offline"}}},
            ],
        },
    ]
}


def test_calls_without_ids_get_unique_ids_and_results_pair_by_name_in_order() -> None:
    req = _decode(PARALLEL)
    calls = [p for p in req.messages[1].content if isinstance(p, ToolCallPart)]
    results = [p for p in req.messages[2].content if isinstance(p, ToolResultPart)]
    assert len({c.id for c in calls}) == 2
    assert [r.call_id for r in results] == [c.id for c in calls]
    assert results[0].content == [TextPart(text="sunny")] and results[0].is_error is None
    assert results[1].is_error is True
    # the same-format trip leaves the synthesized ids out again, signature on its own part
    out, losses = _encode(req)
    assert out == PARALLEL and losses == []


def test_tool_messages_from_chat_are_merged_into_one_user_turn_with_names() -> None:
    call = lambda i, city: ToolCallPart(id=f"c{i}", name="w", arguments=f'{{"c":"{city}"}}')  # noqa: E731
    req = Request(
        messages=[
            Message(role="system", content=[TextPart(text="Be brief.")]),
            Message(role="user", content=[TextPart(text="Weather?")]),
            Message(role="assistant", content=[call(1, "Paris"), call(2, "Rome")]),
            Message(
                role="tool",
                content=[ToolResultPart(call_id="c1", content=[TextPart(text="sunny")])],
            ),
            Message(
                role="tool",
                content=[ToolResultPart(call_id="c2", content=[TextPart(text="x")], is_error=True)],
            ),
            Message(role="user", content=[TextPart(text="Thanks"), TextPart(text="")]),
        ]
    )
    out, losses = _encode(req)
    assert out["systemInstruction"] == {"parts": [{"text": "Be brief."}]}
    assert [c["role"] for c in out["contents"]] == ["user", "model", "user"]
    results = out["contents"][2]["parts"]
    assert results[0] == {
        "functionResponse": {"name": "w", "response": {"result": "sunny"}, "id": "c1"}
    }
    assert results[1]["functionResponse"]["response"] == {"error": "x"}
    assert results[2] == {"text": "Thanks"}  # merged, and the empty text dropped
    assert out["contents"][1]["parts"][0]["functionCall"]["args"] == {"c": "Paris"}
    assert losses == []


def test_foreign_signatures_and_invalid_arguments_are_reported() -> None:
    req = Request(
        messages=[
            Message(role="user", content=[TextPart(text="Hi")]),
            Message(
                role="assistant",
                content=[
                    ReasoningPart(text="hmm", signature="abc", signature_origin="anthropic"),
                    ToolCallPart(id="c1", name="w", arguments="not json"),
                ],
            ),
        ]
    )
    out, losses = _encode(req)
    assert "signature-not-portable" in losses and "tool-arguments-invalid-json" in losses
    assert out["contents"][1]["parts"] == [
        {"text": "hmm", "thought": True},
        {"functionCall": {"name": "w", "id": "c1", "args": {}}},
    ]


def test_tools_choice_reasoning_and_format() -> None:
    req = Request(
        messages=[Message(role="user", content=[TextPart(text="Hi")])],
        tools=[
            Tool(name="w", parameters={"type": "object"}),
            Tool(name="web_search", kind="builtin", builtin_type="web_search"),
        ],
        tool_choice=ToolChoice(mode="tool", name="w"),
        reasoning=Reasoning(mode="enabled", effort="high"),
        max_tokens=100,
        n=2,
        model="gemini-2.5-flash",
    )
    out, losses = _encode(req)
    assert "model" not in out  # the model goes in the URL
    assert out["tools"] == [
        {"functionDeclarations": [{"name": "w", "parametersJsonSchema": {"type": "object"}}]},
        {"googleSearch": {}},
    ]
    assert out["toolConfig"] == {
        "functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["w"]}
    }
    gc = out["generationConfig"]
    assert gc["thinkingConfig"] == {"thinkingBudget": 16384}
    assert gc["candidateCount"] == 2 and gc["maxOutputTokens"] == 100
    assert losses == []


def test_openapi_schemas_read_as_json_schema() -> None:
    body = {
        "contents": [{"role": "user", "parts": [{"text": "Hi"}]}],
        "tools": [
            {
                "functionDeclarations": [
                    {
                        "name": "f",
                        "parameters": {"type": "OBJECT", "properties": {"a": {"type": "STRING"}}},
                    }
                ]
            }
        ],
        "generationConfig": {
            "thinkingConfig": {"thinkingLevel": "LOW"},
            "responseMimeType": "application/json",
        },
    }
    req = _decode(body)
    assert req.tools is not None and req.tools[0].parameters == {
        "type": "object",
        "properties": {"a": {"type": "string"}},
    }
    assert req.reasoning is not None and req.reasoning.effort == "low"
    assert req.response_format is not None and req.response_format.type == "json_object"


def test_thinking_budget_reads_through_the_universal_table() -> None:
    def reasoning(budget: int) -> Reasoning | None:
        body = {"contents": [], "generationConfig": {"thinkingConfig": {"thinkingBudget": budget}}}
        return _decode(body).reasoning

    assert reasoning(0) is not None and reasoning(0).mode == "disabled"  # type: ignore[union-attr]
    assert reasoning(-1) is not None and reasoning(-1).mode == "adaptive"  # type: ignore[union-attr]
    assert reasoning(8192) is not None and reasoning(8192).effort == "medium"  # type: ignore[union-attr]


def test_invalid_input_names_the_json_path() -> None:
    with pytest.raises(InvalidPayloadError) as info:
        _decode({"contents": [{"role": "assistant", "parts": []}]})
    assert "$.contents[0].role" in str(info.value)
    with pytest.raises(InvalidPayloadError) as info:
        _decode({"contents": [{"role": "user", "parts": [{"text": 1}]}]})
    assert "$.contents[0].parts[0].text" in str(info.value)
