"""The Bedrock Converse adapter: wiring only. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html

NOTE: real ConverseStream responses use the binary AWS event-stream framing (each message
carries its event name in the ``:event-type`` header). interlingua's SSE framing of this format
is a JSON-over-SSE convenience: one ``event: <name>`` line (the event's single top-level key,
e.g. ``contentBlockDelta``) and one ``data:`` line holding the event object as the SDKs expose it
(``{"contentBlockDelta": {...}}``); there is no end marker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..._capabilities import Support
from ..._formats import Format, Kind
from ...universal import Request, Response
from ..base import ConversionContext, ProviderAdapter, StreamDecoder, StreamEncoder
from .detect import detect
from .request import request_from_universal, request_to_universal
from .response import response_from_universal, response_to_universal
from .stream import BedrockStreamDecoder
from .stream_encode import BedrockStreamEncoder
from .tables import CAPABILITIES


class BedrockAdapter(ProviderAdapter):
    """AWS Bedrock Converse (``POST /model/{modelId}/converse``) and ConverseStream."""

    format: ClassVar[Format] = Format.BEDROCK
    display_name: ClassVar[str] = "AWS Bedrock Converse"
    payload_folder: ClassVar[str] = "bedrock"
    sse_event_names: ClassVar[bool] = True
    sse_done: ClassVar[str | None] = None
    capabilities: ClassVar[Mapping[str, Support]] = CAPABILITIES

    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        return detect(payload, kind)

    def request_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Request:
        return request_to_universal(payload, ctx)

    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        return request_from_universal(request, ctx)

    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        return response_to_universal(payload, ctx)

    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        return response_from_universal(response, ctx)

    def stream_decoder(self, *, standalone: bool = False, wire: bool = True) -> StreamDecoder:
        return BedrockStreamDecoder(standalone=standalone, wire=wire)

    def stream_encoder(self, ctx: ConversionContext) -> StreamEncoder:
        return BedrockStreamEncoder(ctx)

    def sse_event_name(self, event: dict[str, Any]) -> str | None:
        """The event's single top-level key (``messageStart``, ``contentBlockDelta``, ...)."""
        return next(iter(event), None) if len(event) == 1 else None

    def set_model(self, payload: dict[str, Any], model: str, kind: Kind) -> dict[str, Any]:
        """The model is the request's ``modelId``; responses and events do not name it."""
        if kind is Kind.REQUEST:
            return {**payload, "modelId": model}
        return payload
