"""Round-trip checks over a folder of recorded payloads (the ``roundtrip`` CLI command).

A folder may use the project's layout (``payloads/<format>/<case>/{request,response,stream}.json``),
the recorded corpus layout (``<case>/<format>/{request,response,response-streaming,...}.json``),
or the corpus's ``transforms/<source>_to_<target>/<case>.json`` (real ``<target>`` responses;
a file whose ``error`` is a string records a failed conversion and is skipped).
For every file: detect it, convert to universal and back to the same format (identical JSON
required; for streams, every event alone and the whole stream), then translate to every other
registered format (it must not fail with anything but a reported loss).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._api import detect, translate_with_report
from ._errors import InterlinguaError
from ._formats import Format, Kind
from ._json import loads
from ._registry import adapter_for, adapters
from ._streaming import translate_stream
from .providers.base import ConversionContext

__all__ = ["FileResult", "check_file", "discover", "run"]

_FORMATS = {f.value for f in Format}


@dataclass(slots=True)
class FileResult:
    """The outcome for one payload file."""

    path: Path
    format: str
    kind: str
    identical: bool = False
    cross_ok: int = 0
    cross_failed: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.identical and not self.cross_failed and self.error is None


def _kind_from_name(name: str) -> Kind | None:
    if name.endswith("error.json"):
        return None
    if "stream" in name:
        return Kind.STREAM_EVENT
    if "response" in name:
        return Kind.RESPONSE
    if "request" in name:
        return Kind.REQUEST
    return None


def _transform_target(path: Path) -> str | None:
    source, sep, target = path.parent.name.partition("_to_")
    if not sep or source not in _FORMATS or target not in _FORMATS:
        return None
    data = loads(path.read_bytes())
    failed = isinstance(data, dict) and isinstance(data.get("error"), str)
    return None if failed else target


def _classify(root: Path, path: Path) -> tuple[str, Kind] | None:
    target = _transform_target(path)
    if target is not None:
        return target, Kind.RESPONSE
    kind = _kind_from_name(path.name)
    folders = path.relative_to(root).parts[:-1]
    fmt_name = next((p for p in reversed(folders) if p in _FORMATS), None)
    return (fmt_name, kind) if kind is not None and fmt_name is not None else None


def discover(root: Path) -> Iterator[tuple[Path, Format, Kind]]:
    """Payload files under ``root`` with their format and kind, for registered formats."""
    registered = {a.format for a in adapters()}
    for path in sorted(root.rglob("*.json")):
        found = _classify(root, path)
        if found is not None and Format(found[0]) in registered:
            yield path, Format(found[0]), found[1]


def _same(fmt: Format, kind: Kind, payload: dict[str, Any]) -> bool:
    adapter = adapter_for(fmt)
    ctx = ConversionContext(fmt, kind)
    if kind is Kind.REQUEST:
        return (
            adapter.request_from_universal(adapter.request_to_universal(payload, ctx), ctx)
            == payload
        )
    if kind is Kind.RESPONSE:
        return (
            adapter.response_from_universal(adapter.response_to_universal(payload, ctx), ctx)
            == payload
        )
    for i, event in enumerate([payload]):
        out = adapter.stream_encoder(ctx).feed(
            adapter.stream_decoder(standalone=True).feed(event, i)
        )
        if out != [event]:
            return False
    return True


def _stream_same(fmt: Format, events: list[dict[str, Any]]) -> bool:
    adapter = adapter_for(fmt)
    ctx = ConversionContext(fmt, Kind.STREAM_EVENT)
    if not all(_same(fmt, Kind.STREAM_EVENT, e) for e in events):
        return False
    decoder, encoder = adapter.stream_decoder(), adapter.stream_encoder(ctx)
    out: list[dict[str, Any]] = []
    for i, event in enumerate(events):
        out += encoder.feed(decoder.feed(event, i))
    out += encoder.feed(decoder.finish()) + encoder.finish()
    return out == events


def check_file(path: Path, fmt: Format, kind: Kind) -> FileResult:
    """Run the round-trip and cross-translation checks on one file."""
    result = FileResult(path, fmt.value, kind.value)
    try:
        data = loads(path.read_bytes())
        if kind is Kind.STREAM_EVENT:
            events = data if isinstance(data, list) else [data]
            found = {detect(e, kind=kind).format for e in events}
            if not found <= _family_formats(fmt):
                raise InterlinguaError(f"detected as {sorted(f.value for f in found)}")
            result.identical = _stream_same(fmt, events)
        else:
            found_fmt = detect(data).format
            accepted = {fmt} if kind is Kind.REQUEST else _family_formats(fmt)
            if found_fmt not in accepted:
                raise InterlinguaError(f"detected as {found_fmt.value}")
            result.identical = _same(fmt, kind, data)
        for target in adapters():
            if target.format is fmt:
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    if kind is Kind.STREAM_EVENT:
                        list(translate_stream(events, target.format, source=fmt, on_loss="ignore"))
                    else:
                        translate_with_report(data, target.format, source=fmt, kind=kind)
                result.cross_ok += 1
            except InterlinguaError as exc:
                result.cross_failed.append(f"{target.format.value}: {exc}")
    except (InterlinguaError, ValueError) as exc:
        result.error = str(exc)
    return result


def _family_formats(fmt: Format) -> set[Format]:
    # NOTE: Anthropic responses and stream events look the same whichever cloud served them,
    # so detecting a Bedrock or Vertex one as plain `anthropic` is correct.
    anthropic = {Format.ANTHROPIC, Format.BEDROCK_ANTHROPIC, Format.VERTEX_ANTHROPIC}
    return anthropic if fmt in anthropic else {fmt}


def run(root: Path) -> list[FileResult]:
    """Check every payload under ``root``."""
    return [check_file(path, fmt, kind) for path, fmt, kind in discover(root)]
