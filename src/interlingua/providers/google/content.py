"""Gemini parts <-> universal parts, shared by requests, responses and streams. https://ai.google.dev/api/caching#Part"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from ..._json import JSONDecodeError, loads, to_json_text
from ...universal import (
    AudioPart,
    Base64Source,
    Extras,
    FilePart,
    ImagePart,
    MediaSource,
    OpaquePart,
    Part,
    ReasoningPart,
    RefusalPart,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)
from ..base import ConversionContext, restore, shape_of, take
from .media import cache_loss, media_part
from .media import is_native as is_native
from .tables import ERROR_KEY, FAMILY, RESULT_KEY

#: Part keys that hold the part's data (exactly one per part).
DATA_KEYS: Final = (
    "text",
    "inlineData",
    "fileData",
    "functionCall",
    "functionResponse",
    "executableCode",
    "codeExecutionResult",
)

CallId = Callable[[str], str]


#: The data keys other than ``text``.
_NOT_TEXT: Final = frozenset(DATA_KEYS[1:])
_DATA: Final = frozenset(DATA_KEYS)


def extras(wire: dict[str, Any], shape: dict[str, Any] | None = None) -> Extras:
    """`leftovers` for this family."""
    return Extras(FAMILY, wire, shape or {})


# --- decoding -------------------------------------------------------------------------------


def is_thought(part: dict[str, Any]) -> bool:
    return part.get("thought") is True


def _media(part: dict[str, Any]) -> Part:
    """An ``inlineData`` or ``fileData`` part as an image, audio or file part."""
    shape: dict[str, Any] = {}
    source: MediaSource
    if "inlineData" in part:
        blob = part.pop("inlineData")
        mime = take(blob, "mimeType")
        source = Base64Source(data=take(blob, "data"), media_type=mime, extras=extras(blob))
    else:
        fd = part.pop("fileData")
        mime = take(fd, "mimeType")
        source = UrlSource(url=take(fd, "fileUri"), extras=extras(fd))
        shape["mime"] = mime
    ex = extras(part, shape)
    if mime is not None and mime.startswith("image/"):
        return ImagePart(source=source, extras=ex)
    if mime is not None and mime.startswith("audio/"):
        return AudioPart(source=source, format=mime.split("/", 1)[1], extras=ex)
    return FilePart(source=source, media_type=mime, extras=ex)


def _response_content(fr: dict[str, Any]) -> tuple[list[Part], bool | None, dict[str, Any]]:
    """``functionResponse.response`` (and ``parts``) as result content, the error flag, and
    the shape: ``{"result": text}`` reads as the text, ``{"error": text}`` as an error text,
    any other object as its JSON text."""
    response = take(fr, "response")
    shape: dict[str, Any] = {}
    content: list[Part] = []
    is_error = None
    if response is not None:
        if len(response) == 1 and isinstance(response.get(RESULT_KEY), str):
            content.append(TextPart(text=response[RESULT_KEY]))
        elif len(response) == 1 and isinstance(response.get(ERROR_KEY), str):
            content.append(TextPart(text=response[ERROR_KEY]))
            is_error = True
        else:
            content.append(TextPart(text=to_json_text(response)))
            shape["response"] = "json"
    for p in take(fr, "parts") or []:
        content.append(_media(p))
    return content, is_error, shape


def decode_part(part: dict[str, Any], call_id: CallId, result_id: CallId) -> Part:
    """One validated wire part (consumed) as a universal part. ``call_id`` / ``result_id``
    give the id of a function call / response that has none (recorded as synthesized)."""
    if len(part) == 1 and "text" in part:
        return TextPart(text=part.pop("text"), extras=Extras(FAMILY, part, {}))
    if "functionCall" in part:
        fc = part.pop("functionCall")
        name = take(fc, "name")
        cid = take(fc, "id")
        shape: dict[str, Any] = {}
        if cid is None:
            cid = call_id(name)
            shape["id"] = "synthesized"
        args = take(fc, "args")
        if args is None:
            shape["args"] = "absent"
        if fc:
            shape["functionCall"] = fc  # willContinue, partialArgs...: same family only
        return ToolCallPart(
            id=cid,
            name=name,
            arguments=to_json_text(args) if args is not None else "",
            extras=extras(part, shape),
        )
    if "functionResponse" in part:
        fr = part.pop("functionResponse")
        name = take(fr, "name")
        rid = take(fr, "id")
        content, is_error, shape = _response_content(fr)
        if rid is None:
            rid = result_id(name)
            shape["id"] = "synthesized"
        if fr:
            shape["functionResponse"] = fr
        return ToolResultPart(
            call_id=rid, name=name, content=content, is_error=is_error, extras=extras(part, shape)
        )
    if "inlineData" in part or "fileData" in part:
        return _media(part)
    if "text" in part and _NOT_TEXT.isdisjoint(part):
        text = part.pop("text")
        if is_thought(part):
            del part["thought"]
            sig = take(part, "thoughtSignature")
            return ReasoningPart(
                text=text,
                signature=sig,
                signature_origin=FAMILY if sig is not None else None,
                extras=extras(part),
            )
        return TextPart(text=text, extras=extras(part))
    if is_thought(part) and _DATA.isdisjoint(part):
        # a thought carrying only a signature
        del part["thought"]
        sig = take(part, "thoughtSignature")
        return ReasoningPart(
            signature=sig, signature_origin=FAMILY if sig else None, extras=extras(part)
        )
    return OpaquePart(family=FAMILY, data=part)


# --- encoding -------------------------------------------------------------------------------


def encode_args(part: ToolCallPart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    """A call's arguments as the object ``functionCall.args`` takes."""
    if part.kind == "custom":
        ctx.loss(path, "custom-tool-approximated", 'free-text input sent as {"input": text}')
        return {"input": part.arguments}
    if part.arguments == "":
        return None if shape_of(part, ctx).get("args") == "absent" else {}
    try:
        value = loads(part.arguments)
    except JSONDecodeError:
        value = None
    if not isinstance(value, dict):
        ctx.loss(
            f"{path}.arguments",
            "tool-arguments-invalid-json",
            "functionCall.args must be an object; sent as {}",
        )
        return {}
    return value


