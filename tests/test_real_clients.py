"""Interlingua output fed to the providers' official client libraries over a mocked HTTP path.

Each test translates a recorded corpus payload (or stream) into a target format, serves the
result through the client's normal HTTP stack (``httpx2.MockTransport`` for openai / anthropic /
google-genai, a ``before-send`` hook returning a raw HTTP response for botocore), and asserts
the client's typed result against values computed independently from the SOURCE payload.

Client versions used: openai 3.52.0, anthropic 2.11.0, google-genai 3.4.0, botocore 1.44.5,
httpx2 2.16.2 (the clients' transport package; ``import httpx`` is not installed).
"""

from __future__ import annotations

import binascii
import json
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

# the clients are required test dependencies: a missing one must fail, not skip
import anthropic
import botocore.session as botocore_session
import httpx2 as httpx
import openai
import pytest
from google import genai

from interlingua import translate, translate_stream
from interlingua.sse import write_sse

SNAPSHOTS = Path(__file__).resolve().parents[1] / "payloads" / "corpus" / "snapshots"

# (case, source format, file stem): recorded responses in an Anthropic-shaped format.
ANTHROPIC_SOURCES = [
    ("simpleRequest", "anthropic", "response"),
    ("toolCallRequest", "anthropic", "response"),
    ("toolCallRequest", "anthropic", "followup-response"),
]
CHAT_SOURCES = [
    ("simpleRequest", "chat-completions", "response"),
    ("toolCallRequest", "chat-completions", "response"),
    ("toolCallRequest", "chat-completions", "followup-response"),
]


def _ids(sources: list[tuple[str, str, str]]) -> list[str]:
    return [f"{c}-{f}-{s}" for c, f, s in sources]


def _load(case: str, fmt: str, stem: str, streaming: bool) -> Any:
    name = f"{stem}-streaming.json" if streaming else f"{stem}.json"
    path = SNAPSHOTS / case / fmt / name
    if not path.exists():
        pytest.skip(f"no recording {path.relative_to(SNAPSHOTS)}")
    return json.loads(path.read_text())


# --------------------------------------------------------------------------------------------
# Expected values, computed from the SOURCE payloads without interlingua.
# --------------------------------------------------------------------------------------------

ANTHROPIC_TO_CHAT_FINISH = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "tool_use": "tool_calls",
    "max_tokens": "length",
}
CHAT_TO_ANTHROPIC_STOP = {"stop": "end_turn", "tool_calls": "tool_use", "length": "max_tokens"}


def expect_from_anthropic(resp: dict[str, Any]) -> dict[str, Any]:
    text = "".join(b["text"] for b in resp["content"] if b["type"] == "text")
    tools = [(b["name"], b["input"]) for b in resp["content"] if b["type"] == "tool_use"]
    u = resp["usage"]
    prompt = (
        u["input_tokens"]
        + (u.get("cache_creation_input_tokens") or 0)
        + (u.get("cache_read_input_tokens") or 0)
    )
    return {
        "text": text,
        "tools": tools,
        "stop_reason": resp["stop_reason"],
        "prompt_tokens": prompt,
        "output_tokens": u["output_tokens"],
    }


def expect_from_anthropic_stream(events: list[dict[str, Any]]) -> dict[str, Any]:
    blocks: dict[int, dict[str, Any]] = {}
    stop_reason = None
    usage: dict[str, Any] = {}
    for ev in events:
        t = ev["type"]
        if t == "message_start":
            usage.update(ev["message"]["usage"])
        elif t == "content_block_start":
            blocks[ev["index"]] = {**ev["content_block"], "_json": ""}
        elif t == "content_block_delta":
            d = ev["delta"]
            b = blocks[ev["index"]]
            if d["type"] == "text_delta":
                b["text"] = b.get("text", "") + d["text"]
            elif d["type"] == "input_json_delta":
                b["_json"] += d["partial_json"]
        elif t == "message_delta":
            stop_reason = ev["delta"].get("stop_reason") or stop_reason
            usage.update({k: v for k, v in (ev.get("usage") or {}).items() if v is not None})
    ordered = [blocks[i] for i in sorted(blocks)]
    text = "".join(b.get("text", "") for b in ordered if b["type"] == "text")
    tools = [
        (b["name"], json.loads(b["_json"]) if b["_json"] else b.get("input", {}))
        for b in ordered
        if b["type"] == "tool_use"
    ]
    prompt = (
        usage["input_tokens"]
        + (usage.get("cache_creation_input_tokens") or 0)
        + (usage.get("cache_read_input_tokens") or 0)
    )
    return {
        "text": text,
        "tools": tools,
        "stop_reason": stop_reason,
        "prompt_tokens": prompt,
        "output_tokens": usage["output_tokens"],
    }


