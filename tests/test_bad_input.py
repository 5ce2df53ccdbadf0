"""Bad input at every public entry point: each case must raise the exact `InterlinguaError`
subclass with the JSON path and the problem in its message, quickly, and never a bare
KeyError/TypeError/ValueError/RecursionError. ``docs/bad-input.md`` lists the same cases."""

from __future__ import annotations

import copy
import json
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import interlingua as il
from interlingua.sse import translate_sse

SNAP = Path(__file__).resolve().parent.parent / "payloads/corpus/snapshots/toolCallRequest"
IE, IPE = il.InterlinguaError, il.InvalidPayloadError
REQ: dict[str, Any] = {"source": "anthropic", "kind": "request"}
N = 10_000


def load(fmt: str, name: str = "request.json") -> Any:
    return json.loads((SNAP / fmt / name).read_text())


def mut(fmt: str, path: list[Any], value: Any, name: str = "request.json") -> Any:
    """A recorded payload with ``path`` set to ``value`` (deleted if ``value`` is DELETE)."""
    root = copy.deepcopy(load(fmt, name))
    node = root
    for part in path[:-1]:
        node = node[part]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return root


DELETE = object()


def nested(n: int) -> Any:
    value: Any = 1
    for _ in range(n):
        value = {"a": value}
    return value


def nested_text(n: int) -> str:
    return '{"a":' * n + "1" + "}" * n


def with_text(payload: dict[str, Any], field: list[Any], raw: str) -> str:
    """``payload`` as JSON text with the value at ``field`` replaced by the raw JSON ``raw``."""
    marked = copy.deepcopy(payload)
    node = marked
    for part in field[:-1]:
        node = node[part]
    node[field[-1]] = "@@RAW@@"
    return json.dumps(marked).replace('"@@RAW@@"', raw)


def sse_bytes(events: list[dict[str, Any]]) -> list[bytes]:
    return [
        b"event: " + e["type"].encode() + b"\ndata: " + json.dumps(e).encode() + b"\n\n"
        for e in events
    ]


A_STREAM = load("anthropic", "response-streaming.json")
C_STREAM = load("chat-completions", "response-streaming.json")
MSG_START = A_STREAM[0]
DELTA0 = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "x"}}
A_TRUNC = [e for e in A_STREAM if e["type"] not in ("message_delta", "message_stop")]
C_TRUNC = [
    e
    for e in C_STREAM
    if e.get("choices") and not any(c.get("finish_reason") for c in e["choices"])
]
A_AFTER = [*A_STREAM, DELTA0]
AFTER_AT = f"$[{len(A_STREAM)}]"
ERR = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
FOLLOWUP = load("anthropic", "followup-request.json")
TOOL_INPUT = ["messages", 1, "content", 0, "input"]
DEEP_TOOL = mut("anthropic", TOOL_INPUT, {"x": nested(N)}, "followup-request.json")
DEEP_TOOL_TEXT = with_text(FOLLOWUP, TOOL_INPUT, '{"x":' + nested_text(N) + "}")
DEEP_EXTRA = {**load("anthropic"), "zzz_unknown": nested(N)}
DEEP_EXTRA_TEXT = with_text(
    {**load("anthropic"), "zzz_unknown": 0}, ["zzz_unknown"], nested_text(N)
)
DEEP_PATH = "$.messages[1].content[0].input.x" + ".a" * 248
DEEP_EXTRA_PATH = "$.zzz_unknown" + ".a" * 253
SURROGATE = "\ud800"


def tr(payload: Any, to: str = "anthropic", **kw: Any) -> Callable[[], Any]:
    return lambda: il.translate(payload, to, **kw)


def tu(payload: Any, **kw: Any) -> Callable[[], Any]:
    return lambda: il.to_universal(payload, **kw)


def de(payload: Any, **kw: Any) -> Callable[[], Any]:
    return lambda: il.detect(payload, **kw)


def ts(events: Any, to: str = "chat-completions", **kw: Any) -> Callable[[], Any]:
    return lambda: list(il.translate_stream(events, to, **kw))


def cs(events: Any, **kw: Any) -> Callable[[], Any]:
    return lambda: il.collect_stream(events, **kw)


def sse(chunks: Any, to: str = "chat-completions", **kw: Any) -> Callable[[], Any]:
    return lambda: b"".join(translate_sse(chunks, to, **kw))


class Case(NamedTuple):
    label: str
    call: Callable[[], Any]
    error: type[Exception]
    path: str | None  # expected ``exc.path`` and a `path` in the message (None: no path)
    fragment: str


