"""Every payload: detected correctly, identical after a same-format trip, and, translated to
every other implemented format, valid for the target SDK's types with the conversation kept."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from interlingua import (
    Format,
    Kind,
    Loss,
    LossWarning,
    collect_stream,
    detect,
    from_universal,
    to_universal,
    translate_stream,
    translate_with_report,
)
from interlingua._registry import adapter_for
from interlingua.providers.base import ConversionContext
from interlingua.universal import Request, Response, StreamError

from .conversation import documented_codes, summarize_request, summarize_response
from .payload_cases import ANTHROPIC_FAMILY, Case, cases, implemented
from .sdk_validators import validate

CASES = cases()


def _ids(case: Case) -> str:
    return case.id


def _accepted_detection(case: Case) -> set[Format]:
    # NOTE: Anthropic responses and events are the same JSON whichever cloud served them.
    if case.format in ANTHROPIC_FAMILY and case.kind is not Kind.REQUEST:
        return ANTHROPIC_FAMILY
    return {case.format}


def _events(case: Case) -> list[dict[str, Any]]:
    data = case.load()
    return data if isinstance(data, list) else [data]


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_detected(case: Case) -> None:
    for event in _events(case) if case.kind is Kind.STREAM_EVENT else [case.load()]:
        found = detect(event)
        # NOTE: the recorded Vertex "streams" hold one whole message, which is a response, and
        # a Gemini stream chunk is a complete GenerateContentResponse: either kind is right.
        whole_message = case.kind is Kind.STREAM_EVENT and (
            event.get("type") == "message" or case.format is Format.GOOGLE
        )
        assert found.kind is (Kind.RESPONSE if whole_message else case.kind)
        assert found.format in _accepted_detection(case)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_same_format_identity(case: Case) -> None:
    if case.kind is not Kind.STREAM_EVENT:
        payload = case.load()
        universal = to_universal(payload, source=case.format, kind=case.kind)
        assert from_universal(universal, case.format, on_loss="error") == payload
        return
    events = _events(case)
    for event in events:
        universal = to_universal(event, source=case.format, kind=Kind.STREAM_EVENT)
        assert from_universal(universal, case.format, on_loss="error") == event
    # the whole stream through one stateful decoder and encoder
    adapter = adapter_for(case.format)
    ctx = ConversionContext(case.format, Kind.STREAM_EVENT)
    decoder, encoder = adapter.stream_decoder(), adapter.stream_encoder(ctx)
    out: list[dict[str, Any]] = []
    for i, event in enumerate(events):
        out += encoder.feed(decoder.feed(event, i))
    out += encoder.feed(decoder.finish()) + encoder.finish()
    assert out == events
    assert not ctx.losses.losses


CROSS = [(case, target) for case in CASES for target in implemented() if target is not case.format]


def _cross_id(param: Any) -> str:
    return param.id if isinstance(param, Case) else param.value


def _unwrap_custom_inputs(summary: dict[str, Any]) -> dict[str, Any]:
    def unwrap(calls: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        return [
            (n, a["input"] if isinstance(a, dict) and list(a) == ["input"] else a) for n, a in calls
        ]

    if "choices" in summary:
        return {
            **summary,
            "choices": [{**c, "tool_calls": unwrap(c["tool_calls"])} for c in summary["choices"]],
        }
    return {**summary, "tool_calls": unwrap(summary["tool_calls"])}


def _kept(before: dict[str, Any], after: dict[str, Any], losses: list[Loss]) -> None:
    """The conversation survived: texts, tool calls, results and pairing always; the finish
    category unless an approximation was reported; token totals when the source had them."""
    codes = {loss.code for loss in losses}
    assert codes <= documented_codes(), f"undocumented loss codes: {codes - documented_codes()}"
    if "part-approximated" in codes and "turns" in before:  # a text document sent as text
        before, after = {**before, "turns": None}, {**after, "turns": None}
    if "custom-tool-approximated" in codes:  # free text wrapped as {"input": text}
        after = _unwrap_custom_inputs(after)
    if "n-unsupported" in codes:  # the target keeps the first choice only
        before = {**before, "choices": before["choices"][:1]}
    if "finish-reason-approximated" in codes:
        before = {**before, "choices": [{**c, "finish": None} for c in before["choices"]]}
        after = {**after, "choices": [{**c, "finish": None} for c in after["choices"]]}
    if "tokens" in before and before["tokens"] is None:
        after = {**after, "tokens": None}  # the target may require counts the source lacked
    assert after == before


def _stream_with_losses(
    events: list[dict[str, Any]], case: Case, target: Format
) -> tuple[list[dict[str, Any]], list[Loss]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = list(translate_stream(events, target, source=case.format))
    losses = [
        loss for w in caught if isinstance(w.message, LossWarning) for loss in w.message.losses
    ]
    return out, losses


@pytest.mark.parametrize(("case", "target"), CROSS, ids=_cross_id)
def test_cross_translation(case: Case, target: Format) -> None:
    if case.kind is Kind.STREAM_EVENT:
        events = _events(case)
        out, losses = _stream_with_losses(events, case, target)
        for i, event in enumerate(out):
            errors = validate(target, Kind.STREAM_EVENT, event)
            assert not errors, f"event {i}: {errors}"
        if any(
            isinstance(e, StreamError)
            for ev in events
            for e in to_universal(ev, source=case.format, kind=Kind.STREAM_EVENT)
        ):
            # a stream that failed mid-way must say so in the target too, not look complete
            last = to_universal(out[-1], source=target, kind=Kind.STREAM_EVENT)
            assert isinstance(last, list) and isinstance(last[-1], StreamError)
            return
        source_response = to_universal(
            collect_stream(events, source=case.format), source=case.format, kind=Kind.RESPONSE
        )
        target_response = to_universal(
            collect_stream(out, source=target), source=target, kind=Kind.RESPONSE
        )
        assert isinstance(source_response, Response) and isinstance(target_response, Response)
        _kept(summarize_response(source_response), summarize_response(target_response), losses)
        return
    payload = case.load()
    result = translate_with_report(payload, target, source=case.format, kind=case.kind)
    written = result.payload
    if any(loss.code == "model-missing" for loss in result.losses):
        # the source body had no model (it travels in the URL); the caller must supply one
        written = adapter_for(target).set_model(written, "caller-supplied-model", case.kind)
    errors = validate(target, case.kind, written)
    assert not errors, errors
    before = to_universal(payload, source=case.format, kind=case.kind)
    after = to_universal(written, source=target, kind=case.kind)
    if isinstance(before, Request):
        assert isinstance(after, Request)
        _kept(summarize_request(before), summarize_request(after), result.losses)
    else:
        assert isinstance(before, Response) and isinstance(after, Response)
        _kept(summarize_response(before), summarize_response(after), result.losses)
