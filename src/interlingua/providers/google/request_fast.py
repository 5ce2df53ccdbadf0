"""A fast decode of the common Gemini request: turns of text, thought, function call and
function response parts, read from the payload directly instead of from a validated copy
(``tools``, ``toolConfig`` and ``generationConfig`` are validated on their own and decoded as
the full path does). Anything else (an unknown key, a null, a wrong type, a rare part)
returns None, and the validating path runs."""

from __future__ import annotations

from typing import Any, Final

from ..._errors import InvalidPayloadError
from ..._formats import Format, Kind
from ..._json import to_json_text
from ...universal import (
    Extras,
    Message,
    Part,
    ReasoningPart,
    Request,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)
from ..base import validate
from .config import decode_generation_config
from .models import GenerationConfig, Tool, ToolConfig
from .request import _Ids
from .tables import ERROR_KEY, FAMILY, RESULT_KEY, ROLES
from .tools import decode_tool_config, decode_tools

_TOP: Final = frozenset(
    {"model", "contents", "systemInstruction", "tools", "toolConfig", "generationConfig"}
)
_TOOLS: Final = list[Tool]
#: Extras shared by the decoded nodes with nothing left over (never mutated once decoded)
_EMPTY: Final = Extras(FAMILY, {}, {})
#: a function response's extras, by (response written as JSON, id synthesized)
_RESULT_EXTRAS: Final = {
    (False, False): _EMPTY,
    (True, False): Extras(FAMILY, {}, {"response": "json"}),
    (False, True): Extras(FAMILY, {}, {"id": "synthesized"}),
    (True, True): Extras(FAMILY, {}, {"response": "json", "id": "synthesized"}),
}

# Each object's shape is checked by counting the keys it may hold with their right type: when
# the count equals len(), there is no other key and no key of the wrong type.


def _text(part: dict[str, Any]) -> Part | None:
    """A part of ``text`` with maybe ``thought`` and ``thoughtSignature``, or None."""
    text, thought, sig = part["text"], part.get("thought"), part.get("thoughtSignature")
    if type(text) is not str or len(part) != 1 + (type(thought) is bool) + (type(sig) is str):
        return None
    if thought is True:
        return ReasoningPart(
            text=text,
            signature=sig,
            signature_origin=FAMILY if sig is not None else None,
            extras=_EMPTY,
        )
    fields: dict[str, Any] = {}
    if thought is not None:
        fields["thought"] = thought
    if sig is not None:
        fields["thoughtSignature"] = sig
    return TextPart(text=text, extras=Extras(FAMILY, fields, {}))


def _call(part: dict[str, Any], ids: _Ids, m: int, p: int) -> ToolCallPart | None:
    """A ``functionCall`` part (with maybe a ``thoughtSignature``), or None."""
    fc, sig = part["functionCall"], part.get("thoughtSignature")
    if type(fc) is not dict or len(part) != 1 + (type(sig) is str):
        return None
    name, cid, args = fc.get("name"), fc.get("id"), fc.get("args")
    if type(name) is not str or len(fc) != 1 + (type(cid) is str) + (type(args) is dict):
        return None
    shape: dict[str, Any] = {}
    if args is None:
        arguments = ""
    else:
        try:
            arguments = to_json_text(args)
        except TypeError:  # a key that is not a string: the validating path reports it
            return None
    if cid is None:
        ids.where = (m, p)
        cid = ids.call(name)
        shape["id"] = "synthesized"
    if args is None:
        shape["args"] = "absent"
    fields = {} if sig is None else {"thoughtSignature": sig}
    return ToolCallPart(
        id=cid, name=name, arguments=arguments, extras=Extras(FAMILY, fields, shape)
    )


