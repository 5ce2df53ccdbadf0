"""interlingua's benchmark: every payload kind x source x target, against the orjson floor,
LiteLLM and lingua (WASM), all measured in this one process and run.

Run from the project root:
    .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/run.py

Options: ``--quick`` (small time budget per cell), ``--no-peers``, ``--json PATH`` (all figures,
e.g. to refresh ``benchmarks/recorded.json``), ``--markdown PATH`` (the tables of
``docs/performance.md``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import orjson  # noqa: E402
from cells import FORMATS, PAYLOAD_KINDS, Cell, build_cells, conversation, stream  # noqa: E402
from timing import best_and_median_us, floor, median_us, ours, quiet  # noqa: E402

from interlingua import translate_stream  # noqa: E402

Row = dict[str, Any]


# --- peers -----------------------------------------------------------------------------------


def litellm_rows(cells: list[Cell], budget: float) -> tuple[dict[str, Row], str | None]:
    """LiteLLM's median per cell (or why it was skipped) and its version."""
    try:
        from peers.litellm_peer import litellm_translator, litellm_version
    except ImportError as exc:
        return {c.id: {"skipped": f"litellm not installed ({exc})"} for c in cells}, None
    out: dict[str, Row] = {}
    for cell in cells:
        made = litellm_translator(cell.to_json())
        if isinstance(made, str):
            out[cell.id] = {"skipped": made}
            continue
        setup, call = made
        try:
            us, runs = median_us(lambda: None, budget=budget, setup=setup, call=call)
        except Exception as exc:  # a peer failing on a payload is a skip, with its reason
            out[cell.id] = {"skipped": f"{type(exc).__name__}: {str(exc)[:120]}"}
            continue
        out[cell.id] = {"median_us": us, "runs": runs}
    return out, litellm_version()


def lingua_rows(cells: list[Cell]) -> tuple[dict[str, Row], str | None]:
    """lingua's own timings (Node subprocess) per cell and its version."""
    from peers.lingua_peer import lingua_version, run_lingua

    with tempfile.TemporaryDirectory() as tmp:
        rows = run_lingua([c.to_json() for c in cells], Path(tmp))
    return rows, lingua_version()


# --- the table -------------------------------------------------------------------------------


def measure(cells: list[Cell], budget: float) -> list[Row]:
    """Ours and the floor, per cell."""
    rows = []
    for cell in cells:
        gc.collect()
        f_us, _ = median_us(floor(cell), budget=budget)
        o_us, runs = median_us(ours(cell), budget=budget)
        rows.append(
            {
                "id": cell.id,
                "payload_kind": cell.payload_kind,
                "source": cell.source,
                "target": cell.target,
                "ours_us": o_us,
                "floor_us": f_us,
                "runs": runs,
            }
        )
    return rows


def measure_peers(cells: list[Cell], rows: list[Row], budget: float) -> dict[str, Any]:
    """The peers' time per cell, added to ``rows``; their versions."""
    versions: dict[str, Any] = {}
    cross = [c for c in cells if c.source != c.target]
    lite, versions["litellm"] = litellm_rows(cross, budget)
    ling, versions["lingua"] = lingua_rows(cross)
    for row in rows:
        for name, found in (("litellm", lite), ("lingua", ling)):
            peer = found.get(row["id"], {})
            row[f"{name}_us"] = peer.get("median_us")
            row[f"{name}_skip"] = peer.get("skipped")
    return versions


def summarise(rows: list[Row]) -> dict[str, Any]:
    """The figures the performance issue's targets are about."""
    cross = [r for r in rows if r["source"] != r["target"]]
    same = [r for r in rows if r["source"] == r["target"]]
    floor_ratios = [r["ours_us"] / r["floor_us"] for r in cross]
    out: dict[str, Any] = {
        "cells": len(cross),
        "median_ratio_to_floor": statistics.median(floor_ratios),
        "worst_ratio_to_floor": max(floor_ratios),
    }
    if same:
        out["median_passthrough_ratio_to_floor"] = statistics.median(
            r["ours_us"] / r["floor_us"] for r in same
        )
    lite = [r for r in cross if r.get("litellm_us")]
    if lite:
        speedups = [r["litellm_us"] / r["ours_us"] for r in lite]
        out["litellm_cells"] = len(lite)
        out["litellm_min_speedup"] = min(speedups)
        out["litellm_median_speedup"] = statistics.median(speedups)
        out["litellm_cells_below_10x"] = sum(s < 10 for s in speedups)
    ling = [r for r in cross if r.get("lingua_us")]
    if ling:
        out["lingua_cells"] = len(ling)
        out["lingua_median_us"] = statistics.median(r["lingua_us"] for r in ling)
        out["ours_median_us_same_cells"] = statistics.median(r["ours_us"] for r in ling)
        out["lingua_median_speedup"] = statistics.median(
            r["lingua_us"] / r["ours_us"] for r in ling
        )
    return out


# --- streams, scaling, import, memory ---------------------------------------------------------


