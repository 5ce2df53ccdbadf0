"""OpenAI Chat Completions: https://platform.openai.com/docs/api-reference/chat"""

from .adapter import ChatCompletionsAdapter

__all__ = ["ChatCompletionsAdapter"]
