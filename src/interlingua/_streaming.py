"""Stream translation: thin loops over a source decoder and a target encoder."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Any

from ._errors import InvalidPayloadError, LossWarning, PayloadProblem, UnsupportedFeatureError
from ._formats import Format, Kind, parse_format
from ._json import coerce_payload
from ._losses import OnLoss, check_on_loss
from ._registry import adapter_for
from .providers.base import (
    ConversionContext,
    ProviderAdapter,
    StreamDecoder,
    StreamEncoder,
    boundary_error,
    conversion_boundary,
)
from .universal.accumulate import StreamAccumulator
from .universal.stream import StreamError

__all__ = ["StreamTranslator", "atranslate_stream", "collect_stream", "translate_stream"]

_STREAM_EVENT = Kind.STREAM_EVENT.value
_STREAM_EVENT_KIND = Kind.STREAM_EVENT


def _source_adapter(first: dict[str, Any], source: Format | str | None) -> ProviderAdapter:
    if source is not None:
        return adapter_for(parse_format(source))
    from ._api import detect

    return adapter_for(detect(first, kind=Kind.STREAM_EVENT).format)


class StreamTranslator:
    """Translates one stream event by event; `translate_stream` and `atranslate_stream` are
    loops over it. Memory stays constant: nothing is kept of the events already translated."""

    def __init__(
        self,
        to: Format | str,
        *,
        source: Format | str | None = None,
        model: str | None = None,
        on_loss: OnLoss = "warn",
    ) -> None:
        self._policy = check_on_loss(on_loss)
        self._target = adapter_for(parse_format(to))
        self._source_name = source
        self._model = model
        self._ctx = ConversionContext(self._target.format, Kind.STREAM_EVENT, model=model)
        self._target_format = self._target.format
        self._source: ProviderAdapter | None = None
        self._source_format = self._target_format
        self._decoder: StreamDecoder | None = None
        self._encoder: StreamEncoder | None = None
        self._passthrough = False
        self._position = 0
        self._closed = False
        #: whether each batch needs `_finish_batch` (losses raise, or the model is replaced)
        self._checks = self._policy == "error" or model is not None

    def feed(self, event: object) -> list[dict[str, Any]]:
        """Translate one source event (dict or JSON text) into zero or more target events."""
        if self._closed:
            raise InvalidPayloadError(
                [
                    PayloadProblem(
                        f"$[{self._position}]", "event received after the stream was closed"
                    )
                ],
                kind=Kind.STREAM_EVENT.value,
            )
        data = coerce_payload(event, kind=_STREAM_EVENT)
        if self._source is None:
            self._start(data)
        position = self._position
        self._position += 1
        if self._passthrough:
            return [data]
        decoder, encoder = self._decoder, self._encoder
        assert decoder is not None and encoder is not None
        fmt = self._source_format
        try:
            universal = decoder.feed(data, position)
            fmt = self._target_format
            out = encoder.feed(universal) if universal else []
        except Exception as exc:
            converted = boundary_error(exc, fmt, Kind.STREAM_EVENT)
            if converted is None:
                raise
            raise converted from None
        if self._checks:
            return self._finish_batch(out)
        return out

    def _start(self, first: dict[str, Any]) -> None:
        source = _source_adapter(first, self._source_name)
        self._source = source
        self._source_format = source.format
        same_family = source.family == self._target.family
        same = source.format is self._target_format or (
            same_family and _STREAM_EVENT_KIND in source.family_identical
        )
        self._passthrough = same and self._model is None
        if not self._passthrough:
            self._decoder = source.stream_decoder(wire=same_family)
            self._encoder = self._target.stream_encoder(self._ctx)

    def close(self) -> list[dict[str, Any]]:
        """The source ended: the target's closing events. Raises if the source was truncated."""
        if self._closed:
            return []
        self._closed = True
        if self._source is None:
            raise InvalidPayloadError(
                [PayloadProblem("$", "the stream had no events")], kind=Kind.STREAM_EVENT.value
            )
        if self._passthrough:
            return []
        decoder, encoder = self._decoder, self._encoder
        assert decoder is not None and encoder is not None
        fmt = self._source_format
        try:
            tail = decoder.finish()
            fmt = self._target_format
            out = (encoder.feed(tail) if tail else []) + encoder.finish()
        except Exception as exc:
            converted = boundary_error(exc, fmt, Kind.STREAM_EVENT)
            if converted is None:
                raise
            raise converted from None
        out = self._finish_batch(out)
        if self._policy == "warn" and self._ctx.recorded():
            warnings.warn(
                LossWarning(self._ctx.recorded(), target=self._target.format.value), stacklevel=3
            )
        return out

    def _finish_batch(self, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self._policy == "error" and self._ctx.recorded():
            raise UnsupportedFeatureError(
                self._ctx.recorded(),
                target=self._target.format.value,
                kind=Kind.STREAM_EVENT.value,
            )
        if self._model is not None:
            out = [self._target.set_model(e, self._model, Kind.STREAM_EVENT) for e in out]
        return out


def translate_stream(
    events: Iterable[object],
    to: Format | str,
    *,
    source: Format | str | None = None,
    model: str | None = None,
    on_loss: OnLoss = "warn",
) -> Iterator[dict[str, Any]]:
    """Translate a stream (the parsed JSON events of the source, in order) into the complete
    stream of format ``to``. Lazy: events are read and written one at a time."""
    translator = StreamTranslator(to, source=source, model=model, on_loss=on_loss)
    for event in events:
        yield from translator.feed(event)
    yield from translator.close()


async def atranslate_stream(
    events: AsyncIterable[object] | Iterable[object],
    to: Format | str,
    *,
    source: Format | str | None = None,
    model: str | None = None,
    on_loss: OnLoss = "warn",
) -> AsyncIterator[dict[str, Any]]:
    """`translate_stream` for async sources (an async iterable, or a plain iterable)."""
    translator = StreamTranslator(to, source=source, model=model, on_loss=on_loss)
    if isinstance(events, AsyncIterable):
        async for event in events:
            for out in translator.feed(event):
                yield out
    else:
        for event in events:
            for out in translator.feed(event):
                yield out
    for out in translator.close():
        yield out


def collect_stream(
    events: Iterable[object], *, source: Format | str | None = None
) -> dict[str, Any]:
    """The complete (non-streaming) response, in the stream's own format, that ``events`` add
    up to. Raises `InvalidPayloadError` if the stream is malformed or ends early."""
    adapter: ProviderAdapter | None = None
    decoder: StreamDecoder | None = None
    accumulator = StreamAccumulator()
    for position, event in enumerate(events):
        data = coerce_payload(event, kind=Kind.STREAM_EVENT.value)
        if adapter is None:
            adapter = _source_adapter(data, source)
            decoder = adapter.stream_decoder()
        assert decoder is not None
        with conversion_boundary(adapter.format, Kind.STREAM_EVENT):
            for universal in decoder.feed(data, position):
                if isinstance(universal, StreamError):
                    raise _stream_error(universal, position, adapter.format)
                accumulator.feed(universal)
    if adapter is None or decoder is None:
        raise InvalidPayloadError(
            [PayloadProblem("$", "the stream had no events")], kind="stream-event"
        )
    with conversion_boundary(adapter.format, Kind.STREAM_EVENT):
        for universal in decoder.finish():
            accumulator.feed(universal)
        ctx = ConversionContext(adapter.format, Kind.RESPONSE)
        return adapter.response_from_universal(accumulator.response(), ctx)


def _stream_error(event: StreamError, position: int, fmt: Format) -> InvalidPayloadError:
    """A provider error inside a stream: the stream adds up to no response."""
    what = ": ".join(p for p in (event.error_type, event.message) if p) or "no details"
    return InvalidPayloadError(
        [PayloadProblem(f"$[{position}]", f"the stream reported an error: {what}")],
        format=fmt.value,
        kind=Kind.STREAM_EVENT.value,
    )
