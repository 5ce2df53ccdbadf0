"""Chat Completions requests: decoding, re-encoding, and writing other formats' requests."""

from __future__ import annotations

from typing import Any

import pytest
from helpers_chat import ADAPTER, codes, ctx
from openai.types.chat import completion_create_params
from tests.sdk_types import check_typed_dict

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Kind
from interlingua.universal import (
    Base64Source,
    FileIdSource,
    ImagePart,
    Message,
    Reasoning,
    ReasoningPart,
    Request,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)


def _valid(payload: dict[str, Any]) -> None:
    tp = (
        completion_create_params.CompletionCreateParamsStreaming
        if payload.get("stream")
        else completion_create_params.CompletionCreateParamsNonStreaming
    )
    assert check_typed_dict(payload, tp) == []


def _encode(req: Request) -> tuple[dict[str, Any], list[str]]:
    c = ctx(Kind.REQUEST)
    out = ADAPTER.request_from_universal(req, c)
    _valid(out)
    return out, codes(c)


def _roundtrip(payload: dict[str, Any]) -> Request:
    c = ctx(Kind.REQUEST)
    req = ADAPTER.request_to_universal(payload, c)
    assert ADAPTER.request_from_universal(req, c) == payload
    assert codes(c) == []
    return req


def test_max_tokens_spelling_and_string_stop_are_kept() -> None:
    payload = {
        "model": "gpt-4o",
        "messages": [{"role": "user", "content": "hi"}],
        "max_tokens": 50,
        "stop": "END",
    }
    req = _roundtrip(payload)
    assert req.max_tokens == 50 and req.stop == ["END"]
    modern = {**payload, "max_completion_tokens": 50}
    del modern["max_tokens"]
    assert _roundtrip(modern).max_tokens == 50


def test_content_parts_map_to_universal_parts() -> None:
    payload = {
        "model": "gpt-4o",
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "image_url",
                        "image_url": {"url": "data:image/png;base64,iVBOR", "detail": "low"},
                    },
                    {"type": "input_audio", "input_audio": {"data": "UklGR", "format": "wav"}},
                    {
                        "type": "file",
                        "file": {
                            "file_data": "data:application/pdf;base64,JVBER",
                            "filename": "a.pdf",
                        },
                    },
                    {"type": "file", "file": {"file_id": "file-123"}},
                ],
            }
        ],
    }
    parts = _roundtrip(payload).messages[0].content
    image, audio, pdf, fid = parts
    assert isinstance(image, ImagePart) and isinstance(image.source, UrlSource)
    assert image.detail == "low"
    assert audio.type == "audio" and audio.format == "wav"
    assert isinstance(audio.source, Base64Source) and audio.source.media_type == "audio/wav"
    assert pdf.type == "file" and isinstance(pdf.source, Base64Source)
    assert pdf.source.media_type == "application/pdf" and pdf.filename == "a.pdf"
    assert fid.type == "file" and isinstance(fid.source, FileIdSource)


def test_legacy_function_message_round_trips() -> None:
    payload = {
        "model": "gpt-3.5-turbo",
        "messages": [
            {"role": "user", "content": "time?"},
            {
                "role": "assistant",
                "content": None,
                "function_call": {"name": "now", "arguments": "{}"},
            },
            {"role": "function", "name": "now", "content": "14:05"},
        ],
        "functions": [{"name": "now", "parameters": {"type": "object"}}],
    }
    _roundtrip(payload)


