"""Server-sent events: parse a byte/str stream into events, write events in each provider's
framing, and translate SSE to SSE.

The parser follows the WHATWG event-stream rules (``data:`` lines joined with newlines, ``event:``
names, ``:`` comments, CRLF/CR/LF line ends) and accepts chunks split at any byte, even inside a
UTF-8 sequence. Framing per format: Anthropic writes an ``event:`` line before each ``data:``
line; Chat Completions writes ``data:`` lines only and ends with ``data: [DONE]``.
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ._errors import InvalidPayloadError, PayloadProblem
from ._formats import Format, parse_format
from ._json import dumps, loads
from ._losses import OnLoss
from ._registry import adapter_for
from ._streaming import StreamTranslator

__all__ = [
    "SSEParser",
    "ServerSentEvent",
    "aparse_sse",
    "atranslate_sse",
    "format_event",
    "parse_sse",
    "translate_sse",
    "write_sse",
]

#: The longest line accepted (bytes of one ``data:`` line); larger means a broken stream.
MAX_LINE = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One dispatched event: its ``event`` name (None when absent), ``data`` and ``id``."""

    event: str | None
    data: str
    id: str | None = None


class SSEParser:
    """Incremental parser: `feed` chunks as they arrive, `close` at the end."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._buffer = ""  # the unfinished line (no line break, except maybe a trailing CR)
        self._parts: list[str] = []  # later chunks without a line break, joined lazily
        self._pending = 0  # len(self._buffer) + total length of self._parts
        self._event: str | None = None
        self._data: list[str] = []
        self._id: str | None = None
        self._offset = 0

    def feed(self, chunk: bytes | str) -> list[ServerSentEvent]:
        """Parse a chunk; returns the events it completed."""
        if isinstance(chunk, (bytes, bytearray, memoryview)):
            try:
                text = self._decoder.decode(bytes(chunk))
            except UnicodeDecodeError as exc:
                raise InvalidPayloadError(
                    [PayloadProblem("$", f"invalid UTF-8 at byte {self._offset + exc.start}")],
                    kind="stream-event",
                ) from None
            self._offset += len(chunk)
        else:
            text = chunk
        if "\n" not in text and "\r" not in text and not self._buffer.endswith("\r"):
            # No line ends here: keep the piece aside, so a long line split into many chunks
            # is joined once instead of rescanned and recopied per chunk (linear, not quadratic).
            self._parts.append(text)
            self._pending += len(text)
            if self._pending > MAX_LINE:
                raise _too_long()
            return []
        self._buffer = "".join([self._buffer, *self._parts, text])
        self._parts.clear()
        return self._drain(final=False)

    def close(self) -> list[ServerSentEvent]:
        """End of input: dispatch what is pending (a last event without its blank line)."""
        try:
            tail = self._decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise InvalidPayloadError(
                [PayloadProblem("$", "stream ended inside a UTF-8 sequence")], kind="stream-event"
            ) from None
        self._buffer = "".join([self._buffer, *self._parts, tail])
        self._parts.clear()
        events = self._drain(final=True)
        if self._buffer:
            self._line(self._buffer)
            self._buffer = ""
        event = self._dispatch()
        return [*events, event] if event else events

    def _drain(self, *, final: bool) -> list[ServerSentEvent]:
        events: list[ServerSentEvent] = []
        buffer = self._buffer
        start = 0
        length = len(buffer)
        while start < length:
            cut = _next_break(buffer, start)
            if cut < 0:
                break
            end, nxt = cut, cut + 1
            if buffer[cut] == "\r":
                if cut + 1 == length and not final:
                    break  # a CR at the end may be the first half of CRLF
                if cut + 1 < length and buffer[cut + 1] == "\n":
                    nxt = cut + 2
            line = buffer[start:end]
            start = nxt
            if line:
                self._line(line)
            else:
                event = self._dispatch()
                if event is not None:
                    events.append(event)
        self._buffer = buffer[start:]
        self._pending = len(self._buffer)
        if self._pending > MAX_LINE:
            raise _too_long()
        return events

    def _line(self, line: str) -> None:
        if line.startswith(":"):
            return
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            self._id = value

    def _dispatch(self) -> ServerSentEvent | None:
        if not self._data:
            self._event = None
            return None
        event = ServerSentEvent(self._event, "\n".join(self._data), self._id)
        self._event, self._data = None, []
        return event


def _too_long() -> InvalidPayloadError:
    return InvalidPayloadError(
        [PayloadProblem("$", f"SSE line longer than {MAX_LINE} characters")], kind="stream-event"
    )


def _next_break(text: str, start: int) -> int:
    lf = text.find("\n", start)
    cr = text.find("\r", start, lf if lf >= 0 else len(text))
    return cr if cr >= 0 else lf


def _payloads(events: list[ServerSentEvent]) -> Iterator[dict[str, Any]]:
    for event in events:
        if event.data == "[DONE]":
            continue
        try:
            value = loads(event.data)
        except ValueError as exc:
            raise InvalidPayloadError(
                [PayloadProblem("$", f"SSE data is not valid JSON: {exc}")], kind="stream-event"
            ) from None
        if not isinstance(value, dict):
            raise InvalidPayloadError(
                [PayloadProblem("$", "SSE data is not a JSON object")], kind="stream-event"
            )
        yield value


def parse_sse(chunks: Iterable[bytes | str]) -> Iterator[dict[str, Any]]:
    """The JSON events of an SSE stream (``[DONE]`` markers skipped)."""
    parser = SSEParser()
    for chunk in chunks:
        yield from _payloads(parser.feed(chunk))
    yield from _payloads(parser.close())


async def aparse_sse(chunks: AsyncIterable[bytes | str]) -> AsyncIterator[dict[str, Any]]:
    """`parse_sse` for an async byte stream (e.g. ``httpx.Response.aiter_bytes()``)."""
    parser = SSEParser()
    async for chunk in chunks:
        for event in _payloads(parser.feed(chunk)):
            yield event
    for event in _payloads(parser.close()):
        yield event


def format_event(event: dict[str, Any], to: Format | str) -> bytes:
    """One event in ``to``'s SSE framing."""
    adapter = adapter_for(parse_format(to))
    data = dumps(event)
    if adapter.sse_event_names:
        name = adapter.sse_event_name(event)
        if name:
            return b"event: " + name.encode() + b"\ndata: " + data + b"\n\n"
    return b"data: " + data + b"\n\n"


