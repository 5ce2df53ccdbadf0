"""A fast decode of the common Gemini response: candidates of plain text and function call
parts, read from the payload directly instead of from a validated copy. Anything else (an
unknown key, a null, a wrong type, a rare part) returns None, and the validating path runs."""

from __future__ import annotations

from typing import Any, Final

from ..._json import to_json_text
from ...universal import Choice, Extras, Message, Part, Response, TextPart, ToolCallPart, Usage
from .response import USAGE_QUIET, CallIds, decode_finish
from .tables import FAMILY

_TOP: Final = frozenset({"candidates", "usageMetadata", "modelVersion", "responseId"})
_CANDIDATE: Final = frozenset({"content", "finishReason", "finishMessage", "index"})
_CALL: Final = frozenset({"name", "id", "args"})
#: The extras of a node with nothing left over (read-only, shared).
_EMPTY: Final = Extras(FAMILY)
#: Usage counts the universal usage carries.
_COUNTS: Final = frozenset(
    {
        "promptTokenCount",
        "cachedContentTokenCount",
        "candidatesTokenCount",
        "thoughtsTokenCount",
        "totalTokenCount",
    }
)
#: The other usage keys, in the order validation writes them (the order of `UsageMetadata`).
_KEPT: Final = (
    "toolUsePromptTokenCount",
    "promptTokensDetails",
    "cacheTokensDetails",
    "candidatesTokensDetails",
    "toolUsePromptTokensDetails",
    "trafficType",
)
_USAGE: Final = _COUNTS | {*_KEPT, "serviceTier"}
_STRINGS: Final = frozenset({"trafficType", "serviceTier"})
_DETAILS: Final = frozenset(k for k in _KEPT if k.endswith("Details"))


def _call(part: dict[str, Any], ids: CallIds) -> ToolCallPart | None:
    """A ``functionCall`` part (with maybe a ``thoughtSignature``), or None."""
    fc = part["functionCall"]
    sig = part.get("thoughtSignature")
    if (
        type(fc) is not dict
        or len(part) != 1 + (type(sig) is str)
        or not fc.keys() <= _CALL
        or type(fc.get("name")) is not str
    ):
        return None
    cid, args = fc.get("id"), fc.get("args")
    if len(fc) != 1 + (type(cid) is str) + (type(args) is dict):
        return None
    shape: dict[str, Any] = {}
    if cid is None:
        cid = ids(fc["name"])
        shape["id"] = "synthesized"
    if args is None:
        shape["args"] = "absent"
    return ToolCallPart(
        id=cid,
        name=fc["name"],
        arguments=to_json_text(args) if args is not None else "",
        extras=Extras(FAMILY, {} if sig is None else {"thoughtSignature": sig}, shape),
    )


def _candidate(c: Any, position: int, ids: CallIds) -> Choice | None:
    if type(c) is not dict or not c.keys() <= _CANDIDATE:
        return None
    content, index = c.get("content"), c.get("index")
    raw, message = c.get("finishReason"), c.get("finishMessage")
    if (
        type(content) is not dict
        or len(c) != 1 + (type(index) is int) + (type(raw) is str) + (type(message) is str)
        or len(content) != 2
        or content.get("role") != "model"
        or type(content.get("parts")) is not list
    ):
        return None
    parts: list[Part] = []
    calls = False
    for part in content["parts"]:
        if type(part) is not dict:
            return None
        if "functionCall" in part:
            call = _call(part, ids)
            if call is None:
                return None
            parts.append(call)
            calls = True
        elif len(part) == 1 and type(part.get("text")) is str:
            parts.append(TextPart(text=part["text"], extras=_EMPTY))
        else:
            return None
    finish, shape = decode_finish(raw, raw == "STOP" and calls)
    if index is None:
        shape = {"index": "absent", **shape}
    return Choice(
        index=index if index is not None else position,
        message=Message(role="assistant", content=parts, extras=_EMPTY),
        finish_reason=finish,
        extras=_EMPTY
        if message is None and not shape
        else Extras(FAMILY, {} if message is None else {"finishMessage": message}, shape),
    )


def _details(value: Any) -> list[dict[str, Any]] | None:
    """A validated copy of a ``ModalityTokenCount`` list, or None."""
    if type(value) is not list:
        return None
    out = []
    for item in value:
        if type(item) is not dict or len(item) != 2:
            return None
        modality, count = item.get("modality"), item.get("tokenCount")
        if type(modality) is not str or type(count) is not int:
            return None
        out.append({"modality": modality, "tokenCount": count})
    return out


def _usage(u: Any) -> tuple[Usage, str | None] | None:
    """What `decode_usage` makes of the validated ``usageMetadata`` ``u``, or None."""
    if type(u) is not dict or not u.keys() <= _USAGE:
        return None
    rest: dict[str, Any] = {}
    for key, value in u.items():
        if key in _DETAILS:
            value = _details(value)
            if value is None:
                return None
        elif type(value) is not (str if key in _STRINGS else int):
            return None
        if key not in _COUNTS and key != "serviceTier":
            rest[key] = value
    if len(rest) > 1:
        rest = {key: rest[key] for key in _KEPT if key in rest}
    cands, thoughts = u.get("candidatesTokenCount"), u.get("thoughtsTokenCount")
    usage = Usage(
        input_tokens=u.get("promptTokenCount"),
        output_tokens=(cands or 0) + (thoughts or 0),
        total_tokens=u.get("totalTokenCount"),
        cached_input_tokens=u.get("cachedContentTokenCount"),
        reasoning_tokens=thoughts,
        extras=Extras(FAMILY, rest, {}, USAGE_QUIET),
    )
    return usage, u.get("serviceTier")


def fast_response(payload: Any) -> Response | None:
    """What `decode_response` makes of the validated ``payload``, when it has the common
    shape; None for any other payload (it may still be valid)."""
    if type(payload) is not dict or not payload.keys() <= _TOP:
        return None
    raw = payload.get("candidates")
    rid, model = payload.get("responseId"), payload.get("modelVersion")
    if type(raw) is not list or len(payload) != 1 + (type(rid) is str) + (type(model) is str) + (
        "usageMetadata" in payload
    ):
        return None
    ids = CallIds(rid)
    choices = []
    for i, c in enumerate(raw):
        choice = _candidate(c, i, ids)
        if choice is None:
            return None
        choices.append(choice)
    usage, tier = None, None
    if "usageMetadata" in payload:
        decoded = _usage(payload["usageMetadata"])
        if decoded is None:
            return None
        usage, tier = decoded
    return Response(
        id=rid,
        model=model,
        choices=choices,
        usage=usage,
        service_tier=tier,
        extras=_EMPTY if tier is None else Extras(FAMILY, {}, {"tier": "usage"}),
    )
