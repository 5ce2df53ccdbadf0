"""CI-sized smoke version of the benchmark (``benchmarks/run.py``): a sample of its cells, each
measured against the orjson floor in this run, must stay within 2x of the ratio recorded in
``benchmarks/recorded.json`` (the run ``docs/performance.md`` reports)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from cells import FORMATS, Cell, build_cells  # noqa: E402
from timing import floor, median_us, ours, quiet  # noqa: E402

#: a slower ratio than this many times the recorded one fails
TOLERANCE = 2.0
#: a cell over the tolerance is measured again this many times (a busy machine is not a
#: regression; a regression stays slow every time)
RETRIES = 3
SMOKE_KINDS = ("small-request", "tool-call-request", "small-response", "stream-20")


def _recorded() -> dict[str, float]:
    data: dict[str, Any] = json.loads((BENCHMARKS / "recorded.json").read_text())
    return {row["id"]: row["ours_us"] / row["floor_us"] for row in data["rows"]}


def _sample() -> list[Cell]:
    """Each source once per smoke kind, to the next format along (every target appears)."""
    cells = {c.id: c for c in build_cells(SMOKE_KINDS)}
    chosen = []
    for i, source in enumerate(FORMATS):
        target = FORMATS[(i + 1) % len(FORMATS)]
        chosen += [cells[f"{kind}:{source}->{target}"] for kind in SMOKE_KINDS]
    return chosen


def _ratio(cell: Cell) -> float:
    return median_us(ours(cell), budget=0.02)[0] / median_us(floor(cell), budget=0.02)[0]


SAMPLE = _sample()


@pytest.mark.parametrize("cell", SAMPLE, ids=[c.id for c in SAMPLE])
def test_ratio_to_floor_is_within_2x_of_the_recorded_run(cell: Cell) -> None:
    quiet()
    recorded = _recorded()[cell.id]
    ratios = [_ratio(cell)]
    while min(ratios) > TOLERANCE * recorded and len(ratios) <= RETRIES:
        ratios.append(_ratio(cell))
    assert min(ratios) <= TOLERANCE * recorded, (
        f"{cell.id}: {min(ratios):.1f}x the orjson floor, recorded {recorded:.1f}x "
        f"(limit {TOLERANCE * recorded:.1f}x)"
    )


def test_the_recorded_run_covers_every_cell() -> None:
    recorded = _recorded()
    missing = [c.id for c in build_cells() if c.id not in recorded]
    assert not missing, f"benchmarks/recorded.json lacks {missing[:5]}: rerun benchmarks/run.py"
