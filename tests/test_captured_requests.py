"""Request bodies built by the providers' official clients, used as translation inputs.

Each case makes one typical call with an official client (openai, anthropic, google-genai,
botocore) over a mocked HTTP path; the mock records the body the client serialised and answers
with a minimal valid response so the call completes. Those bodies, written by the clients and
not by this project, are then: detected as the right format and kind "request"; unchanged by a
same-format trip; and translated to every other format into a payload the target SDK's types
accept, with the conversation kept (losses excuse differences as in ``test_roundtrip``).

Client versions used: openai 3.52.0, anthropic 2.11.0, google-genai 3.4.0, botocore 1.44.5,
httpx2 2.16.2.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import unquote

# the clients are required test dependencies: a missing one must fail, not skip
import anthropic
import botocore.session as botocore_session
import httpx2 as httpx
import openai
import pytest
from google import genai
from google.genai import types as gtypes

from interlingua import (
    Format,
    InterlinguaError,
    Kind,
    detect,
    from_universal,
    to_universal,
    translate_with_report,
)
from interlingua.universal import Request

from .conversation import summarize_request
from .payload_cases import implemented
from .sdk_validators import validate
from .test_roundtrip import _kept

# --------------------------------------------------------------------------------------------
# Minimal valid responses, so each client call completes
# --------------------------------------------------------------------------------------------

CHAT_RESPONSE = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 0,
    "model": "m",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "ok"},
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}
CHAT_STREAM = (
    "data: "
    + json.dumps(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "delta": {"content": "ok"}, "finish_reason": "stop"}],
        }
    )
    + "\n\ndata: [DONE]\n\n"
).encode()
ANTHROPIC_RESPONSE = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "m",
    "content": [{"type": "text", "text": "ok"}],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 1, "output_tokens": 1},
}
RESPONSES_RESPONSE = {
    "id": "resp_1",
    "object": "response",
    "created_at": 0,
    "model": "m",
    "status": "completed",
    "output": [
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "ok", "annotations": []}],
        }
    ],
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [],
    "usage": {
        "input_tokens": 1,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": 1,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 2,
    },
}
GOOGLE_RESPONSE = {
    "candidates": [
        {"content": {"role": "model", "parts": [{"text": "ok"}]}, "finishReason": "STOP"}
    ],
    "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1, "totalTokenCount": 2},
}
CONVERSE_RESPONSE = {
    "output": {"message": {"role": "assistant", "content": [{"text": "ok"}]}},
    "stopReason": "end_turn",
    "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
    "metrics": {"latencyMs": 1},
}


# --------------------------------------------------------------------------------------------
# Capturing transports
# --------------------------------------------------------------------------------------------


class Capture:
    """A MockTransport handler: records each request's path and JSON body, serves one body."""

    def __init__(self, body: bytes, content_type: str = "application/json"):
        self.body = body
        self.content_type = content_type
        self.seen: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, request: Any) -> Any:
        self.seen.append((request.url.path, json.loads(request.content)))
        return httpx.Response(200, headers={"content-type": self.content_type}, content=self.body)

    def http_client(self) -> Any:
        return httpx.Client(transport=httpx.MockTransport(self))

    def only_body(self, path_end: str) -> dict[str, Any]:
        assert len(self.seen) == 1, self.seen
        path, body = self.seen[0]
        assert path.endswith(path_end), path
        return body


def _openai(cap: Capture) -> Any:
    return openai.OpenAI(
        api_key="x", base_url="http://test/v1", http_client=cap.http_client(), max_retries=0
    )


def capture_chat(**kwargs: Any) -> dict[str, Any]:
    stream = kwargs.get("stream", False)
    cap = (
        Capture(CHAT_STREAM, "text/event-stream")
        if stream
        else Capture(json.dumps(CHAT_RESPONSE).encode())
    )
    out = _openai(cap).chat.completions.create(model="gpt-4o", **kwargs)
    if stream:
        list(out)
    return cap.only_body("/chat/completions")


def capture_responses(**kwargs: Any) -> dict[str, Any]:
    cap = Capture(json.dumps(RESPONSES_RESPONSE).encode())
    _openai(cap).responses.create(model="gpt-4o", **kwargs)
    return cap.only_body("/responses")


def capture_anthropic(**kwargs: Any) -> dict[str, Any]:
    cap = Capture(json.dumps(ANTHROPIC_RESPONSE).encode())
    client = anthropic.Anthropic(
        api_key="x", base_url="http://test", http_client=cap.http_client(), max_retries=0
    )
    client.messages.create(model="claude-opus-4-5", **kwargs)
    return cap.only_body("/v1/messages")


