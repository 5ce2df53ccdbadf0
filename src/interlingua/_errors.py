"""The exception tree and the loss warning.

    InterlinguaError            .format, .kind, .path
    ├── DetectionError          .tried: why each adapter declined
    ├── InvalidPayloadError     .errors: every problem found, each with its JSON path
    └── UnsupportedFeatureError .losses, .target
    LossWarning(UserWarning)    .losses

Every exception raised by a public function is an `InterlinguaError`; messages are built from
the attributes so that callers can match on data rather than prose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._losses import Loss

__all__ = [
    "DetectionError",
    "InterlinguaError",
    "InvalidPayloadError",
    "LossWarning",
    "PayloadProblem",
    "UnsupportedFeatureError",
]


def _where(format: str | None, kind: str | None) -> str:
    parts = [p for p in (format, kind) if p]
    return f" ({' '.join(parts)})" if parts else ""


def _listing(losses: Sequence[Loss], shown: int = 8) -> str:
    listed = "; ".join(str(loss) for loss in losses[:shown])
    return listed + (f" (and {len(losses) - shown} more)" if len(losses) > shown else "")


class InterlinguaError(Exception):
    """Base of every error interlingua raises."""

    def __init__(
        self,
        message: str,
        *,
        format: str | None = None,
        kind: str | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.format = format
        self.kind = kind
        self.path = path


@dataclass(frozen=True, slots=True)
class PayloadProblem:
    """One thing wrong with a payload: where (a ``$.``-rooted JSON path) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.message} at `{self.path}`"


class DetectionError(InterlinguaError):
    """No adapter recognised the payload; ``tried`` maps each format to why it declined."""

    def __init__(self, tried: dict[str, str], *, kind: str | None = None) -> None:
        reasons = "; ".join(f"{fmt}: {why}" for fmt, why in tried.items())
        super().__init__(
            f"could not detect the payload format{_where(None, kind)}: {reasons}", kind=kind
        )
        self.tried = tried


class InvalidPayloadError(InterlinguaError):
    """The payload is not valid for its format; ``errors`` lists every problem with its path."""

    def __init__(
        self,
        errors: Sequence[PayloadProblem],
        *,
        format: str | None = None,
        kind: str | None = None,
    ) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:5])
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__(
            f"{shown}{more}{_where(format, kind)}",
            format=format,
            kind=kind,
            path=self.errors[0].path if self.errors else None,
        )


class UnsupportedFeatureError(InterlinguaError):
    """The target format cannot express something in the payload and losses were refused."""

    def __init__(self, losses: Sequence[Loss], *, target: str, kind: str | None = None) -> None:
        self.losses = list(losses)
        self.target = target
        super().__init__(
            f"{target} cannot express: {_listing(self.losses)}",
            format=target,
            kind=kind,
            path=self.losses[0].path if self.losses else None,
        )


class LossWarning(UserWarning):
    """Emitted (``on_loss="warn"``) when a translation dropped or approximated something."""

    def __init__(self, losses: Sequence[Loss], *, target: str) -> None:
        self.losses = list(losses)
        self.target = target
        super().__init__(f"translation to {target} lost: {_listing(self.losses)}")
