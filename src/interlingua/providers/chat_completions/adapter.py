"""The OpenAI Chat Completions adapter: wiring only.
https://platform.openai.com/docs/api-reference/chat
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..._capabilities import Support
from ..._formats import Format, Kind
from ...universal import Request, Response
from ..base import ConversionContext, ProviderAdapter, conversion_boundary
from . import detect as _detect
from . import request as _request
from . import response as _response
from .stream import ChatCompletionsStreamDecoder, ChatCompletionsStreamEncoder
from .tables import CAPABILITIES


class ChatCompletionsAdapter(ProviderAdapter):
    """OpenAI Chat Completions (`/v1/chat/completions`) and OpenAI-compatible APIs."""

    format: ClassVar[Format] = Format.CHAT_COMPLETIONS
    display_name: ClassVar[str] = "OpenAI Chat Completions"
    payload_folder: ClassVar[str] = "chat-completions"
    sse_event_names: ClassVar[bool] = False
    sse_done: ClassVar[str | None] = "[DONE]"
    capabilities: ClassVar[Mapping[str, Support]] = CAPABILITIES

    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        return _detect.detect(payload, kind)

    def request_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Request:
        with conversion_boundary(self.format, Kind.REQUEST):
            return _request.request_to_universal(payload, ctx)

    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        with conversion_boundary(self.format, Kind.REQUEST):
            return _request.request_from_universal(request, ctx)

    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        with conversion_boundary(self.format, Kind.RESPONSE):
            return _response.response_to_universal(payload, ctx)

    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        with conversion_boundary(self.format, Kind.RESPONSE):
            return _response.response_from_universal(response, ctx)

    def stream_decoder(self, *, standalone: bool = False) -> ChatCompletionsStreamDecoder:
        return ChatCompletionsStreamDecoder(standalone=standalone)

    def stream_encoder(self, ctx: ConversionContext) -> ChatCompletionsStreamEncoder:
        return ChatCompletionsStreamEncoder(ctx)
