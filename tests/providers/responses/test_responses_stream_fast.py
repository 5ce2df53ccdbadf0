"""The stream decoder's fast path for delta events gives exactly what the validated path gives."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from helpers_responses import ADAPTER, DELTA, STREAMS, StrSubclass, load

from interlingua import InvalidPayloadError
from interlingua.providers.responses.stream import ResponsesStreamDecoder


def _decoded(decoder: ResponsesStreamDecoder, event: dict[str, Any], full: bool) -> str:
    """What ``decoder`` makes of ``event`` (the repr shows types, extras and key order)."""
    try:
        out = decoder._full(event, 3) if full else decoder.feed(event, 3)
    except InvalidPayloadError as exc:
        return f"error {exc}"
    return repr(out)


def _open_decoder(standalone: bool) -> ResponsesStreamDecoder:
    decoder = ADAPTER.stream_decoder(standalone=standalone)
    if not standalone:
        decoder.feed(load(STREAMS[0])[0], 0)  # response.created
        decoder.index = {(0, 0): 0, (0, None): 1}
        decoder.open = {0, 1}
    return decoder


def test_recorded_streams_are_found() -> None:
    assert len(STREAMS) > 20


@pytest.mark.parametrize("path", STREAMS)
@pytest.mark.parametrize("standalone", [False, True])
def test_fast_path_equals_full_path_on_recorded_streams(path: str, standalone: bool) -> None:
    events = load(path)
    fast = ADAPTER.stream_decoder(standalone=standalone)
    full = ADAPTER.stream_decoder(standalone=standalone)
    taken = 0
    for i, event in enumerate(events):
        if fast._fast(copy.deepcopy(event), i) is not None:
            taken += 1
        assert repr(fast.feed(copy.deepcopy(event), i)) == repr(full._full(event, i))
    assert repr(fast.finish()) == repr(full.finish())
    deltas = [e for e in events if e["type"].endswith(".delta") and "code" not in e["type"]]
    assert taken == len(deltas)


@pytest.mark.parametrize(
    "kind",
    [
        "response.output_text.delta",
        "response.refusal.delta",
        "response.reasoning_text.delta",
        "response.function_call_arguments.delta",
        "response.custom_tool_call_input.delta",
        "response.reasoning_summary_text.delta",
    ],
)
@pytest.mark.parametrize("standalone", [False, True])
def test_fast_path_equals_full_path_on_variants(kind: str, standalone: bool) -> None:
    base = {**DELTA, "type": kind}
    variants: list[dict[Any, Any]] = [base, {**base, "summary_index": 2}, {"extra": 1, **base}]
    for key in list(base):
        variants.append({k: v for k, v in base.items() if k != key})
        for value in (None, True, 1, 1.5, "s", StrSubclass("s"), [], {}, [1]):
            variants.append({**base, key: value})
    others = {k: v for k, v in base.items() if k != "obfuscation"}
    variants += [
        {**base, 1: "x"},
        {StrSubclass("extra"): 1, **base},
        {**others, StrSubclass("obfuscation"): 1},
    ]
    variants.append({**base, "output_index": 5})  # no such part
    for event in variants:
        fast, full = _open_decoder(standalone), _open_decoder(standalone)
        try:
            expected = _decoded(full, copy.deepcopy(event), full=True)
        except TypeError:  # an unhashable content_index: the same error either way
            with pytest.raises(TypeError):
                fast.feed(copy.deepcopy(event), 3)
            continue
        assert _decoded(fast, copy.deepcopy(event), full=False) == expected, event


def test_fast_path_is_not_taken_before_the_start_or_after_the_end() -> None:
    decoder = ADAPTER.stream_decoder()
    with pytest.raises(InvalidPayloadError, match=r"before response\.created"):
        decoder.feed(dict(DELTA), 0)
    decoder.started = decoder.ended = True
    with pytest.raises(InvalidPayloadError, match="after the end of the stream"):
        decoder.feed(dict(DELTA), 1)


def test_fast_path_shares_values_as_validation_does() -> None:
    logprobs: list[Any] = []
    event = {**DELTA, "logprobs": logprobs}
    for decoded in (_open_decoder(True).feed(event, 0), _open_decoder(True)._full(event, 0)):
        assert decoded[0].extras is not None
        assert decoded[0].extras.fields["logprobs"] is logprobs
