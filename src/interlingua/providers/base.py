"""What every provider package provides, and the helpers they share.

`ProviderAdapter` is glue: metadata, detection, and the entry points to a provider's pure
conversion functions and stream codecs. `StreamDecoder` / `StreamEncoder` hold the state a
stream translation needs on each side. The helpers below implement the two conventions every
converter follows:

* **Decoding** consumes keys from the validated wire dict with `take`; whatever is left (unknown
  keys, explicit nulls, provider-only options) becomes the node's `Extras` via `leftovers`.
* **Encoding** writes the universal fields, then `restore` merges the node's extras back when
  they came from the same family, or reports each one as a loss when they did not.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar

from .._capabilities import Support
from .._errors import InterlinguaError, InvalidPayloadError, PayloadProblem
from .._formats import FAMILY, Format, Kind
from .._json import JSONDecodeError, format_path
from .._losses import Loss, LossCollector
from ..universal import Extras, HasExtras, Request, Response, StreamEvent

if TYPE_CHECKING:
    from pydantic import ConfigDict, ValidationError
    from pydantic_core import SchemaValidator

__all__ = [
    "WIRE_CONFIG",
    "ConversionContext",
    "ProviderAdapter",
    "StreamDecoder",
    "StreamEncoder",
    "boundary_error",
    "conversion_boundary",
    "leftovers",
    "restore",
    "tagged_union",
    "take",
    "validator",
]

#: Config for every wire TypedDict: unknown keys are kept (they round-trip through extras),
#: and values are not coerced (a string is never silently read as a number).
#: A plain dict (pydantic's ConfigDict is a TypedDict), so that this module does not import
#: pydantic: pydantic loads with the first provider used, not with ``import interlingua``.
WIRE_CONFIG: ConfigDict = {"extra": "allow", "strict": True}


# --- conversion context --------------------------------------------------------------------


class ConversionContext:
    """What a conversion needs besides its input: the format on the other side of the
    universal object, the kind, where to record losses, and a model override."""

    __slots__ = ("_losses", "family", "format", "kind", "model")

    def __init__(
        self,
        format: Format,
        kind: Kind,
        losses: LossCollector | None = None,
        model: str | None = None,
    ) -> None:
        self.format = format
        self.kind = kind
        self._losses = losses
        self.model = model
        #: the family of ``format`` (the key under which extras are stored and restored)
        self.family: str = FAMILY[format]

    @property
    def losses(self) -> LossCollector:
        """Where losses are recorded (made on first use: most conversions record none)."""
        if self._losses is None:
            self._losses = LossCollector()
        return self._losses

    def recorded(self) -> list[Loss]:
        """The losses recorded so far (a new empty list when there were none)."""
        return self._losses.losses if self._losses is not None else []

    def loss(self, path: str, code: str, reason: str) -> None:
        """Record a loss (see `LossCollector.add`)."""
        self.losses.add(path, code, reason)


# --- decoding helpers ----------------------------------------------------------------------


def take(wire: dict[str, Any], key: str) -> Any:
    """Remove and return ``wire[key]`` unless it is missing or null.

    A null stays in ``wire`` so that `leftovers` records it and the same-family encoder writes
    it back: an explicit ``null`` and an absent key are different JSON.
    """
    value = wire.get(key)
    if value is not None:
        del wire[key]
    return value


def plain_function(
    fn: dict[str, Any],
) -> tuple[str | None, dict[str, Any] | None, bool | None] | None:
    """``(description, parameters, strict)`` of a function tool definition (OpenAI's shape)
    whose optional values have the types validation wants, ``parameters`` copied as
    validation copies it; None when one does not (the caller validates instead)."""
    description, parameters, strict = fn.get("description"), fn.get("parameters"), fn.get("strict")
    if "description" in fn and type(description) is not str:
        return None
    if "strict" in fn and type(strict) is not bool:
        return None
    if "parameters" in fn:
        if type(parameters) is not dict or not all([type(k) is str for k in parameters]):
            return None
        parameters = dict(parameters)
    return description, parameters, strict


def leftovers(
    family: str,
    wire: dict[str, Any],
    shape: dict[str, Any] | None = None,
    quiet: frozenset[str] = frozenset(),
) -> Extras:
    """The `Extras` for a node: the wire keys nobody took, plus shape hints."""
    return Extras(family, wire, shape or {}, quiet)  # positional: twice as fast as keywords


# --- encoding helpers ----------------------------------------------------------------------


def restore(out: dict[str, Any], node: HasExtras, ctx: ConversionContext, path: str) -> None:
    """Merge ``node``'s extras into ``out`` if they belong to ``ctx``'s family; otherwise
    report every field that is not wire-only as a ``provider-field-dropped`` loss."""
    ex = node.extras
    if ex is None or not ex.fields:
        return
    if ex.family == ctx.family:
        out.update(ex.fields)
        return
    if ex.fields.keys() <= ex.quiet:
        return
    target = ctx.format._value_  # Enum's `.value` is a Python-level property
    for key, value in ex.fields.items():
        if value is None or key in ex.quiet:
            continue
        ctx.loss(
            f"{path}.{key}",
            "provider-field-dropped",
            f"`{key}` is specific to {ex.family} and has no equivalent in {target}",
        )


def shape_of(node: HasExtras, ctx: ConversionContext) -> dict[str, Any]:
    """``node``'s shape hints if they were recorded by ``ctx``'s family, else ``{}``."""
    ex = node.extras
    return ex.shape if ex is not None and ex.family == ctx.family else {}


# --- wire-model helpers --------------------------------------------------------------------


def tagged_union(members: dict[str, Any], fallback: Any, key: str = "type") -> Any:
    """A union of wire TypedDicts chosen by their ``key`` value, with ``fallback`` for values
    not listed (new provider features pass validation and travel as opaque parts).

    Tags are written ``type=<value>`` so that error locations can be told from payload keys.
    """

    labels = {name: f"{key}={name}" for name in members}
    other = f"{key}=*"

    def pick(value: Any) -> str:
        tag = value.get(key) if isinstance(value, dict) else None
        return labels.get(tag, other) if isinstance(tag, str) else other

    from typing import Annotated, Union

    from pydantic import Discriminator, Tag

    choices = tuple(Annotated[tp, Tag(f"{key}={name}")] for name, tp in members.items())
    return Annotated[Union[(*choices, Annotated[fallback, Tag(f"{key}=*")])], Discriminator(pick)]


#: Built validators by ``id`` of their wire type (with the type, which keeps the id valid).
#: Keyed by identity because hashing a typing construct walks the whole type on every call.
_VALIDATORS: dict[int, tuple[Any, SchemaValidator]] = {}


def validator(tp: Any) -> SchemaValidator:
    """pydantic-core's validator for a wire type, built on first use (keeps import fast)."""
    entry = _VALIDATORS.get(id(tp))
    if entry is not None:
        return entry[1]
    from pydantic import TypeAdapter

    built: SchemaValidator = TypeAdapter(tp).validator  # type: ignore[assignment]
    _VALIDATORS[id(tp)] = (tp, built)
    return built


def _is_validation_error(exc: BaseException) -> bool:
    """Whether ``exc`` is pydantic's ValidationError (imported only once pydantic is loaded)."""
    if not _VALIDATORS:
        return False
    from pydantic import ValidationError

    return isinstance(exc, ValidationError)


def _clean_path(payload: Any, loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as a JSON path of ``payload``, skipping union tags."""
    parts: list[int | str] = []
    node = payload
    for seg in loc:
        if _has(node, seg):
            parts.append(seg)
            node = node[seg]
        elif isinstance(seg, str) and ("=" in seg or "[" in seg or seg in _TAG_WORDS):
            continue
        else:
            parts.append(seg)
            node = None
    return format_path(parts)


def _has(node: Any, seg: int | str) -> bool:
    if isinstance(node, dict):
        return isinstance(seg, str) and seg in node
    return isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node)


_TAG_WORDS = frozenset({"str", "int", "float", "bool", "dict", "list", "none", "typed-dict"})


def validation_problems(payload: Any, exc: ValidationError) -> list[PayloadProblem]:
    """Turn a pydantic error into problems with clean paths, one per distinct path."""
    seen: dict[str, str] = {}
    for err in exc.errors(include_url=False, include_context=False, include_input=False):
        path = _clean_path(payload, tuple(err["loc"]))
        msg = err["msg"]
        if err["type"] == "missing":
            msg = "required field is missing"
        elif err["type"] == "literal_error":
            msg = f"unexpected value: {msg[0].lower()}{msg[1:]}"
        seen.setdefault(path, msg[0].lower() + msg[1:])
    return [PayloadProblem(path, msg) for path, msg in seen.items()]


def validate(tp: Any, payload: Any, fmt: Format, kind: Kind) -> Any:
    """Validate ``payload`` against wire type ``tp``; returns a fresh, validated copy."""
    check = validator(tp)
    try:
        return check.validate_python(payload)
    except Exception as exc:
        if not _is_validation_error(exc):
            raise
        raise InvalidPayloadError(
            validation_problems(payload, exc),  # type: ignore[arg-type]
            format=fmt.value,
            kind=kind.value,
        ) from None


_STRAY = (
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
    IndexError,
    JSONDecodeError,
    RecursionError,
)


class conversion_boundary:
    """Turn any stray exception inside a conversion into `InvalidPayloadError`.

    Converters validate first, so reaching this means a payload shape the wire model admitted
    but the converter could not read; the error says so rather than leaking a KeyError.
    (A class rather than ``@contextmanager``: it is entered twice per translation.)
    """

    __slots__ = ("fmt", "kind")

    def __init__(self, fmt: Format, kind: Kind) -> None:
        self.fmt = fmt
        self.kind = kind

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is not None:
            converted = boundary_error(exc, self.fmt, self.kind)
            if converted is not None:
                raise converted from None


def boundary_error(exc: BaseException, fmt: Format, kind: Kind) -> InvalidPayloadError | None:
    """What a stray exception raised inside a conversion becomes: `InvalidPayloadError` for
    a validation error or a KeyError-like slip; None (let it propagate) for anything else."""
    if isinstance(exc, InterlinguaError):
        return None
    if _is_validation_error(exc):
        problems = validation_problems(None, exc)  # type: ignore[arg-type]
        return InvalidPayloadError(problems, format=fmt.value, kind=kind.value)
    if isinstance(exc, _STRAY):
        problem = PayloadProblem("$", f"cannot convert payload: {type(exc).__name__}: {exc}")
        return InvalidPayloadError([problem], format=fmt.value, kind=kind.value)
    return None


# --- streams -------------------------------------------------------------------------------


class StreamDecoder(ABC):
    """Turns one provider's stream events into universal stream events, keeping the state the
    provider's framing needs (open blocks, tool-call indexes).

    ``standalone=True`` decodes single events out of context (``to_universal`` of one event):
    no ordering checks, and nothing synthesised that the event does not itself say.

    ``wire=False`` says the events go to an encoder of another family, which never reads this
    family's wire envelope: a decoder may then leave out extras (and events) that carry nothing
    but quiet wire details, so nothing that would be reported as lost. The target's output must
    be the same either way; only the work differs.
    """

    def __init__(self, *, standalone: bool = False, wire: bool = True) -> None:
        self.standalone = standalone
        self.wire = wire

    @abstractmethod
    def feed(self, event: dict[str, Any], position: int) -> list[StreamEvent]:
        """Decode one provider event (``position`` is its index in the stream, for errors)."""

    @abstractmethod
    def finish(self) -> list[StreamEvent]:
        """The stream ended: return closing events, or raise if it ended too early."""


class StreamEncoder(ABC):
    """Turns universal stream events into one provider's events, keeping the state needed to
    write a complete, well-formed stream (block indexes, ids, usage seen so far)."""

    def __init__(self, ctx: ConversionContext) -> None:
        self.ctx = ctx

    @abstractmethod
    def feed(self, events: list[StreamEvent]) -> list[dict[str, Any]]:
        """Encode the universal events one source event produced."""

    @abstractmethod
    def finish(self) -> list[dict[str, Any]]:
        """The source ended: return whatever closing events the format still needs."""


# --- the adapter ---------------------------------------------------------------------------


class ProviderAdapter(ABC):
    """One format's detection, conversions and stream codecs.

    Subclasses set the class attributes and implement the abstract methods by delegating to
    their package's pure functions. Adapters are stateless and shared.
    """

    format: ClassVar[Format]
    display_name: ClassVar[str]
    #: folder name under ``payloads/`` (the format value)
    payload_folder: ClassVar[str]
    #: SSE framing: whether events are written with an ``event:`` line, and the data line
    #: that ends the stream (``[DONE]`` for Chat Completions), if any
    sse_event_names: ClassVar[bool] = False
    sse_done: ClassVar[str | None] = None
    #: how this format carries each feature of `interlingua._capabilities.FEATURES`
    capabilities: ClassVar[Mapping[str, Support]] = {}
    #: kinds of payload of this format that every format of its family writes back identically
    #: (nothing in them is specific to this member), so that translating one to another member
    #: of the family is the same-format pass-through
    family_identical: ClassVar[frozenset[Kind]] = frozenset()

    @property
    def family(self) -> str:
        """The family whose extras this adapter reads and writes."""
        return FAMILY[self.format]

    # detection: cheap key checks; return None when the payload looks like this format,
    # otherwise a short reason for DetectionError.tried
    @abstractmethod
    def detect(self, payload: dict[str, Any], kind: Kind) -> str | None:
        """None if ``payload`` looks like this format's ``kind``, else why not."""

    @abstractmethod
    def request_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Request:
        """Validate and convert a request body."""

    @abstractmethod
    def request_from_universal(self, request: Request, ctx: ConversionContext) -> dict[str, Any]:
        """Write a request body (losses go to ``ctx``)."""

    @abstractmethod
    def response_to_universal(self, payload: dict[str, Any], ctx: ConversionContext) -> Response:
        """Validate and convert a response body."""

    @abstractmethod
    def response_from_universal(self, response: Response, ctx: ConversionContext) -> dict[str, Any]:
        """Write a response body."""

    @abstractmethod
    def stream_decoder(self, *, standalone: bool = False, wire: bool = True) -> StreamDecoder:
        """A fresh decoder for one stream (see `StreamDecoder` for ``standalone`` and ``wire``)."""

    @abstractmethod
    def stream_encoder(self, ctx: ConversionContext) -> StreamEncoder:
        """A fresh encoder for one stream."""

    def sse_event_name(self, event: dict[str, Any]) -> str | None:
        """The ``event:`` name to write for ``event`` (formats with ``sse_event_names``)."""
        value = event.get("type")
        return value if isinstance(value, str) else None

    def set_model(self, payload: dict[str, Any], model: str, kind: Kind) -> dict[str, Any]:
        """Return ``payload`` with its model replaced: always in a request, and in a response or
        event that names one. Formats whose model lives elsewhere override this."""
        if kind is Kind.REQUEST or "model" in payload:
            return {**payload, "model": model}
        return payload


AdapterFactory = Callable[[], ProviderAdapter]
