"""A fast decode of the common Gemini response: candidates of plain text and function call
parts, read from the payload directly instead of from a validated copy. Anything else (an
unknown key, a null, a wrong type, a rare part) returns None, and the validating path runs."""

from __future__ import annotations

from typing import Any, Final

from ..._errors import InvalidPayloadError
from ..._formats import Format, Kind
from ..._json import to_json_text
from ...universal import Choice, Extras, Message, Part, Response, TextPart, ToolCallPart
from ..base import validate
from .models import UsageMetadata
from .response import CallIds, decode_finish, decode_usage
from .tables import FAMILY

_TOP: Final = frozenset({"candidates", "usageMetadata", "modelVersion", "responseId"})
_CANDIDATE: Final = frozenset({"content", "finishReason", "finishMessage", "index"})
_CALL: Final = frozenset({"name", "id", "args"})


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
            parts.append(TextPart(text=part["text"], extras=Extras(FAMILY, {}, {})))
        else:
            return None
    finish, shape = decode_finish(raw, raw == "STOP" and calls)
    if index is None:
        shape = {"index": "absent", **shape}
    return Choice(
        index=index if index is not None else position,
        message=Message(role="assistant", content=parts, extras=Extras(FAMILY, {}, {})),
        finish_reason=finish,
        extras=Extras(FAMILY, {} if message is None else {"finishMessage": message}, shape),
    )


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
        try:
            u = validate(UsageMetadata, payload["usageMetadata"], Format.GOOGLE, Kind.RESPONSE)
        except InvalidPayloadError:
            return None
        usage, tier = decode_usage(u)
    return Response(
        id=rid,
        model=model,
        choices=choices,
        usage=usage,
        service_tier=tier,
        extras=Extras(FAMILY, {}, {} if tier is None else {"tier": "usage"}),
    )
