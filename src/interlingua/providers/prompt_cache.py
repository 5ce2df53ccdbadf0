"""OpenAI's prompt cache breakpoints (``prompt_cache_breakpoint`` on a content part), written
the same way by Chat Completions and Responses."""

from __future__ import annotations

from typing import Any, Final

from ..universal import CacheControl
from .base import ConversionContext, leftovers, restore, take

#: ``prompt_cache_breakpoint.ttl`` values the API accepts.
CACHE_TTLS: Final[frozenset[str]] = frozenset({"30m", "12h"})
_QUIET: Final = frozenset({"mode"})


def decode_cache(part: dict[str, Any], family: str) -> CacheControl | None:
    """The part's breakpoint, taken out of ``part`` (None when it has none)."""
    bp = take(part, "prompt_cache_breakpoint")
    if not isinstance(bp, dict):
        return None
    ttl = take(bp, "ttl")
    return CacheControl(ttl=ttl, extras=leftovers(family, bp, quiet=_QUIET))


def encode_cache(out: dict[str, Any], cc: CacheControl, ctx: ConversionContext, path: str) -> None:
    """Write ``cc`` as ``out``'s breakpoint: explicit mode, and a TTL the API accepts (another
    is reported and left to the default) unless it came from this same format."""
    native = cc.extras is not None and cc.extras.family == ctx.family
    bp: dict[str, Any] = {} if native else {"mode": "explicit"}
    if cc.ttl is not None:
        if native or cc.ttl in CACHE_TTLS:
            bp["ttl"] = cc.ttl
        else:
            ctx.loss(
                f"{path}.cache_control.ttl",
                "cache-ttl-approximated",
                f"cache TTL {cc.ttl!r} is not one of {sorted(CACHE_TTLS)}; the default is used",
            )
    restore(bp, cc, ctx, f"{path}.cache_control")
    out["prompt_cache_breakpoint"] = bp