def events_per_second(budget: float) -> dict[str, dict[str, float]]:
    """Events per second translating 2,000-event streams, per source (averaged over every other
    target): from the fastest run of each target (what the machine does) and from the median
    run (with other processes' interference)."""
    out = {}
    for source in FORMATS:
        events = stream(source, 2000)
        best = median = 0.0
        targets = [t for t in FORMATS if t != source]
        for target in targets:
            cell = Cell("stream-2000", source, target, events=events)
            fastest, middle = best_and_median_us(ours(cell), budget=budget)
            best += fastest
            median += middle
        per_event = len(events) * len(targets) * 1e6
        out[source] = {"best": per_event / best, "median": per_event / median}
    return out


def scaling(budget: float) -> dict[str, list[dict[str, float]]]:
    """Time per message / per event as the payload grows 16x: flat means linear."""
    convo = []
    for n in (15, 60, 240):
        cell = Cell(
            "conversation-request",
            "chat-completions",
            "anthropic",
            payload=conversation("chat-completions", n),
        )
        us, _ = median_us(ours(cell), budget=budget, min_runs=3)
        convo.append({"size": n, "us": us, "us_per_unit": us / n})
    streams = []
    for n in (200, 2000, 20000):
        cell = Cell("stream-2000", "anthropic", "chat-completions", events=stream("anthropic", n))
        us, _ = median_us(ours(cell), budget=budget, min_runs=3)
        streams.append({"size": n, "us": us, "us_per_unit": us / n})
    return {
        "conversation chat-completions->anthropic (messages)": convo,
        "stream anthropic->chat-completions (events)": streams,
    }


def import_ms(runs: int = 9) -> dict[str, float]:
    """Median ``import interlingua`` time in a fresh interpreter, and import plus a first
    translation (which loads the adapters and builds their validators)."""
    code = (
        "import time; t=time.perf_counter(); import interlingua; a=time.perf_counter(); "
        "interlingua.translate({'model':'m','messages':[{'role':'user','content':'hi'}]}, "
        "'anthropic', source='chat-completions', kind='request'); b=time.perf_counter(); "
        "print((a-t)*1e3, (b-t)*1e3)"
    )
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    imports, firsts = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        a, b = map(float, out.stdout.split())
        imports.append(a)
        firsts.append(b)
    return {
        "import_ms": statistics.median(imports),
        "import_and_first_translation_ms": statistics.median(firsts),
    }


def _replay(raws: list[bytes]) -> Iterator[dict[str, Any]]:
    for raw in raws:
        yield orjson.loads(raw)


def stream_memory() -> dict[str, float]:
    """Peak traced memory translating streams of 2,000 and 20,000 events read one at a time
    (as from a socket): the same peak means the stream is not held."""
    out = {}
    for n in (2000, 20000):
        raws = [orjson.dumps(e) for e in stream("anthropic", n)]
        gc.collect()
        tracemalloc.start()
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        for _ in translate_stream(
            _replay(raws), "chat-completions", source="anthropic", on_loss="ignore"
        ):
            pass
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        out[f"peak_kib_{n}_events"] = peak / 1024
    return out


# --- output ----------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.machine()}"
    return f"{cpu}, {os.cpu_count()} cores, CPython {platform.python_version()}, {system}"


def _fmt(us: float | None) -> str:
    if us is None:
        return "-"
    return f"{us / 1000:.2f} ms" if us >= 1000 else f"{us:.1f} µs"


def _targets(result: dict[str, Any]) -> list[str]:
    """The issue's targets, each with this run's figure and whether it is met."""
    s = result["summary"]
    eps = result["events_per_second"]
    lines = ["| target | this run | met |", "|---|---|---|"]

    def row(target: str, figure: str, met: bool) -> None:
        lines.append(f"| {target} | {figure} | {'yes' if met else '**no**'} |")

    row(
        "median over all cells ≤ 8x the orjson floor",
        f"{s['median_ratio_to_floor']:.1f}x (worst cell {s['worst_ratio_to_floor']:.1f}x)",
        s["median_ratio_to_floor"] <= 8,
    )
    if "litellm_min_speedup" in s:
        row(
            "every cell ≥ 10x faster than LiteLLM",
            f"{s['litellm_cells'] - s['litellm_cells_below_10x']} of {s['litellm_cells']} cells; "
            f"slowest {s['litellm_min_speedup']:.1f}x, median {s['litellm_median_speedup']:.0f}x",
            s["litellm_cells_below_10x"] == 0,
        )
    if "lingua_median_us" in s:
        row(
            "median per-call time no slower than lingua (WASM)",
            f"ours {_fmt(s['ours_median_us_same_cells'])} vs lingua "
            f"{_fmt(s['lingua_median_us'])} over the {s['lingua_cells']} cells lingua does "
            f"(per cell, lingua/ours median {s['lingua_median_speedup']:.2f}x)",
            s["ours_median_us_same_cells"] <= s["lingua_median_us"],
        )
    best = min(v["best"] for v in eps.values())
    median = min(v["median"] for v in eps.values())
    row(
        "≥ 200,000 stream events/s",
        f"slowest source {best:,.0f} events/s in its fastest runs, {median:,.0f} in its median "
        f"runs (fastest source {max(v['best'] for v in eps.values()):,.0f})",
        best >= 200_000,
    )
    row("import under 150 ms", f"{result['import_ms']:.0f} ms", result["import_ms"] < 150)
    return lines


