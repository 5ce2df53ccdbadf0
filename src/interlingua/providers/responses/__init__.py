"""OpenAI Responses: https://platform.openai.com/docs/api-reference/responses"""

from .adapter import ResponsesAdapter

__all__ = ["ResponsesAdapter"]
