"""LiteLLM as a benchmark peer: LiteLLM's own translation functions, called offline.

``litellm_translator(cell)`` gives ``(make_input, run)`` for a cell LiteLLM can translate, or a
short reason why not. ``make_input()`` builds everything the call needs (a deep copy of the
payload, since LiteLLM mutates its inputs; the response-like object and logging object LiteLLM's
provider code expects), untimed. ``run(x)`` is only LiteLLM's translation, timed by the caller.

Which LiteLLM functions each cell uses (``litellm_route(cell)`` says it for one cell):

* requests, ``chat-completions`` -> provider: the provider config's ``map_openai_params``
  (params filtered to the ones it declares supported, as ``litellm.completion`` does with
  ``drop_params``) then its ``transform_request`` (Anthropic, Bedrock Invoke Claude, Vertex
  Claude, Bedrock Converse), Gemini's ``transform_request_body``, or the Responses bridge's
  ``LiteLLMResponsesTransformationHandler.transform_request``.
* requests into ``chat-completions``: the ``/v1/messages`` adapter
  (``AnthropicAdapter.translate_completion_input_params``), the Responses bridge
  (``transform_responses_api_request_to_chat_completion_request``), the Google GenAI adapter
  (``translate_generate_content_to_completion``).
* requests with a direct path: Anthropic -> Bedrock Invoke / Vertex (``/v1/messages`` routed
  natively: ``get_requested_anthropic_messages_optional_param`` +
  ``transform_anthropic_messages_request``), Anthropic -> Responses
  (``LiteLLMAnthropicToResponsesAPIAdapter.translate_request``).
* responses into ``chat-completions``: the provider config's ``transform_response`` fed a
  pre-parsed response-like object (its ``.json()`` returns the payload: no JSON decoding is
  timed); the Responses bridge's ``transform_response`` after
  ``ResponsesAPIResponse.model_validate`` (what LiteLLM does to a Responses body).
* responses from ``chat-completions``: ``OpenAIGPTConfig.transform_response`` (LiteLLM's parse
  of an OpenAI body into ``ModelResponse``) then the ``/v1/messages`` adapter's
  ``translate_completion_output_params``, the Responses bridge's
  ``transform_chat_completion_response_to_responses_api_response`` or the Google GenAI
  adapter's ``translate_completion_to_generate_content``.
* responses with a direct path: Responses -> Anthropic
  (``LiteLLMAnthropicToResponsesAPIAdapter.translate_response``), Bedrock Invoke / Vertex Claude
  -> Anthropic (the native ``/v1/messages`` ``transform_anthropic_messages_response``).
* streams into ``chat-completions``: the provider's chunk parser fed one event per call
  (Anthropic / Vertex ``ModelResponseIterator.chunk_parser``,
  ``AmazonAnthropicClaudeStreamDecoder.chunk_parser``, ``AWSEventStreamDecoder.chunk_parser``
  for Converse, Gemini ``ModelResponseIterator.chunk_parser``,
  ``OpenAiResponsesToChatCompletionStreamIterator.chunk_parser``).
* streams from ``chat-completions``: ``OpenAIChatCompletionStreamingHandler.chunk_parser`` per
  event, pulled one chunk at a time by ``AnthropicStreamWrapper``, ``GoogleGenAIStreamWrapper``
  or ``LiteLLMCompletionStreamingIterator`` (Responses events).
* streams with a direct path: Bedrock Invoke Claude -> Anthropic
  (``AmazonAnthropicClaudeMessagesStreamDecoder.chunk_parser``), Responses -> Anthropic
  (``AnthropicResponsesStreamWrapper``, driven one event at a time).
* every other pair LiteLLM can serve goes through OpenAI's format, as LiteLLM does (e.g. a
  Gemini-format client calling a Claude model): the two functions above composed, A ->
  chat-completions -> B. Those cells are "composed" in ``litellm_route``.

Not supported (skip reasons say which): Bedrock Converse, Bedrock Invoke and Vertex rawPredict
request bodies as *input* (LiteLLM has no adapter accepting them), and responses or streams in
``bedrock``, ``bedrock-anthropic`` or ``vertex-anthropic`` format as *output* (LiteLLM never
emits them; Vertex Claude streams it passes through untouched).

Where the output is not what interlingua produces (the times are still of LiteLLM's real work):

* requests to ``bedrock`` have no ``modelId`` (LiteLLM puts it in the URL); requests to
  ``responses`` are the keyword arguments of ``litellm.responses()`` (``model``, ``input``, ...
  plus LiteLLM's own ``client`` / ``custom_llm_provider`` / ``litellm_logging_obj``).
* composed streams skip LiteLLM's ``CustomStreamWrapper`` between the two functions. Gemini's
  chunk parser marks every chunk ``finish_reason="stop"`` (the wrapper holds that back), so
  ``google`` -> ``anthropic`` streams get a ``message_delta`` after each text delta.
* ``LiteLLMCompletionStreamingIterator`` (streams to ``responses``) also builds the whole
  response and its cost at the end of the stream, as it does in LiteLLM.

Nothing here may reach the network: offline switches are set before ``litellm`` is imported and
a guard makes any TCP connect or DNS lookup in this process fail at once (and counts it); a cell
whose trial run tried is skipped.
"""

