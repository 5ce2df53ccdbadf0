"""Every source format translated into every client's format, read back by the official client.

For each (source format, recorded case, target client, response | stream) the recorded source
payload is translated with interlingua, served to the client over the mock HTTP plumbing of
``tests/test_real_clients.py``, and the client's typed result is reduced to text, tool calls
(name + parsed arguments), finish category and token totals. The expected values come from the
SOURCE through ``to_universal`` + ``summarize_response`` (streams: ``collect_stream`` first), the
project's agreed notion of "conversation kept". A reported loss that legitimately changes a
compared value excuses that value only (as ``_kept`` in ``tests/test_roundtrip.py`` does).
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest

from interlingua import (
    LossWarning,
    collect_stream,
    to_universal,
    translate_stream,
    translate_with_report,
)
from interlingua.universal import FinishReason, Response

from .conversation import summarize_response
from .test_real_clients import (
    MSGS,
    SNAPSHOTS,
    Recorder,
    _eventstream_message,
    anthropic_client,
    bedrock_client,
    google_client,
    json_body,
    openai_client,
    sse_body,
)

SOURCES = [
    "chat-completions",
    "responses",
    "anthropic",
    "bedrock-anthropic",
    "vertex-anthropic",
    "google",
    "bedrock",
]
CASES = ["simpleRequest", "toolCallRequest"]
TARGETS = ["chat-completions", "responses", "anthropic", "google", "bedrock"]

MATRIX = [
    (src, case, to, streaming)
    for src in SOURCES
    for case in CASES
    for to in TARGETS
    for streaming in (False, True)
]


def _id(p: tuple[str, str, str, bool]) -> str:
    src, case, to, streaming = p
    return f"{src}-{case}-to-{to}-{'stream' if streaming else 'response'}"


def _squash(text: str) -> str:
    # as summarize_response: whitespace removed (formats split / join text blocks differently)
    return "".join(text.split())


def _args(raw: Any) -> Any:
    if isinstance(raw, str):
        return json.loads(raw) if raw else {}
    return raw if raw is not None else {}


# --------------------------------------------------------------------------------------------
# Expected values from the SOURCE
# --------------------------------------------------------------------------------------------

_CATEGORY = {FinishReason.STOP_SEQUENCE: FinishReason.STOP}


def _expected(source: Any, src: str, streaming: bool) -> dict[str, Any]:
    full = collect_stream(source, source=src) if streaming else source
    universal = to_universal(full, source=src, kind="response")
    assert isinstance(universal, Response)
    choice = summarize_response(universal)["choices"][0]
    tokens = summarize_response(universal)["tokens"]
    finish = choice["finish"]
    return {
        "text": "".join(text for _, text in choice["turns"]),
        "tools": choice["tool_calls"],
        "finish": _CATEGORY.get(finish, finish) if finish else None,
        "tokens": tokens,
    }


def _translate(source: Any, src: str, to: str, streaming: bool) -> tuple[Any, set[str]]:
    if not streaming:
        result = translate_with_report(source, to, source=src, kind="response")
        return result.payload, {loss.code for loss in result.losses}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = list(translate_stream(source, to, source=src))
    codes = {
        loss.code for w in caught if isinstance(w.message, LossWarning) for loss in w.message.losses
    }
    return out, codes


# --------------------------------------------------------------------------------------------
# Client-side readers: each returns {"text", "tools", "finish", "tokens"} from typed objects
# --------------------------------------------------------------------------------------------

_CHAT_FINISH = {
    "stop": FinishReason.STOP,
    "tool_calls": FinishReason.TOOL_CALLS,
    "function_call": FinishReason.TOOL_CALLS,
    "length": FinishReason.LENGTH,
    "content_filter": FinishReason.CONTENT_FILTER,
}
_ANTHROPIC_FINISH = {
    "end_turn": FinishReason.STOP,
    "stop_sequence": FinishReason.STOP,
    "tool_use": FinishReason.TOOL_CALLS,
    "max_tokens": FinishReason.LENGTH,
    "refusal": FinishReason.REFUSAL,
    "pause_turn": FinishReason.PAUSE_TURN,
}
_BEDROCK_FINISH = {
    "end_turn": FinishReason.STOP,
    "stop_sequence": FinishReason.STOP,
    "tool_use": FinishReason.TOOL_CALLS,
    "max_tokens": FinishReason.LENGTH,
    "content_filtered": FinishReason.CONTENT_FILTER,
    "guardrail_intervened": FinishReason.CONTENT_FILTER,
}
_GOOGLE_FINISH = {
    "STOP": FinishReason.STOP,
    "MAX_TOKENS": FinishReason.LENGTH,
    "SAFETY": FinishReason.CONTENT_FILTER,
}


def _read_chat(payload: Any, streaming: bool) -> dict[str, Any]:
    import openai

    if not streaming:
        rec = Recorder("/v1/chat/completions", json_body(payload), "application/json")
        completion = openai_client(rec).chat.completions.create(model="gpt-x", messages=MSGS)
        assert isinstance(completion, openai.types.chat.ChatCompletion)
        choice = completion.choices[0]
        u = completion.usage
        return {
            "text": choice.message.content or "",
            "tools": [
                (tc.function.name, _args(tc.function.arguments))
                for tc in choice.message.tool_calls or []
            ],
            "finish": _CHAT_FINISH.get(choice.finish_reason, choice.finish_reason),
            "tokens": (u.prompt_tokens, u.completion_tokens) if u else None,
        }
    rec = Recorder(
        "/v1/chat/completions", sse_body(payload, "chat-completions"), "text/event-stream"
    )
    text, calls, finish, usage = "", {}, None, None
    client = openai_client(rec)
    for chunk in client.chat.completions.create(model="gpt-x", messages=MSGS, stream=True):
        assert isinstance(chunk, openai.types.chat.ChatCompletionChunk)
        if chunk.usage is not None:
            usage = chunk.usage
        for c in chunk.choices:
            text += c.delta.content or ""
            for tc in c.delta.tool_calls or []:
                slot = calls.setdefault(tc.index, ["", ""])
                slot[0] += (tc.function.name or "") if tc.function else ""
                slot[1] += (tc.function.arguments or "") if tc.function else ""
            finish = c.finish_reason or finish
    return {
        "text": text,
        "tools": [(calls[i][0], _args(calls[i][1])) for i in sorted(calls)],
        "finish": _CHAT_FINISH.get(finish, finish),
        "tokens": (usage.prompt_tokens, usage.completion_tokens) if usage else None,
    }


def _read_responses(payload: Any, streaming: bool) -> dict[str, Any]:
    import openai

    if not streaming:
        rec = Recorder("/v1/responses", json_body(payload), "application/json")
        response = openai_client(rec).responses.create(model="gpt-x", input="hi")
    else:
        rec = Recorder("/v1/responses", sse_body(payload, "responses"), "text/event-stream")
        with openai_client(rec).responses.stream(model="gpt-x", input="hi") as stream:
            response = stream.get_final_response()
    assert isinstance(response, openai.types.responses.Response)
    tools = [(it.name, _args(it.arguments)) for it in response.output if it.type == "function_call"]
    if response.status == "incomplete":
        reason = response.incomplete_details.reason if response.incomplete_details else None
        finish: Any = (
            FinishReason.CONTENT_FILTER if reason == "content_filter" else FinishReason.LENGTH
        )
    elif response.status == "completed":
        finish = FinishReason.TOOL_CALLS if tools else FinishReason.STOP
    else:
        finish = response.status
    u = response.usage
    return {
        "text": response.output_text,
        "tools": tools,
        "finish": finish,
        "tokens": (u.input_tokens, u.output_tokens) if u else None,
    }


def _read_anthropic(payload: Any, streaming: bool) -> dict[str, Any]:
    import anthropic

    if not streaming:
        rec = Recorder("/v1/messages", json_body(payload), "application/json")
        message = anthropic_client(rec).messages.create(
            model="claude-x", max_tokens=100, messages=MSGS
        )
    else:
        rec = Recorder("/v1/messages", sse_body(payload, "anthropic"), "text/event-stream")
        with anthropic_client(rec).messages.stream(
            model="claude-x", max_tokens=100, messages=MSGS
        ) as stream:
            message = stream.get_final_message()
    assert isinstance(message, anthropic.types.Message)
    u = message.usage
    total_in = (
        u.input_tokens + (u.cache_creation_input_tokens or 0) + (u.cache_read_input_tokens or 0)
    )
    return {
        "text": "".join(b.text for b in message.content if b.type == "text"),
        "tools": [(b.name, b.input) for b in message.content if b.type == "tool_use"],
        "finish": _ANTHROPIC_FINISH.get(message.stop_reason, message.stop_reason),
        "tokens": (total_in, u.output_tokens),
    }


def _google_finish(value: Any, tools: list[Any]) -> Any:
    if value is None:
        return None
    finish = _GOOGLE_FINISH.get(value.value, value.value)
    # Gemini says STOP for a turn that ends in function calls
    return FinishReason.TOOL_CALLS if finish == FinishReason.STOP and tools else finish


def _google_tokens(usage: Any) -> Any:
    if usage is None:
        return None
    output = (usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)
    return (usage.prompt_token_count, output)


def _read_google(payload: Any, streaming: bool) -> dict[str, Any]:
    if not streaming:
        rec = Recorder(
            "",
            json_body(payload),
            "application/json",
            path_check=lambda p: p.endswith("/models/gemini-x:generateContent"),
        )
        resp = google_client(rec).models.generate_content(model="gemini-x", contents="hi")
        parts = resp.candidates[0].content.parts or []
        tools = [(fc.name, fc.args or {}) for fc in resp.function_calls or []]
        return {
            "text": "".join(p.text for p in parts if p.text is not None and not p.thought),
            "tools": tools,
            "finish": _google_finish(resp.candidates[0].finish_reason, tools),
            "tokens": _google_tokens(resp.usage_metadata),
        }
    rec = Recorder(
        "",
        sse_body(payload, "google"),
        "text/event-stream",
        path_check=lambda p: p.endswith("/models/gemini-x:streamGenerateContent"),
    )
    text, tools, finish, usage = "", [], None, None
    for chunk in google_client(rec).models.generate_content_stream(model="gemini-x", contents="hi"):
        if chunk.candidates:
            cand = chunk.candidates[0]
            for p in (cand.content.parts if cand.content else None) or []:
                if p.text is not None and not p.thought:
                    text += p.text
                if p.function_call is not None:
                    tools.append((p.function_call.name, p.function_call.args or {}))
            finish = cand.finish_reason or finish
        if chunk.usage_metadata is not None:
            usage = chunk.usage_metadata
    return {
        "text": text,
        "tools": tools,
        "finish": _google_finish(finish, tools),
        "tokens": _google_tokens(usage),
    }


def _bedrock_tokens(usage: Any) -> Any:
    if usage is None:
        return None
    total_in = (
        usage["inputTokens"]
        + usage.get("cacheReadInputTokens", 0)
        + usage.get("cacheWriteInputTokens", 0)
    )
    return (total_in, usage["outputTokens"])


def _read_bedrock(payload: Any, streaming: bool) -> dict[str, Any]:
    msgs = [{"role": "user", "content": [{"text": "hi"}]}]
    if not streaming:
        client, _ = bedrock_client("/model/m/converse", json_body(payload), "application/json")
        out = client.converse(modelId="m", messages=msgs)
        content = out["output"]["message"]["content"]
        return {
            "text": "".join(b["text"] for b in content if "text" in b),
            "tools": [
                (b["toolUse"]["name"], b["toolUse"]["input"]) for b in content if "toolUse" in b
            ],
            "finish": _BEDROCK_FINISH.get(out["stopReason"], out["stopReason"]),
            "tokens": _bedrock_tokens(out.get("usage")),
        }
    frames = []
    for ev in payload:
        assert len(ev) == 1, f"bedrock stream event should have one key: {ev}"
        ((etype, body),) = ev.items()
        frames.append(_eventstream_message(etype, body))
    client, _ = bedrock_client(
        "/model/m/converse-stream", b"".join(frames), "application/vnd.amazon.eventstream"
    )
    out = client.converse_stream(modelId="m", messages=msgs)
    text, parts, stop, usage = "", {}, None, None
    for ev in out["stream"]:
        if "contentBlockStart" in ev and "toolUse" in ev["contentBlockStart"]["start"]:
            i = ev["contentBlockStart"]["contentBlockIndex"]
            parts[i] = [ev["contentBlockStart"]["start"]["toolUse"]["name"], ""]
        elif "contentBlockDelta" in ev:
            d = ev["contentBlockDelta"]["delta"]
            text += d.get("text", "")
            if "toolUse" in d:
                parts[ev["contentBlockDelta"]["contentBlockIndex"]][1] += d["toolUse"]["input"]
        elif "messageStop" in ev:
            stop = ev["messageStop"]["stopReason"]
        elif "metadata" in ev:
            usage = ev["metadata"].get("usage")
    return {
        "text": text,
        "tools": [(n, _args(a)) for n, a in (parts[i] for i in sorted(parts))],
        "finish": _BEDROCK_FINISH.get(stop, stop),
        "tokens": _bedrock_tokens(usage),
    }


READERS = {
    "chat-completions": _read_chat,
    "responses": _read_responses,
    "anthropic": _read_anthropic,
    "google": _read_google,
    "bedrock": _read_bedrock,
}


@pytest.mark.parametrize(("src", "case", "to", "streaming"), MATRIX, ids=[_id(p) for p in MATRIX])
def test_client_reads_translation(src: str, case: str, to: str, streaming: bool) -> None:
    name = "response-streaming.json" if streaming else "response.json"
    source = json.loads((SNAPSHOTS / case / src / name).read_text())
    want = _expected(source, src, streaming)
    translated, codes = _translate(source, src, to, streaming)

    got = READERS[to](translated, streaming)
    got = {**got, "text": _squash(got["text"])}

    if "finish-reason-approximated" in codes:
        want, got = {**want, "finish": None}, {**got, "finish": None}
    if want["tokens"] is None:  # the target may require counts the source lacked
        got = {**got, "tokens": None}
    assert got == want, f"losses reported: {sorted(codes)}"
