"""Mutation fuzzing of the public entry points over the recorded payloads.

Contract: for any input, `translate`, `to_universal`, `detect`, `translate_stream` and
`collect_stream` either return (JSON-serialisable dicts where they return payloads) or raise an
`InterlinguaError` subclass; never any other exception and never a hang (hypothesis deadline).

Each example picks a recorded case (``tests.payload_cases.cases``), applies a random sequence
of mutations at random JSON paths (drop / rename / insert a key, change a value's type, swap a
role, truncate a list, duplicate a list item; for streams also reorder / drop / duplicate
events and truncate the stream) and calls the API with the case's own format as ``source`` and
without it (detection), towards a sampled target among all 7 formats.

CI runs a small deterministic number of examples per test (``derandomize=True``). Set
``INTERLINGUA_FUZZ_EXAMPLES`` for a longer run.

Long run (INTERLINGUA_FUZZ_EXAMPLES=3000): 3000 passing examples for each of the three
fuzz tests (9000 in all; ~720-920 further generated inputs per test discarded by hypothesis as
invalid/overrun), 0 failures, ~31 s. Found before the fix (CI size already hits it): detection
raised a bare ``TypeError: unhashable type: 'list'`` when a payload's ``type`` was a list or
dict (``p.get("type") in STREAM_EVENT_TYPES``, anthropic/detect.py, and the same
``.get(...) in <frozenset>`` pattern in other detectors), e.g. an Anthropic stream event
``{"type": [], "message": {...}}`` given to `translate` / `to_universal` / `detect`. Fixed in
``_api._detect``: a detector that trips on an unexpected value type counts as "not this shape",
so the caller gets `DetectionError` (or the source's own `InvalidPayloadError`).
Out of contract, so not fuzzed: replacing a whole stream with a non-iterable (``events`` is
typed ``Iterable``; ``translate_stream(None, ...)`` is a caller's TypeError).
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interlingua as il
from tests.payload_cases import Case, cases

MAX_EXAMPLES = int(os.environ.get("INTERLINGUA_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    deadline=2000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

FORMATS = list(il.Format)
ALL = cases()
PAYLOADS = [c for c in ALL if c.kind is not il.Kind.STREAM_EVENT]
STREAMS = [c for c in ALL if c.kind is il.Kind.STREAM_EVENT and isinstance(c.load(), list)]

ROLES = ["user", "assistant", "tool", "system", "model", "developer", "function", "bogus", ""]
ROLE_KEYS = {"role", "author"}
KEYS = ["type", "role", "content", "text", "id", "name", "parts", "messages", "x_unknown", ""]

# One value of each JSON type; `change_type` replaces a node with one of these.
SCALARS: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**70,
    1.5,
    "",
    "x",
    "user",
    "text",
    "tool_use",
    [],
    [None],
    ["x"],
    {},
    {"type": "text"},
    {"text": 1},
]

Path = tuple[Any, ...]


# ---------------------------------------------------------------------------- mutation engine


def _walk(node: Any, path: Path = ()) -> list[tuple[Path, Any]]:
    out = [(path, node)]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_walk(v, (*path, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_walk(v, (*path, i)))
    return out


def _set(root: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    node = root
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return root


def _get(root: Any, path: Path) -> Any:
    for part in path:
        root = root[part]
    return root


def _pick(items: list[Any], n: int) -> Any:
    return items[n % len(items)]


def mutate(root: Any, op: str, a: int, b: int, value: Any, keep_root: bool = False) -> Any:
    """Apply one mutation; ``a`` picks the node, ``b`` a key/index/role, ``value`` a new value.

    ``keep_root``: never replace the root itself (a stream stays a list of events: the
    ``events`` argument is typed ``Iterable``, so a non-iterable there is a caller's TypeError).
    """
    nodes = _walk(root)[1:] if keep_root else _walk(root)
    if not nodes:
        return root
    dicts = [(p, n) for p, n in nodes if isinstance(n, dict) and n]
    lists = [(p, n) for p, n in nodes if isinstance(n, list) and n]
    if op == "drop_key" and dicts:
        _, d = _pick(dicts, a)
        del d[_pick(list(d), b)]
    elif op == "change_type":
        path, old = _pick(nodes, a)
        choices = [v for v in SCALARS if type(v) is not type(old)]
        root = _set(root, path, copy.deepcopy(_pick(choices, b)))
    elif op == "swap_role":
        roles = [(p, n) for p, n in nodes if p and p[-1] in ROLE_KEYS]
        if roles:
            path, _ = _pick(roles, a)
            root = _set(root, path, _pick(ROLES, b))
    elif op == "truncate_list" and lists:
        _, lst = _pick(lists, a)
        del lst[b % len(lst) :]
    elif op == "dup_item" and lists:
        _, lst = _pick(lists, a)
        i = b % len(lst)
        lst.insert(i, copy.deepcopy(lst[i]))
    elif op == "rename_key" and dicts:
        _, d = _pick(dicts, a)
        key = _pick(list(d), b)
        names = [k for _, n in dicts for k in n if isinstance(k, str)] + KEYS
        new = _pick(names, b + a)
        if new != key:
            d[new] = d.pop(key)
    elif op == "insert_key":
        dicts_all = [(p, n) for p, n in nodes if isinstance(n, dict)]
        if dicts_all:
            _, d = _pick(dicts_all, a)
            d[_pick(KEYS, b) if b % 3 else f"x_fuzz_{b}"] = copy.deepcopy(value)
    return root


def stream_mutate(events: list[Any], op: str, a: int, b: int) -> list[Any]:
    if not events:
        return events
    i, j = a % len(events), b % len(events)
    if op == "reorder":
        events[i], events[j] = events[j], events[i]
    elif op == "drop_event":
        del events[i]
    elif op == "truncate_stream":
        del events[i:]
    elif op == "dup_event":
        events.insert(j, copy.deepcopy(events[i]))
    return events


OPS = ["drop_key", "change_type", "swap_role", "truncate_list", "dup_item", "rename_key",
       "insert_key"]  # fmt: skip
STREAM_OPS = ["reorder", "drop_event", "truncate_stream", "dup_event"]

_ints = st.integers(min_value=0, max_value=10_000)
mutation = st.tuples(st.sampled_from(OPS), _ints, _ints, st.sampled_from(SCALARS))
stream_mutation = st.one_of(
    mutation, st.tuples(st.sampled_from(STREAM_OPS), _ints, _ints, st.none())
)


def apply(case: Case, ops: list[tuple[str, int, int, Any]]) -> Any:
    data = case.load()
    for op, a, b, value in ops:
        if op in STREAM_OPS:
            if isinstance(data, list):
                data = stream_mutate(data, op, a, b)
        else:
            data = mutate(data, op, a, b, value, keep_root=case.kind is il.Kind.STREAM_EVENT)
    return data


# ---------------------------------------------------------------------------- contract checks


def serialisable(out: Any) -> None:
    assert isinstance(out, dict), type(out)
    orjson.dumps(out)


def contract(call: Callable[[], Any]) -> Any:
    """Run ``call``; only `InterlinguaError` may escape (returns None then)."""
    try:
        return call()
    except il.InterlinguaError:
        return None


def sources(case: Case) -> list[il.Format | None]:
    return [case.format, None]


# ---------------------------------------------------------------------------- tests


@FUZZ
@given(
    case=st.sampled_from(PAYLOADS),
    ops=st.lists(mutation, min_size=1, max_size=6),
    to=st.sampled_from(FORMATS),
    use_kind=st.booleans(),
)
def test_mutated_payloads(
    case: Case, ops: list[tuple[str, int, int, Any]], to: il.Format, use_kind: bool
) -> None:
    data = apply(case, ops)
    kind = case.kind if use_kind else None
    for source in sources(case):
        out = contract(
            lambda s=source: il.translate(data, to, source=s, kind=kind, on_loss="ignore")
        )
        if out is not None:
            serialisable(out)
        contract(lambda s=source: il.to_universal(data, source=s, kind=kind))
    contract(lambda: il.detect(data, kind=kind))


@FUZZ
@given(
    case=st.sampled_from(STREAMS),
    ops=st.lists(stream_mutation, min_size=1, max_size=6),
    to=st.sampled_from(FORMATS),
)
def test_mutated_streams(case: Case, ops: list[tuple[str, int, int, Any]], to: il.Format) -> None:
    events = apply(case, ops)
    for source in sources(case):
        out = contract(
            lambda s=source: list(il.translate_stream(events, to, source=s, on_loss="ignore"))
        )
        if out is not None:
            assert isinstance(out, list)
            for event in out:
                serialisable(event)
        collected = contract(lambda s=source: il.collect_stream(events, source=s))
        if collected is not None:
            serialisable(collected)


@FUZZ
@given(
    case=st.sampled_from(STREAMS),
    ops=st.lists(mutation, min_size=1, max_size=4),
    index=_ints,
    to=st.sampled_from(FORMATS),
)
def test_mutated_single_stream_events(
    case: Case, ops: list[tuple[str, int, int, Any]], index: int, to: il.Format
) -> None:
    events = case.load()
    event = events[index % len(events)] if isinstance(events, list) and events else events
    for op, a, b, value in ops:
        event = mutate(event, op, a, b, value)
    for source in sources(case):
        for kind in (il.Kind.STREAM_EVENT, None):
            out = contract(
                lambda s=source, k=kind: il.translate(event, to, source=s, kind=k, on_loss="ignore")
            )
            if out is not None:
                serialisable(out)
            contract(lambda s=source, k=kind: il.to_universal(event, source=s, kind=k))
    contract(lambda: il.detect(event))


def test_cases_discovered() -> None:
    assert PAYLOADS and STREAMS
    assert {c.format for c in ALL} == set(FORMATS)


@pytest.mark.parametrize(
    ("op", "expected"),
    [("drop_key", {"b": [1, 2]}), ("truncate_list", {"a": 1, "b": []}),
     ("dup_item", {"a": 1, "b": [1, 1, 2]})],
)  # fmt: skip
def test_mutation_engine(op: str, expected: Any) -> None:
    assert mutate({"a": 1, "b": [1, 2]}, op, 0, 0, None) == expected
