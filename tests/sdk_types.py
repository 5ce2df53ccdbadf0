"""Check payloads against the official SDKs' own types.

Requests are checked against the SDK's request TypedDicts by walking their annotations: a
missing required key, an unknown key, or a value of the wrong type is an error. Responses and
stream events are validated by the SDK's pydantic models, and any field the model does not
declare (which those models silently accept) is an error too.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, Union, get_args, get_origin

import pydantic
import typing_extensions

_TYPED_DICT_META = (type(typing.TypedDict("_T", {})), type(typing_extensions.TypedDict("_U", {})))


def _is_typed_dict(tp: Any) -> bool:
    return isinstance(tp, _TYPED_DICT_META)


def _strip(tp: Any) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Annotated, typing_extensions.Annotated):
        return _strip(get_args(tp)[0])
    if origin in (
        typing.Required,
        typing.NotRequired,
        typing_extensions.Required,
        typing_extensions.NotRequired,
        typing_extensions.ReadOnly,
    ):
        return _strip(get_args(tp)[0])
    return tp


def _hints(td: Any) -> dict[str, Any]:
    return typing_extensions.get_type_hints(td, include_extras=True)


_REQUIRED = (typing.Required, typing_extensions.Required)
_NOT_REQUIRED = (typing.NotRequired, typing_extensions.NotRequired)


def required_keys(td: Any) -> set[str]:
    """The keys a TypedDict requires.

    NOTE: the SDKs' TypedDicts use ``from __future__ import annotations``, which leaves
    ``__required_keys__`` empty; the ``Required[...]`` markers and each class's own ``total``
    are the truth.
    """
    own = set(inspect.get_annotations(td))
    for base in getattr(td, "__orig_bases__", ()):
        if _is_typed_dict(base):
            own -= set(_hints(base))
    out = set()
    for key, hint in _hints(td).items():
        origin = get_origin(hint)
        total = td.__total__ and key in own
        if origin in _REQUIRED or (total and origin not in _NOT_REQUIRED):
            out.add(key)
    for base in getattr(td, "__orig_bases__", ()):
        if _is_typed_dict(base):
            out |= required_keys(base)
    return out


def check_typed_dict(value: Any, tp: Any, path: str = "$") -> list[str]:
    """Every way ``value`` fails to be a ``tp`` (empty when it is one)."""
    tp = _strip(tp)
    if tp is Any or tp is object:
        return []
    if isinstance(tp, typing.TypeVar):
        return []
    if tp is type(None) or tp is None:
        return [] if value is None else [f"{path}: expected null, got {value!r:.60}"]
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = get_args(tp)
        best: list[str] | None = None
        for option in options:
            errors = check_typed_dict(value, option, path)
            if not errors:
                return []
            if best is None or len(errors) < len(best):
                best = errors
        return best or [f"{path}: matches no member of {tp}"]
    if origin is Literal:
        return [] if value in get_args(tp) else [f"{path}: {value!r:.60} not in {get_args(tp)}"]
    if _is_typed_dict(tp):
        if not isinstance(value, dict):
            return [f"{path}: expected object ({tp.__name__}), got {type(value).__name__}"]
        hints = _hints(tp)
        errors = [f"{path}.{k}: unknown key for {tp.__name__}" for k in value if k not in hints]
        errors += [
            f"{path}.{k}: required key missing ({tp.__name__})"
            for k in sorted(required_keys(tp))
            if k not in value
        ]
        for key, sub in value.items():
            if key in hints:
                errors += check_typed_dict(sub, hints[key], f"{path}.{key}")
        return errors
    if origin in (list, Sequence, Iterable, typing.Iterable, typing.Sequence, list):
        if not isinstance(value, list):
            return [f"{path}: expected array, got {type(value).__name__}"]
        (item,) = get_args(tp) or (Any,)
        out: list[str] = []
        for i, sub in enumerate(value):
            out += check_typed_dict(sub, item, f"{path}[{i}]")
        return out
    if origin in (dict, Mapping, dict, typing.Mapping):
        if not isinstance(value, dict):
            return [f"{path}: expected object, got {type(value).__name__}"]
        args = get_args(tp)
        if len(args) == 2:
            out = []
            for k, sub in value.items():
                out += check_typed_dict(sub, args[1], f"{path}.{k}")
            return out
        return []
    if tp is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected number, got {value!r:.60}"]
    if tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{path}: expected integer, got {value!r:.60}"]
    if tp in (str, bool):
        return (
            [] if isinstance(value, tp) else [f"{path}: expected {tp.__name__}, got {value!r:.60}"]
        )
    if isinstance(tp, type) and issubclass(tp, (bytes,)):
        return [] if isinstance(value, (str, bytes)) else [f"{path}: expected bytes/str"]
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        return check_model(value, tp, path)
    # anything else (FileTypes, os.PathLike, ...) is not JSON-representable: accept
    return []


def _extras(obj: Any, path: str) -> list[str]:
    out: list[str] = []
    if isinstance(obj, pydantic.BaseModel):
        extra = obj.__pydantic_extra__ or {}
        out += [f"{path}.{k}: not a field of {type(obj).__name__}" for k in extra]
        for name in type(obj).model_fields:
            out += _extras(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            out += _extras(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for k, item in obj.items():
            out += _extras(item, f"{path}.{k}")
    return out


@functools.cache
def _adapter(model: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(model)


def check_model(value: Any, model: Any, path: str = "$") -> list[str]:
    """Validate ``value`` with an SDK pydantic model (or union); undeclared fields are errors."""
    try:
        obj = _adapter(model).validate_python(value)
    except pydantic.ValidationError as exc:
        return [f"{path}{''.join(f'.{p}' for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    return _extras(obj, path)
