"""The benchmark's payload set: every payload kind in each of the seven formats, as cells.

A cell is (payload kind, source format, target format). Payloads come from the recorded corpus
in ``payloads/corpus/snapshots``; the sizes the corpus does not have are made from recorded
payloads of the same format:

* ``conversation-request``: the recorded tool-call follow-up's messages repeated to 60
  messages (each repeat is a user turn, a tool call and its result, in that format's own shape).
* ``image-request``: the recorded small request plus a ~1 MB base64 PNG, written in each
  format's image shape.
* ``stream-20`` / ``stream-2000``: the recorded simple stream with its text-delta event
  repeated to 20 / 2,000 events (Responses sequence numbers renumbered; Gemini's single
  recorded chunk split into delta chunks and a final chunk; Vertex streams are Anthropic SSE
  events, whose recording is the non-streamed body, so Anthropic's recorded events are used).
"""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "payloads" / "corpus" / "snapshots"

FORMATS = (
    "chat-completions",
    "responses",
    "anthropic",
    "bedrock-anthropic",
    "vertex-anthropic",
    "google",
    "bedrock",
)
PAYLOAD_KINDS = (
    "small-request",
    "tool-call-request",
    "conversation-request",
    "image-request",
    "small-response",
    "tool-call-response",
    "stream-20",
    "stream-2000",
)
KIND_OF = {
    "small-request": "request",
    "tool-call-request": "request",
    "conversation-request": "request",
    "image-request": "request",
    "small-response": "response",
    "tool-call-response": "response",
    "stream-20": "stream",
    "stream-2000": "stream",
}
CONVERSATION_MESSAGES = 60
IMAGE_BYTES = 768 * 1024  # ~1 MB once base64-encoded


@dataclass(frozen=True)
class Cell:
    """One benchmark cell: translate ``payload`` (or the stream ``events``) from ``source`` to
    ``target``."""

    payload_kind: str
    source: str
    target: str
    payload: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.payload_kind}:{self.source}->{self.target}"

    @property
    def kind(self) -> str:
        return KIND_OF[self.payload_kind]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "payload_kind": self.payload_kind,
            "kind": self.kind,
            "source": self.source,
            "target": self.target,
        }
        if self.kind == "stream":
            out["events"] = self.events
        else:
            out["payload"] = self.payload
        return out


def _load(case: str, fmt: str, name: str) -> Any:
    return json.loads((SNAPSHOTS / case / fmt / name).read_text())


# --- payloads the corpus has -----------------------------------------------------------------


def _recorded(payload_kind: str, fmt: str) -> dict[str, Any]:
    case, name = {
        "small-request": ("simpleRequest", "request.json"),
        "tool-call-request": ("toolCallRequest", "followup-request.json"),
        "small-response": ("simpleRequest", "response.json"),
        "tool-call-response": ("toolCallRequest", "response.json"),
    }[payload_kind]
    value: dict[str, Any] = _load(case, fmt, name)
    return value


# --- long conversations ----------------------------------------------------------------------

#: where each format keeps its turns
_TURNS_KEY = {"google": "contents", "responses": "input"}


def conversation(fmt: str, messages: int = CONVERSATION_MESSAGES) -> dict[str, Any]:
    """The recorded tool-call follow-up with its turns repeated to ``messages`` turns."""
    base = _load("toolCallRequest", fmt, "followup-request.json")
    key = _TURNS_KEY.get(fmt, "messages")
    turns = base[key]
    repeated = [copy.deepcopy(turns[i % len(turns)]) for i in range(messages)]
    return {**base, key: repeated}


# --- large images ----------------------------------------------------------------------------


def _png_base64(size: int = IMAGE_BYTES) -> str:
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR"
    body = bytes((i * 7919) % 251 for i in range(size - len(header)))
    return base64.b64encode(header + body).decode()