def expect_from_chat(resp: dict[str, Any]) -> dict[str, Any]:
    choice = resp["choices"][0]
    msg = choice["message"]
    tools = [
        (tc["function"]["name"], json.loads(tc["function"]["arguments"]))
        for tc in msg.get("tool_calls") or []
    ]
    u = resp["usage"]
    return {
        "text": msg.get("content") or "",
        "tools": tools,
        "finish_reason": choice["finish_reason"],
        "prompt_tokens": u["prompt_tokens"],
        "completion_tokens": u["completion_tokens"],
    }


def expect_from_chat_stream(chunks: list[dict[str, Any]]) -> dict[str, Any]:
    text = ""
    calls: dict[int, dict[str, str]] = {}
    finish = None
    usage = None
    for ch in chunks:
        if ch.get("usage"):
            usage = ch["usage"]
        for c in ch.get("choices") or []:
            d = c.get("delta") or {}
            text += d.get("content") or ""
            for tc in d.get("tool_calls") or []:
                slot = calls.setdefault(tc["index"], {"name": "", "arguments": ""})
                fn = tc.get("function") or {}
                slot["name"] += fn.get("name") or ""
                slot["arguments"] += fn.get("arguments") or ""
            finish = c.get("finish_reason") or finish
    tools = [(calls[i]["name"], json.loads(calls[i]["arguments"])) for i in sorted(calls)]
    return {"text": text, "tools": tools, "finish_reason": finish, "usage": usage}


# --------------------------------------------------------------------------------------------
# Mock HTTP plumbing
# --------------------------------------------------------------------------------------------


class Recorder:
    """A MockTransport handler that checks method + path and serves one body."""

    def __init__(
        self, path: str, body: bytes, content_type: str, path_check: Callable | None = None
    ):
        self.path = path
        self.body = body
        self.content_type = content_type
        self.path_check = path_check
        self.requests: list[Any] = []

    def __call__(self, request: Any) -> Any:
        self.requests.append(request)
        ok = self.path_check(request.url.path) if self.path_check else request.url.path == self.path
        if request.method != "POST" or not ok:
            return httpx.Response(
                404, json={"error": f"unexpected {request.method} {request.url.path}"}
            )
        return httpx.Response(200, headers={"content-type": self.content_type}, content=self.body)

    def http_client(self) -> Any:
        return httpx.Client(transport=httpx.MockTransport(self))


def json_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode()


def sse_body(events: list[dict[str, Any]], fmt: str) -> bytes:
    return b"".join(write_sse(events, fmt))


def to_format(payload: Any, to: str, source: str, *, stream: bool = False) -> Any:
    if stream:
        return list(translate_stream(payload, to, source=source, on_loss="ignore"))
    return translate(payload, to, source=source, on_loss="ignore")


def openai_client(rec: Recorder) -> Any:
    return openai.OpenAI(
        api_key="x", base_url="http://test/v1", http_client=rec.http_client(), max_retries=0
    )


def anthropic_client(rec: Recorder) -> Any:
    return anthropic.Anthropic(
        api_key="x", base_url="http://test", http_client=rec.http_client(), max_retries=0
    )


MSGS = [{"role": "user", "content": "hi"}]


