"""The encoder's fast block writers (`encode_fast.QUICK`) against `PartEncoder.part`: on every
recorded request and response of every format, and on parts varied one field at a time, the
Bedrock payload and the losses are the same with and without them."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

import pytest
from tests.payload_cases import cases

from interlingua import Format, Kind, to_universal
from interlingua._errors import InterlinguaError
from interlingua.providers.base import ConversionContext
from interlingua.providers.bedrock import encode_fast, messages, response
from interlingua.providers.bedrock.request import request_from_universal
from interlingua.providers.bedrock.response import response_from_universal
from interlingua.universal import (
    CacheControl,
    Choice,
    Citation,
    Extras,
    FinishReason,
    ImagePart,
    Message,
    Part,
    ReasoningPart,
    Request,
    Response,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    UrlSource,
)

KINDS = (Kind.REQUEST, Kind.RESPONSE)


def _universal() -> list[tuple[str, Request | Response]]:
    out: list[tuple[str, Request | Response]] = []
    for c in cases():
        if c.kind not in KINDS:
            continue
        try:
            obj = to_universal(c.load(), source=c.format, kind=c.kind)
        except InterlinguaError:
            continue
        assert isinstance(obj, (Request, Response))
        out.append((f"{c.format.value}/{c.id}", obj))
    return out


UNIVERSAL = _universal()


def _encode(obj: Request | Response, *, fast: bool) -> tuple[str, int]:
    """The repr of the Bedrock payload (or of the error) and of the losses, and how many parts
    a fast writer took."""
    taken = 0

    def counting(write: Any) -> Any:
        def run(p: Part) -> Any:
            nonlocal taken
            block = write(p)
            taken += block is not None
            return block

        return run

    quick = {tp: counting(write) for tp, write in encode_fast.QUICK.items()} if fast else {}
    kind = Kind.REQUEST if isinstance(obj, Request) else Kind.RESPONSE
    ctx = ConversionContext(Format.BEDROCK, kind, model="m")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(messages, "QUICK", quick)
        mp.setattr(response, "QUICK", quick)
        try:
            copied = copy.deepcopy(obj)
            if isinstance(copied, Request):
                result: Any = request_from_universal(copied, ctx)
            else:
                result = response_from_universal(copied, ctx)
            assert copied == obj  # the universal object is left alone
        except InterlinguaError as exc:
            result = ("error", type(exc).__name__, str(exc))
    return repr((result, ctx.losses.losses)), taken


def _check(obj: Request | Response) -> int:
    fast, taken = _encode(obj, fast=True)
    assert fast == _encode(obj, fast=False)[0]
    return taken


@pytest.mark.parametrize(("name", "obj"), UNIVERSAL, ids=[u[0] for u in UNIVERSAL])
def test_fast_writers_match_the_full_path_on_recorded_payloads(
    name: str, obj: Request | Response
) -> None:
    _check(obj)


def test_fast_writers_take_most_recorded_parts() -> None:
    parts = sum(
        len(m.content)
        for _, obj in UNIVERSAL
        for m in (obj.messages if isinstance(obj, Request) else [c.message for c in obj.choices])
    )
    assert sum(_check(obj) for _, obj in UNIVERSAL) > parts / 2


FOREIGN = Extras("anthropic", {"type": "tool_use"}, {}, frozenset({"type"}))
LOUD = Extras("google", {"sig": "c2ln", "quiet": 1, "gone": None}, {}, frozenset({"quiet"}))
MINE = Extras("bedrock", {"x": 1})
MINE_BARE = Extras("bedrock")
CACHE = CacheControl(type="ephemeral")
LONG = "n" * 70
TEXT = TextPart(text="hi")
CALL = ToolCallPart(id="call_1", name="get_weather", arguments='{"city": "Paris"}')
RESULT = ToolResultPart(call_id="call_1", content=[TextPart(text="sunny")])
IMAGE = ImagePart(source=UrlSource(url="https://x/y.png"))

#: one change each to a common part
VARIANTS: dict[str, Part] = {
    "text": TEXT,
    "text-empty": replace(TEXT, text=""),
    "text-citations": replace(TEXT, citations=[Citation(kind="web", url="https://x")]),
    "text-cache": replace(TEXT, cache_control=CACHE),
    "text-foreign-quiet": replace(TEXT, extras=FOREIGN),
    "text-foreign-loud": replace(TEXT, extras=LOUD),
    "text-native": replace(TEXT, extras=MINE),
    "text-native-bare": replace(TEXT, extras=MINE_BARE),
    "call": CALL,
    "call-no-arguments": replace(CALL, arguments=""),
    "call-blank-arguments": replace(CALL, arguments="  "),
    "call-list-arguments": replace(CALL, arguments="[1]"),
    "call-string-arguments": replace(CALL, arguments='"x"'),
    "call-bad-json": replace(CALL, arguments="{"),
    "call-custom": replace(CALL, kind="custom", arguments="free text"),
    "call-server": replace(CALL, kind="server"),
    "call-cache": replace(CALL, cache_control=CACHE),
    "call-foreign-quiet": replace(CALL, extras=FOREIGN),
    "call-foreign-loud": replace(CALL, extras=LOUD),
    "call-native": replace(CALL, extras=MINE),
    "call-native-list": replace(CALL, arguments="[1]", extras=MINE_BARE),
    "call-dotted-name": replace(CALL, name="get.weather"),
    "call-long-name": replace(CALL, name=LONG),
    "call-long-id": replace(CALL, id="i" * 70),
    "call-alias-looking-name": replace(CALL, name="il--x"),
    "result": RESULT,
    "result-error": replace(RESULT, is_error=True),
    "result-not-error": replace(RESULT, is_error=False),
    "result-empty": replace(RESULT, content=[]),
    "result-empty-text": replace(RESULT, content=[TextPart(text="")]),
    "result-two-texts": replace(RESULT, content=[TEXT, TextPart(text="b")]),
    "result-image": replace(RESULT, content=[IMAGE]),
    "result-text-and-image": replace(RESULT, content=[TEXT, IMAGE]),
    "result-reasoning": replace(RESULT, content=[ReasoningPart(text="r")]),
    "result-text-citations": replace(
        RESULT, content=[replace(TEXT, citations=[Citation(kind="web", url="https://x")])]
    ),
    "result-text-cache": replace(RESULT, content=[replace(TEXT, cache_control=CACHE)]),
    "result-text-foreign-quiet": replace(RESULT, content=[replace(TEXT, extras=FOREIGN)]),
    "result-text-foreign-loud": replace(RESULT, content=[replace(TEXT, extras=LOUD)]),
    "result-text-native": replace(RESULT, content=[replace(TEXT, extras=MINE_BARE)]),
    "result-text-json": replace(
        RESULT, content=[TextPart(text="{}", extras=Extras("bedrock", {}, {"json": True}))]
    ),
    "result-custom": replace(RESULT, kind="custom"),
    "result-server": replace(RESULT, kind="server"),
    "result-cache": replace(RESULT, cache_control=CACHE),
    "result-foreign-loud": replace(RESULT, extras=LOUD),
    "result-native-status": replace(RESULT, extras=Extras("bedrock", {}, {"status": "success"})),
    "result-long-id": replace(RESULT, call_id="i" * 70),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_fast_writers_match_the_full_path_on_variants(name: str) -> None:
    part = VARIANTS[name]
    role = "tool" if isinstance(part, ToolResultPart) else "assistant"
    messages = [Message(role="user", content=[TEXT]), Message(role=role, content=[part, part])]
    _check(Request(model="m", messages=messages))
    _check(_response(part))


def _response(part: Part) -> Response:
    message = Message(role="assistant", content=[TEXT, part])
    return Response(choices=[Choice(message=message, finish_reason=FinishReason.STOP)])


def test_fast_writers_take_the_common_parts() -> None:
    for name in ("text", "call", "result", "text-foreign-loud", "call-dotted-name"):
        part = VARIANTS[name]
        assert encode_fast.QUICK[type(part)](part) is not None, name
