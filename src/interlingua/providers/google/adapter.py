"""The Google Gemini generateContent adapter: wiring only. https://ai.google.dev/api/generate-content"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..._capabilities import Support
from ..._formats import Format, Kind
from ...universal import Request, Response
from ..base import ConversionContext, ProviderAdapter, StreamDecoder, StreamEncoder
from .detect import detect_shape
from .request import request_from_universal, request_to_universal
from .request_fast import fast_request
from .response import response_from_universal, response_to_universal
from .response_encode import foreign_response
from .response_fast import fast_response
from .stream import GoogleStreamDecoder
from .stream_encode import GoogleStreamEncoder
from .tables import CAPABILITIES, FAMILY


class GoogleAdapter(ProviderAdapter):
    """Gemini ``models/{model}:generateContent`` and ``:streamGenerateContent?alt=sse``."""

    format: ClassVar[Format] = Format.GOOGLE
    display_name: ClassVar[str] = "Google Gemini"
    payload_folder: ClassVar[str] = "google"
    sse_event_names: ClassVar[bool] = False
    sse_done: ClassVar[str | None] = None
    capabilities: ClassVar[Mapping[str, Support]] = CAPABILITIES

    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        return detect_shape(payload, kind)

    def request_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Request:
        fast = fast_request(payload)
        return fast if fast is not None else request_to_universal(payload, ctx)

    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        return request_from_universal(request, ctx)

    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        fast = fast_response(payload)
        return fast if fast is not None else response_to_universal(payload, ctx)

    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        ex = response.extras
        if ex is None or ex.family != FAMILY:
            return foreign_response(response, ctx)
        return response_from_universal(response, ctx)

    def stream_decoder(self, *, standalone: bool = False, wire: bool = True) -> StreamDecoder:
        return GoogleStreamDecoder(standalone=standalone, wire=wire)

    def stream_encoder(self, ctx: ConversionContext) -> StreamEncoder:
        return GoogleStreamEncoder(ctx)

    def set_model(self, payload: dict[str, Any], model: str, kind: Kind) -> dict[str, Any]:
        # NOTE: the model of a request is part of the URL (models/{model}:generateContent);
        # a body names it only if it already did. Responses and chunks say `modelVersion`.
        if kind is Kind.REQUEST:
            return {**payload, "model": model} if "model" in payload else payload
        return {**payload, "modelVersion": model} if "modelVersion" in payload else payload