# --------------------------------------------------------------------------------------------
# 1. openai Chat Completions  (anthropic -> chat-completions)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_openai_chat_completions_create(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=False)
    want = expect_from_anthropic(source)
    rec = Recorder(
        "/v1/chat/completions",
        json_body(to_format(source, "chat-completions", src)),
        "application/json",
    )

    completion = openai_client(rec).chat.completions.create(model="gpt-x", messages=MSGS)

    assert isinstance(completion, openai.types.chat.ChatCompletion)
    assert len(rec.requests) == 1
    choice = completion.choices[0]
    assert (choice.message.content or "") == want["text"]
    got_tools = [
        (tc.function.name, json.loads(tc.function.arguments))
        for tc in choice.message.tool_calls or []
    ]
    assert got_tools == want["tools"]
    assert choice.finish_reason == ANTHROPIC_TO_CHAT_FINISH[want["stop_reason"]]
    assert completion.usage is not None
    assert completion.usage.prompt_tokens == want["prompt_tokens"]
    assert completion.usage.completion_tokens == want["output_tokens"]


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_openai_chat_completions_stream(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=True)
    want = expect_from_anthropic_stream(source)
    body = sse_body(to_format(source, "chat-completions", src, stream=True), "chat-completions")
    rec = Recorder("/v1/chat/completions", body, "text/event-stream")
    client = openai_client(rec)

    # Raw iteration, accumulated by hand.
    text, calls, finish, usage = "", {}, None, None
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
    assert text == want["text"]
    assert [(calls[i][0], json.loads(calls[i][1])) for i in sorted(calls)] == want["tools"]
    assert finish == ANTHROPIC_TO_CHAT_FINISH[want["stop_reason"]]
    assert usage is not None, "no usage chunk in the translated stream"
    assert usage.prompt_tokens == want["prompt_tokens"]
    assert usage.completion_tokens == want["output_tokens"]

    # The SDK's own accumulator (stream helper).
    with client.chat.completions.stream(model="gpt-x", messages=MSGS) as stream:
        final = stream.get_final_completion()
    msg = final.choices[0].message
    assert (msg.content or "") == want["text"]
    assert [
        (tc.function.name, json.loads(tc.function.arguments)) for tc in msg.tool_calls or []
    ] == want["tools"]
    assert final.choices[0].finish_reason == ANTHROPIC_TO_CHAT_FINISH[want["stop_reason"]]
    assert len(rec.requests) == 2


# --------------------------------------------------------------------------------------------
# 2. anthropic Messages  (chat-completions -> anthropic)
# --------------------------------------------------------------------------------------------


def _anthropic_tools(message: Any) -> list[tuple[str, Any]]:
    return [(b.name, b.input) for b in message.content if b.type == "tool_use"]


def _anthropic_text(message: Any) -> str:
    return "".join(b.text for b in message.content if b.type == "text")


@pytest.mark.parametrize(("case", "src", "stem"), CHAT_SOURCES, ids=_ids(CHAT_SOURCES))
def test_anthropic_messages_create(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=False)
    want = expect_from_chat(source)
    rec = Recorder(
        "/v1/messages", json_body(to_format(source, "anthropic", src)), "application/json"
    )

    message = anthropic_client(rec).messages.create(model="claude-x", max_tokens=100, messages=MSGS)

    assert isinstance(message, anthropic.types.Message)
    assert _anthropic_text(message) == want["text"]
    assert _anthropic_tools(message) == want["tools"]
    assert message.stop_reason == CHAT_TO_ANTHROPIC_STOP[want["finish_reason"]]
    u = message.usage
    total_in = (
        u.input_tokens + (u.cache_creation_input_tokens or 0) + (u.cache_read_input_tokens or 0)
    )
    assert total_in == want["prompt_tokens"]
    assert u.output_tokens == want["completion_tokens"]


@pytest.mark.parametrize(("case", "src", "stem"), CHAT_SOURCES, ids=_ids(CHAT_SOURCES))
def test_anthropic_messages_stream(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=True)
    want = expect_from_chat_stream(source)
    body = sse_body(to_format(source, "anthropic", src, stream=True), "anthropic")
    rec = Recorder("/v1/messages", body, "text/event-stream")
    client = anthropic_client(rec)

    # Raw events.
    types_seen = [
        ev.type
        for ev in client.messages.create(
            model="claude-x", max_tokens=100, messages=MSGS, stream=True
        )
    ]
    assert types_seen[0] == "message_start" and types_seen[-1] == "message_stop"

    # The SDK's accumulating helper.
    with client.messages.stream(model="claude-x", max_tokens=100, messages=MSGS) as stream:
        final = stream.get_final_message()
    assert _anthropic_text(final) == want["text"]
    assert _anthropic_tools(final) == want["tools"]
    assert final.stop_reason == CHAT_TO_ANTHROPIC_STOP[want["finish_reason"]]
    if want["usage"] is not None:
        u = final.usage
        total_in = (
            u.input_tokens + (u.cache_creation_input_tokens or 0) + (u.cache_read_input_tokens or 0)
        )
        assert total_in == want["usage"]["prompt_tokens"]
        assert u.output_tokens == want["usage"]["completion_tokens"]
    assert len(rec.requests) == 2


