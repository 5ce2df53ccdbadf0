"""Pre-optimisation baseline: interlingua's median time per call against the orjson floor
(``orjson.loads`` + ``orjson.dumps`` of the same payload), measured in the same run.

Run: ``PYTHONPATH=src python benchmarks/baseline.py``. The full benchmark of the performance
issue (every format and size, peers, stream lengths) will replace this script.
"""

from __future__ import annotations

import json
import platform
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import orjson

from interlingua import translate, translate_stream

SNAPSHOTS = Path(__file__).resolve().parent.parent / "payloads" / "corpus" / "snapshots"
CASES = {
    "small request (chat -> anthropic)": (
        "simpleRequest/chat-completions/request.json",
        "anthropic",
    ),
    "tool-call request (chat -> anthropic)": (
        "toolCallRequest/chat-completions/followup-request.json",
        "anthropic",
    ),
    "tool-call response (anthropic -> chat)": (
        "toolCallRequest/anthropic/response.json",
        "chat-completions",
    ),
}


def median_seconds(fn: Callable[[], object], runs: int = 500) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    warnings.simplefilter("ignore")
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.processor()}")
    print(f"{'case':42} {'ours':>9} {'floor':>8} {'ratio':>6}")
    for name, (rel, target) in CASES.items():
        raw = (SNAPSHOTS / rel).read_bytes()
        floor = median_seconds(lambda raw=raw: orjson.dumps(orjson.loads(raw)))
        ours = median_seconds(
            lambda raw=raw, target=target: translate(raw, target, on_loss="ignore")
        )
        print(f"{name:42} {ours * 1e6:7.1f}us {floor * 1e6:6.2f}us {ours / floor:5.0f}x")
    events = json.loads(
        (SNAPSHOTS / "toolCallRequest/anthropic/response-streaming.json").read_text()
    )
    rounds = 200
    start = time.perf_counter()
    for _ in range(rounds):
        for _event in translate_stream(events, "chat-completions", on_loss="ignore"):
            pass
    ours = (time.perf_counter() - start) / (rounds * len(events))
    start = time.perf_counter()
    for _ in range(rounds):
        for event in events:
            orjson.dumps(event)
    floor = (time.perf_counter() - start) / (rounds * len(events))
    print(
        f"stream anthropic -> chat: {1 / ours:,.0f} events/s, {ours * 1e6:.1f}us per event, "
        f"{ours / floor:.0f}x orjson.dumps of the event"
    )


if __name__ == "__main__":
    main()
