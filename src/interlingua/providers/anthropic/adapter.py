"""The Anthropic Messages adapter: wiring only. https://docs.claude.com/en/api/messages"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..._capabilities import Support
from ..._formats import Format, Kind
from ...universal import Request, Response
from ..base import ConversionContext, ProviderAdapter, StreamDecoder, StreamEncoder
from .detect import cloud_of, detect_shape
from .request import request_from_universal, request_to_universal
from .response import response_from_universal, response_to_universal
from .stream import AnthropicStreamDecoder
from .stream_encode import AnthropicStreamEncoder
from .tables import CAPABILITIES


class AnthropicAdapter(ProviderAdapter):
    """Anthropic Messages (``POST /v1/messages``)."""

    format: ClassVar[Format] = Format.ANTHROPIC
    display_name: ClassVar[str] = "Anthropic Messages"
    payload_folder: ClassVar[str] = "anthropic"
    sse_event_names: ClassVar[bool] = True
    sse_done: ClassVar[str | None] = None
    capabilities: ClassVar[Mapping[str, Support]] = CAPABILITIES
    #: Bedrock and Vertex take Anthropic response bodies and stream events unchanged (the
    #: reverse holds for bodies only: see `_CloudAnthropicAdapter`)
    family_identical: ClassVar[frozenset[Kind]] = frozenset({Kind.RESPONSE, Kind.STREAM_EVENT})
    #: ``anthropic_version`` a cloud variant writes into request bodies (None: plain Anthropic)
    body_version: ClassVar[str | None] = None
    #: the cloud whose payloads this adapter claims (None: plain Anthropic)
    cloud: ClassVar[str | None] = None

    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        reason = detect_shape(payload, kind)
        if reason is not None:
            return reason
        found = cloud_of(payload, kind)
        if found == self.cloud:
            return None
        if self.cloud is None:
            return f"a {found}-anthropic payload"
        return f"no {self.cloud} marker (anthropic_version or *_{self.cloud[:4]}_ ids)"

    def request_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Request:
        return request_to_universal(payload, ctx)

    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        return request_from_universal(request, ctx, version=self.body_version)

    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        return response_to_universal(payload, ctx)

    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        return response_from_universal(response, ctx)

    def stream_decoder(self, *, standalone: bool = False, wire: bool = True) -> StreamDecoder:
        return AnthropicStreamDecoder(self.format, standalone=standalone, wire=wire)

    def stream_encoder(self, ctx: ConversionContext) -> StreamEncoder:
        return AnthropicStreamEncoder(ctx)

    def set_model(self, payload: dict[str, Any], model: str, kind: Kind) -> dict[str, Any]:
        # a stream names its model once, in message_start's message
        message = payload.get("message")
        if kind is Kind.STREAM_EVENT and isinstance(message, dict):
            return {**payload, "message": {**message, "model": model}}
        return super().set_model(payload, model, kind)
