"""The ``interlingua`` command: a thin argparse front end over the public API.

Exit codes: 0 success; 1 the work ran but found problems (round-trip failures, losses refused
with ``--strict``); 2 bad usage or bad input (the message says what and where).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from . import __version__
from ._api import detect, translate_with_report
from ._capabilities import render_matrix
from ._errors import InterlinguaError, UnsupportedFeatureError
from ._formats import ALIASES, Format, parse_format
from ._json import dumps
from ._losses import OnLoss
from ._roundtrip import run
from .sse import translate_sse

__all__ = ["main"]

_FORMAT_NAMES = [f.value for f in Format] + sorted(ALIASES)


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise InterlinguaError(f"cannot read {source}: {exc.strerror}") from None


def _format_arg(value: str) -> Format:
    try:
        return parse_format(value)
    except InterlinguaError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interlingua", description="Translate LLM API payloads between provider formats."
    )
    parser.add_argument("--version", action="version", version=f"interlingua {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    tr = sub.add_parser("translate", help="translate a request, response or stream event")
    tr.add_argument("file", nargs="?", default="-", help="JSON file, or - for stdin (default)")
    tr.add_argument(
        "--to", required=True, type=_format_arg, metavar="FORMAT", help=", ".join(_FORMAT_NAMES)
    )
    tr.add_argument(
        "--from",
        dest="source",
        type=_format_arg,
        metavar="FORMAT",
        help="source format (detected if omitted)",
    )
    tr.add_argument(
        "--kind",
        choices=["request", "response", "stream-event"],
        help="payload kind (detected if omitted)",
    )
    tr.add_argument("--model", help="model to set in the translated payload")
    tr.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1) instead of warning when something cannot be expressed",
    )
    tr.add_argument("--compact", action="store_true", help="compact JSON output")

    de = sub.add_parser("detect", help="print the format and kind of a payload")
    de.add_argument("file", nargs="?", default="-")

    rt = sub.add_parser("roundtrip", help="round-trip check every payload under a folder")
    rt.add_argument("folder", type=Path)
    rt.add_argument(
        "--verbose", "-v", action="store_true", help="list every file, not only failures"
    )

    sub.add_parser("capabilities", help="print the capability matrix (Markdown)")

    st = sub.add_parser(
        "stream", help="translate an SSE stream (stdin or FILE) to another format's SSE"
    )
    st.add_argument("file", nargs="?", default="-")
    st.add_argument("--to", required=True, type=_format_arg, metavar="FORMAT")
    st.add_argument("--from", dest="source", type=_format_arg, metavar="FORMAT")
    st.add_argument("--model")
    st.add_argument("--strict", action="store_true")
    return parser


def _cmd_translate(args: argparse.Namespace) -> int:
    result = translate_with_report(
        _read(args.file), args.to, source=args.source, kind=args.kind, model=args.model
    )
    if result.losses and args.strict:
        raise UnsupportedFeatureError(result.losses, target=args.to.value)
    for loss in result.losses:
        print(f"warning: lost {loss}", file=sys.stderr)
    sys.stdout.buffer.write(dumps(result.payload, indent=not args.compact) + b"\n")
    return 0


def _cmd_detect(args: argparse.Namespace) -> int:
    found = detect(_read(args.file))
    print(f"{found.format.value} {found.kind.value}")
    return 0


def _cmd_roundtrip(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        raise InterlinguaError(f"{args.folder} is not a folder")
    results = run(args.folder)
    if not results:
        print(f"no payload files found under {args.folder}", file=sys.stderr)
        return 1
    totals: dict[tuple[str, str], list[int]] = {}
    for r in results:
        row = totals.setdefault((r.format, r.kind), [0, 0, 0])
        row[0] += 1
        row[1] += r.identical
        row[2] += r.ok
        if args.verbose or not r.ok:
            status = "ok" if r.ok else "FAIL"
            detail = (
                r.error or "; ".join(r.cross_failed) or ("" if r.identical else "not identical")
            )
            print(f"{status:4} {r.path} {detail}")
    print(f"\n{'format':20} {'kind':13} {'files':>6} {'identical':>10} {'all checks':>11}")
    for (fmt, kind), (n, same, ok) in sorted(totals.items()):
        print(f"{fmt:20} {kind:13} {n:6} {same:10} {ok:11}")
    failed = sum(not r.ok for r in results)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536):
        yield chunk


def _cmd_stream(args: argparse.Namespace) -> int:
    if args.file == "-":
        chunks: Iterator[bytes] = _chunks(sys.stdin.buffer)
    else:
        chunks = iter([_read(args.file)])
    on_loss: OnLoss = "error" if args.strict else "warn"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for piece in translate_sse(
            chunks, args.to, source=args.source, model=args.model, on_loss=on_loss
        ):
            sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    return 0


def _cmd_capabilities(args: argparse.Namespace) -> int:
    sys.stdout.write(render_matrix())
    return 0


_COMMANDS = {
    "capabilities": _cmd_capabilities,
    "translate": _cmd_translate,
    "detect": _cmd_detect,
    "roundtrip": _cmd_roundtrip,
    "stream": _cmd_stream,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except UnsupportedFeatureError as exc:
        print(f"interlingua: {exc}", file=sys.stderr)
        return 1
    except InterlinguaError as exc:
        print(f"interlingua: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
