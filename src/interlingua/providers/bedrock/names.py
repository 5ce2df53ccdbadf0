"""Reversible aliases for tool names and tool-use ids Bedrock would reject. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolSpecification.html

Bedrock tool names must match ``[a-zA-Z0-9_-]{1,64}`` and ``toolUseId``s
``[a-zA-Z0-9_.:-]{1,64}``. A name that already matches is written as it is. Any other name is
written as ``il--`` followed by the name with every character outside ``[a-zA-Z0-9_]`` escaped
as ``-<hex code point>-`` (``get.weather`` -> ``il--get-2e-weather``). The alias is a pure
function of the name, so no table is needed: the Bedrock decoder turns an alias back into the
original wherever it meets one (tool specs, tool choice, tool calls in requests, responses and
streams), and a response translated back to the source format carries the original names.

An alias longer than 64 characters cannot be reversed: it is cut and given a hash suffix
(``il-h-<prefix>-<sha256[:10]>``), and the encoder reports ``tool-name-aliased``.
A name that merely looks like an alias is decoded only when re-encoding the result gives the
same text back (so every Bedrock payload still round-trips unchanged).
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import Final

PREFIX: Final = "il--"
MAX_LEN: Final = 64
NAME_OK: Final = re.compile(r"[a-zA-Z0-9_-]{1,64}")
ID_OK: Final = re.compile(r"[a-zA-Z0-9_.:-]{1,64}")
_PLAIN: Final = re.compile(r"[a-zA-Z0-9_]")
_ESCAPE: Final = re.compile(r"-([0-9a-f]{1,6})-")


def _escape(name: str) -> str:
    return PREFIX + "".join(c if _PLAIN.fullmatch(c) else f"-{ord(c):x}-" for c in name)


def _hashed(name: str) -> str:
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    prefix = re.sub(r"[^a-zA-Z0-9_]", "_", name)[: MAX_LEN - 16]
    return f"il-h-{prefix}-{digest}"


@functools.lru_cache(maxsize=4096)
def encode(name: str, *, tool_id: bool = False) -> tuple[str, bool]:
    """The Bedrock spelling of a tool name (``tool_id``: of a tool-use id), and whether it can
    be decoded back (False: a hashed alias, reported as a loss by the caller)."""
    ok = ID_OK if tool_id else NAME_OK
    if ok.fullmatch(name) and not name.startswith(PREFIX):
        return name, True
    alias = _escape(name)
    if len(alias) <= MAX_LEN:
        return alias, True
    return _hashed(name), False


@functools.lru_cache(maxsize=4096)
def encode_id(tool_id: str) -> tuple[str, bool]:
    """`encode` of a tool-use id, cached by position (a cache lookup with keywords costs more
    than twice as much)."""
    return encode(tool_id, tool_id=True)


def decode(alias: str, *, tool_id: bool = False) -> str:
    """The original name behind an alias written by `encode`; other names unchanged."""
    if not alias.startswith(PREFIX):
        return alias
    body = alias[len(PREFIX) :]
    try:
        original = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), body)
    except (ValueError, OverflowError):
        return alias
    return original if encode(original, tool_id=tool_id)[0] == alias else alias
