"""Benchmark peer: Braintrust lingua (npm ``@braintrust/lingua``, a Rust -> WASM build).

lingua runs in Node, so the timing happens there: `run_lingua` writes the cells to a JSON file,
runs ``node --expose-gc lingua/bench.mjs CELLS.json OUT.json`` and returns what it measured,
one entry per cell id: ``{"median_us": float, "runs": int, "api": str}`` or
``{"skipped": str}``.

If ``node_modules`` is missing, ``npm ci --ignore-scripts`` installs the locked packages first
(lingua's install scripts only insist on pnpm, so they are skipped). Without Node, or when the
install fails (this machine has no internet, so only a warm npm cache can help), every cell
comes back skipped with the reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

LINGUA_DIR = Path(__file__).resolve().parent / "lingua"
BENCH_SCRIPT = LINGUA_DIR / "bench.mjs"
PACKAGE_JSON = LINGUA_DIR / "node_modules" / "@braintrust" / "lingua" / "package.json"
WASM_PACKAGE_JSON = LINGUA_DIR / "node_modules" / "@braintrust" / "lingua-wasm" / "package.json"
BENCH_TIMEOUT_S = 600
INSTALL_TIMEOUT_S = 300


def lingua_version() -> str | None:
    """The installed ``@braintrust/lingua`` version, or None when it is not installed."""
    try:
        version = json.loads(PACKAGE_JSON.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None
    return version if isinstance(version, str) else None


def _installed() -> bool:
    return PACKAGE_JSON.is_file() and WASM_PACKAGE_JSON.is_file()


def _tail(text: str, limit: int = 300) -> str:
    """The first error line of a tool's output (or its last ``limit`` characters)."""
    for line in text.splitlines():
        if "Error" in line or "ERR!" in line:
            return line.strip()[:limit]
    text = " ".join(text.split())
    return text if len(text) <= limit else "..." + text[-limit:]


def _ensure_installed() -> str | None:
    """Make Node and the lingua packages available; return why not, or None when ready."""
    if shutil.which("node") is None:
        return "node is not installed (lingua is a WASM package timed under Node)"
    if _installed():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "lingua's node_modules is missing and npm is not installed"
    verb = "ci" if (LINGUA_DIR / "package-lock.json").is_file() else "install"
    command = [
        npm,
        verb,
        "--ignore-scripts",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--fetch-retries=1",
    ]
    try:
        done = subprocess.run(
            command,
            cwd=LINGUA_DIR,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"npm {verb} failed: {exc}"
    if done.returncode != 0 or not _installed():
        return f"npm {verb} failed (exit {done.returncode}): {_tail(done.stderr or done.stdout)}"
    return None


def _skip_all(cells: list[dict[str, Any]], reason: str) -> dict[str, dict[str, Any]]:
    return {str(cell["id"]): {"skipped": reason} for cell in cells}


def run_lingua(cells: list[dict[str, Any]], workdir: Path) -> dict[str, dict[str, Any]]:
    """Time lingua on every cell it supports; the others come back as ``{"skipped": reason}``."""
    reason = _ensure_installed()
    if reason is not None:
        return _skip_all(cells, reason)
    workdir.mkdir(parents=True, exist_ok=True)
    cells_path = workdir / "lingua-cells.json"
    out_path = workdir / "lingua-results.json"
    cells_path.write_text(json.dumps(cells), encoding="utf-8")
    out_path.unlink(missing_ok=True)

    failure: str | None = None
    try:
        done = subprocess.run(
            ["node", "--expose-gc", str(BENCH_SCRIPT), str(cells_path), str(out_path)],
            cwd=LINGUA_DIR,
            capture_output=True,
            text=True,
            timeout=BENCH_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            failure = f"bench.mjs exited {done.returncode}: {_tail(done.stderr)}"
    except (OSError, subprocess.TimeoutExpired) as exc:
        failure = f"bench.mjs did not finish: {exc}"

    # bench.mjs rewrites OUT.json after every cell, so a crash keeps the cells already done.
    results: dict[str, dict[str, Any]] = {}
    try:
        loaded = json.loads(out_path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            results = loaded
    except (OSError, ValueError) as exc:
        failure = failure or f"bench.mjs wrote no readable results: {exc}"
    for cell in cells:
        results.setdefault(str(cell["id"]), {"skipped": failure or "no result from bench.mjs"})
    return results