# --------------------------------------------------------------------------------------------
# 3. openai Responses  (anthropic -> responses)
# --------------------------------------------------------------------------------------------


def _responses_status(stop_reason: str) -> str:
    return "incomplete" if stop_reason == "max_tokens" else "completed"


def _responses_tools(response: Any) -> list[tuple[str, Any]]:
    return [
        (it.name, json.loads(it.arguments)) for it in response.output if it.type == "function_call"
    ]


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_openai_responses_create(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=False)
    want = expect_from_anthropic(source)
    rec = Recorder(
        "/v1/responses", json_body(to_format(source, "responses", src)), "application/json"
    )

    response = openai_client(rec).responses.create(model="gpt-x", input="hi")

    assert isinstance(response, openai.types.responses.Response)
    assert response.status == _responses_status(want["stop_reason"])
    assert response.output_text == want["text"]
    assert _responses_tools(response) == want["tools"]
    assert response.usage is not None
    assert response.usage.input_tokens == want["prompt_tokens"]
    assert response.usage.output_tokens == want["output_tokens"]


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_openai_responses_stream(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=True)
    want = expect_from_anthropic_stream(source)
    body = sse_body(to_format(source, "responses", src, stream=True), "responses")
    rec = Recorder("/v1/responses", body, "text/event-stream")
    client = openai_client(rec)

    text = ""
    completed = None
    args_done: list[tuple[str, Any]] = []
    for ev in client.responses.create(model="gpt-x", input="hi", stream=True):
        if ev.type == "response.output_text.delta":
            text += ev.delta
        elif ev.type == "response.output_item.done" and ev.item.type == "function_call":
            args_done.append((ev.item.name, json.loads(ev.item.arguments)))
        elif ev.type == "response.completed":
            completed = ev.response
    assert text == want["text"]
    assert args_done == want["tools"]
    assert completed is not None, "no response.completed event"
    assert completed.output_text == want["text"]
    assert _responses_tools(completed) == want["tools"]

    with client.responses.stream(model="gpt-x", input="hi") as stream:
        final = stream.get_final_response()
    assert final.status == _responses_status(want["stop_reason"])
    assert final.output_text == want["text"]
    assert _responses_tools(final) == want["tools"]
    assert final.usage is not None
    assert final.usage.input_tokens == want["prompt_tokens"]
    assert final.usage.output_tokens == want["output_tokens"]


# --------------------------------------------------------------------------------------------
# 4. google-genai  (anthropic -> google)
# --------------------------------------------------------------------------------------------


def google_client(rec: Recorder) -> Any:
    from google.genai import types

    return genai.Client(
        api_key="x",
        http_options=types.HttpOptions(base_url="http://test", httpx_client=rec.http_client()),
    )


def _google_tools(resp: Any) -> list[tuple[str, Any]]:
    return [(fc.name, fc.args) for fc in resp.function_calls or []]


