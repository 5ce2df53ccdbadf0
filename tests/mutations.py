"""Payload mutations for the fast-path suites: variants of a recorded payload, each with one
thing changed, on which a fast decoder must either agree with validation or decline."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any


def one_changed(
    value: Any, bad_values: Sequence[Any], *, drop_keys: bool, unknown_key: str = "unknownKey"
) -> Iterator[Any]:
    """``value`` with one leaf or object changed: each value replaced by each of
    ``bad_values``, an unknown key added to each object, each list emptied, and (with
    ``drop_keys``) each key removed."""
    if isinstance(value, dict):
        yield {**value, unknown_key: 1}
        for key, item in value.items():
            if drop_keys:
                yield {k: v for k, v in value.items() if k != key}
            for bad in bad_values:
                yield {**value, key: bad}
            for changed in one_changed(item, bad_values, drop_keys=drop_keys):
                yield {**value, key: changed}
    elif isinstance(value, list):
        yield []
        for i, item in enumerate(value):
            for changed in one_changed(item, bad_values, drop_keys=drop_keys):
                yield [*value[:i], changed, *value[i + 1 :]]