def test_custom_tools_and_calls_round_trip() -> None:
    payload = {
        "model": "gpt-5",
        "messages": [
            {"role": "user", "content": "count users"},
            {
                "role": "assistant",
                "tool_calls": [
                    {"id": "c1", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": [{"type": "text", "text": "1"}]},
        ],
        "tools": [
            {
                "type": "custom",
                "custom": {
                    "name": "sql",
                    "format": {
                        "type": "grammar",
                        "grammar": {"syntax": "regex", "definition": "SELECT .*"},
                    },
                },
            }
        ],
        "tool_choice": {"type": "custom", "custom": {"name": "sql"}},
    }
    req = _roundtrip(payload)
    call = req.messages[1].content[0]
    assert isinstance(call, ToolCallPart) and call.kind == "custom"
    assert call.arguments == "SELECT 1"
    assert req.tools is not None and req.tools[0].kind == "custom"


def test_tool_results_in_user_turns_become_tool_messages_first() -> None:
    req = Request(
        model="m",
        messages=[
            Message(role="user", content=[TextPart(text="weather?")]),
            Message(
                role="assistant",
                content=[
                    ToolCallPart(id="a", name="w", arguments='{"c":"P"}'),
                    ToolCallPart(id="b", name="w", arguments='{"c":"T"}'),
                ],
            ),
            Message(
                role="user",
                content=[
                    TextPart(text="here you go"),
                    ToolResultPart(call_id="a", content=[TextPart(text="18C")]),
                    ToolResultPart(
                        call_id="b",
                        content=[
                            TextPart(text="24C"),
                            ImagePart(source=UrlSource(url="https://x/y.png")),
                        ],
                        is_error=True,
                    ),
                ],
            ),
        ],
    )
    out, lost = _encode(req)
    roles = [(m["role"], m.get("tool_call_id")) for m in out["messages"]]
    assert roles == [
        ("user", None),
        ("assistant", None),
        ("tool", "a"),
        ("tool", "b"),
        ("user", None),
    ]
    assert out["messages"][2]["content"] == "18C"
    assert out["messages"][3]["content"] == "24C"
    assert out["messages"][4]["content"] == "here you go"
    assert "part-unsupported" in lost  # the image inside a tool result
    assert "part-field-dropped" in lost  # is_error


def test_mid_conversation_system_messages_stay_in_place() -> None:
    req = Request(
        model="m",
        messages=[
            Message(role="system", content=[TextPart(text="a")]),
            Message(role="user", content=[TextPart(text="b")]),
            Message(role="developer", content=[TextPart(text="c")]),
            Message(role="user", content=[TextPart(text="d")]),
        ],
    )
    out, lost = _encode(req)
    assert [m["role"] for m in out["messages"]] == ["system", "user", "developer", "user"]
    assert lost == []


def test_foreign_reasoning_is_reported_not_invented() -> None:
    req = Request(
        model="m",
        messages=[
            Message(role="user", content=[TextPart(text="q")]),
            Message(
                role="assistant",
                content=[
                    ReasoningPart(text="thinking", signature="sig", signature_origin="anthropic"),
                    ReasoningPart(redacted="blob", signature_origin="anthropic"),
                    TextPart(text="answer"),
                ],
            ),
        ],
    )
    out, lost = _encode(req)
    assert "reasoning_content" not in out["messages"][1]
    assert out["messages"][1]["content"] == "answer"
    assert lost.count("signature-not-portable") == 2
    assert "reasoning-dropped" in lost


@pytest.mark.parametrize(
    ("reasoning", "effort"),
    [
        (Reasoning(mode="enabled", budget_tokens=10000), "medium"),
        (Reasoning(mode="enabled", budget_tokens=1024), "minimal"),
        (Reasoning(mode="disabled"), "none"),
        (Reasoning(effort="high"), "high"),
    ],
)
def test_reasoning_budget_becomes_effort(reasoning: Reasoning, effort: str) -> None:
    out, _ = _encode(Request(model="m", messages=[], reasoning=reasoning))
    assert out["reasoning_effort"] == effort


def test_unsupported_parameters_are_reported() -> None:
    req = Request(
        model="m",
        messages=[],
        top_k=40,
        stop=["a", "b", "c", "d", "e"],
        service_tier="standard_only",
        metadata={"n": 1, "s": "x"},
    )
    out, lost = _encode(req)
    assert "top_k" not in out and out["stop"] == ["a", "b", "c", "d"]
    assert out["service_tier"] == "default"
    assert out["metadata"] == {"s": "x"}
    assert lost.count("parameter-unsupported") == 2 and "value-clamped" in lost


def test_media_sources_chat_cannot_take_are_reported() -> None:
    req = Request(
        model="m",
        messages=[
            Message(
                role="user",
                content=[
                    ImagePart(source=FileIdSource(file_id="f")),
                    ImagePart(source=Base64Source(data="/9j/abc")),
                ],
            )
        ],
    )
    out, lost = _encode(req)
    assert out["messages"][0]["content"] == [
        {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/abc"}}
    ]
    assert lost == ["media-source-unsupported"]


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        ({"model": "m", "messages": [{"role": "robot", "content": "x"}]}, "$.messages[0].role"),
        (
            {"model": "m", "messages": [{"role": "tool", "content": "x"}]},
            "$.messages[0].tool_call_id",
        ),
        ({"model": "m", "messages": [], "temperature": "hot"}, "$.temperature"),
    ],
)
def test_invalid_input_names_the_json_path(payload: dict[str, Any], path: str) -> None:
    with pytest.raises(InvalidPayloadError) as info:
        ADAPTER.request_to_universal(payload, ctx(Kind.REQUEST))
    assert path in [e.path for e in info.value.errors]


def test_detection_leaves_anthropic_bodies_alone() -> None:
    chat = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    assert ADAPTER.detect(chat, Kind.REQUEST) is None
    assert ADAPTER.detect({**chat, "system": "s"}, Kind.REQUEST) is not None
    blocks = {
        "model": "m",
        "messages": [
            {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "x", "content": "y"}],
            }
        ],
    }
    assert ADAPTER.detect(blocks, Kind.REQUEST) is not None
    assert ADAPTER.detect({"input": "hi"}, Kind.REQUEST) is not None