def _google_text(resp: Any) -> str:
    parts = resp.candidates[0].content.parts or []
    return "".join(p.text for p in parts if p.text is not None and not p.thought)


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_google_generate_content(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=False)
    want = expect_from_anthropic(source)
    rec = Recorder(
        "",
        json_body(to_format(source, "google", src)),
        "application/json",
        path_check=lambda p: p.endswith("/models/gemini-x:generateContent"),
    )

    resp = google_client(rec).models.generate_content(model="gemini-x", contents="hi")

    assert len(rec.requests) == 1
    assert _google_text(resp) == want["text"]
    assert _google_tools(resp) == want["tools"]
    assert resp.candidates[0].finish_reason.value == (
        "MAX_TOKENS" if want["stop_reason"] == "max_tokens" else "STOP"
    )
    assert resp.usage_metadata.prompt_token_count == want["prompt_tokens"]
    assert resp.usage_metadata.candidates_token_count == want["output_tokens"]


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_google_generate_content_stream(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=True)
    want = expect_from_anthropic_stream(source)
    body = sse_body(to_format(source, "google", src, stream=True), "google")
    rec = Recorder(
        "",
        body,
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
                    tools.append((p.function_call.name, p.function_call.args))
            finish = cand.finish_reason or finish
        if chunk.usage_metadata is not None:
            usage = chunk.usage_metadata
    assert len(rec.requests) == 1
    assert "alt=sse" in str(rec.requests[0].url)
    assert text == want["text"]
    assert tools == want["tools"]
    assert finish is not None and finish.value == (
        "MAX_TOKENS" if want["stop_reason"] == "max_tokens" else "STOP"
    )
    assert usage is not None
    assert usage.prompt_token_count == want["prompt_tokens"]
    assert usage.candidates_token_count == want["output_tokens"]


# --------------------------------------------------------------------------------------------
# 5. botocore bedrock-runtime Converse  (anthropic -> bedrock)
# --------------------------------------------------------------------------------------------


class _Raw:
    """Stand-in for urllib3's response: what botocore's AWSResponse reads."""

    def __init__(self, body: bytes):
        self._body = body

    def stream(self, amt: int = 1024, decode_content: bool = True):
        for i in range(0, len(self._body), 7):  # small reads: exercise event-stream buffering
            yield self._body[i : i + 7]

    def read(self, amt: int | None = None) -> bytes:
        body, self._body = self._body, b""
        return body

    def close(self) -> None:
        pass


def bedrock_client(path_suffix: str, body: bytes, content_type: str) -> tuple[Any, list[Any]]:
    from botocore.awsrequest import AWSResponse
    from botocore.config import Config

    session = botocore_session.get_session()
    client = session.create_client(
        "bedrock-runtime",
        region_name="us-east-1",
        endpoint_url="http://test",
        aws_access_key_id="x",
        aws_secret_access_key="x",
        config=Config(retries={"max_attempts": 1}),
    )
    seen: list[Any] = []

    def before_send(request: Any, **_: Any) -> Any:
        seen.append(request)
        if request.method != "POST" or not request.url.split("?")[0].endswith(path_suffix):
            return AWSResponse(
                request.url,
                404,
                {"content-type": "application/json"},
                _Raw(b'{"message":"bad path"}'),
            )
        return AWSResponse(request.url, 200, {"content-type": content_type}, _Raw(body))

    client.meta.events.register("before-send.bedrock-runtime.*", before_send)
    return client, seen


def _bedrock_content(content: list[dict[str, Any]]) -> tuple[str, list[tuple[str, Any]]]:
    text = "".join(b["text"] for b in content if "text" in b)
    tools = [(b["toolUse"]["name"], b["toolUse"]["input"]) for b in content if "toolUse" in b]
    return text, tools


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_botocore_converse(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=False)
    want = expect_from_anthropic(source)
    translated = to_format(source, "bedrock", src)
    body = json_body(translated)
    client, seen = bedrock_client("/model/m/converse", body, "application/json")
    # botocore's own output-shape validation (what Stubber applies to canned responses).
    from botocore.validate import validate_parameters

    validate_parameters(
        translated, client.meta.service_model.operation_model("Converse").output_shape
    )

    out = client.converse(modelId="m", messages=[{"role": "user", "content": [{"text": "hi"}]}])

    assert len(seen) == 1
    assert out["ResponseMetadata"]["HTTPStatusCode"] == 200
    text, tools = _bedrock_content(out["output"]["message"]["content"])
    assert text == want["text"]
    assert tools == want["tools"]
    assert (
        out["stopReason"] == want["stop_reason"]
    )  # end_turn / tool_use / max_tokens: same spelling
    assert (
        out["usage"]["inputTokens"]
        + out["usage"].get("cacheReadInputTokens", 0)
        + out["usage"].get("cacheWriteInputTokens", 0)
        == want["prompt_tokens"]
    )
    assert out["usage"]["outputTokens"] == want["output_tokens"]


def _eventstream_message(event_type: str, payload: dict[str, Any]) -> bytes:
    """One AWS event-stream frame (the binary framing botocore's EventStreamBuffer decodes)."""

    def header(name: str, value: str) -> bytes:
        n, v = name.encode(), value.encode()
        return struct.pack("!B", len(n)) + n + struct.pack("!BH", 7, len(v)) + v

    headers = (
        header(":event-type", event_type)
        + header(":content-type", "application/json")
        + header(":message-type", "event")
    )
    body = json.dumps(payload).encode()
    total = 12 + len(headers) + len(body) + 4
    prelude = struct.pack("!II", total, len(headers))
    prelude += struct.pack("!I", binascii.crc32(prelude) & 0xFFFFFFFF)
    message = prelude + headers + body
    return message + struct.pack("!I", binascii.crc32(message) & 0xFFFFFFFF)


@pytest.mark.parametrize(("case", "src", "stem"), ANTHROPIC_SOURCES, ids=_ids(ANTHROPIC_SOURCES))
def test_botocore_converse_stream(case: str, src: str, stem: str) -> None:
    source = _load(case, src, stem, streaming=True)
    want = expect_from_anthropic_stream(source)
    translated = to_format(source, "bedrock", src, stream=True)
    frames = []
    for ev in translated:
        # A bedrock stream event is {"<eventType>": {...}}, e.g. {"contentBlockDelta": {...}}.
        assert len(ev) == 1, f"bedrock stream event should have one key: {ev}"
        ((etype, payload),) = ev.items()
        frames.append(_eventstream_message(etype, payload))
    client, seen = bedrock_client(
        "/model/m/converse-stream", b"".join(frames), "application/vnd.amazon.eventstream"
    )

    out = client.converse_stream(
        modelId="m", messages=[{"role": "user", "content": [{"text": "hi"}]}]
    )

    text, tool_parts, stop, usage = "", {}, None, None
    for ev in out["stream"]:
        if "contentBlockStart" in ev and "toolUse" in ev["contentBlockStart"]["start"]:
            i = ev["contentBlockStart"]["contentBlockIndex"]
            tool_parts[i] = [ev["contentBlockStart"]["start"]["toolUse"]["name"], ""]
        elif "contentBlockDelta" in ev:
            d = ev["contentBlockDelta"]["delta"]
            text += d.get("text", "")
            if "toolUse" in d:
                tool_parts[ev["contentBlockDelta"]["contentBlockIndex"]][1] += d["toolUse"]["input"]
        elif "messageStop" in ev:
            stop = ev["messageStop"]["stopReason"]
        elif "metadata" in ev:
            usage = ev["metadata"]["usage"]
    assert len(seen) == 1
    assert text == want["text"]
    assert [
        (n, json.loads(a) if a else {}) for n, a in (tool_parts[i] for i in sorted(tool_parts))
    ] == want["tools"]
    assert stop == want["stop_reason"]
    assert usage is not None
    assert (
        usage["inputTokens"]
        + usage.get("cacheReadInputTokens", 0)
        + usage.get("cacheWriteInputTokens", 0)
        == want["prompt_tokens"]
    )
    assert usage["outputTokens"] == want["output_tokens"]


# --------------------------------------------------------------------------------------------
# 6. Strict schema validation. The SDKs above build their models leniently (``construct``-like:
#    wrong types are not rejected), so also validate every translated payload / stream event
#    strictly against the SDKs' own pydantic types.
# --------------------------------------------------------------------------------------------


def _strict_cases() -> list[tuple[str, str, str, str, bool]]:
    out = []
    for case, src, stem in ANTHROPIC_SOURCES:
        for to in ("chat-completions", "responses", "google"):
            for streaming in (False, True):
                out.append((case, src, stem, to, streaming))
    for case, src, stem in CHAT_SOURCES:
        for streaming in (False, True):
            out.append((case, src, stem, "anthropic", streaming))
    return out


def _validator(to: str, streaming: bool) -> Callable[[Any], Any]:
    from pydantic import TypeAdapter

    if to == "chat-completions":
        t = openai.types.chat.ChatCompletionChunk if streaming else openai.types.chat.ChatCompletion
        return t.model_validate
    if to == "responses":
        if streaming:
            return TypeAdapter(openai.types.responses.ResponseStreamEvent).validate_python
        return openai.types.responses.Response.model_validate
    if to == "anthropic":
        if streaming:
            return TypeAdapter(anthropic.types.RawMessageStreamEvent).validate_python
        return anthropic.types.Message.model_validate
    from google.genai import types

    return types.GenerateContentResponse.model_validate


@pytest.mark.parametrize(
    ("case", "src", "stem", "to", "streaming"),
    _strict_cases(),
    ids=[
        f"{c}-{s}-{src}-to-{to}-{'stream' if st else 'response'}"
        for c, src, s, to, st in _strict_cases()
    ],
)
def test_strict_sdk_schema_validation(
    case: str, src: str, stem: str, to: str, streaming: bool
) -> None:
    source = _load(case, src, stem, streaming=streaming)
    validate = _validator(to, streaming)
    translated = to_format(source, to, src, stream=streaming)
    for item in translated if streaming else [translated]:
        validate(item)