from __future__ import annotations

import copy
import datetime
import json
import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

# --- offline before litellm is imported ------------------------------------------------------

os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
os.environ["LITELLM_OFFLINE_MODE"] = "true"
os.environ["LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS"] = "True"
os.environ["LITELLM_LOCAL_BLOG_POSTS"] = "True"
os.environ["LITELLM_LOCAL_POLICY_TEMPLATES"] = "True"
os.environ["LITELLM_LOCAL_AUTOROUTER_PRESETS"] = "True"
os.environ["HF_HUB_OFFLINE"] = "1"

NETWORK_ATTEMPTS: list[str] = []
_INET = (socket.AF_INET, socket.AF_INET6)


def _install_network_guard() -> None:
    """Make TCP connects and DNS lookups fail at once (and count them) in this process."""
    if getattr(socket, "_litellm_peer_guard", False):
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def refuse(what: str) -> OSError:
        NETWORK_ATTEMPTS.append(what)
        return OSError(f"network disabled by the LiteLLM benchmark peer: {what}")

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in _INET:
            raise refuse(f"connect {address!r}")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in _INET:
            raise refuse(f"connect {address!r}")
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        raise refuse(f"getaddrinfo {host!r}")

    socket.socket.connect = connect  # type: ignore[assignment,method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[assignment,method-assign]
    socket.getaddrinfo = getaddrinfo
    socket._litellm_peer_guard = True  # type: ignore[attr-defined]


_install_network_guard()

import httpx  # noqa: E402
import litellm  # noqa: E402
from litellm.completion_extras.litellm_responses_transformation.transformation import (  # noqa: E402
    LiteLLMResponsesTransformationHandler,
    OpenAiResponsesToChatCompletionStreamIterator,
)
from litellm.google_genai.adapters.transformation import (  # noqa: E402
    GoogleGenAIAdapter,
    GoogleGenAIStreamWrapper,
)
from litellm.litellm_core_utils.litellm_logging import Logging  # noqa: E402
from litellm.llms.anthropic.chat.handler import (  # noqa: E402
    ModelResponseIterator as AnthropicChunkParser,
)
from litellm.llms.anthropic.chat.transformation import AnthropicConfig  # noqa: E402
from litellm.llms.anthropic.messages.adapters.streaming_iterator import (  # noqa: E402
    AnthropicStreamWrapper,
)
from litellm.llms.anthropic.messages.adapters.transformation import AnthropicAdapter  # noqa: E402
from litellm.llms.anthropic.messages.native.utils import (  # noqa: E402
    AnthropicMessagesRequestUtils,
)
from litellm.llms.anthropic.messages.responses_adapters.streaming_iterator import (  # noqa: E402
    AnthropicResponsesStreamWrapper,
)
from litellm.llms.anthropic.messages.responses_adapters.transformation import (  # noqa: E402
    LiteLLMAnthropicToResponsesAPIAdapter,
)
from litellm.llms.bedrock.chat.converse_transformation import AmazonConverseConfig  # noqa: E402
from litellm.llms.bedrock.chat.invoke_handler import (  # noqa: E402
    AmazonAnthropicClaudeStreamDecoder,
    AWSEventStreamDecoder,
)
from litellm.llms.bedrock.chat.invoke_transformations.anthropic_claude_transformation import (  # noqa: E402
    AmazonAnthropicClaudeConfig,
)
from litellm.llms.bedrock.messages.invoke_transformations.anthropic_claude_transformation import (  # noqa: E402
    AmazonAnthropicClaudeMessagesConfig,
    AmazonAnthropicClaudeMessagesStreamDecoder,
)
from litellm.llms.gemini.chat.transformation import GoogleAIStudioGeminiConfig  # noqa: E402
from litellm.llms.openai.chat.gpt_transformation import (  # noqa: E402
    OpenAIChatCompletionStreamingHandler,
    OpenAIGPTConfig,
)
from litellm.llms.openai.responses.transformation import OpenAIResponsesAPIConfig  # noqa: E402
from litellm.llms.vertex_ai.gemini.transformation import transform_request_body  # noqa: E402
from litellm.llms.vertex_ai.gemini.vertex_and_google_ai_studio_gemini import (  # noqa: E402
    ModelResponseIterator as GeminiChunkParser,
)
from litellm.llms.vertex_ai.vertex_ai_partner_models.anthropic.messages.transformation import (  # noqa: E402
    VertexAIPartnerModelsAnthropicMessagesConfig,
)
from litellm.llms.vertex_ai.vertex_ai_partner_models.anthropic.transformation import (  # noqa: E402
    VertexAIAnthropicConfig,
)
from litellm.responses.litellm_completion_transformation.streaming_iterator import (  # noqa: E402
    LiteLLMCompletionStreamingIterator,
)
from litellm.responses.litellm_completion_transformation.transformation import (  # noqa: E402
    LiteLLMCompletionResponsesConfig,
)
from litellm.types.llms.openai import ResponsesAPIResponse  # noqa: E402
from litellm.types.router import GenericLiteLLMParams  # noqa: E402
from litellm.types.utils import ModelResponse, ModelResponseStream  # noqa: E402

