"""The response decoder's fast path (common bodies, no validation) against the validated path:
the same `Response`, extras and key order included, on every recorded body and on variants
of them (each value replaced by a wrong type or null, each key dropped, a key added), where
the fast path must give the same result or decline; and the input is left alone."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from helpers_chat import ctx
from tests.payload_cases import cases

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Format, Kind
from interlingua.providers.chat_completions.response import response_to_universal
from interlingua.providers.chat_completions.response_fast import fast_response

RECORDED = [c for c in cases() if c.format is Format.CHAT_COMPLETIONS and c.kind is Kind.RESPONSE]
REPLACEMENTS: list[Any] = [None, 0, -1, 2**70, True, 1.5, "x", "", [], {}, [None], {"x": 1}]


def _full(payload: Any) -> str:
    try:
        return repr(response_to_universal(copy.deepcopy(payload), ctx(Kind.RESPONSE)))
    except InvalidPayloadError as exc:
        return f"error: {exc}"


def _check(payload: Any) -> bool:
    """Whether the fast path took ``payload``; fails if it differs from the validated path."""
    before = copy.deepcopy(payload)
    fast = fast_response(payload)
    assert payload == before  # the fast path consumes nothing of its input
    if fast is None:
        return False
    assert repr(fast) == _full(payload)
    return True


def _variants(value: Any) -> Iterator[Any]:
    """``value`` with one thing changed: each value replaced, each key dropped, a key added."""
    if isinstance(value, dict):
        yield {**value, "zz_extra": 1}
        for key, item in value.items():
            yield {k: v for k, v in value.items() if k != key}
            for new in [*REPLACEMENTS, *_variants(item)]:
                yield {**value, key: new}
    elif isinstance(value, list):
        for i, item in enumerate(value):
            for new in [*REPLACEMENTS, *_variants(item)]:
                yield [*value[:i], new, *value[i + 1 :]]


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_fast_path_matches_validated_path_on_recorded_bodies(case: Any) -> None:
    _check(case.load())


def test_fast_path_takes_most_recorded_bodies() -> None:
    taken = sum(_check(c.load()) for c in RECORDED)
    assert taken > len(RECORDED) * 0.8


@pytest.mark.parametrize("case", RECORDED[::4], ids=lambda c: c.id)
def test_fast_path_matches_or_declines_on_variants(case: Any) -> None:
    for variant in _variants(case.load()):
        _check(variant)


@pytest.mark.parametrize(
    "body",
    [
        {"usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}},
        {"usage": None, "service_tier": None, "system_fingerprint": "fp"},
        {
            "usage": {
                "prompt_tokens": 1,
                "completion_tokens": 2,
                "total_tokens": 3,
                "prompt_tokens_details": {"cached_tokens": 1, "audio_tokens": 0},
                "completion_tokens_details": None,
            }
        },
        {
            "usage": {
                "prompt_tokens": 1,
                "completion_tokens": 2,
                "total_tokens": 3,
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": None},
                "prompt_tokens_details": None,
            }
        },
    ],
)
def test_fast_path_keeps_the_validated_key_order(body: dict[str, Any]) -> None:
    message = {"annotations": [], "content": "", "role": "assistant", "reasoning_content": "r"}
    choice = {"logprobs": None, "message": message, "index": 0, "finish_reason": "weird"}
    payload = {"model": "m", "created": 1, "id": "x", "choices": [choice], **body}
    assert _check(payload)


def test_usage_details_in_another_order_are_put_in_the_validated_order() -> None:
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    message = {"role": "assistant", "content": "a"}
    payload = {"id": "x", "created": 1, "model": "m", "usage": usage}
    payload["choices"] = [{"index": 0, "message": message, "finish_reason": "stop"}]
    assert _check(payload)
    usage["prompt_tokens_details"] = {"audio_tokens": 0, "cached_tokens": 1, "x": 1}
    assert not _check(payload)
    usage["prompt_tokens_details"] = {"audio_tokens": 0, "cached_tokens": 1}
    assert _check(payload)
    usage["completion_tokens_details"] = {"audio_tokens": 2, "reasoning_tokens": 0}
    assert _check(payload)
