"""Losses: what a translation dropped or approximated, and the ``on_loss`` policy."""

from __future__ import annotations

import warnings
from typing import Literal, NamedTuple

from ._errors import InterlinguaError, LossWarning, UnsupportedFeatureError

__all__ = ["Loss", "LossCollector", "OnLoss", "apply_policy", "check_on_loss"]

OnLoss = Literal["warn", "error", "ignore"]


class Loss(NamedTuple):
    """One thing the target could not express.

    ``path`` is the JSON path in the *source* payload (or in the universal object when the
    source is one), ``code`` a stable identifier documented in ``docs/errors.md``, ``reason``
    a sentence for people. (A named tuple: immutable and hashable like a frozen dataclass,
    and twice as fast to build, which counts when a translation reports several.)
    """

    path: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"`{self.path}` [{self.code}] {self.reason}"


class LossCollector:
    """Gathers losses during one conversion; conversions receive one and call `add`.

    A loss is recorded once per (path, code), and at most `LIMIT` distinct losses are kept, so
    that a long stream repeating the same loss on every event holds constant memory.
    """

    __slots__ = ("_seen", "losses", "truncated")

    LIMIT = 1000

    def __init__(self) -> None:
        self.losses: list[Loss] = []
        self._seen: set[tuple[str, str]] | None = None  # made on the first loss: most have none
        self.truncated = False

    def add(self, path: str, code: str, reason: str) -> None:
        """Record that the value at ``path`` was dropped or approximated."""
        key = (path, code)
        if self._seen is None:
            self._seen = set()
        elif key in self._seen:
            return
        if len(self.losses) >= self.LIMIT:
            self.truncated = True
            return
        self._seen.add(key)
        self.losses.append(Loss(path, code, reason))

    def __bool__(self) -> bool:
        return bool(self.losses)


def check_on_loss(on_loss: str) -> OnLoss:
    """Validate an ``on_loss`` argument."""
    if on_loss not in ("warn", "error", "ignore"):
        raise InterlinguaError(f"on_loss must be 'warn', 'error' or 'ignore', not {on_loss!r}")
    return on_loss  # type: ignore[return-value]


def apply_policy(losses: list[Loss], on_loss: OnLoss, *, target: str, kind: str | None) -> None:
    """Warn about, raise on, or ignore ``losses`` as ``on_loss`` says."""
    if not losses or on_loss == "ignore":
        return
    if on_loss == "error":
        raise UnsupportedFeatureError(losses, target=target, kind=kind)
    warnings.warn(LossWarning(losses, target=target), stacklevel=3)