def markdown(result: dict[str, Any]) -> str:
    """The results section of docs/performance.md, from one run."""
    out = [
        f"Machine: {result['machine']}. Peers: "
        + ", ".join(f"{k} {v}" for k, v in result["versions"].items())
        + f". Run took {result['seconds']:.0f} s.",
        "",
        "### Against the targets",
        "",
        *_targets(result),
        "",
        "### Stream events per second (2,000-event streams, averaged over every target)",
        "",
        "| source | events/s, fastest runs | events/s, median runs |",
        "|---|---|---|",
        *[
            f"| {k} | {v['best']:,.0f} | {v['median']:,.0f} |"
            for k, v in result["events_per_second"].items()
        ],
        "",
        "### Scaling (time per unit as the payload grows 16x; flat means linear)",
        "",
        "| payload | size | total | per unit |",
        "|---|---|---|---|",
    ]
    for name, points in result["scaling"].items():
        for p in points:
            out.append(f"| {name} | {p['size']} | {_fmt(p['us'])} | {_fmt(p['us_per_unit'])} |")
    out += [
        "",
        "### Import and memory",
        "",
        f"- `import interlingua`: {result['import_ms']:.0f} ms; import plus a first translation "
        f"(loads every adapter and builds a validator): "
        f"{result['import_and_first_translation_ms']:.0f} ms.",
        f"- Peak traced memory translating a stream read one event at a time: "
        f"{result['peak_kib_2000_events']:.1f} KiB for 2,000 events, "
        f"{result['peak_kib_20000_events']:.1f} KiB for 20,000 events.",
        "",
        "### Every cell",
        "",
        "Median per call. floor = `orjson.loads` + `orjson.dumps` of the same payload (each event "
        "of a stream). Same-format cells are the pass-through path and are not in the medians.",
        "",
        "| cell | interlingua | floor | ours/floor | LiteLLM | LiteLLM/ours | lingua "
        "| lingua/ours |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in result["rows"]:
        lite, ling = r.get("litellm_us"), r.get("lingua_us")
        lite_x = f"{lite / r['ours_us']:.0f}x" if lite else "-"
        ling_x = f"{ling / r['ours_us']:.1f}x" if ling else "-"
        out.append(
            f"| {r['id']} | {_fmt(r['ours_us'])} | {_fmt(r['floor_us'])} | "
            f"{r['ours_us'] / r['floor_us']:.1f}x | {_fmt(lite)} | {lite_x} | {_fmt(ling)} | "
            f"{ling_x} |"
        )
    return "\n".join(out) + "\n"


def report(result: dict[str, Any]) -> None:
    print(f"machine: {result['machine']}")
    print(f"peers: {result['versions']}")
    print(f"{'cell':58} {'ours':>10} {'floor':>10} {'x floor':>8} {'litellm':>10} {'lingua':>10}")
    for r in result["rows"]:
        print(
            f"{r['id']:58} {_fmt(r['ours_us']):>10} {_fmt(r['floor_us']):>10} "
            f"{r['ours_us'] / r['floor_us']:7.1f}x {_fmt(r.get('litellm_us')):>10} "
            f"{_fmt(r.get('lingua_us')):>10}"
        )
    print(
        json.dumps({k: v for k, v in result.items() if k not in ("rows",)}, indent=2, default=str)
    )


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a small time budget per cell")
    parser.add_argument("--no-peers", action="store_true", help="skip LiteLLM and lingua")
    parser.add_argument(
        "--kinds", nargs="*", default=list(PAYLOAD_KINDS), help="payload kinds to run"
    )
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--markdown", type=Path, help="write the per-cell table to this file")
    args = parser.parse_args(argv)
    quiet()
    budget = 0.03 if args.quick else 0.15
    started = time.perf_counter()
    cells = build_cells(tuple(args.kinds), identity=True)
    # everything of ours first: importing LiteLLM adds ~350,000 objects to the heap, which
    # makes every later garbage collection in this process slower, ours included
    rows = measure(cells, budget)
    ours_only: dict[str, Any] = {
        "events_per_second": events_per_second(budget),
        "scaling": scaling(budget),
        **import_ms(),
        **stream_memory(),
    }
    versions = {} if args.no_peers else measure_peers(cells, rows, budget)
    result: dict[str, Any] = {
        "machine": machine(),
        "versions": versions,
        "summary": summarise(rows),
        **ours_only,
        "rows": rows,
    }
    result["seconds"] = time.perf_counter() - started
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    if args.markdown:
        args.markdown.write_text(markdown(result))
    return result


if __name__ == "__main__":
    main()