def _image_part(fmt: str, data: str) -> dict[str, Any]:
    if fmt == "chat-completions":
        return {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{data}"}}
    if fmt == "responses":
        return {
            "type": "input_image",
            "image_url": f"data:image/png;base64,{data}",
            "detail": "auto",
        }
    if fmt == "google":
        return {"inlineData": {"mimeType": "image/png", "data": data}}
    if fmt == "bedrock":
        return {"image": {"format": "png", "source": {"bytes": data}}}
    return {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": data}}


def image_request(fmt: str, data: str) -> dict[str, Any]:
    """The recorded small request with an image part added to its first user turn."""
    base = _load("simpleRequest", fmt, "request.json")
    key = _TURNS_KEY.get(fmt, "messages")
    turns = base[key]
    first = dict(turns[0])
    content_key = "parts" if fmt == "google" else "content"
    content = first[content_key]
    if isinstance(content, str):
        text_part: dict[str, Any] = {
            "chat-completions": {"type": "text", "text": content},
            "responses": {"type": "input_text", "text": content},
        }.get(fmt, {"type": "text", "text": content})
        content = [text_part]
    first[content_key] = [*content, _image_part(fmt, data)]
    return {**base, key: [first, *turns[1:]]}


# --- streams ---------------------------------------------------------------------------------


def _is_text_delta(fmt: str, event: dict[str, Any]) -> bool:
    if fmt == "chat-completions":
        choices = event.get("choices") or [{}]
        return bool(choices[0].get("delta", {}).get("content")) and not choices[0].get(
            "finish_reason"
        )
    if fmt == "responses":
        return bool(event.get("type") == "response.output_text.delta")
    if fmt == "bedrock":
        return "text" in event.get("contentBlockDelta", {}).get("delta", {})
    if fmt == "google":
        candidate = (event.get("candidates") or [{}])[0]
        return "finishReason" not in candidate
    return bool(
        event.get("type") == "content_block_delta" and event["delta"].get("type") == "text_delta"
    )


def _recorded_stream(fmt: str) -> list[dict[str, Any]]:
    if fmt == "vertex-anthropic":
        fmt = "anthropic"
    events: list[dict[str, Any]] = _load("simpleRequest", fmt, "response-streaming.json")
    if fmt == "google" and len(events) == 1:
        final = events[0]
        candidate = final["candidates"][0]
        delta = {
            "candidates": [{"content": candidate["content"], "index": candidate.get("index", 0)}],
            "modelVersion": final.get("modelVersion"),
            "responseId": final.get("responseId"),
        }
        events = [delta, final]
    return events


def stream(fmt: str, length: int) -> list[dict[str, Any]]:
    """A recorded stream of ``fmt`` padded to ``length`` events by repeating its last text delta."""
    events = _recorded_stream(fmt)
    at = max(i for i, e in enumerate(events) if _is_text_delta(fmt, e))
    pad = [copy.deepcopy(events[at]) for _ in range(length - len(events))]
    out = [*events[: at + 1], *pad, *events[at + 1 :]]
    if fmt == "responses":
        out = [{**e, "sequence_number": i} for i, e in enumerate(out)]
    return out


# --- the cells -------------------------------------------------------------------------------


def source_payloads(fmt: str, image_data: str | None = None) -> dict[str, Any]:
    """Every payload kind's source payload (or events) in format ``fmt``."""
    data = image_data if image_data is not None else _png_base64()
    return {
        "small-request": _recorded("small-request", fmt),
        "tool-call-request": _recorded("tool-call-request", fmt),
        "conversation-request": conversation(fmt),
        "image-request": image_request(fmt, data),
        "small-response": _recorded("small-response", fmt),
        "tool-call-response": _recorded("tool-call-response", fmt),
        "stream-20": stream(fmt, 20),
        "stream-2000": stream(fmt, 2000),
    }


def build_cells(
    payload_kinds: tuple[str, ...] = PAYLOAD_KINDS,
    sources: tuple[str, ...] = FORMATS,
    targets: tuple[str, ...] = FORMATS,
    *,
    identity: bool = False,
) -> list[Cell]:
    """Every (payload kind, source, target) cell; same-format cells only with ``identity``."""
    data = _png_base64()
    cells = []
    for source in sources:
        payloads = source_payloads(source, data)
        for payload_kind in payload_kinds:
            value = payloads[payload_kind]
            for target in targets:
                if target == source and not identity:
                    continue
                if KIND_OF[payload_kind] == "stream":
                    cells.append(Cell(payload_kind, source, target, events=value))
                else:
                    cells.append(Cell(payload_kind, source, target, payload=value))
    return cells


def write_cells(path: Path, cells: list[Cell]) -> None:
    """Write cells as the JSON list the peer harnesses read."""
    path.write_text(json.dumps([c.to_json() for c in cells]))