litellm.suppress_debug_info = True  # else an unknown-provider lookup prints a banner per call
litellm.telemetry = False
# LiteLLM logs warnings while translating (e.g. "Potential consecutive user/tool blocks" for
# Converse): writing them to the terminal would be timed, so only errors are kept.
for _name in ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy"):
    logging.getLogger(_name).setLevel(logging.ERROR)

CC = "chat-completions"
RESP = "responses"
ANTH = "anthropic"
BANTH = "bedrock-anthropic"
VANTH = "vertex-anthropic"
GOOGLE = "google"
CONVERSE = "bedrock"

#: the model LiteLLM is told it is calling, per target format (model-specific rules apply)
TARGET_MODEL = {
    CC: "gpt-5-nano",
    RESP: "gpt-5-nano",
    ANTH: "claude-sonnet-4-5-20250929",
    BANTH: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    VANTH: "claude-haiku-4-5@20251001",
    GOOGLE: "gemini-3-flash-preview",
    CONVERSE: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
}
#: the model a response or stream of each source format came from
SOURCE_MODEL = TARGET_MODEL

MakeInput = Callable[[], Any]
Run = Callable[[Any], Any]
Translator = tuple[MakeInput, Run]


def litellm_version() -> str:
    from importlib.metadata import version

    return version("litellm")


# --- shared helpers --------------------------------------------------------------------------


