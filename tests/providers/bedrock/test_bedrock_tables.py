"""Bedrock tables and tool-name aliases, checked against botocore's service model."""

from __future__ import annotations

import botocore.session  # type: ignore[import-untyped]
import pytest

from interlingua.providers.bedrock import names
from interlingua.providers.bedrock.tables import (
    APPROXIMATE_FINISH,
    AUDIO_FORMATS,
    DOCUMENT_FORMATS,
    FINISH_REASONS,
    IMAGE_FORMATS,
    STOP_REASONS,
    STREAM_EVENT_NAMES,
    VIDEO_FORMATS,
)
from interlingua.universal import FinishReason

MODEL = botocore.session.get_session().get_service_model("bedrock-runtime")


def _enum(name: str) -> set[str]:
    return set(MODEL.shape_for(name).enum)


def test_every_stop_reason_is_mapped() -> None:
    assert set(STOP_REASONS) == _enum("StopReason")


def test_every_finish_reason_has_a_stop_reason() -> None:
    for reason in FinishReason:
        assert reason in FINISH_REASONS or reason in APPROXIMATE_FINISH, reason
        written = FINISH_REASONS.get(reason) or APPROXIMATE_FINISH[reason]
        assert written in _enum("StopReason")


def test_media_formats_match_the_service_model() -> None:
    assert set(IMAGE_FORMATS) == _enum("ImageFormat")
    assert set(DOCUMENT_FORMATS) == _enum("DocumentFormat")
    assert set(VIDEO_FORMATS) == _enum("VideoFormat")
    assert set(AUDIO_FORMATS) == _enum("AudioFormat")


def test_stream_event_names_are_the_stream_members() -> None:
    stream = MODEL.operation_model("ConverseStream").output_shape.members["stream"]
    assert set(stream.members) == STREAM_EVENT_NAMES


@pytest.mark.parametrize("name", ["get_weather", "a-b_C9", "x" * 64])
def test_valid_names_are_kept(name: str) -> None:
    assert names.encode(name) == (name, True)
    assert names.decode(name) == name


@pytest.mark.parametrize(
    "name", ["get.weather", "mcp:server/tool", "météo", "with space", "il--x", "", "a" * 65]
)
def test_invalid_names_alias_reversibly(name: str) -> None:
    alias, reversible = names.encode(name)
    assert names.NAME_OK.fullmatch(alias)
    if reversible:
        assert names.decode(alias) == name


def test_escaped_alias_spelling() -> None:
    assert names.encode("get.weather") == ("il--get-2e-weather", True)


def test_too_long_names_get_a_hashed_irreversible_alias() -> None:
    name = "namespace.tool." + "x" * 60
    alias, reversible = names.encode(name)
    assert not reversible and len(alias) <= 64 and names.NAME_OK.fullmatch(alias)
    assert names.encode(name)[0] == alias  # deterministic


def test_tool_use_ids_allow_dots_and_colons() -> None:
    assert names.encode("call.1:a", tool_id=True) == ("call.1:a", True)
    alias, _ = names.encode("call 1", tool_id=True)
    assert names.decode(alias, tool_id=True) == "call 1"


def test_a_literal_name_that_looks_like_an_alias_is_not_decoded() -> None:
    assert names.decode("il--a-b") == "il--a-b"
