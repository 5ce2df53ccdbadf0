"""The Responses tables cover every value the openai SDK declares."""

from __future__ import annotations

from typing import get_args

from openai.types.responses import Response
from openai.types.responses.response import IncompleteDetails

from interlingua._capabilities import FEATURES
from interlingua.providers.responses.tables import (
    BUILTIN_TOOLS,
    BUILTIN_TOOLS_OUT,
    CAPABILITIES,
    FINISH_STATUS,
    INCOMPLETE_REASONS,
    STATUS_REASONS,
)
from interlingua.universal import FinishReason


def _literal_values(annotation: object) -> set[str]:
    out: set[str] = set()
    for arg in get_args(annotation):
        out |= set(get_args(arg)) if get_args(arg) else ({arg} if isinstance(arg, str) else set())
    return out


def test_every_status_is_mapped() -> None:
    statuses = _literal_values(Response.model_fields["status"].annotation)
    assert statuses and statuses <= set(STATUS_REASONS)


def test_every_incomplete_reason_is_mapped() -> None:
    reasons = _literal_values(IncompleteDetails.model_fields["reason"].annotation)
    assert reasons and reasons <= set(INCOMPLETE_REASONS)
    assert INCOMPLETE_REASONS["max_output_tokens"] is FinishReason.LENGTH
    assert INCOMPLETE_REASONS["content_filter"] is FinishReason.CONTENT_FILTER


def test_every_universal_reason_has_a_status() -> None:
    assert set(FINISH_STATUS) == set(FinishReason)
    assert FINISH_STATUS[FinishReason.LENGTH] == ("incomplete", "max_output_tokens")
    assert FINISH_STATUS[FinishReason.ERROR][0] == "failed"


def test_builtin_inverse_is_derived() -> None:
    for name, wire in BUILTIN_TOOLS_OUT.items():
        assert BUILTIN_TOOLS[wire] == name
    assert BUILTIN_TOOLS_OUT["web_search"] == "web_search"
    assert BUILTIN_TOOLS_OUT["code_execution"] == "code_interpreter"


def test_capabilities_declare_every_feature() -> None:
    assert set(CAPABILITIES) == set(FEATURES)
