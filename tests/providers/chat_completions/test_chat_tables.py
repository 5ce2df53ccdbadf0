"""The Chat Completions tables cover every value the openai SDK types allow."""

from __future__ import annotations

from typing import get_args

from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.shared.reasoning_effort import ReasoningEffort

from interlingua.providers.chat_completions.tables import (
    FINISH_REASON_APPROXIMATIONS,
    FINISH_REASONS,
    FINISH_REASONS_OUT,
    REASONING_EFFORTS,
    SERVICE_TIERS,
)
from interlingua.universal import FinishReason
from interlingua.universal.reasoning import EFFORTS


def _literal_values(annotation: object) -> set[str]:
    out: set[str] = set()
    for arg in get_args(annotation):
        if isinstance(arg, str):
            out.add(arg)
        else:
            out |= _literal_values(arg)
    return out


def test_every_sdk_finish_reason_is_mapped() -> None:
    sdk = _literal_values(
        ChatCompletion.model_fields["choices"]
        .annotation.__args__[0]
        .model_fields["finish_reason"]
        .annotation
    )
    assert sdk == {"stop", "length", "tool_calls", "content_filter", "function_call"}
    assert sdk == set(FINISH_REASONS)


def test_every_universal_finish_reason_encodes_to_an_sdk_value() -> None:
    sdk = set(FINISH_REASONS)
    for reason in FinishReason:
        out = FINISH_REASONS_OUT.get(reason) or FINISH_REASON_APPROXIMATIONS[reason]
        assert out in sdk


def test_function_call_is_the_legacy_spelling_of_tool_calls() -> None:
    assert FINISH_REASONS["function_call"] is FinishReason.TOOL_CALLS
    assert FINISH_REASONS_OUT[FinishReason.TOOL_CALLS] == "tool_calls"


def test_reasoning_efforts_match_the_sdk_and_the_universal_table() -> None:
    sdk = _literal_values(ReasoningEffort)
    assert sdk == REASONING_EFFORTS
    assert set(EFFORTS) == REASONING_EFFORTS


def test_service_tiers_match_the_sdk() -> None:
    annotation = ChatCompletionChunk.model_fields["service_tier"].annotation
    assert _literal_values(annotation) == SERVICE_TIERS
