"""Per-format codec timings, for working on one provider package: how long its decoder takes
(its payloads -> universal) and its encoder takes (universal -> its payloads, from every other
format's payloads), per payload kind, as ratios to the orjson floor of the source payload.

Run: ``.venv/bin/python benchmarks/codec.py anthropic`` (a format name; ``--kinds`` to narrow).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import orjson  # noqa: E402
from cells import FORMATS, KIND_OF, PAYLOAD_KINDS, source_payloads  # noqa: E402
from timing import median_us, quiet  # noqa: E402

from interlingua import Format, Kind, from_universal, to_universal  # noqa: E402
from interlingua._registry import adapter_for  # noqa: E402
from interlingua.providers.base import ConversionContext  # noqa: E402


def _floor(value: Any) -> float:
    raws = [orjson.dumps(e) for e in value] if isinstance(value, list) else [orjson.dumps(value)]

    def run() -> None:
        for raw in raws:
            orjson.dumps(orjson.loads(raw))

    return median_us(run, budget=0.05)[0]


def _decode_stream(fmt: str, events: list[dict[str, Any]]) -> list[Any]:
    decoder = adapter_for(Format(fmt)).stream_decoder()
    out: list[Any] = []
    for i, e in enumerate(events):
        out.append(decoder.feed(e, i))
    out.append(decoder.finish())
    return out


def _encode_stream(fmt: str, batches: list[Any]) -> None:
    ctx = ConversionContext(Format(fmt), Kind.STREAM_EVENT)
    encoder = adapter_for(Format(fmt)).stream_encoder(ctx)
    for batch in batches:
        if batch:
            encoder.feed(batch)
    encoder.finish()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("format", choices=FORMATS)
    parser.add_argument("--kinds", nargs="*", default=list(PAYLOAD_KINDS))
    args = parser.parse_args()
    quiet()
    fmt: str = args.format
    mine = source_payloads(fmt)
    others = {f: source_payloads(f) for f in FORMATS if f != fmt}
    print(f"{'payload kind':22} {'decode':>9} {'x floor':>8} {'encode':>9} {'x floor':>8}")
    for pk in args.kinds:
        value = mine[pk]
        floor = _floor(value)
        if KIND_OF[pk] == "stream":
            dec = median_us(lambda v=value: _decode_stream(fmt, v), budget=0.1)[0]
            encs = []
            for f, p in others.items():
                batches = _decode_stream(f, p[pk])
                encs.append(median_us(lambda b=batches: _encode_stream(fmt, b), budget=0.05)[0])
        else:
            kind = KIND_OF[pk]
            dec = median_us(
                lambda v=value, k=kind: to_universal(v, source=fmt, kind=k), budget=0.1
            )[0]
            encs = []
            for f, p in others.items():
                obj = to_universal(p[pk], source=f, kind=kind)
                encs.append(
                    median_us(
                        lambda o=obj: from_universal(o, fmt, on_loss="ignore", model="m"),
                        budget=0.05,
                    )[0]
                )
        enc = statistics.median(encs)
        print(f"{pk:22} {dec:8.1f}µs {dec / floor:7.1f}x {enc:8.1f}µs {enc / floor:7.1f}x")


if __name__ == "__main__":
    main()
