"""The adapter registry: detection order and third-party registration."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator
from typing import Any

import pytest

from interlingua import Format, Kind, _registry, adapters, detect, register_adapter, translate
from interlingua.providers.anthropic.adapter import AnthropicAdapter


@pytest.fixture
def restore_registry() -> Iterator[None]:
    saved = list(adapters())
    yield
    _registry._adapters = saved
    _registry._reindex(saved)


def test_chat_completions_is_the_last_resort() -> None:
    assert adapters()[-1].format is Format.CHAT_COMPLETIONS


def test_cloud_bodies_are_tried_before_plain_anthropic() -> None:
    order = [a.format for a in adapters()]
    assert order.index(Format.BEDROCK_ANTHROPIC) < order.index(Format.ANTHROPIC)
    assert order.index(Format.VERTEX_ANTHROPIC) < order.index(Format.ANTHROPIC)


class LoudAnthropic(AnthropicAdapter):
    """A third-party replacement that claims every payload with a `shout` key."""

    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        if "shout" in payload and kind is Kind.REQUEST:
            return None
        return super().detect(payload, kind)

    def request_from_universal(self, request: Any, ctx: Any) -> dict[str, Any]:
        return {**super().request_from_universal(request, ctx), "metadata": {"user_id": "loud"}}


def test_register_adapter_replaces_and_orders(restore_registry: None) -> None:
    # a route resolved before the registration (and cached) must not outlive it
    translate(
        {"model": "m", "messages": []}, "anthropic", source="chat-completions", kind="request"
    )
    register_adapter(LoudAnthropic(), before=Format.BEDROCK_ANTHROPIC)
    formats = [a.format for a in adapters()]
    assert formats.count(Format.ANTHROPIC) == 1
    assert formats.index(Format.ANTHROPIC) < formats.index(Format.BEDROCK_ANTHROPIC)
    chat = {"model": "gpt-5", "messages": [{"role": "user", "content": "hi"}], "shout": True}
    assert detect(chat).format is Format.ANTHROPIC
    out = translate(
        {"model": "gpt-5", "messages": [{"role": "system", "content": "x"}]},
        "anthropic",
        source="chat-completions",
        kind="request",
    )
    assert out["metadata"] == {"user_id": "loud"}


def test_entry_point_plugins_are_loaded(
    restore_registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FakeEntryPoint:
        name = "loud"

        def load(self) -> type[LoudAnthropic]:
            return LoudAnthropic

    def fake_entry_points(*, group: str) -> list[FakeEntryPoint]:
        assert group == "interlingua.adapters"
        return [FakeEntryPoint()]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    _registry._adapters = None
    assert any(isinstance(a, LoudAnthropic) for a in adapters())
