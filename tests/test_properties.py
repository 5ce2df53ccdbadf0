"""Generated universal conversations survive every format: encoding into a format and decoding
back keeps texts per role, tool calls with their arguments, and results paired with calls."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlingua import Kind, adapters
from interlingua.providers.base import ConversionContext, ProviderAdapter
from interlingua.universal import (
    Choice,
    FinishReason,
    Message,
    Request,
    Response,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    Usage,
)

from .conversation import summarize_request, summarize_response

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip())
names = st.sampled_from(["get_weather", "search", "lookup_user"])
args = st.dictionaries(
    st.sampled_from(["city", "q", "limit", "flag"]),
    st.one_of(st.integers(-1000, 1000), text, st.booleans()),
    max_size=3,
)


@st.composite
def conversations(draw: st.DrawFn) -> list[Message]:
    messages = [Message(role="user", content=[TextPart(text=draw(text))])]
    for turn in range(draw(st.integers(0, 3))):
        calls = draw(st.lists(st.tuples(names, args), max_size=3))
        parts: list[object] = []
        if draw(st.booleans()) or not calls:
            parts.append(TextPart(text=draw(text)))
        ids = [f"call_{turn}_{i}" for i in range(len(calls))]
        parts += [
            ToolCallPart(id=i, name=n, arguments=json.dumps(a))
            for i, (n, a) in zip(ids, calls, strict=True)
        ]
        messages.append(Message(role="assistant", content=parts))  # type: ignore[arg-type]
        if calls:
            messages += [
                Message(
                    role="tool",
                    content=[ToolResultPart(call_id=i, content=[TextPart(text=draw(text))])],
                )
                for i in ids
            ]
        if not calls or draw(st.booleans()):
            messages.append(Message(role="user", content=[TextPart(text=draw(text))]))
    if messages[-1].role == "assistant":
        messages.append(Message(role="user", content=[TextPart(text=draw(text))]))
    return messages


ADAPTERS = adapters()


def _trip_request(adapter: ProviderAdapter, request: Request) -> Request:
    ctx = ConversionContext(adapter.format, Kind.REQUEST)
    payload = adapter.request_from_universal(request, ctx)
    return adapter.request_to_universal(payload, ConversionContext(adapter.format, Kind.REQUEST))


@pytest.mark.parametrize("adapter", ADAPTERS, ids=[a.format.value for a in ADAPTERS])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messages=conversations())
def test_requests_keep_the_conversation(adapter: ProviderAdapter, messages: list[Message]) -> None:
    request = Request(model="m", max_tokens=500, messages=messages)
    back = _trip_request(adapter, request)
    assert summarize_request(back) == summarize_request(request)


@pytest.mark.parametrize("adapter", ADAPTERS, ids=[a.format.value for a in ADAPTERS])
@settings(max_examples=40, deadline=None)
@given(
    body=text,
    calls=st.lists(st.tuples(names, args), max_size=3),
    tokens=st.tuples(
        st.integers(1, 10**6), st.integers(0, 10**5), st.integers(0, 10**5), st.integers(0, 10**5)
    ),
)
def test_responses_keep_text_calls_and_usage(
    adapter: ProviderAdapter,
    body: str,
    calls: list[tuple[str, dict[str, object]]],
    tokens: tuple[int, int, int, int],
) -> None:
    fresh, cached, written, output = tokens
    parts: list[object] = [TextPart(text=body)]
    parts += [
        ToolCallPart(id=f"call_{i}", name=n, arguments=json.dumps(a))
        for i, (n, a) in enumerate(calls)
    ]
    usage = Usage(
        input_tokens=fresh + cached + written,
        cached_input_tokens=cached,
        cache_write_tokens=written,
        output_tokens=output,
    )
    response = Response(
        id="r",
        model="m",
        usage=usage,
        choices=[
            Choice(
                message=Message(role="assistant", content=parts),  # type: ignore[arg-type]
                finish_reason=FinishReason.TOOL_CALLS if calls else FinishReason.STOP,
            )
        ],
    )
    ctx = ConversionContext(adapter.format, Kind.RESPONSE)
    payload = adapter.response_from_universal(response, ctx)
    back = adapter.response_to_universal(payload, ConversionContext(adapter.format, Kind.RESPONSE))
    assert summarize_response(back) == summarize_response(response)
    assert back.usage is not None
    # an absent count is zero (Gemini leaves zero counts out of its JSON)
    assert (back.usage.cached_input_tokens or 0) == cached
    if "usage-field-dropped" not in {loss.code for loss in ctx.losses.losses}:
        assert (back.usage.cache_write_tokens or 0) == written
