"""Show that the LiteLLM peer works: build cells from the corpus (``benchmarks/cells.py``), print
for each LiteLLM route the median time of one representative cell, LiteLLM's output for it
(``--show``), and the skipped cells with their reasons (``--skips``).

Run from the project root:
    PYTHONPATH=src .venv/bin/python benchmarks/peers/check_litellm.py [--all] [--show] [--skips]

``--all`` times every supported cell instead of one per route.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent / "src"))

from cells import build_cells  # noqa: E402
from peers.litellm_peer import (  # noqa: E402
    NETWORK_ATTEMPTS,
    as_jsonable,
    litellm_route,
    litellm_translator,
    litellm_version,
)

#: the payload kinds a route is shown with when not ``--all``
SAMPLE_KINDS = {
    "request": "tool-call-request",
    "response": "tool-call-response",
    "stream": "stream-20",
}


def median_us(
    make_input: Callable[[], Any], run: Callable[[Any], Any], budget: float = 0.2
) -> tuple[float, int]:
    """Median microseconds of ``run`` (inputs made untimed), after two warm-up calls."""
    for _ in range(2):
        run(make_input())
    samples: list[float] = []
    while sum(samples) < budget or len(samples) < 5:
        x = make_input()
        start = time.perf_counter()
        run(x)
        samples.append(time.perf_counter() - start)
        if len(samples) >= 2000:
            break
    return statistics.median(samples) * 1e6, len(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="time every supported cell")
    parser.add_argument("--show", action="store_true", help="print LiteLLM's output per route")
    parser.add_argument("--skips", action="store_true", help="list skipped cells and reasons")
    args = parser.parse_args()

    print(f"litellm {litellm_version()}")
    cells = [c.to_json() for c in build_cells()]
    seen_routes: set[str] = set()
    skipped: list[tuple[str, str]] = []
    supported = 0
    for cell in cells:
        made = litellm_translator(cell)
        if isinstance(made, str):
            skipped.append((cell["id"], made))
            continue
        supported += 1
        route = litellm_route(cell)
        if not args.all and (
            route in seen_routes or cell["payload_kind"] != SAMPLE_KINDS[cell["kind"]]
        ):
            continue
        seen_routes.add(route)
        make_input, run = made
        us, runs = median_us(make_input, run)
        print(f"{cell['id']:58} {us:10.1f} us  ({runs} runs)  {route}")
        if args.show:
            output = as_jsonable(run(make_input()))
            print("    " + json.dumps(output, default=str)[:600])
    print(f"\n{supported} cells supported, {len(skipped)} skipped, of {len(cells)}")
    if args.skips:
        for cell_id, reason in skipped:
            print(f"  skip {cell_id}: {reason}")
    print(f"network attempts: {len(NETWORK_ATTEMPTS)}")


if __name__ == "__main__":
    main()
