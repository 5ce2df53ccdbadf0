"""Timing helpers shared by the benchmark and its CI smoke version."""

from __future__ import annotations

import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

import orjson
from cells import Cell

from interlingua import translate, translate_stream


def median_us(
    run: Callable[[], object],
    *,
    budget: float = 0.15,
    min_runs: int = 5,
    max_runs: int = 2000,
    setup: Callable[[], Any] | None = None,
    call: Callable[[Any], object] | None = None,
) -> tuple[float, int]:
    """Median microseconds per call of ``run`` (or of ``call(setup())``, timing only ``call``),
    repeated until ``budget`` seconds or ``max_runs`` calls, after two warm-up calls."""
    samples: list[float] = []
    clock = time.perf_counter
    for _ in range(2):
        run() if call is None else call(setup() if setup else None)
    spent = 0.0
    while len(samples) < max_runs and (spent < budget or len(samples) < min_runs):
        if call is not None:
            arg = setup() if setup else None
            start = clock()
            call(arg)
        else:
            start = clock()
            run()
        elapsed = clock() - start
        samples.append(elapsed)
        spent += elapsed
    return statistics.median(samples) * 1e6, len(samples)


def best_and_median_us(
    run: Callable[[], object], *, budget: float = 0.15, min_runs: int = 10
) -> tuple[float, float]:
    """The fastest and the median microseconds per call of ``run`` (after two warm-up calls):
    the fastest is what the machine can do, the median includes other processes' interference
    (on a shared machine the two differ by up to 1.5x from one second to the next)."""
    clock = time.perf_counter
    for _ in range(2):
        run()
    samples: list[float] = []
    spent = 0.0
    while spent < budget or len(samples) < min_runs:
        start = clock()
        run()
        elapsed = clock() - start
        samples.append(elapsed)
        spent += elapsed
    return min(samples) * 1e6, statistics.median(samples) * 1e6


def ours(cell: Cell) -> Callable[[], object]:
    """interlingua's translation of ``cell``: source and kind given, as a proxy that knows its
    route would call it; losses ignored (they are reported, not raised, by default)."""
    if cell.kind == "stream":
        events = cell.events

        def run_stream() -> None:
            for _ in translate_stream(events, cell.target, source=cell.source, on_loss="ignore"):
                pass

        return run_stream
    payload = cell.payload

    def run_one() -> object:
        return translate(payload, cell.target, source=cell.source, kind=cell.kind, on_loss="ignore")

    return run_one


def floor(cell: Cell) -> Callable[[], object]:
    """The JSON floor: ``orjson.loads`` + ``orjson.dumps`` of the same payload (of every event,
    for a stream)."""
    if cell.kind == "stream":
        raws = [orjson.dumps(e) for e in cell.events]

        def run_stream() -> None:
            for raw in raws:
                orjson.dumps(orjson.loads(raw))

        return run_stream
    raw = orjson.dumps(cell.payload)
    return lambda: orjson.dumps(orjson.loads(raw))


def quiet() -> None:
    """Silence loss warnings (peers warn too)."""
    warnings.simplefilter("ignore")
