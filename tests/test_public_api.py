"""The public contract: names, order, documentation, and the exception tree."""

from __future__ import annotations

import inspect
import warnings

import pytest

import interlingua
from interlingua import (
    DetectionError,
    Format,
    InterlinguaError,
    InvalidPayloadError,
    Kind,
    LossWarning,
    UnsupportedFeatureError,
)
from interlingua._formats import parse_format


def test_all_is_sorted_and_complete() -> None:
    assert interlingua.__all__ == sorted(interlingua.__all__)
    for name in interlingua.__all__:
        assert hasattr(interlingua, name), name


@pytest.mark.parametrize("name", [n for n in interlingua.__all__ if not n.startswith("__")])
def test_every_export_is_documented(name: str) -> None:
    obj = getattr(interlingua, name)
    if inspect.isclass(obj) or inspect.isfunction(obj):
        assert inspect.getdoc(obj), f"{name} has no docstring"


def test_format_values_are_the_contract() -> None:
    assert [f.value for f in Format] == [
        "chat-completions",
        "responses",
        "anthropic",
        "bedrock-anthropic",
        "vertex-anthropic",
        "google",
        "bedrock",
    ]
    assert [k.value for k in Kind] == ["request", "response", "stream-event"]


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("openai", Format.CHAT_COMPLETIONS),
        ("openai-responses", Format.RESPONSES),
        ("gemini", Format.GOOGLE),
        ("converse", Format.BEDROCK),
        ("bedrock-converse", Format.BEDROCK),
        ("Anthropic", Format.ANTHROPIC),
    ],
)
def test_format_aliases(alias: str, expected: Format) -> None:
    assert parse_format(alias) is expected


def test_unknown_format_is_a_typed_error() -> None:
    with pytest.raises(InterlinguaError, match="unknown format 'cohere'"):
        interlingua.translate({"messages": []}, "cohere")


def test_exception_tree() -> None:
    for cls in (DetectionError, InvalidPayloadError, UnsupportedFeatureError):
        assert issubclass(cls, InterlinguaError)
    assert issubclass(LossWarning, UserWarning)


def test_loss_warning_is_a_user_warning_and_filterable() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", LossWarning)
        with pytest.raises(LossWarning):
            warnings.warn(LossWarning([], target="anthropic"), stacklevel=1)