class _ParsedResponse:
    """The bits of ``httpx.Response`` LiteLLM's ``transform_response`` reads, with the body
    already parsed: ``.json()`` hands back the payload, so no JSON decoding is timed."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self._payload = payload
        self.text = json.dumps(payload)
        self.content = self.text.encode()
        self.headers = httpx.Headers({})
        self.status_code = 200

    def json(self) -> dict[str, Any]:
        return self._payload


def _logging(model: str, stream: bool = False, call_type: str = "completion") -> Logging:
    """A LiteLLM logging object as ``litellm.completion`` sets one up (no callbacks)."""
    log = Logging(
        model=model,
        messages=[],
        stream=stream,
        call_type=call_type,
        start_time=datetime.datetime.now(),
        litellm_call_id=str(uuid.uuid4()),
        function_id="benchmark",
    )
    log.update_environment_variables(litellm_params={}, optional_params={}, model=model)
    return log


def _split_chat_request(request: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    messages = request.pop("messages")
    for key in ("model", "stream", "stream_options", "custom_llm_provider"):
        request.pop(key, None)
    return messages, request


def _map_params(config: Any, params: dict[str, Any], model: str, base: dict[str, Any]) -> Any:
    """``map_openai_params`` over the params the provider declares supported (the rest dropped,
    as ``litellm.completion(..., drop_params=True)`` does)."""
    supported = set(config.get_supported_openai_params(model=model))
    non_default = {k: v for k, v in params.items() if k in supported and v is not None}
    return config.map_openai_params(
        non_default_params=non_default, optional_params=dict(base), model=model, drop_params=True
    )


# --- requests: chat-completions -> provider --------------------------------------------------


def _chat_to_anthropic_like(config: Any, target: str, extra: dict[str, Any]) -> Run:
    model = TARGET_MODEL[target]

    def run(request: dict[str, Any]) -> Any:
        messages, params = _split_chat_request(request)
        optional = _map_params(config, params, model, extra)
        return config.transform_request(
            model=model,
            messages=messages,
            optional_params=optional,
            litellm_params={},
            headers={},
        )

    return run


def _chat_to_google(request: dict[str, Any]) -> Any:
    model = TARGET_MODEL[GOOGLE]
    messages, params = _split_chat_request(request)
    optional = _map_params(_GEMINI, params, model, {})
    return transform_request_body(
        messages=messages,
        model=model,
        optional_params=optional,
        custom_llm_provider="gemini",
        litellm_params={},
        cached_content=None,
    )


class _NoLogging:
    """``transform_request`` of the Responses bridge only tags its logging object."""


def _chat_to_responses(request: dict[str, Any]) -> Any:
    messages, params = _split_chat_request(request)
    return _RESPONSES_BRIDGE.transform_request(
        model=TARGET_MODEL[RESP],
        messages=messages,
        optional_params=params,
        litellm_params={"custom_llm_provider": "openai"},
        headers={},
        litellm_logging_obj=_NoLogging(),
    )


_BRIDGE = LiteLLMCompletionResponsesConfig  # the Responses API <-> chat completions bridge
_ANTHROPIC = AnthropicConfig()
_BEDROCK_CLAUDE = AmazonAnthropicClaudeConfig()
_VERTEX_CLAUDE = VertexAIAnthropicConfig()
_CONVERSE = AmazonConverseConfig()
_GEMINI = GoogleAIStudioGeminiConfig()
_RESPONSES_BRIDGE = LiteLLMResponsesTransformationHandler()
_OPENAI = OpenAIGPTConfig()
_OPENAI_RESPONSES = OpenAIResponsesAPIConfig()

REQUEST_FROM_CHAT: dict[str, tuple[str, Run]] = {
    ANTH: (
        "AnthropicConfig.map_openai_params + transform_request",
        _chat_to_anthropic_like(_ANTHROPIC, ANTH, {}),
    ),
    BANTH: (
        "AmazonAnthropicClaudeConfig.map_openai_params + transform_request",
        _chat_to_anthropic_like(_BEDROCK_CLAUDE, BANTH, {}),
    ),
    VANTH: (
        "VertexAIAnthropicConfig.map_openai_params + transform_request",
        # what litellm's Vertex partner-model route adds before the Anthropic transform
        _chat_to_anthropic_like(
            _VERTEX_CLAUDE,
            VANTH,
            {"anthropic_version": "vertex-2023-10-16", "is_vertex_request": True},
        ),
    ),
    CONVERSE: (
        "AmazonConverseConfig.map_openai_params + transform_request",
        _chat_to_anthropic_like(_CONVERSE, CONVERSE, {}),
    ),
    GOOGLE: (
        "GoogleAIStudioGeminiConfig.map_openai_params + gemini transform_request_body",
        _chat_to_google,
    ),
    RESP: ("LiteLLMResponsesTransformationHandler.transform_request", _chat_to_responses),
}


# --- requests: source -> chat-completions ----------------------------------------------------


def _anthropic_request_to_chat(request: dict[str, Any]) -> Any:
    return AnthropicAdapter().translate_completion_input_params(request)


def _responses_request_to_chat(request: dict[str, Any]) -> Any:
    model = request.pop("model")
    given = request.pop("input")
    return _BRIDGE.transform_responses_api_request_to_chat_completion_request(
        model=model,
        input=given,
        responses_api_request=cast(Any, request),
        custom_llm_provider="openai",
    )


def _google_request_to_chat(request: dict[str, Any]) -> Any:
    model = request.pop("model", TARGET_MODEL[GOOGLE])
    contents = request.pop("contents")
    config = request.pop("generationConfig", None) or request.pop("config", None)
    return GoogleGenAIAdapter().translate_generate_content_to_completion(
        model=model, contents=contents, config=config, **request
    )


REQUEST_TO_CHAT: dict[str, tuple[str, Run]] = {
    ANTH: ("AnthropicAdapter.translate_completion_input_params", _anthropic_request_to_chat),
    RESP: (
        "LiteLLMCompletionResponsesConfig.transform_responses_api_request_to_chat_completion_request",
        _responses_request_to_chat,
    ),
    GOOGLE: (
        "GoogleGenAIAdapter.translate_generate_content_to_completion",
        _google_request_to_chat,
    ),
}


# --- requests: direct paths ------------------------------------------------------------------


def _anthropic_native(config: Any, target: str, provider: str) -> Run:
    model = TARGET_MODEL[target]

    def run(request: dict[str, Any]) -> Any:
        messages = request.pop("messages")
        request.pop("model", None)
        optional = AnthropicMessagesRequestUtils.get_requested_anthropic_messages_optional_param(
            params=request, model=model, drop_params=True, custom_llm_provider=provider
        )
        return config.transform_anthropic_messages_request(
            model=model,
            messages=messages,
            anthropic_messages_optional_request_params=dict(optional),
            litellm_params=GenericLiteLLMParams(),
            headers={},
        )

    return run


def _anthropic_request_to_responses(request: dict[str, Any]) -> Any:
    return LiteLLMAnthropicToResponsesAPIAdapter().translate_request(cast(Any, request))


REQUEST_DIRECT: dict[tuple[str, str], tuple[str, Run]] = {
    (ANTH, BANTH): (
        "AmazonAnthropicClaudeMessagesConfig.transform_anthropic_messages_request",
        _anthropic_native(AmazonAnthropicClaudeMessagesConfig(), BANTH, "bedrock"),
    ),
    (ANTH, VANTH): (
        "VertexAIPartnerModelsAnthropicMessagesConfig.transform_anthropic_messages_request",
        _anthropic_native(VertexAIPartnerModelsAnthropicMessagesConfig(), VANTH, "vertex_ai"),
    ),
    (ANTH, RESP): (
        "LiteLLMAnthropicToResponsesAPIAdapter.translate_request",
        _anthropic_request_to_responses,
    ),
}


# --- responses -------------------------------------------------------------------------------


class _ResponseInput:
    """A response cell's untimed inputs: the body as LiteLLM's provider code receives it."""

    def __init__(self, source: str, payload: dict[str, Any]) -> None:
        self.payload = payload
        self.raw = _ParsedResponse(payload)
        self.logging = _logging(SOURCE_MODEL[source])


def _provider_response_to_chat(config: Any, source: str) -> Run:
    model = SOURCE_MODEL[source]

    def run(x: _ResponseInput) -> ModelResponse:
        response: ModelResponse = config.transform_response(
            model=model,
            raw_response=x.raw,
            model_response=ModelResponse(),
            logging_obj=x.logging,
            request_data={},
            messages=[],
            optional_params={},
            litellm_params={},
            encoding=None,
        )
        return response

    return run


def _responses_response_to_chat(x: _ResponseInput) -> ModelResponse:
    response: ModelResponse = _RESPONSES_BRIDGE.transform_response(
        model=SOURCE_MODEL[RESP],
        raw_response=ResponsesAPIResponse.model_validate(x.payload),
        model_response=ModelResponse(),
        logging_obj=x.logging,
        request_data={},
        messages=[],
        optional_params={},
        litellm_params={},
        encoding=None,
    )
    return response


RESPONSE_TO_CHAT: dict[str, tuple[str, Run]] = {
    CC: ("OpenAIGPTConfig.transform_response", _provider_response_to_chat(_OPENAI, CC)),
    ANTH: ("AnthropicConfig.transform_response", _provider_response_to_chat(_ANTHROPIC, ANTH)),
    BANTH: (
        "AmazonAnthropicClaudeConfig.transform_response",
        _provider_response_to_chat(_BEDROCK_CLAUDE, BANTH),
    ),
    VANTH: (
        "VertexAIAnthropicConfig.transform_response",
        _provider_response_to_chat(_VERTEX_CLAUDE, VANTH),
    ),
    GOOGLE: (
        "GoogleAIStudioGeminiConfig.transform_response",
        _provider_response_to_chat(_GEMINI, GOOGLE),
    ),
    CONVERSE: (
        "AmazonConverseConfig.transform_response",
        _provider_response_to_chat(_CONVERSE, CONVERSE),
    ),
    RESP: (
        "ResponsesAPIResponse.model_validate"
        " + LiteLLMResponsesTransformationHandler.transform_response",
        _responses_response_to_chat,
    ),
}


def _chat_response_to_anthropic(response: ModelResponse) -> Any:
    return AnthropicAdapter().translate_completion_output_params(response)


def _chat_response_to_responses(response: ModelResponse) -> Any:
    return _BRIDGE.transform_chat_completion_response_to_responses_api_response(
        request_input="", responses_api_request={}, chat_completion_response=response
    )


def _chat_response_to_google(response: ModelResponse) -> Any:
    return GoogleGenAIAdapter().translate_completion_to_generate_content(response)


RESPONSE_FROM_CHAT: dict[str, tuple[str, Callable[[ModelResponse], Any]]] = {
    ANTH: ("AnthropicAdapter.translate_completion_output_params", _chat_response_to_anthropic),
    RESP: (
        "LiteLLMCompletionResponsesConfig.transform_chat_completion_response_to_responses_api_response",
        _chat_response_to_responses,
    ),
    GOOGLE: (
        "GoogleGenAIAdapter.translate_completion_to_generate_content",
        _chat_response_to_google,
    ),
}


def _responses_response_to_anthropic(x: _ResponseInput) -> Any:
    return LiteLLMAnthropicToResponsesAPIAdapter().translate_response(
        ResponsesAPIResponse.model_validate(x.payload)
    )


def _native_anthropic_response(config: Any, source: str) -> Run:
    model = SOURCE_MODEL[source]

    def run(x: _ResponseInput) -> Any:
        return config.transform_anthropic_messages_response(
            model=model, raw_response=x.raw, logging_obj=x.logging
        )

    return run


RESPONSE_DIRECT: dict[tuple[str, str], tuple[str, Run]] = {
    (RESP, ANTH): (
        "ResponsesAPIResponse.model_validate"
        " + LiteLLMAnthropicToResponsesAPIAdapter.translate_response",
        _responses_response_to_anthropic,
    ),
    (BANTH, ANTH): (
        "AmazonAnthropicClaudeMessagesConfig.transform_anthropic_messages_response",
        _native_anthropic_response(AmazonAnthropicClaudeMessagesConfig(), BANTH),
    ),
    (VANTH, ANTH): (
        "VertexAIPartnerModelsAnthropicMessagesConfig.transform_anthropic_messages_response",
        _native_anthropic_response(VertexAIPartnerModelsAnthropicMessagesConfig(), VANTH),
    ),
}


# --- streams ---------------------------------------------------------------------------------


class _StreamInput:
    """A stream cell's untimed inputs: the events as LiteLLM's decoder hands them over."""

    def __init__(self, source: str, events: list[dict[str, Any]], call_type: str) -> None:
        if source == CONVERSE:
            # AWS event-stream framing carries the event type in a header: LiteLLM's chunk
            # parser receives the payload alone ({"contentBlockDelta": {...}} -> {...})
            events = [next(iter(e.values())) if len(e) == 1 else e for e in events]
        self.events = events
        self.logging = _logging(SOURCE_MODEL[source], stream=True, call_type=call_type)


ChunkParser = Callable[[dict[str, Any]], Any]


def _stream_parser(source: str, x: _StreamInput) -> ChunkParser:
    """A fresh (stateful) LiteLLM chunk parser for one stream of ``source``."""
    model = SOURCE_MODEL[source]
    if source in (ANTH, VANTH):
        return AnthropicChunkParser(streaming_response=None, sync_stream=True).chunk_parser
    if source == BANTH:
        return AmazonAnthropicClaudeStreamDecoder(model=model, sync_stream=True).chunk_parser
    if source == CONVERSE:
        return AWSEventStreamDecoder(model=model).chunk_parser
    if source == GOOGLE:
        return GeminiChunkParser(
            streaming_response=None, sync_stream=True, logging_obj=x.logging
        ).chunk_parser
    if source == RESP:
        return OpenAiResponsesToChatCompletionStreamIterator(
            streaming_response=None, sync_stream=True
        ).chunk_parser
    return OpenAIChatCompletionStreamingHandler(
        streaming_response=None, sync_stream=True
    ).chunk_parser


STREAM_PARSER_NAME = {
    ANTH: "anthropic ModelResponseIterator.chunk_parser",
    VANTH: "anthropic ModelResponseIterator.chunk_parser",
    BANTH: "AmazonAnthropicClaudeStreamDecoder.chunk_parser",
    CONVERSE: "AWSEventStreamDecoder.chunk_parser",
    GOOGLE: "gemini ModelResponseIterator.chunk_parser",
    RESP: "OpenAiResponsesToChatCompletionStreamIterator.chunk_parser",
    CC: "OpenAIChatCompletionStreamingHandler.chunk_parser",
}


def _chat_chunks(source: str, x: _StreamInput) -> Iterator[ModelResponseStream]:
    """LiteLLM's OpenAI-format chunks for the source events, parsed one event per pull.
    (A Converse ``messageStart`` parses to an empty generic chunk, which LiteLLM's stream
    wrapper drops; it is dropped here too.)"""
    parse = _stream_parser(source, x)
    for event in x.events:
        chunk = parse(event)
        if isinstance(chunk, ModelResponseStream):
            yield chunk


class _ChunkSource:
    """What ``LiteLLMCompletionStreamingIterator`` reads from LiteLLM's stream wrapper: the
    next chunk and the logging object."""

    def __init__(self, chunks: Iterator[ModelResponseStream], logging: Logging) -> None:
        self._chunks = chunks
        self.logging_obj = logging

    def __iter__(self) -> _ChunkSource:
        return self

    def __next__(self) -> ModelResponseStream:
        return next(self._chunks)


def _stream_to_chat(source: str) -> Run:
    def run(x: _StreamInput) -> list[Any]:
        parse = _stream_parser(source, x)
        return [parse(event) for event in x.events]

    return run


def _stream_from_chat(source: str, target: str) -> Run:
    def to_anthropic(x: _StreamInput) -> list[Any]:
        return list(
            AnthropicStreamWrapper(
                completion_stream=cast(Any, _chat_chunks(source, x)), model=SOURCE_MODEL[source]
            )
        )

    def to_google(x: _StreamInput) -> list[Any]:
        return list(GoogleGenAIStreamWrapper(completion_stream=_chat_chunks(source, x)))

    def to_responses(x: _StreamInput) -> list[Any]:
        return list(
            LiteLLMCompletionStreamingIterator(
                model=SOURCE_MODEL[source],
                litellm_custom_stream_wrapper=cast(
                    Any, _ChunkSource(_chat_chunks(source, x), x.logging)
                ),
                request_input="",
                responses_api_request={},
                custom_llm_provider="openai",
            )
        )

    return {ANTH: to_anthropic, GOOGLE: to_google, RESP: to_responses}[target]


STREAM_WRAPPER_NAME = {
    ANTH: "AnthropicStreamWrapper",
    GOOGLE: "GoogleGenAIStreamWrapper",
    RESP: "LiteLLMCompletionStreamingIterator",
}


def _bedrock_claude_stream_to_anthropic(x: _StreamInput) -> list[Any]:
    parse = AmazonAnthropicClaudeMessagesStreamDecoder(model=SOURCE_MODEL[BANTH]).chunk_parser
    return [parse(event) for event in x.events]


def _responses_stream_to_anthropic(x: _StreamInput) -> list[Any]:
    # Each SSE event is typed as LiteLLM's Responses client does it, then handed to the
    # /v1/messages wrapper. The wrapper's public face is async (it pulls the Responses stream
    # on a thread); its per-event step is ``_process_event``, driven here one event at a time.
    model = SOURCE_MODEL[RESP]
    typed = _OPENAI_RESPONSES.transform_streaming_response
    wrapper = AnthropicResponsesStreamWrapper(responses_stream=iter(()), model=model)
    out: list[Any] = [wrapper._make_message_start()]
    wrapper._sent_message_start = True
    queue = wrapper._chunk_queue
    for event in x.events:
        wrapper._process_event(typed(model=model, parsed_chunk=event, logging_obj=x.logging))
        while queue:
            out.append(queue.popleft())
    return out


STREAM_DIRECT: dict[tuple[str, str], tuple[str, Run]] = {
    (BANTH, ANTH): (
        "AmazonAnthropicClaudeMessagesStreamDecoder.chunk_parser",
        _bedrock_claude_stream_to_anthropic,
    ),
    (RESP, ANTH): (
        "OpenAIResponsesAPIConfig.transform_streaming_response per event"
        " -> AnthropicResponsesStreamWrapper._process_event",
        _responses_stream_to_anthropic,
    ),
}


# --- routing ---------------------------------------------------------------------------------

_NO_INPUT_ADAPTER = (
    "LiteLLM has no adapter taking {fmt} request bodies as input (only OpenAI chat, "
    "Anthropic /v1/messages, Responses and Gemini generateContent)"
)
_NO_OUTPUT = (
    "LiteLLM never emits {kind}s in {fmt} format (no endpoint speaks it; "
    "it only calls providers in it)"
)


def _plan(cell: dict[str, Any]) -> tuple[str, Run, bool] | str:
    """(description, run, composed) for the cell, or why LiteLLM cannot do it."""
    kind, source, target = cell["kind"], cell["source"], cell["target"]
    if source == target:
        return "same format: nothing to translate"
    if kind == "request":
        if (source, target) in REQUEST_DIRECT:
            name, run = REQUEST_DIRECT[(source, target)]
            return name, run, False
        if source == CC:
            name, run = REQUEST_FROM_CHAT[target]
            return name, run, False
        if source not in REQUEST_TO_CHAT:
            return _NO_INPUT_ADAPTER.format(fmt=source)
        first_name, first = REQUEST_TO_CHAT[source]
        if target == CC:
            return first_name, first, False
        second_name, second = REQUEST_FROM_CHAT[target]

        def composed_request(request: dict[str, Any]) -> Any:
            return second(first(request))

        return f"{first_name} -> {second_name}", composed_request, True
    if kind == "response":
        if (source, target) in RESPONSE_DIRECT:
            name, run = RESPONSE_DIRECT[(source, target)]
            return name, run, False
        if target not in RESPONSE_FROM_CHAT and target != CC:
            return _NO_OUTPUT.format(kind="response", fmt=target)
        first_name, first = RESPONSE_TO_CHAT[source]
        if target == CC:
            return first_name, first, False
        second_name, second = RESPONSE_FROM_CHAT[target]

        def composed_response(x: _ResponseInput) -> Any:
            return second(first(x))

        # from an OpenAI body the first step is LiteLLM's parse of it, not a second hop
        return f"{first_name} -> {second_name}", composed_response, source != CC
    if kind == "stream":
        if (source, target) in STREAM_DIRECT:
            name, run = STREAM_DIRECT[(source, target)]
            return name, run, False
        if source == VANTH and target == ANTH:
            return "LiteLLM passes Vertex Claude streams through to /v1/messages clients untouched"
        if target == CC:
            return STREAM_PARSER_NAME[source] + " per event", _stream_to_chat(source), False
        if target not in STREAM_WRAPPER_NAME:
            return _NO_OUTPUT.format(kind="stream", fmt=target)
        name = f"{STREAM_PARSER_NAME[source]} per event -> {STREAM_WRAPPER_NAME[target]}"
        return name, _stream_from_chat(source, target), source != CC
    return f"unknown cell kind {kind!r}"


def litellm_route(cell: dict[str, Any]) -> str:
    """Which LiteLLM functions translate ``cell`` ("composed: ..." for a two-hop through
    OpenAI's format), or the skip reason."""
    plan = _plan(cell)
    if isinstance(plan, str):
        return f"skip: {plan}"
    name, _, composed = plan
    return f"composed: {name}" if composed else name


def _make_input(cell: dict[str, Any]) -> MakeInput:
    kind, source = cell["kind"], cell["source"]
    if kind == "request":
        payload = cell["payload"]
        return lambda: copy.deepcopy(payload)
    if kind == "response":
        payload = cell["payload"]
        return lambda: _ResponseInput(source, copy.deepcopy(payload))
    events = cell["events"]
    call_type = "responses" if cell["target"] == RESP else "completion"
    return lambda: _StreamInput(source, copy.deepcopy(events), call_type)


def _output_count(output: Any) -> int:
    return len(output) if isinstance(output, list) else 1


def litellm_translator(cell: dict[str, Any]) -> Translator | str:
    """``(make_input, run)`` for a cell LiteLLM can translate, else a short skip reason.

    The cell is tried once here (untimed): a cell on which LiteLLM raises, produces no output,
    or tries to reach the network is a skip, with the reason."""
    plan = _plan(cell)
    if isinstance(plan, str):
        return plan
    _, run, _ = plan
    make_input = _make_input(cell)
    attempts = len(NETWORK_ATTEMPTS)
    try:
        output = run(make_input())
    except Exception as exc:  # a payload LiteLLM rejects is a skip, with its reason
        if len(NETWORK_ATTEMPTS) > attempts:
            return f"LiteLLM tried to reach the network ({NETWORK_ATTEMPTS[-1]})"
        return f"LiteLLM raised {type(exc).__name__}: {str(exc)[:160]}"
    if len(NETWORK_ATTEMPTS) > attempts:
        return f"LiteLLM tried to reach the network ({NETWORK_ATTEMPTS[-1]})"
    if output is None or (cell["kind"] == "stream" and _output_count(output) == 0):
        return "LiteLLM produced no output for this payload"
    return make_input, run


def as_jsonable(output: Any) -> Any:
    """A LiteLLM output (pydantic objects, lists of them) as plain JSON-able data, for display."""
    if isinstance(output, list):
        return [as_jsonable(o) for o in output]
    if hasattr(output, "model_dump"):
        return output.model_dump(exclude_none=True)
    if isinstance(output, dict):
        return {k: v for k, v in output.items() if k not in _INTERNAL_KEYS}
    if isinstance(output, Iterable) and not isinstance(output, (str, bytes)):
        return [as_jsonable(o) for o in output]
    return output


#: keyword arguments for litellm's own entry points that a request translation also returns
_INTERNAL_KEYS = frozenset({"litellm_logging_obj", "client", "custom_llm_provider"})
