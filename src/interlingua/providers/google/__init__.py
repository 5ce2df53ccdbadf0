"""Google Gemini generateContent (REST JSON). https://ai.google.dev/api/generate-content"""

from .adapter import GoogleAdapter

__all__ = ["GoogleAdapter"]