def capture_google(contents: Any, config: gtypes.GenerateContentConfig) -> dict[str, Any]:
    cap = Capture(json.dumps(GOOGLE_RESPONSE).encode())
    client = genai.Client(
        api_key="x",
        http_options=gtypes.HttpOptions(base_url="http://test", httpx_client=cap.http_client()),
    )
    client.models.generate_content(model="gemini-2.5-flash", contents=contents, config=config)
    # NOTE: the model travels in the URL (/models/<id>:generateContent); the body has none.
    return cap.only_body(":generateContent")


class _Raw:
    """Stand-in for urllib3's response: what botocore's AWSResponse reads."""

    def __init__(self, body: bytes):
        self._body = body

    def stream(self, amt: int = 1024, decode_content: bool = True):
        yield self.read()

    def read(self, amt: int | None = None) -> bytes:
        body, self._body = self._body, b""
        return body

    def close(self) -> None:
        pass


def capture_converse(**kwargs: Any) -> dict[str, Any]:
    from botocore.awsrequest import AWSResponse
    from botocore.config import Config

    client = botocore_session.get_session().create_client(
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
        body = json.dumps(CONVERSE_RESPONSE).encode()
        return AWSResponse(request.url, 200, {"content-type": "application/json"}, _Raw(body))

    client.meta.events.register("before-send.bedrock-runtime.*", before_send)
    client.converse(modelId="anthropic.claude-3-5-sonnet-20240620-v1:0", **kwargs)
    assert len(seen) == 1
    request = seen[0]
    path = request.url.split("?")[0].split("://", 1)[1].split("/", 1)[1]
    prefix, model_id, action = path.split("/")
    assert (prefix, action) == ("model", "converse"), path
    body = json.loads(request.body)
    assert "modelId" not in body
    # NOTE: botocore puts modelId in the URL path (/model/<id>/converse), not in the body;
    # interlingua's bedrock format is the Converse body WITH modelId, so it is added back here
    # from the path the client actually used.
    return {"modelId": unquote(model_id), **body}


# --------------------------------------------------------------------------------------------
# The typical calls
# --------------------------------------------------------------------------------------------

WEATHER_SCHEMA = {
    "type": "object",
    "properties": {"city": {"type": "string"}},
    "required": ["city"],
}
CHAT_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city",
        "parameters": WEATHER_SCHEMA,
    },
}
ANSWER_SCHEMA = {
    "type": "object",
    "properties": {"answer": {"type": "string"}},
    "required": ["answer"],
    "additionalProperties": False,
}
PNG_B64 = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
).decode()


def _chat_cases() -> dict[str, Callable[[], dict[str, Any]]]:
    return {
        "chat-system-user": lambda: capture_chat(
            messages=[
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Say hello."},
            ],
            temperature=0.2,
            max_tokens=64,
        ),
        "chat-tools-tool-choice": lambda: capture_chat(
            messages=[{"role": "user", "content": "Weather in Paris?"}],
            tools=[CHAT_TOOL],
            tool_choice={"type": "function", "function": {"name": "get_weather"}},
        ),
        "chat-tool-history": lambda: capture_chat(
            messages=[
                {"role": "user", "content": "Weather in Paris?"},
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                        }
                    ],
                },
                {"role": "tool", "tool_call_id": "call_1", "content": "Sunny, 21C"},
            ],
            tools=[CHAT_TOOL],
        ),
        "chat-image-url": lambda: capture_chat(
            messages=[
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "What is in this image?"},
                        {
                            "type": "image_url",
                            "image_url": {"url": f"data:image/png;base64,{PNG_B64}"},
                        },
                    ],
                }
            ],
        ),
        "chat-response-format": lambda: capture_chat(
            messages=[{"role": "user", "content": "Answer in JSON."}],
            response_format={
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": ANSWER_SCHEMA, "strict": True},
            },
        ),
        "chat-stream": lambda: capture_chat(
            messages=[{"role": "user", "content": "Stream a hello."}],
            stream=True,
            stream_options={"include_usage": True},
        ),
        "chat-reasoning-effort": lambda: capture_chat(
            messages=[{"role": "user", "content": "Think, then answer: 2+2?"}],
            reasoning_effort="low",
        ),
    }


ANTHROPIC_TOOL = {
    "name": "get_weather",
    "description": "Weather for a city",
    "input_schema": WEATHER_SCHEMA,
}


