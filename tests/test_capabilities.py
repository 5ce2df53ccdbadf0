"""The capability matrix is true: each declared cell is checked against what the adapter does
with a universal object that uses the feature, and docs/capabilities.md is current."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from interlingua import Kind, adapters
from interlingua._capabilities import FEATURES, Support, render_matrix
from interlingua.providers.base import ConversionContext, ProviderAdapter
from interlingua.universal import (
    AudioPart,
    Base64Source,
    CacheControl,
    Choice,
    Citation,
    FilePart,
    FinishReason,
    ImagePart,
    Message,
    Reasoning,
    ReasoningPart,
    RefusalPart,
    Request,
    Response,
    ResponseFormat,
    TextPart,
    Tool,
    ToolCallPart,
    ToolChoice,
    ToolResultPart,
    UrlSource,
    Usage,
)

from .conversation import documented_codes

SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
WEATHER = Tool(name="get_weather", description="Weather for a city", parameters=SCHEMA)
PNG = (  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _user(*parts: object) -> Message:
    return Message(role="user", content=list(parts))  # type: ignore[arg-type]


def _req(**kw: object) -> Request:
    kw.setdefault("messages", [_user(TextPart(text="What is the weather in Paris?"))])
    kw.setdefault("max_tokens", 1000)
    return Request(model="some-model", **kw)  # type: ignore[arg-type]


def _resp(*parts: object, usage: Usage | None = None) -> Response:
    message = Message(role="assistant", content=list(parts))  # type: ignore[arg-type]
    return Response(
        id="r1",
        model="some-model",
        choices=[Choice(message=message, finish_reason=FinishReason.STOP)],
        usage=usage,
    )


def _tool_turns(result: ToolResultPart) -> list[Message]:
    return [
        _user(TextPart(text="Weather in Paris?")),
        Message(
            role="assistant",
            content=[ToolCallPart(id="call_1", name="get_weather", arguments='{"city":"Paris"}')],
        ),
        Message(role="tool", content=[result]),
    ]


# feature -> builds a universal object that uses it (given the target adapter's family)
PROBES: dict[str, Callable[[str], Request | Response]] = {
    "system-prompt": lambda _: _req(
        messages=[
            Message(role="system", content=[TextPart(text="Be brief.")]),
            _user(TextPart(text="Hi")),
        ]
    ),
    "mid-conversation-system": lambda _: _req(
        messages=[
            _user(TextPart(text="Hi")),
            Message(role="assistant", content=[TextPart(text="Hello")]),
            Message(role="system", content=[TextPart(text="Now answer in French.")]),
            _user(TextPart(text="How are you?")),
        ]
    ),
    "image-url": lambda _: _req(
        messages=[
            _user(
                ImagePart(source=UrlSource(url="https://example.com/a.png")),
                TextPart(text="What is this?"),
            )
        ]
    ),
    "image-base64": lambda _: _req(
        messages=[
            _user(
                ImagePart(source=Base64Source(data=PNG, media_type="image/png")),
                TextPart(text="What is this?"),
            )
        ]
    ),
    "document": lambda _: _req(
        messages=[
            _user(
                FilePart(
                    source=Base64Source(data="JVBERi0x", media_type="application/pdf"),
                    media_type="application/pdf",
                    filename="a.pdf",
                ),
                TextPart(text="Summarise."),
            )
        ]
    ),
    "audio-input": lambda _: _req(
        messages=[
            _user(
                AudioPart(
                    source=Base64Source(data="UklGRg==", media_type="audio/wav"), format="wav"
                )
            )
        ]
    ),
    "function-tools": lambda _: _req(tools=[WEATHER]),
    "custom-tools": lambda _: _req(
        tools=[Tool(name="grep", kind="custom", description="Free-text pattern")]
    ),
    "builtin-tools": lambda _: _req(
        tools=[Tool(name="web_search", kind="builtin", builtin_type="web_search")]
    ),
    "tool-choice-none": lambda _: _req(tools=[WEATHER], tool_choice=ToolChoice(mode="none")),
    "tool-choice-required": lambda _: _req(
        tools=[WEATHER], tool_choice=ToolChoice(mode="required")
    ),
    "tool-choice-named": lambda _: _req(
        tools=[WEATHER], tool_choice=ToolChoice(mode="tool", name="get_weather")
    ),
    "parallel-tool-calls": lambda _: _req(tools=[WEATHER], parallel_tool_calls=False),
    "tool-result-images": lambda _: _req(
        tools=[WEATHER],
        messages=_tool_turns(
            ToolResultPart(
                call_id="call_1",
                content=[ImagePart(source=Base64Source(data=PNG, media_type="image/png"))],
            )
        ),
    ),
    "tool-result-error": lambda _: _req(
        tools=[WEATHER],
        messages=_tool_turns(
            ToolResultPart(
                call_id="call_1", content=[TextPart(text="city not found")], is_error=True
            )
        ),
    ),
    "reasoning-text": lambda _: _resp(ReasoningPart(text="Let me think."), TextPart(text="Sunny.")),
    "reasoning-signature": lambda family: _resp(
        ReasoningPart(text="Let me think.", signature="c2ln", signature_origin=family),
        TextPart(text="Sunny."),
    ),
    "reasoning-effort": lambda _: _req(
        reasoning=Reasoning(mode="enabled", effort="high"), max_tokens=32000
    ),
    "json-schema-output": lambda _: _req(
        response_format=ResponseFormat(type="json_schema", schema=SCHEMA, name="answer")
    ),
    "json-object-output": lambda _: _req(response_format=ResponseFormat(type="json_object")),
    "cache-control": lambda _: _req(
        messages=[
            _user(TextPart(text="A long shared prefix.", cache_control=CacheControl(ttl="1h")))
        ]
    ),
    "stop-sequences": lambda _: _req(stop=["END"]),
    "top-k": lambda _: _req(top_k=40),
    "seed": lambda _: _req(seed=7),
    "penalties": lambda _: _req(frequency_penalty=0.5, presence_penalty=0.5),
    "multiple-choices": lambda _: _req(n=2),
    "logprobs": lambda _: _req(logprobs=True, top_logprobs=2),
    "user-id": lambda _: _req(user="user-123"),
    "service-tier": lambda _: _req(service_tier="auto"),
    "refusal": lambda _: _resp(RefusalPart(text="I can't help with that.")),
    # a web citation and a document citation: no format has both kinds natively
    "citations": lambda _: _resp(
        TextPart(
            text="Paris is sunny.",
            citations=[
                Citation(
                    kind="url_citation",
                    url="https://example.com/w",
                    title="Weather",
                    start_index=0,
                    end_index=15,
                ),
                Citation(kind="char_location", cited_text="sunny", start_index=9, end_index=14),
            ],
        )
    ),
    "usage-cache": lambda _: _resp(
        TextPart(text="Hi"),
        usage=Usage(
            input_tokens=100, output_tokens=5, cached_input_tokens=40, cache_write_tokens=30
        ),
    ),
    "usage-reasoning": lambda _: _resp(
        TextPart(text="Hi"), usage=Usage(input_tokens=100, output_tokens=50, reasoning_tokens=45)
    ),
}


def test_every_feature_has_a_probe() -> None:
    assert set(PROBES) == set(FEATURES)


def test_every_adapter_declares_every_feature() -> None:
    for adapter in adapters():
        assert set(adapter.capabilities) == set(FEATURES), adapter.format


def _losses(adapter: ProviderAdapter, obj: Request | Response) -> list[str]:
    kind = Kind.REQUEST if isinstance(obj, Request) else Kind.RESPONSE
    ctx = ConversionContext(adapter.format, kind)
    if isinstance(obj, Request):
        adapter.request_from_universal(obj, ctx)
    else:
        adapter.response_from_universal(obj, ctx)
    return [f"{loss.code} at {loss.path}" for loss in ctx.losses.losses]


CELLS = [(a, f) for a in adapters() for f in FEATURES]


@pytest.mark.parametrize(
    ("adapter", "feature"), CELLS, ids=[f"{a.format.value}-{f}" for a, f in CELLS]
)
def test_declaration_matches_behaviour(adapter: ProviderAdapter, feature: str) -> None:
    declared = adapter.capabilities[feature]
    losses = _losses(adapter, PROBES[feature](adapter.family))
    codes = {loss.split(" at ")[0] for loss in losses}
    assert codes <= documented_codes(), f"undocumented loss codes: {codes - documented_codes()}"
    if declared in (Support.LOSSY, Support.UNSUPPORTED):
        assert losses, f"declared {declared.value} but nothing was reported"
    else:
        assert not losses, f"declared {declared.value} but reported {losses}"


def test_the_doc_is_current() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "capabilities.md"
    assert doc.read_text() == render_matrix(), (
        "regenerate: interlingua capabilities > docs/capabilities.md"
    )
