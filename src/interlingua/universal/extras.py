"""Provider details the universal fields do not carry, kept for a lossless same-family trip.

Every universal node has an ``extras`` slot. A decoder stores there the wire keys it did not
map (unknown fields, explicit nulls, provider-only options) and, in ``shape``, how the source
wrote something the universal form normalises (a string where a list of parts is allowed).
An encoder of the *same family* merges ``fields`` back verbatim and honours ``shape``; an encoder
of another family reports each field it cannot use as a loss (see `report_foreign_extras`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Extras", "HasExtras"]


@dataclass(slots=True)
class Extras:
    """Wire details recorded by one provider family's decoder.

    ``family`` is the family name (``"anthropic"`` for the Anthropic, Bedrock-Anthropic and
    Vertex-Anthropic bodies). ``fields`` are wire keys restored verbatim into an object of the
    same family. ``shape`` are hints about how the source spelled normalised values; they never
    appear in output themselves.
    """

    family: str
    fields: dict[str, Any] = field(default_factory=dict)
    shape: dict[str, Any] = field(default_factory=dict)
    #: names in ``fields`` that describe the wire rather than the conversation (``object``,
    #: ``obfuscation``): dropped without a loss report when crossing to another family.
    quiet: frozenset[str] = frozenset()


@dataclass(slots=True, kw_only=True)
class HasExtras:
    """Base of every universal node: carries the optional `Extras` of its source family."""

    extras: Extras | None = None

    def extras_for(self, family: str) -> Extras | None:
        """The extras if they were recorded by ``family``, else None."""
        ex = self.extras
        return ex if ex is not None and ex.family == family else None
