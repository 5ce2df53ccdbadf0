"""Gemini tables checked against google-genai's own enums."""

from __future__ import annotations

from google.genai import types as t

from interlingua.providers.google.tables import (
    APPROXIMATE_FINISH,
    BLOCK_REASONS,
    CALLING_MODES,
    EFFORT_LEVELS,
    FINISH_REASONS,
    THINKING_LEVELS,
    WIRE_FINISH,
)
from interlingua.universal import FinishReason
from interlingua.universal.reasoning import EFFORTS


def test_every_sdk_finish_reason_is_mapped() -> None:
    assert {m.value for m in t.FinishReason} == set(FINISH_REASONS)


def test_every_universal_finish_reason_can_be_written() -> None:
    for reason in FinishReason:
        wire = WIRE_FINISH.get(reason) or APPROXIMATE_FINISH.get(reason)
        assert wire in FINISH_REASONS, reason


def test_function_calls_and_stop_sequences_are_written_as_stop() -> None:
    # Gemini's docs: STOP is a natural stop point *or a provided stop sequence*, and a
    # function call response also finishes with STOP.
    assert WIRE_FINISH[FinishReason.TOOL_CALLS] == "STOP"
    assert WIRE_FINISH[FinishReason.STOP_SEQUENCE] == "STOP"


def test_block_reasons_and_calling_modes_cover_the_sdk() -> None:
    assert {m.value for m in t.BlockedReason} == set(BLOCK_REASONS)
    assert {m.value for m in t.FunctionCallingConfigMode} == set(CALLING_MODES)


def test_thinking_levels_are_universal_efforts() -> None:
    sdk = {m.value for m in t.ThinkingLevel} - {"THINKING_LEVEL_UNSPECIFIED"}
    assert set(THINKING_LEVELS) == sdk
    assert set(THINKING_LEVELS.values()) <= set(EFFORTS)
    assert {EFFORT_LEVELS[e]: e for e in EFFORT_LEVELS} == THINKING_LEVELS