def _anthropic_cases() -> dict[str, Callable[[], dict[str, Any]]]:
    return {
        "anthropic-system": lambda: capture_anthropic(
            max_tokens=256,
            system="You are terse.",
            messages=[{"role": "user", "content": "Say hello."}],
        ),
        "anthropic-tools-any": lambda: capture_anthropic(
            max_tokens=256,
            messages=[{"role": "user", "content": "Weather in Paris?"}],
            tools=[ANTHROPIC_TOOL],
            tool_choice={"type": "any"},
        ),
        "anthropic-tool-history": lambda: capture_anthropic(
            max_tokens=256,
            tools=[ANTHROPIC_TOOL],
            messages=[
                {"role": "user", "content": "Weather in Paris?"},
                {
                    "role": "assistant",
                    "content": [
                        {"type": "text", "text": "Let me check."},
                        {
                            "type": "tool_use",
                            "id": "toolu_1",
                            "name": "get_weather",
                            "input": {"city": "Paris"},
                        },
                    ],
                },
                {
                    "role": "user",
                    "content": [
                        {"type": "tool_result", "tool_use_id": "toolu_1", "content": "Sunny, 21C"}
                    ],
                },
            ],
        ),
        "anthropic-thinking": lambda: capture_anthropic(
            max_tokens=4096,
            thinking={"type": "enabled", "budget_tokens": 2048},
            messages=[{"role": "user", "content": "Think, then answer: 2+2?"}],
        ),
        "anthropic-image-base64": lambda: capture_anthropic(
            max_tokens=256,
            messages=[
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "image",
                            "source": {
                                "type": "base64",
                                "media_type": "image/png",
                                "data": PNG_B64,
                            },
                        },
                        {"type": "text", "text": "What is in this image?"},
                    ],
                }
            ],
        ),
    }


RESPONSES_TOOL = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city",
    "parameters": WEATHER_SCHEMA,
    "strict": False,
}


def _responses_cases() -> dict[str, Callable[[], dict[str, Any]]]:
    return {
        "responses-instructions": lambda: capture_responses(
            instructions="You are terse.", input="Say hello."
        ),
        "responses-function-call-items": lambda: capture_responses(
            tools=[RESPONSES_TOOL],
            input=[
                {"role": "user", "content": "Weather in Paris?"},
                {
                    "type": "function_call",
                    "call_id": "call_1",
                    "name": "get_weather",
                    "arguments": '{"city":"Paris"}',
                },
                {"type": "function_call_output", "call_id": "call_1", "output": "Sunny, 21C"},
            ],
        ),
        "responses-tools-json-schema": lambda: capture_responses(
            input="Weather in Paris, as JSON?",
            tools=[RESPONSES_TOOL],
            text={
                "format": {
                    "type": "json_schema",
                    "name": "answer",
                    "schema": ANSWER_SCHEMA,
                    "strict": True,
                }
            },
        ),
    }


def _google_cases() -> dict[str, Callable[[], dict[str, Any]]]:
    weather = gtypes.FunctionDeclaration(
        name="get_weather",
        description="Weather for a city",
        parameters=gtypes.Schema(
            type="OBJECT",
            properties={"city": gtypes.Schema(type="STRING")},
            required=["city"],
        ),
    )
    return {
        "google-config": lambda: capture_google(
            [
                gtypes.Content(role="user", parts=[gtypes.Part(text="Weather in Paris?")]),
            ],
            gtypes.GenerateContentConfig(
                system_instruction="You are terse.",
                tools=[gtypes.Tool(function_declarations=[weather])],
                temperature=0.3,
                max_output_tokens=512,
                thinking_config=gtypes.ThinkingConfig(thinking_budget=256),
            ),
        ),
        "google-function-history": lambda: capture_google(
            [
                gtypes.Content(role="user", parts=[gtypes.Part(text="Weather in Paris?")]),
                gtypes.Content(
                    role="model",
                    parts=[
                        gtypes.Part(
                            function_call=gtypes.FunctionCall(
                                name="get_weather", args={"city": "Paris"}
                            )
                        )
                    ],
                ),
                gtypes.Content(
                    role="user",
                    parts=[
                        gtypes.Part(
                            function_response=gtypes.FunctionResponse(
                                name="get_weather", response={"result": "Sunny, 21C"}
                            )
                        )
                    ],
                ),
            ],
            gtypes.GenerateContentConfig(tools=[gtypes.Tool(function_declarations=[weather])]),
        ),
    }


