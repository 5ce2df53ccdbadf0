"""The OpenAI Chat Completions adapter: wiring only.
https://platform.openai.com/docs/api-reference/chat
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from ..._capabilities import Support
from ..._formats import Format, Kind
from ...universal import Request, Response
from ..base import ConversionContext, ProviderAdapter, boundary_error
from . import detect as _detect
from . import request as _request
from .response_encode import encode_response
from .response_fast import decode_response
from .stream import ChatCompletionsStreamDecoder, ChatCompletionsStreamEncoder
from .tables import CAPABILITIES

_In = TypeVar("_In")
_Out = TypeVar("_Out")


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
        return _guarded(_request.request_to_universal, payload, ctx, self.format, Kind.REQUEST)

    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        return _guarded(_request.request_from_universal, request, ctx, self.format, Kind.REQUEST)

    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        return _guarded(decode_response, payload, ctx, self.format, Kind.RESPONSE)

    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        return _guarded(encode_response, response, ctx, self.format, Kind.RESPONSE)

    def stream_decoder(
        self, *, standalone: bool = False, wire: bool = True
    ) -> ChatCompletionsStreamDecoder:
        return ChatCompletionsStreamDecoder(standalone=standalone, wire=wire)

    def stream_encoder(self, ctx: ConversionContext) -> ChatCompletionsStreamEncoder:
        return ChatCompletionsStreamEncoder(ctx)


def _guarded(
    convert: Callable[[_In, ConversionContext], _Out],
    value: _In,
    ctx: ConversionContext,
    fmt: Format,
    kind: Kind,
) -> _Out:
    """``convert(value, ctx)`` with `conversion_boundary`'s handling of stray exceptions, as a
    try block (free when nothing is raised, unlike entering the context manager)."""
    try:
        return convert(value, ctx)
    except Exception as exc:
        converted = boundary_error(exc, fmt, kind)
        if converted is None:
            raise
        raise converted from None
