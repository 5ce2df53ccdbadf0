"""The OpenAI Responses adapter: wiring only.
https://platform.openai.com/docs/api-reference/responses
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
from . import response as _response
from .stream import ResponsesStreamDecoder
from .stream_encode import ResponsesStreamEncoder
from .tables import CAPABILITIES


class ResponsesAdapter(ProviderAdapter):
    """OpenAI Responses (`/v1/responses`)."""

    format: ClassVar[Format] = Format.RESPONSES
    display_name: ClassVar[str] = "OpenAI Responses"
    payload_folder: ClassVar[str] = "responses"
    sse_event_names: ClassVar[bool] = True
    sse_done: ClassVar[str | None] = None
    capabilities: ClassVar[Mapping[str, Support]] = CAPABILITIES

    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        return _detect.detect(payload, kind)

    def request_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Request:
        return _guarded(_request.request_to_universal, payload, ctx, Kind.REQUEST)

    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        return _guarded(_request.request_from_universal, request, ctx, Kind.REQUEST)

    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        return _guarded(_response.response_to_universal, payload, ctx, Kind.RESPONSE)

    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        return _guarded(_response.response_from_universal, response, ctx, Kind.RESPONSE)

    def stream_decoder(
        self, *, standalone: bool = False, wire: bool = True
    ) -> ResponsesStreamDecoder:
        return ResponsesStreamDecoder(standalone=standalone, wire=wire)

    def stream_encoder(self, ctx: ConversionContext) -> ResponsesStreamEncoder:
        return ResponsesStreamEncoder(ctx)

    def set_model(self, payload: dict[str, Any], model: str, kind: Kind) -> dict[str, Any]:
        if kind is Kind.STREAM_EVENT and isinstance(payload.get("response"), dict):
            return {**payload, "response": {**payload["response"], "model": model}}
        return super().set_model(payload, model, kind)


_In = TypeVar("_In")
_Out = TypeVar("_Out")


def _guarded(
    convert: Callable[[_In, ConversionContext], _Out],
    value: _In,
    ctx: ConversionContext,
    kind: Kind,
) -> _Out:
    """``convert(value, ctx)`` with `conversion_boundary`'s handling of stray exceptions, as a
    try block (free when nothing is raised, unlike entering the context manager)."""
    try:
        return convert(value, ctx)
    except Exception as exc:
        converted = boundary_error(exc, Format.RESPONSES, kind)
        if converted is None:
            raise
        raise converted from None