def _bedrock_cases() -> dict[str, Callable[[], dict[str, Any]]]:
    tool_config = {
        "tools": [
            {
                "toolSpec": {
                    "name": "get_weather",
                    "description": "Weather for a city",
                    "inputSchema": {"json": WEATHER_SCHEMA},
                }
            }
        ],
        "toolChoice": {"auto": {}},
    }
    return {
        "bedrock-converse-tool-history": lambda: capture_converse(
            system=[{"text": "You are terse."}],
            inferenceConfig={"maxTokens": 512, "temperature": 0.5, "topP": 0.9},
            toolConfig=tool_config,
            messages=[
                {"role": "user", "content": [{"text": "Weather in Paris?"}]},
                {
                    "role": "assistant",
                    "content": [
                        {"text": "Let me check."},
                        {
                            "toolUse": {
                                "toolUseId": "tooluse_1",
                                "name": "get_weather",
                                "input": {"city": "Paris"},
                            }
                        },
                    ],
                },
                {
                    "role": "user",
                    "content": [
                        {
                            "toolResult": {
                                "toolUseId": "tooluse_1",
                                "content": [{"text": "Sunny, 21C"}],
                                "status": "success",
                            }
                        }
                    ],
                },
            ],
        ),
        "bedrock-converse-simple": lambda: capture_converse(
            system=[{"text": "You are terse."}],
            inferenceConfig={"maxTokens": 128, "stopSequences": ["END"]},
            messages=[{"role": "user", "content": [{"text": "Say hello."}]}],
        ),
    }


CAPTURES: dict[str, tuple[Format, Callable[[], dict[str, Any]]]] = {
    **{k: (Format.CHAT_COMPLETIONS, f) for k, f in _chat_cases().items()},
    **{k: (Format.ANTHROPIC, f) for k, f in _anthropic_cases().items()},
    **{k: (Format.RESPONSES, f) for k, f in _responses_cases().items()},
    **{k: (Format.GOOGLE, f) for k, f in _google_cases().items()},
    **{k: (Format.BEDROCK, f) for k, f in _bedrock_cases().items()},
}


@cache
def captured(name: str) -> str:
    """The body the client built, as JSON text (immutable, so a test cannot alter another's)."""
    return json.dumps(CAPTURES[name][1]())


def _load(name: str) -> tuple[Format, dict[str, Any]]:
    return CAPTURES[name][0], json.loads(captured(name))


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------

NAMES = list(CAPTURES)


@pytest.mark.parametrize("name", NAMES)
def test_capture_is_what_was_asked(name: str) -> None:
    """The capture itself worked: a body with messages/contents/input from the client."""
    fmt, body = _load(name)
    keys = {
        Format.CHAT_COMPLETIONS: "messages",
        Format.ANTHROPIC: "messages",
        Format.RESPONSES: "input",
        Format.GOOGLE: "contents",
        Format.BEDROCK: "messages",
    }
    assert keys[fmt] in body, body


@pytest.mark.parametrize("name", NAMES)
def test_detected(name: str) -> None:
    fmt, body = _load(name)
    found = detect(body)
    assert (found.format, found.kind) == (fmt, Kind.REQUEST)


@pytest.mark.parametrize("name", NAMES)
def test_same_format_identity(name: str) -> None:
    fmt, body = _load(name)
    result = translate_with_report(body, fmt, source=fmt, kind=Kind.REQUEST)
    assert result.payload == body
    assert not result.losses
    # and through the universal form, which is where a real change would show
    universal = to_universal(body, source=fmt, kind=Kind.REQUEST)
    assert from_universal(universal, fmt, on_loss="error") == body


# where a body carries its model (the cloud Anthropic bodies put it in the URL)
MODEL_KEY = {
    Format.CHAT_COMPLETIONS: "model",
    Format.RESPONSES: "model",
    Format.ANTHROPIC: "model",
    Format.BEDROCK: "modelId",
}

CROSS = [
    (name, target) for name in NAMES for target in implemented() if target is not CAPTURES[name][0]
]


@pytest.mark.parametrize(("name", "target"), CROSS, ids=[f"{n}->{t.value}" for n, t in CROSS])
def test_cross_translation(name: str, target: Format) -> None:
    fmt, body = _load(name)
    # NOTE: a google body names no model (it travels in the URL), so the caller supplies one
    model = "some-model" if fmt is Format.GOOGLE else None
    try:
        result = translate_with_report(body, target, source=fmt, kind=Kind.REQUEST, model=model)
    except InterlinguaError as exc:
        # refusing is allowed, but only with an interlingua error (anything else propagates)
        pytest.skip(f"interlingua refused: {exc}")
    written = result.payload
    if model is not None and target in MODEL_KEY:
        assert written[MODEL_KEY[target]] == model
    errors = validate(target, Kind.REQUEST, written)
    assert not errors, errors
    before = to_universal(body, source=fmt, kind=Kind.REQUEST)
    after = to_universal(result.payload, source=target, kind=Kind.REQUEST)
    assert isinstance(before, Request) and isinstance(after, Request)
    _kept(summarize_request(before), summarize_request(after), result.losses)
