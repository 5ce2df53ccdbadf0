"""Anthropic Messages bodies as Amazon Bedrock and Google Vertex AI take them. https://docs.claude.com/en/api/claude-on-amazon-bedrock"""

from __future__ import annotations

from typing import Any, ClassVar

from ..._formats import Format, Kind
from .adapter import AnthropicAdapter
from .tables import BEDROCK_VERSION, VERTEX_VERSION


class _CloudAnthropicAdapter(AnthropicAdapter):
    """Same blocks, responses and events as Anthropic; the request body carries
    ``anthropic_version`` and no ``model`` (the model is in the URL, so leaving it out of the
    body is not a loss)."""

    #: their streams are not written back unchanged by the other members: Bedrock's end with
    #: its own ``amazon-bedrock-invocationMetrics``, and Vertex has been recorded sending a
    #: whole response body as its one stream event
    family_identical: ClassVar[frozenset[Kind]] = frozenset({Kind.RESPONSE})

    def set_model(self, payload: dict[str, Any], model: str, kind: Kind) -> dict[str, Any]:
        if kind is Kind.REQUEST:
            return payload  # the model is part of the endpoint URL, not the request body
        return super().set_model(payload, model, kind)


class BedrockAnthropicAdapter(_CloudAnthropicAdapter):
    """Claude on Amazon Bedrock (``InvokeModel`` with an Anthropic body)."""

    format: ClassVar[Format] = Format.BEDROCK_ANTHROPIC
    display_name: ClassVar[str] = "Anthropic Messages on Amazon Bedrock"
    payload_folder: ClassVar[str] = "bedrock-anthropic"
    body_version: ClassVar[str | None] = BEDROCK_VERSION
    cloud: ClassVar[str | None] = "bedrock"


class VertexAnthropicAdapter(_CloudAnthropicAdapter):
    """Claude on Google Vertex AI (``rawPredict`` / ``streamRawPredict``)."""

    format: ClassVar[Format] = Format.VERTEX_ANTHROPIC
    display_name: ClassVar[str] = "Anthropic Messages on Vertex AI"
    payload_folder: ClassVar[str] = "vertex-anthropic"
    body_version: ClassVar[str | None] = VERTEX_VERSION
    cloud: ClassVar[str | None] = "vertex"