def _result(part: dict[str, Any], ids: _Ids, m: int, p: int) -> ToolResultPart | None:
    """A ``functionResponse`` part without media, or None."""
    fr = part["functionResponse"]
    if type(fr) is not dict or len(part) != 1:
        return None
    name, rid, response = fr.get("name"), fr.get("id"), fr.get("response")
    if type(name) is not str or type(response) is not dict or len(fr) != 2 + (type(rid) is str):
        return None
    is_error = None
    as_json = False
    if len(response) == 1 and isinstance(response.get(RESULT_KEY), str):
        text = response[RESULT_KEY]
    elif len(response) == 1 and isinstance(response.get(ERROR_KEY), str):
        text = response[ERROR_KEY]
        is_error = True
    else:
        try:
            text = to_json_text(response)
        except TypeError:  # a key that is not a string: the validating path reports it
            return None
        as_json = True
    synthesized = rid is None
    if rid is None:
        ids.where = (m, p)
        rid = ids.result(name)
    return ToolResultPart(
        call_id=rid,
        name=name,
        content=[TextPart(text=text)],
        is_error=is_error,
        extras=_RESULT_EXTRAS[as_json, synthesized],
    )


def _content(c: Any, system: bool, ids: _Ids, m: int) -> Message | None:
    """One turn, or the ``systemInstruction``; None if it has another shape."""
    if type(c) is not dict:
        return None
    wire_role, parts = c.get("role"), c.get("parts")
    if len(c) != (type(wire_role) is str) + (type(parts) is list):
        return None
    content: list[Part] = []
    for p, part in enumerate(parts or ()):
        if type(part) is not dict:
            return None
        decoded: Part | None
        if len(part) == 1 and type(part.get("text")) is str:
            decoded = TextPart(text=part["text"], extras=_EMPTY)
        elif "text" in part:
            decoded = _text(part)
        elif "functionCall" in part:
            decoded = _call(part, ids, m, p)
        elif "functionResponse" in part:
            decoded = _result(part, ids, m, p)
        else:
            return None
        if decoded is None:
            return None
        content.append(decoded)
    if not system and wire_role in ROLES and parts is not None:
        return Message(role=ROLES[wire_role], content=content, extras=_EMPTY)  # type: ignore[arg-type]
    shape: dict[str, Any] = {} if parts is not None else {"parts": "absent"}
    if system:
        role = "system"
        shape["system"] = wire_role if wire_role is not None else True
    elif wire_role is None:
        role = "user"
        shape["role"] = "absent"
    elif wire_role in ROLES:
        role = ROLES[wire_role]
    else:
        return None
    return Message(role=role, content=content, extras=Extras(FAMILY, {}, shape))  # type: ignore[arg-type]


def _validated(tp: Any, payload: dict[str, Any], key: str) -> Any:
    """The validated copy of ``payload[key]``, or None if it is absent; raises
    `InvalidPayloadError` if it is not valid."""
    if key not in payload:
        return None
    return validate(tp, payload[key], Format.GOOGLE, Kind.REQUEST)


def fast_request(payload: Any) -> Request | None:
    """What `request_to_universal` makes of ``payload``, when it has the common shape; None
    for any other payload (it may still be valid)."""
    if type(payload) is not dict or not payload.keys() <= _TOP:
        return None
    contents, model = payload.get("contents"), payload.get("model")
    if type(contents) is not list or ("model" in payload and type(model) is not str):
        return None
    ids = _Ids()
    messages: list[Message] = []
    if "systemInstruction" in payload:
        system = _content(payload["systemInstruction"], True, ids, -1)
        if system is None:
            return None
        messages.append(system)
    for m, c in enumerate(contents):
        msg = _content(c, False, ids, m)
        if msg is None:
            return None
        messages.append(msg)
    try:
        tools = _validated(_TOOLS, payload, "tools")
        tc = _validated(ToolConfig, payload, "toolConfig")
        gc = _validated(GenerationConfig, payload, "generationConfig")
    except InvalidPayloadError:
        return None
    req = Request(
        model=model,
        messages=messages,
        tools=decode_tools(tools) if tools is not None else None,
        tool_choice=decode_tool_config(tc) if tc is not None else None,
    )
    left: dict[str, Any] = {}
    if tc:
        left["toolConfig"] = tc
    shape: dict[str, Any] = {}
    if gc is not None:
        decode_generation_config(gc, req, shape)
        if gc:
            left["generationConfig"] = gc
        else:
            shape["generationConfig"] = True
    req.extras = Extras(FAMILY, left, shape)
    return req