UNKNOWN_FORMAT = "unknown format 'klingon'; expected one of"
NOT_UTF8 = "str is not valid UTF-8: surrogates not allowed"
CASES: list[Case] = []
for _name, _mk in (
    ("translate", lambda p: tr(p)),
    ("to_universal", lambda p: tu(p)),
    ("detect", lambda p: de(p)),
):
    CASES += [
        Case(
            f"{_name}: invalid JSON text",
            _mk('{"model": '),
            IPE,
            "$",
            "invalid JSON: unexpected end of data",
        ),
        Case(f"{_name}: JSON array", _mk("[1, 2]"), IPE, "$", "expected a JSON object, got array"),
        Case(f"{_name}: JSON number", _mk("42"), IPE, "$", "expected a JSON object, got number"),
        Case(f"{_name}: JSON null", _mk("null"), IPE, "$", "expected a JSON object, got null"),
        Case(
            f"{_name}: invalid UTF-8 bytes",
            _mk(b'{"model": "\xff\xfe"}'),
            IPE,
            "$",
            "invalid JSON: str is not valid UTF-8",
        ),
        Case(
            f"{_name}: lone surrogate in JSON text",
            _mk('{"model": "' + SURROGATE + '"}'),
            IPE,
            "$",
            NOT_UTF8,
        ),
        Case(
            f"{_name}: a Python list, not a payload",
            _mk([1]),
            IPE,
            "$",
            "expected a JSON object, str or bytes, got list",
        ),
        Case(
            f"{_name}: lone surrogate in a dict value",
            _mk(mut("anthropic", ["model"], SURROGATE)),
            IPE,
            "$.model",
            "string contains a lone surrogate",
        ),
    ]
CASES += [
    Case(
        "translate: lone surrogate in message text (dict)",
        tr(mut("anthropic", ["messages", 0, "content"], "x" + SURROGATE), "google", **REQ),
        IPE,
        "$.messages[0].content",
        "string contains a lone surrogate",
    ),
    Case(
        "to_universal: lone surrogate in a dict key",
        tu({**load("anthropic"), SURROGATE: 1}, **REQ),
        IPE,
        "$",
        "object key contains a lone surrogate",
    ),
]

#: Per request format: (a list field, a text content field, the max-tokens field, a role field,
#: a required field).
_SHAPES: dict[str, tuple[list[Any], list[Any], list[Any], list[Any], list[Any]]] = {
    "chat-completions": (
        ["messages"],
        ["messages", 0, "content"],
        ["max_tokens"],
        ["messages", 0, "role"],
        ["messages"],
    ),
    "anthropic": (
        ["messages"],
        ["messages", 0, "content"],
        ["max_tokens"],
        ["messages", 0, "role"],
        ["max_tokens"],
    ),
    "responses": (
        ["input"],
        ["input", 0, "content"],
        ["max_output_tokens"],
        ["input", 0, "role"],
        ["tools", 0, "name"],
    ),
    "google": (
        ["contents"],
        ["contents", 0, "parts", 0, "text"],
        ["generationConfig", "maxOutputTokens"],
        ["contents", 0, "role"],
        ["tools", 0, "functionDeclarations", 0, "name"],
    ),
    "bedrock": (
        ["messages"],
        ["messages", 0, "content", 0, "text"],
        ["inferenceConfig", "maxTokens"],
        ["messages", 0, "role"],
        ["toolConfig", "tools", 0, "toolSpec", "name"],
    ),
}