def write_sse(events: Iterable[dict[str, Any]], to: Format | str) -> Iterator[bytes]:
    """A whole stream of ``to`` events as SSE, with the format's end marker if it has one."""
    fmt = parse_format(to)
    for event in events:
        yield format_event(event, fmt)
    yield from _done_marker(fmt)


def _done_marker(fmt: Format) -> list[bytes]:
    """The data line that ends a stream of ``fmt``, if the format has one."""
    done = adapter_for(fmt).sse_done
    return [] if done is None else [b"data: " + done.encode() + b"\n\n"]


def translate_sse(
    chunks: Iterable[bytes | str],
    to: Format | str,
    *,
    source: Format | str | None = None,
    model: str | None = None,
    on_loss: OnLoss = "warn",
) -> Iterator[bytes]:
    """SSE bytes of one format in, SSE bytes of format ``to`` out, incrementally."""
    fmt = parse_format(to)
    translator = StreamTranslator(fmt, source=source, model=model, on_loss=on_loss)
    for event in parse_sse(chunks):
        for out in translator.feed(event):
            yield format_event(out, fmt)
    for out in translator.close():
        yield format_event(out, fmt)
    yield from _done_marker(fmt)


async def atranslate_sse(
    chunks: AsyncIterable[bytes | str],
    to: Format | str,
    *,
    source: Format | str | None = None,
    model: str | None = None,
    on_loss: OnLoss = "warn",
) -> AsyncIterator[bytes]:
    """`translate_sse` for an async byte stream."""
    fmt = parse_format(to)
    translator = StreamTranslator(fmt, source=source, model=model, on_loss=on_loss)
    async for event in aparse_sse(chunks):
        for out in translator.feed(event):
            yield format_event(out, fmt)
    for out in translator.close():
        yield format_event(out, fmt)
    for marker in _done_marker(fmt):
        yield marker
