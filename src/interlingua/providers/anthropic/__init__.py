"""Anthropic Messages, and its Bedrock and Vertex bodies. https://docs.claude.com/en/api/messages"""

from .adapter import AnthropicAdapter
from .variants import BedrockAnthropicAdapter, VertexAnthropicAdapter

__all__ = ["AnthropicAdapter", "BedrockAnthropicAdapter", "VertexAnthropicAdapter"]
