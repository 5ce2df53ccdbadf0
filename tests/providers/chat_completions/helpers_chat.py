"""Shared helpers for the Chat Completions provider tests."""

from __future__ import annotations

from typing import Any

from interlingua._formats import Format, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.chat_completions import ChatCompletionsAdapter

ADAPTER = ChatCompletionsAdapter()


def ctx(kind: Kind) -> ConversionContext:
    return ConversionContext(Format.CHAT_COMPLETIONS, kind)


def codes(c: ConversionContext) -> list[str]:
    return [loss.code for loss in c.losses.losses]


def chunk(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 1760000000,
        "model": "gpt-4o",
        "choices": choices,
        **extra,
    }


def choice(delta: dict[str, Any], index: int = 0, finish: str | None = None) -> dict[str, Any]:
    return {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}