def encode_call(part: ToolCallPart, ctx: ConversionContext, path: str) -> dict[str, Any] | None:
    if part.kind == "server" and not is_native(part):
        ctx.loss(path, "tool-unsupported", f"a call of {part.name!r}, run by another provider")
        return None
    shape = shape_of(part, ctx)
    fc: dict[str, Any] = {"name": part.name}
    if shape.get("id") != "synthesized" and part.id:
        fc["id"] = part.id
    args = encode_args(part, ctx, path)
    if args is not None:
        fc["args"] = args
    if "functionCall" in shape:
        fc.update(shape["functionCall"])
    out: dict[str, Any] = {"functionCall": fc}
    if part.cache_control is not None:
        cache_loss(part, ctx, path)
    restore(out, part, ctx, path)
    return out


def encode_result(
    part: ToolResultPart, names: dict[str, str], ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    if part.kind == "server" and not is_native(part):
        ctx.loss(path, "tool-unsupported", "the result of a tool another provider ran")
        return None
    shape = shape_of(part, ctx)
    name = part.name or names.get(part.call_id)
    if name is None:
        ctx.loss(
            f"{path}.name",
            "part-approximated",
            "functionResponse.name is required and no call has this id; the id is used",
        )
        name = part.call_id
    texts: list[str] = []
    media: list[dict[str, Any]] = []
    for j, p in enumerate(part.content):
        if isinstance(p, (TextPart, RefusalPart)):
            texts.append(p.text)
        elif isinstance(p, (ImagePart, AudioPart, FilePart)):
            m = media_part(p, ctx, f"{path}.content[{j}]")
            if m is not None and "text" in m:
                texts.append(m["text"])
            elif m is not None:
                media.append(m)
        else:
            ctx.loss(
                f"{path}.content[{j}]", "part-unsupported", f"a {p.type} part inside a tool result"
            )
    text = "".join(texts)
    response: dict[str, Any] | None = None
    if shape.get("response") == "json":
        try:
            loaded = loads(text)
        except JSONDecodeError:
            loaded = None
        if isinstance(loaded, dict):
            response = loaded
    if response is None:
        response = {ERROR_KEY if part.is_error else RESULT_KEY: text}
    fr: dict[str, Any] = {"name": name, "response": response}
    if shape.get("id") != "synthesized":
        fr["id"] = part.call_id
    if media:
        fr["parts"] = media
    if "functionResponse" in shape:
        fr.update(shape["functionResponse"])
    out: dict[str, Any] = {"functionResponse": fr}
    if part.cache_control is not None:
        cache_loss(part, ctx, path)
    restore(out, part, ctx, path)
    return out


def encode_reasoning(
    part: ReasoningPart, ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    if part.redacted is not None:
        ctx.loss(path, "signature-not-portable", f"redacted reasoning from {part.signature_origin}")
        return None
    out: dict[str, Any] = {}
    text = (
        part.text
        if part.text is not None
        else ("\n\n".join(part.summary) if part.summary else None)
    )
    if text is not None and (text or is_native(part)):
        out["text"] = text
    out["thought"] = True
    if part.signature is not None:
        if part.signature_origin == FAMILY:
            out["thoughtSignature"] = part.signature
        else:
            ctx.loss(
                f"{path}.signature",
                "signature-not-portable",
                f"a {part.signature_origin} signature",
            )
    if set(out) == {"thought"}:
        return None
    restore(out, part, ctx, path)
    return out


def plain_text(part: Part) -> dict[str, Any] | None:
    """``{"text": ...}`` for a non-empty text part with nothing else to write or report (what
    `encode_part` makes of it, without the path it would need for a report), else None."""
    if type(part) is TextPart and part.text and not part.citations and part.cache_control is None:
        ex = part.extras
        if ex is None or not ex.fields:
            return {"text": part.text}
    return None


def plain_call(part: Part, ctx: ConversionContext) -> dict[str, Any] | None:
    """What `encode_call` makes of a function call whose arguments are a JSON object and that
    has nothing to report (no foreign extras, no cache control), else None."""
    if type(part) is not ToolCallPart or part.kind != "function" or part.cache_control is not None:
        return None
    ex = part.extras
    native = ex is not None and ex.family == ctx.family
    if ex is not None and ex.fields and not native:
        return None
    if not part.arguments or part.arguments[0] != "{":
        return None
    try:
        args = loads(part.arguments)
    except JSONDecodeError:
        return None
    if type(args) is not dict:
        return None
    shape = ex.shape if native and ex is not None else {}
    fc: dict[str, Any] = {"name": part.name}
    if shape.get("id") != "synthesized" and part.id:
        fc["id"] = part.id
    fc["args"] = args
    if "functionCall" in shape:
        fc.update(shape["functionCall"])
    out: dict[str, Any] = {"functionCall": fc}
    if native and ex is not None:
        out.update(ex.fields)
    return out


def encode_part(
    part: Part, names: dict[str, str], ctx: ConversionContext, path: str
) -> dict[str, Any] | None:
    """A universal part as one wire part, or None when it has no place (reported)."""
    if isinstance(part, TextPart):
        if part.text == "" and not is_native(part):
            return None
        out: dict[str, Any] = {"text": part.text}
        if part.citations and ctx.kind.value == "request":
            ctx.loss(
                f"{path}.citations", "citation-unsupported", "Gemini requests carry no citations"
            )
        cache_loss(part, ctx, path)
        restore(out, part, ctx, path)
        return out
    if isinstance(part, RefusalPart):
        ctx.loss(path, "part-approximated", "a refusal is sent as text")
        return {"text": part.text} if part.text else None
    if isinstance(part, (ImagePart, AudioPart, FilePart)):
        return media_part(part, ctx, path)
    if isinstance(part, ToolCallPart):
        return encode_call(part, ctx, path)
    if isinstance(part, ToolResultPart):
        return encode_result(part, names, ctx, path)
    if isinstance(part, ReasoningPart):
        return encode_reasoning(part, ctx, path)
    if part.family == FAMILY:
        return dict(part.data)
    ctx.loss(path, "part-unsupported", f"a {part.family} {part.data.get('type', 'block')!r} part")
    return None
