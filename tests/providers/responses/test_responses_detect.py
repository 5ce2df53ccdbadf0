"""Detection of Responses bodies, and not of the other formats' bodies."""

from __future__ import annotations

from interlingua import Kind
from interlingua.providers.responses.detect import detect


def test_requests() -> None:
    assert detect({"model": "gpt-4o", "input": "hi"}, Kind.REQUEST) is None
    assert detect({"instructions": "be brief"}, Kind.REQUEST) is None
    assert detect({"model": "gpt-4o", "messages": []}, Kind.REQUEST) is not None
    assert detect({"contents": [], "input": "x"}, Kind.REQUEST) is not None
    # a response object echoes `instructions`; it is not a request
    assert detect({"object": "response", "instructions": None}, Kind.REQUEST) is not None


def test_responses_and_events() -> None:
    assert detect({"object": "response", "id": "r"}, Kind.RESPONSE) is None
    assert detect({"object": "chat.completion"}, Kind.RESPONSE) is not None
    ev = {"type": "response.output_text.delta", "sequence_number": 1}
    assert detect(ev, Kind.STREAM_EVENT) is None
    assert detect({"type": "error", "sequence_number": 1}, Kind.STREAM_EVENT) is None
    assert detect({"type": "error", "error": {}}, Kind.STREAM_EVENT) is not None  # Anthropic
    assert detect({"type": "message_start", "sequence_number": 1}, Kind.STREAM_EVENT) is not None
