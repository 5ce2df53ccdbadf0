"""Anthropic tables checked against the SDK's own Literal types."""

from __future__ import annotations

from typing import get_args

import pytest
from anthropic.types import StopReason, ToolUnionParam
from anthropic.types.beta import BetaToolUnionParam
from typing_extensions import get_type_hints

from interlingua.providers.anthropic.tables import (
    APPROXIMATE_FINISH,
    BUILTIN_DEFAULTS,
    FINISH_REASONS,
    STOP_REASONS,
)
from interlingua.providers.anthropic.tools import builtin_name
from interlingua.universal import FinishReason


def _literal_values(typed_dict: type, key: str) -> set[str]:
    hints = get_type_hints(typed_dict, include_extras=True)
    if key not in hints:
        return set()
    hint = hints[key]
    found: set[str] = set()

    def walk(tp: object) -> None:
        args = get_args(tp)
        if not args and isinstance(tp, str):
            found.add(tp)
        for a in args:
            walk(a)

    walk(hint)
    return found


def test_every_sdk_stop_reason_has_a_finish_reason() -> None:
    assert set(get_args(StopReason)) == set(STOP_REASONS)


def test_every_finish_reason_encodes_to_an_sdk_stop_reason() -> None:
    sdk = set(get_args(StopReason))
    for reason in FinishReason:
        written = FINISH_REASONS.get(reason) or APPROXIMATE_FINISH[reason]
        assert written in sdk


def test_finish_table_is_the_inverse() -> None:
    assert all(STOP_REASONS[raw] is reason for reason, raw in FINISH_REASONS.items())


@pytest.mark.parametrize("union", [ToolUnionParam, BetaToolUnionParam])
def test_every_sdk_server_tool_type_has_a_universal_name(union: object) -> None:
    known = set(BUILTIN_DEFAULTS) | {"computer", "browser", "mcp", "advisor"}
    seen = 0
    for member in get_args(union):
        for tool_type in _literal_values(member, "type"):
            if tool_type == "custom":
                continue
            assert builtin_name(tool_type) in known, tool_type
            seen += 1
    assert seen > 15


def test_default_server_tools_are_sdk_tool_types() -> None:
    sdk_types = set()
    for member in get_args(ToolUnionParam):
        sdk_types |= _literal_values(member, "type")
    for tool_type, _ in BUILTIN_DEFAULTS.values():
        assert tool_type in sdk_types
