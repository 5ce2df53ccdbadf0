"""Detection rules of the Anthropic adapters (each rule is documented in detect.py)."""

from __future__ import annotations

from typing import Any

import pytest

from interlingua import Kind
from interlingua.providers.anthropic import (
    AnthropicAdapter,
    BedrockAnthropicAdapter,
    VertexAnthropicAdapter,
)

PLAIN, BEDROCK, VERTEX = AnthropicAdapter(), BedrockAnthropicAdapter(), VertexAnthropicAdapter()


def claims(payload: dict[str, Any], kind: Kind) -> list[str]:
    return [a.format.value for a in (BEDROCK, VERTEX, PLAIN) if a.detect(payload, kind) is None]


@pytest.mark.parametrize(
    "payload",
    [
        {"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]},
        {"model": "m", "system": "s", "messages": []},
        {
            "model": "m",
            "messages": [
                {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t"}]}
            ],
        },
        {"model": "m", "messages": [], "tool_choice": {"type": "any"}},
    ],
)
def test_anthropic_requests(payload: dict[str, Any]) -> None:
    assert claims(payload, Kind.REQUEST) == ["anthropic"]


@pytest.mark.parametrize(
    "payload",
    [
        {"model": "m", "messages": [{"role": "user", "content": "hi"}]},  # no marker at all
        {
            "model": "m",
            "max_tokens": 5,
            "messages": [{"role": "tool", "content": "x", "tool_call_id": "c"}],
        },
        {"model": "m", "max_tokens": 5, "messages": [{"role": "system", "content": "x"}]},
        {"model": "m", "max_tokens": 5, "n": 2, "messages": []},
        {
            "model": "m",
            "max_tokens": 5,
            "messages": [
                {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "u"}}]}
            ],
        },
        {"input": "hi"},
    ],
)
def test_not_anthropic_requests(payload: dict[str, Any]) -> None:
    assert claims(payload, Kind.REQUEST) == []


def test_cloud_requests_by_version() -> None:
    body = {"max_tokens": 5, "messages": []}
    assert claims({**body, "anthropic_version": "bedrock-2023-05-31"}, Kind.REQUEST) == [
        "bedrock-anthropic"
    ]
    assert claims({**body, "anthropic_version": "vertex-2023-10-16"}, Kind.REQUEST) == [
        "vertex-anthropic"
    ]


def test_responses_and_events_by_id_prefix() -> None:
    msg = {"id": "msg_bdrk_1", "type": "message", "role": "assistant", "content": []}
    assert claims(msg, Kind.RESPONSE) == ["bedrock-anthropic"]
    assert claims({**msg, "id": "msg_vrtx_1"}, Kind.RESPONSE) == ["vertex-anthropic"]
    assert claims({**msg, "id": "msg_01"}, Kind.RESPONSE) == ["anthropic"]
    assert claims(
        {"type": "message_start", "message": {**msg, "id": "msg_vrtx_2"}}, Kind.STREAM_EVENT
    ) == ["vertex-anthropic"]
    block = {
        "type": "content_block_start",
        "index": 0,
        "content_block": {"type": "tool_use", "id": "toolu_bdrk_1"},
    }
    assert claims(block, Kind.STREAM_EVENT) == ["bedrock-anthropic"]
    # events without ids look the same on every cloud
    assert claims({"type": "content_block_stop", "index": 0}, Kind.STREAM_EVENT) == ["anthropic"]
    assert claims({"object": "chat.completion.chunk"}, Kind.STREAM_EVENT) == []
