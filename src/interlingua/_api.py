"""The public one-shot API: detect, to_universal, from_universal, translate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from ._errors import DetectionError, InterlinguaError, UnsupportedFeatureError
from ._formats import Format, Kind, parse_format, parse_kind
from ._json import coerce_payload
from ._losses import Loss, OnLoss, apply_policy, check_on_loss
from ._registry import adapter_for, adapters, derived
from .providers.base import ConversionContext, ProviderAdapter, boundary_error
from .universal import Request, Response, StreamEvent

__all__ = [
    "Detection",
    "Translation",
    "Universal",
    "detect",
    "from_universal",
    "to_universal",
    "translate",
    "translate_with_report",
]

#: What `to_universal` returns: a request, a response, or the events of one stream event.
Universal = Request | Response | list[StreamEvent]


@dataclass(frozen=True, slots=True)
class Detection:
    """The result of `detect`: which format and which kind of payload."""

    format: Format
    kind: Kind


class Translation(NamedTuple):
    """A translated payload and what the translation lost (empty when nothing was)."""

    payload: dict[str, Any]
    losses: list[Loss]


_ALL_KINDS = (Kind.REQUEST, Kind.RESPONSE, Kind.STREAM_EVENT)
#: module constants: reading an enum member off its class costs a lookup on Python 3.11
_REQUEST, _RESPONSE, _STREAM_EVENT = _ALL_KINDS


def _detect(data: dict[str, Any], kind: Kind | None, only: Format | None = None) -> Detection:
    kinds = (kind,) if kind is not None else _ALL_KINDS
    declined: list[tuple[ProviderAdapter, list[str]]] = []  # the reasons, joined only to raise
    for adapter in adapters():
        if only is not None and adapter.format is not only:
            continue
        reasons = []
        for k in kinds:
            try:
                reason = adapter.detect(data, k)
            except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
                # detectors are cheap key checks; a value of an unexpected type (a list
                # where a string belongs: unhashable in a set lookup) means "not this shape"
                reason = f"unreadable shape ({type(exc).__name__}: {exc})"
            if reason is None:
                return Detection(adapter.format, k)
            reasons.append(reason)
        declined.append((adapter, reasons))
    if only is not None and not declined:
        adapter_for(only)  # raises: no adapter for that format
    tried = {a.format.value: "; ".join(dict.fromkeys(reasons)) for a, reasons in declined}
    raise DetectionError(tried, kind=kind.value if kind else None)


def detect(payload: object, *, kind: Kind | str | None = None) -> Detection:
    """Tell which format (and kind) ``payload`` is; raises `DetectionError` listing why each
    format declined. ``payload`` is a dict or JSON text (str/bytes)."""
    wanted = parse_kind(kind) if kind is not None else None
    return _detect(coerce_payload(payload), wanted)


def _resolve(
    data: dict[str, Any], source: Format | str | None, kind: Kind | str | None
) -> tuple[ProviderAdapter, Kind]:
    fmt = parse_format(source) if source is not None else None
    wanted = parse_kind(kind) if kind is not None else None
    if fmt is not None and wanted is not None:
        return adapter_for(fmt), wanted
    found = _detect(data, wanted, fmt)
    return adapter_for(found.format), found.kind


class _Route(NamedTuple):
    """A translation's resolved names: source and target adapters, kind, and whether the
    payload passes through unchanged (same format, or a family that writes it identically)."""

    source: ProviderAdapter
    target: ProviderAdapter
    kind: Kind
    same: bool


#: routes cached by the names the caller gave (``to``, ``source``, ``kind``), when it gave all
#: three (resolving names costs more than a small translation's decoding), in the registry's
#: `derived` cache, which a registry change empties. Bounded: names are case-insensitive, so a
#: caller could spell one in unboundedly many ways.
_ROUTES_LIMIT = 512


def _route(target: ProviderAdapter, adapter: ProviderAdapter, kind: Kind) -> _Route:
    same = adapter is target or (
        kind in adapter.family_identical and adapter.family == target.family
    )
    return _Route(adapter, target, kind, same)


def _named_route(to: object, source: object, kind: object) -> _Route | None:
    """The route for fully named arguments (cached), or None when source or kind is to be
    detected."""
    if source is None or kind is None:
        return None
    key = (to, source, kind)
    cacheable = True
    routes = derived
    try:
        return routes[key]  # type: ignore[return-value]
    except KeyError:
        pass
    except TypeError:  # an unhashable name: parsing it raises the right error
        cacheable = False
    found = _route(
        adapter_for(parse_format(to)),  # type: ignore[arg-type]
        adapter_for(parse_format(source)),  # type: ignore[arg-type]
        parse_kind(kind),  # type: ignore[arg-type]
    )
    if cacheable and len(routes) < _ROUTES_LIMIT:
        routes[key] = found
    return found


def _decode(adapter: ProviderAdapter, data: dict[str, Any], kind: Kind) -> Universal:
    fmt = adapter.format
    ctx = ConversionContext(fmt, kind)
    try:
        if kind is _REQUEST:
            return adapter.request_to_universal(data, ctx)
        if kind is _RESPONSE:
            return adapter.response_to_universal(data, ctx)
        return adapter.stream_decoder(standalone=True).feed(data, 0)
    except Exception as exc:
        converted = boundary_error(exc, fmt, kind)
        if converted is None:
            raise
        raise converted from None


def to_universal(
    payload: object, *, source: Format | str | None = None, kind: Kind | str | None = None
) -> Universal:
    """Convert a provider payload to the universal representation.

    Returns a `Request`, a `Response`, or, for one stream event, the list of universal stream
    events it amounts to. ``source`` and ``kind`` are detected when not given.
    """
    data = coerce_payload(payload)
    adapter, resolved = _resolve(data, source, kind)
    return _decode(adapter, data, resolved)


def _kind_of(obj: object) -> Kind:
    if isinstance(obj, Request):
        return _REQUEST
    if isinstance(obj, Response):
        return _RESPONSE
    if isinstance(obj, list):
        return _STREAM_EVENT
    raise InterlinguaError(
        f"expected a universal Request, Response or list of stream events, got {type(obj).__name__}"
    )


def _encode(adapter: ProviderAdapter, obj: Universal, kind: Kind, model: str | None) -> Translation:
    fmt = adapter.format
    ctx = ConversionContext(fmt, kind, None, model)
    try:
        if isinstance(obj, Request):
            out = adapter.request_from_universal(obj, ctx)
        elif isinstance(obj, Response):
            out = adapter.response_from_universal(obj, ctx)
        else:
            out = _encode_event(adapter, obj, ctx)
    except Exception as exc:
        converted = boundary_error(exc, fmt, kind)
        if converted is None:
            raise
        raise converted from None
    if model is not None:
        out = adapter.set_model(out, model, kind)
    return Translation(out, ctx.recorded())


def _encode_event(
    adapter: ProviderAdapter, events: list[StreamEvent], ctx: ConversionContext
) -> dict[str, Any]:
    """One standalone stream event; raises if the target needs several events for it."""
    out = adapter.stream_encoder(ctx).feed(list(events))
    if len(out) != 1:
        loss = Loss(
            "$",
            "stream-event-not-standalone",
            f"this event becomes {len(out)} {ctx.format.value} events; "
            "translate the whole stream with translate_stream",
        )
        raise UnsupportedFeatureError([loss], target=ctx.format.value, kind=ctx.kind.value)
    return out[0]


def from_universal(
    obj: Universal, to: Format | str, *, model: str | None = None, on_loss: OnLoss = "warn"
) -> dict[str, Any]:
    """Write a universal object as a payload of format ``to``.

    ``model`` replaces the model where the target's body carries one. Losses are handled as
    ``on_loss`` says (see `translate`).
    """
    policy = check_on_loss(on_loss)
    fmt = parse_format(to)
    kind = _kind_of(obj)
    result = _encode(adapter_for(fmt), obj, kind, model)
    apply_policy(result.losses, policy, target=fmt.value, kind=kind.value)
    return result.payload


def _translate(
    payload: object,
    to: Format | str,
    source: Format | str | None,
    kind: Kind | str | None,
    model: str | None,
) -> tuple[Translation, ProviderAdapter]:
    data = coerce_payload(payload)
    route = _named_route(to, source, kind)
    if route is None:
        target = adapter_for(parse_format(to))
        adapter, resolved = _resolve(data, source, kind)
        route = _route(target, adapter, resolved)
    target = route.target
    if route.same:
        out = target.set_model(data, model, route.kind) if model is not None else data
        return Translation(out, []), target
    universal = _decode(route.source, data, route.kind)
    return _encode(target, universal, route.kind, model), target


def translate_with_report(
    payload: object,
    to: Format | str,
    *,
    source: Format | str | None = None,
    kind: Kind | str | None = None,
    model: str | None = None,
) -> Translation:
    """Translate ``payload`` into format ``to`` and return it with the list of losses.

    A payload already in format ``to`` is returned unchanged (with ``model`` applied), as is
    one whose format writes it identically (an Anthropic response for Bedrock or Vertex).
    """
    return _translate(payload, to, source, kind, model)[0]


def translate(
    payload: object,
    to: Format | str,
    *,
    source: Format | str | None = None,
    kind: Kind | str | None = None,
    model: str | None = None,
    on_loss: OnLoss = "warn",
) -> dict[str, Any]:
    """Translate a request, response or stream event into format ``to``.

    ``source`` and ``kind`` are detected when not given. ``model`` sets the target's model.
    ``on_loss``: ``"warn"`` emits a `LossWarning` listing what the target could not express,
    ``"error"`` raises `UnsupportedFeatureError` instead, ``"ignore"`` says nothing.
    """
    policy = check_on_loss(on_loss)
    (payload_out, losses), target = _translate(payload, to, source, kind, model)
    if losses:
        apply_policy(losses, policy, target=target.format._value_, kind=None)
    return payload_out
