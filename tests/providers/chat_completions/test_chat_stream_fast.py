"""The stream decoder's fast path (common delta chunks, no validation) against its full path:
the same events, extras and key order included, the same errors, and the input left alone."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers_chat import ADAPTER, choice, chunk
from tests.payload_cases import cases

from interlingua._errors import InvalidPayloadError
from interlingua._formats import Format, Kind
from interlingua.providers.chat_completions import stream, stream_fast

RECORDED = [
    c for c in cases() if c.format is Format.CHAT_COMPLETIONS and c.kind is Kind.STREAM_EVENT
]

START = chunk([choice({"role": "assistant", "content": ""})])
CALL = chunk(
    [
        choice(
            {"tool_calls": [{"index": 0, "id": "c", "type": "function", "function": {"name": "f"}}]}
        )
    ]
)
OPENAI = {
    "id": "chatcmpl-x",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "gpt",
    "service_tier": "default",
    "system_fingerprint": None,
    "obfuscation": "abc",
}


def _args(text: Any, index: Any = 0) -> dict[str, Any]:
    return {"tool_calls": [{"index": index, "function": {"arguments": text}}]}


_DROP = object()


def _with(event: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """``event`` with keys changed (set to ``_DROP`` to remove one)."""
    out = {**event, **changes}
    return {k: v for k, v in out.items() if v is not _DROP}


TEXT = chunk([choice({"content": "Hi"})])

#: streams: a start, something that opens a part, then chunks the fast path may or may not take
VARIANTS: dict[str, list[dict[str, Any]]] = {
    "text": [START, TEXT, TEXT],
    "openai-envelope": [START, TEXT, {**OPENAI, "choices": [choice({"content": "a"})]}],
    "openai-usage-null": [
        START,
        TEXT,
        {**OPENAI, "choices": [choice({"content": "a"})], "usage": None},
    ],
    "choices-first": [
        START,
        TEXT,
        {
            "id": "x",
            "choices": [choice({"content": "a"})],
            "created": 1,
            "model": "m",
            "object": "chat.completion.chunk",
            "usage": None,
        },
    ],
    "openai-no-fingerprint": [
        START,
        TEXT,
        _with({**OPENAI, "choices": [choice({"content": "a"})]}, system_fingerprint=_DROP),
    ],
    "openai-other-order": [
        START,
        TEXT,
        {"obfuscation": "o", **OPENAI, "choices": [choice({"content": "a"})]},
    ],
    "no-object": [START, TEXT, _with(TEXT, object=_DROP)],
    "extra-top-key": [START, TEXT, _with(TEXT, x_groq={"id": "q"})],
    "extra-choice-key": [START, TEXT, chunk([{**choice({"content": "a"}), "stop_reason": None}])],
    "choice-key-set": [START, TEXT, chunk([{**choice({"content": "a"}), "stop_reason": 1}])],
    "no-finish": [START, TEXT, chunk([{"index": 0, "delta": {"content": "a"}}])],
    "delta-nulls": [
        START,
        TEXT,
        chunk([choice({"reasoning_content": None, "x": None, "content": "a", "role": None})]),
    ],
    "delta-extra": [START, TEXT, chunk([choice({"content": "a", "x": 1})])],
    "empty-text": [START, TEXT, chunk([choice({"content": ""})])],
    "two-texts": [START, TEXT, chunk([choice({"content": "a", "refusal": "b"})])],
    "role-and-text": [START, TEXT, chunk([choice({"role": "assistant", "content": "a"})])],
    "reasoning": [
        START,
        chunk([choice({"reasoning_content": "r"})]),
        chunk([choice({"content": None, "reasoning_content": "s"})]),
    ],
    "refusal": [START, chunk([choice({"refusal": "no"})]), chunk([choice({"refusal": "pe"})])],
    "switch-kind": [START, TEXT, chunk([choice({"reasoning_content": "r"})])],
    "arguments": [START, CALL, chunk([choice(_args('{"a"'))]), chunk([choice(_args(""))])],
    "arguments-unknown-call": [START, CALL, chunk([choice(_args("x", 1))])],
    "arguments-extra": [
        START,
        CALL,
        chunk(
            [choice({"tool_calls": [{"index": 0, "type": None, "function": {"arguments": "x"}}]})]
        ),
    ],
    "two-choices": [START, TEXT, chunk([choice({"content": "a"}), choice({"content": "b"}, 1)])],
    "unknown-choice": [START, TEXT, chunk([choice({"content": "a"}, 3)])],
    "finish": [START, TEXT, chunk([choice({}, finish="stop")]), TEXT],
    "usage": [
        START,
        TEXT,
        _with(TEXT, usage={"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}),
    ],
    "bad-id": [START, TEXT, _with(TEXT, id=1)],
    "bad-created": [START, TEXT, _with(TEXT, created=True)],
    "float-created": [START, TEXT, _with(TEXT, created=1.0)],
    "big-created": [START, TEXT, _with(TEXT, created=2**70)],
    "bad-object": [START, TEXT, _with(TEXT, object="chat.completion")],
    "bad-model": [START, TEXT, _with(TEXT, model=None)],
    "bad-text": [START, TEXT, chunk([choice({"content": 5})])],
    "bad-index": [START, TEXT, chunk([{"index": "0", "delta": {"content": "a"}}])],
    "bad-role": [START, TEXT, chunk([choice({"role": "robot", "content": "a"})])],
    "bad-arguments": [START, CALL, chunk([choice(_args(5))])],
    "key-not-a-string": [START, TEXT, {**TEXT, 1: None}],
    "choice-key-not-a-string": [START, TEXT, chunk([{**choice({"content": "a"}), 2: None}])],
    "delta-key-not-a-string": [START, TEXT, chunk([choice({"content": "a", 3: None})])],
    "missing-id": [START, TEXT, _with(TEXT, id=_DROP)],
    "error-key": [START, TEXT, _with(TEXT, error={"message": "m"})],
}


def _run(events: list[dict[str, Any]], *, fast: bool = True) -> tuple[str, int]:
    """The repr of every decoded event (or of the error) and how many chunks took the fast path."""
    taken = 0

    def counting(choices: Any, event: dict[str, Any], wire: bool) -> Any:
        nonlocal taken
        found = stream_fast.fast_events(choices, event, wire) if fast else None
        taken += found is not None
        return found

    decoder = ADAPTER.stream_decoder()
    out: list[Any] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stream, "fast_events", counting)
        try:
            for i, ev in enumerate(events):
                out.append(decoder.feed(ev, i))
        except InvalidPayloadError as exc:
            out.append(("error", str(exc), exc.errors))
    return repr(out), taken


def _check(events: list[dict[str, Any]]) -> int:
    before = copy.deepcopy(events)
    fast, taken = _run(events)
    assert events == before  # the fast path consumes nothing of its input
    assert fast == _run(events, fast=False)[0]
    return taken


@pytest.mark.parametrize("case", RECORDED, ids=lambda c: c.id)
def test_fast_path_matches_full_path_on_recorded_streams(case: Any) -> None:
    _check(case.load())


def test_fast_path_takes_most_recorded_chunks() -> None:
    total = sum(len(c.load()) for c in RECORDED)
    taken = sum(_check(c.load()) for c in RECORDED)
    assert taken > total / 2


@pytest.mark.parametrize("name", list(VARIANTS))
def test_fast_path_matches_full_path_on_variants(name: str) -> None:
    _check(VARIANTS[name])


@pytest.mark.parametrize(
    "name",
    [
        "text",
        "openai-envelope",
        "openai-usage-null",
        "openai-no-fingerprint",
        "openai-other-order",
        "choices-first",
        "no-object",
        "extra-top-key",
        "extra-choice-key",
        "no-finish",
        "delta-nulls",
        "reasoning",
        "refusal",
        "arguments",
    ],
)
def test_fast_path_is_taken_for_common_chunks(name: str) -> None:
    assert _check(VARIANTS[name]) >= 1