def _path(parts: list[Any]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _set(fmt: str, parts: list[Any], value: Any) -> Any:
    if len(parts) == 2 and parts[0] in ("generationConfig", "inferenceConfig"):
        return mut(fmt, parts[:1], {parts[1]: value})
    return mut(fmt, parts, value)


for _fmt, (_list, _content, _max, _role, _required) in _SHAPES.items():
    _kw = {"source": _fmt, "kind": "request"}
    _to = "chat-completions" if _fmt == "anthropic" else "anthropic"
    _where = f"({_fmt} request)"
    _not_list = 42 if _fmt == "responses" else "hello"  # a Responses `input` may be a string
    CASES += [
        Case(
            f"{_fmt}: messages not a list",
            tr(_set(_fmt, _list, _not_list), _to, **_kw),
            IPE,
            _path(_list),
            "input should be a valid",
        ),
        Case(
            f"{_fmt}: content a number",
            tr(_set(_fmt, _content, 42), _to, **_kw),
            IPE,
            _path(_content),
            "input should be a valid string",
        ),
        Case(
            f"{_fmt}: content a number (to_universal)",
            tu(_set(_fmt, _content, 42), **_kw),
            IPE,
            _path(_content),
            "input should be a valid string",
        ),
        Case(
            f"{_fmt}: max tokens a string",
            tr(_set(_fmt, _max, "100"), _to, **_kw),
            IPE,
            _path(_max),
            "input should be a valid integer",
        ),
        Case(
            f"{_fmt}: unknown role",
            tr(_set(_fmt, _role, "wizard"), _to, **_kw),
            IPE,
            _path(_role),
            "unexpected value: input should be",
        ),
        Case(
            f"{_fmt}: missing required field",
            tr(mut(_fmt, _required, DELETE), _to, **_kw),
            IPE,
            _path(_required),
            "required field is missing",
        ),
    ]

CASES += [
    Case(
        "translate: unknown target format",
        tr(load("anthropic"), "klingon", **REQ),
        IE,
        None,
        UNKNOWN_FORMAT,
    ),
    Case(
        "translate: unknown source format",
        tr(load("anthropic"), source="klingon", kind="request"),
        IE,
        None,
        UNKNOWN_FORMAT,
    ),
    Case(
        "to_universal: unknown source format",
        tu(load("anthropic"), source="klingon"),
        IE,
        None,
        UNKNOWN_FORMAT,
    ),
    Case(
        "detect: unknown kind",
        de(load("anthropic"), kind="sandwich"),
        IE,
        None,
        "unknown kind 'sandwich'",
    ),
    Case(
        "translate_stream: unknown target format", ts(A_STREAM, "klingon"), IE, None, UNKNOWN_FORMAT
    ),
    Case(
        "collect_stream: unknown source format",
        cs(A_STREAM, source="klingon"),
        IE,
        None,
        UNKNOWN_FORMAT,
    ),
    Case(
        "translate_sse: unknown target format",
        sse(sse_bytes(A_STREAM), "klingon"),
        IE,
        None,
        UNKNOWN_FORMAT,
    ),
    Case(
        "translate_stream: delta before its block start",
        ts([MSG_START, DELTA0]),
        IPE,
        "$[1].index",
        "content_block_delta for block 0, which is not open",
    ),
    Case(
        "collect_stream: delta before its block start",
        cs([MSG_START, DELTA0]),
        IPE,
        "$[1].index",
        "content_block_delta for block 0, which is not open",
    ),
    Case(
        "translate_sse: delta before its block start",
        sse(sse_bytes([MSG_START, DELTA0])),
        IPE,
        "$[1].index",
        "content_block_delta for block 0, which is not open",
    ),
    Case(
        "translate_stream: event after message_stop",
        ts(A_AFTER),
        IPE,
        AFTER_AT,
        "content_block_delta after the end of the stream",
    ),
    Case(
        "collect_stream: event after message_stop",
        cs(A_AFTER),
        IPE,
        AFTER_AT,
        "content_block_delta after the end of the stream",
    ),
    Case(
        "translate_sse: event after message_stop",
        sse(sse_bytes(A_AFTER)),
        IPE,
        AFTER_AT,
        "content_block_delta after the end of the stream",
    ),
    Case(
        "translate_stream: anthropic stream truncated",
        ts(A_TRUNC),
        IPE,
        "$",
        "stream ended before message_stop",
    ),
    Case(
        "collect_stream: anthropic stream truncated",
        cs(A_TRUNC),
        IPE,
        "$",
        "stream ended before message_stop",
    ),
    Case(
        "translate_sse: anthropic stream truncated",
        sse(sse_bytes(A_TRUNC)),
        IPE,
        "$",
        "stream ended before message_stop",
    ),
    Case(
        "translate_stream: chat stream without finish_reason",
        ts(C_TRUNC, "anthropic"),
        IPE,
        "$",
        "stream ended before choice 0 had a finish_reason",
    ),
    Case(
        "collect_stream: chat stream without finish_reason",
        cs(C_TRUNC),
        IPE,
        "$",
        "stream ended before choice 0 had a finish_reason",
    ),
    Case(
        "translate_stream: invalid JSON event",
        ts(['{"type": ']),
        IPE,
        "$",
        "invalid JSON: unexpected end of data",
    ),
    Case(
        "collect_stream: invalid JSON event",
        cs(['{"type": ']),
        IPE,
        "$",
        "invalid JSON: unexpected end of data",
    ),
    Case(
        "translate_stream: JSON array event",
        ts(["[1]"]),
        IPE,
        "$",
        "expected a JSON object, got array",
    ),
    Case(
        "collect_stream: invalid UTF-8 event",
        cs([b'{"type": "\xff"}']),
        IPE,
        "$",
        "invalid JSON: str is not valid UTF-8",
    ),
    Case(
        "translate_stream: lone surrogate in an event",
        ts([{**MSG_START, "x": SURROGATE}]),
        IPE,
        "$.x",
        "string contains a lone surrogate",
    ),
    Case("translate_stream: empty stream", ts([]), IPE, "$", "the stream had no events"),
    Case("collect_stream: empty stream", cs([]), IPE, "$", "the stream had no events"),
    Case(
        "translate_sse: invalid JSON data",
        sse([b"data: {nope\n\n"]),
        IPE,
        "$",
        "SSE data is not valid JSON",
    ),
    Case(
        "translate_sse: invalid UTF-8",
        sse([b'data: {"type": "\xff"}\n\n']),
        IPE,
        "$",
        "invalid UTF-8 at byte 16",
    ),
    Case(
        "translate_sse: JSON array data",
        sse([b"data: [1]\n\n"]),
        IPE,
        "$",
        "SSE data is not a JSON object",
    ),
    Case(
        "collect_stream: provider error event",
        cs([MSG_START, ERR]),
        IPE,
        "$[1]",
        "the stream reported an error: overloaded_error: Overloaded",
    ),
    Case(
        "translate: 10k-deep tool input (dict)",
        tr(DEEP_TOOL, "chat-completions", **REQ),
        IPE,
        DEEP_PATH,
        "JSON nested deeper than 254 levels",
    ),
    Case(
        "translate: 10k-deep tool input (text)",
        tr(DEEP_TOOL_TEXT, "chat-completions", **REQ),
        IPE,
        "$",
        "invalid JSON: depth limit exceeded",
    ),
    Case(
        "translate: 10k-deep unknown field (dict)",
        tr(DEEP_EXTRA, "chat-completions", **REQ),
        IPE,
        DEEP_EXTRA_PATH,
        "JSON nested deeper than 254 levels",
    ),
    Case(
        "translate: 10k-deep unknown field (text)",
        tr(DEEP_EXTRA_TEXT, "google", **REQ),
        IPE,
        "$",
        "invalid JSON: depth limit exceeded",
    ),
    Case(
        "to_universal: 10k-deep unknown field (dict)",
        tu(DEEP_EXTRA, **REQ),
        IPE,
        DEEP_EXTRA_PATH,
        "JSON nested deeper than 254 levels",
    ),
    Case(
        "detect: 10k-deep unknown field (dict)",
        de(DEEP_EXTRA),
        IPE,
        DEEP_EXTRA_PATH,
        "JSON nested deeper than 254 levels",
    ),
    Case(
        "detect: 10k-deep unknown field (text)",
        de(DEEP_EXTRA_TEXT),
        IPE,
        "$",
        "invalid JSON: depth limit exceeded",
    ),
    Case(
        "translate_stream: 10k-deep event field (dict)",
        ts([{**MSG_START, "x": nested(N)}]),
        IPE,
        "$.x" + ".a" * 253,
        "JSON nested deeper than 254 levels",
    ),
]


def run(case: Case) -> BaseException | None:
    """Call the case, return what it raised (None if it did not), with loss warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", il.LossWarning)
        try:
            case.call()
        except Exception as exc:
            return exc
    return None


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_bad_input_is_rejected_with_path(case: Case) -> None:
    started = time.monotonic()
    exc = run(case)
    assert time.monotonic() - started < 5
    assert exc is not None, "bad input was accepted"
    assert type(exc) is case.error, f"{type(exc).__name__}: {exc}"
    assert isinstance(exc, il.InterlinguaError)
    assert case.fragment in str(exc)
    assert exc.path == case.path
    if case.path is not None:
        assert f"at `{case.path}`" in str(exc)


def test_provider_error_event_becomes_the_targets_error_event() -> None:
    out = list(il.translate_stream([MSG_START, ERR], "chat-completions"))
    assert out[-1] == {
        "error": {"message": "Overloaded", "type": "overloaded_error", "param": None, "code": None}
    }
    raw = b"".join(translate_sse(sse_bytes([MSG_START, ERR]), "chat-completions"))
    assert b'"error":{"message":"Overloaded","type":"overloaded_error"' in raw


def test_deeply_nested_tool_arguments_within_limit_translate() -> None:
    shallow = mut("anthropic", TOOL_INPUT, {"x": nested(200)}, "followup-request.json")
    out = il.translate(shallow, "chat-completions", on_loss="ignore", **REQ)
    args = out["messages"][1]["tool_calls"][0]["function"]["arguments"]
    assert json.loads(args) == {"x": nested(200)}
