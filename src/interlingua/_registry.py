"""The ordered adapter registry: which adapter handles each format, and detection order.

Detection asks adapters in order and takes the first that says yes, so the most distinctive
shapes come first and the permissive ones last:

1. ``responses``         ``input``/``instructions`` and no ``messages``; ``object: "response"``;
                         ``response.*`` event types
2. ``bedrock``           ``modelId`` or camelCase Converse blocks (``toolUse``, ``inferenceConfig``)
3. ``google``            ``contents`` / ``candidates`` / ``usageMetadata``
4. ``bedrock-anthropic`` Anthropic body with ``anthropic_version: bedrock-*`` (or ``*_bdrk_`` ids)
5. ``vertex-anthropic``  Anthropic body with ``anthropic_version: vertex-*`` (or ``*_vrtx_`` ids)
6. ``anthropic``         Anthropic blocks, top-level ``system``, ``max_tokens``, ``type: message``
7. ``chat-completions``  ``messages`` with roles: the permissive fallback, so last

Adapters are imported on first use, which keeps ``import interlingua`` fast. Third parties add
or replace an adapter with `register_adapter`, or through the ``interlingua.adapters`` entry
point group (each entry point names a zero-argument callable returning a `ProviderAdapter`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Final

from ._errors import InterlinguaError
from ._formats import Format
from .providers.base import ProviderAdapter

__all__ = ["adapter_for", "adapters", "register_adapter"]

ENTRY_POINT_GROUP: Final = "interlingua.adapters"

#: (format, "module:Class") in detection order; see the module docstring for why.
BUILTIN: Final[tuple[tuple[Format, str], ...]] = (
    (Format.RESPONSES, "interlingua.providers.responses.adapter:ResponsesAdapter"),
    (Format.BEDROCK, "interlingua.providers.bedrock.adapter:BedrockAdapter"),
    (Format.GOOGLE, "interlingua.providers.google.adapter:GoogleAdapter"),
    (Format.BEDROCK_ANTHROPIC, "interlingua.providers.anthropic.variants:BedrockAnthropicAdapter"),
    (Format.VERTEX_ANTHROPIC, "interlingua.providers.anthropic.variants:VertexAnthropicAdapter"),
    (Format.ANTHROPIC, "interlingua.providers.anthropic.adapter:AnthropicAdapter"),
    (
        Format.CHAT_COMPLETIONS,
        "interlingua.providers.chat_completions.adapter:ChatCompletionsAdapter",
    ),
)

_adapters: list[ProviderAdapter] | None = None
#: `adapters()` and `adapter_for` lookups, rebuilt whenever the list changes
_ordered: tuple[ProviderAdapter, ...] = ()
_by_format: dict[Format, ProviderAdapter] = {}


def _load(target: str) -> ProviderAdapter:
    module_name, _, attr = target.partition(":")
    factory: Callable[[], ProviderAdapter] = getattr(importlib.import_module(module_name), attr)
    return factory()


def _loaded() -> list[ProviderAdapter]:
    global _adapters
    if _adapters is None:
        from importlib.metadata import entry_points  # slow to import: only when first needed

        _adapters = [_load(target) for _, target in BUILTIN]
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                plugin = ep.load()()
            except Exception as exc:  # report a broken plug-in by name, as our own error
                raise InterlinguaError(
                    f"adapter entry point {ep.name!r} failed to load: {exc}"
                ) from exc
            _insert(_adapters, plugin, None)
        _reindex(_adapters)
    return _adapters


#: what callers derive from the registry and cache (``_api``'s resolved routes), keyed as
#: they like; emptied whenever the registry changes
derived: dict[object, object] = {}


def _reindex(loaded: list[ProviderAdapter]) -> None:
    global _ordered, _by_format
    _ordered = tuple(loaded)
    _by_format = {a.format: a for a in loaded}
    derived.clear()


def _insert(into: list[ProviderAdapter], adapter: ProviderAdapter, before: Format | None) -> None:
    into[:] = [a for a in into if a.format is not adapter.format]
    anchor = before or Format.CHAT_COMPLETIONS
    position = next((i for i, a in enumerate(into) if a.format is anchor), len(into))
    into.insert(position, adapter)


def adapters() -> tuple[ProviderAdapter, ...]:
    """Every registered adapter, in detection order."""
    if _adapters is None:
        _loaded()
    return _ordered


def register_adapter(adapter: ProviderAdapter, *, before: Format | None = None) -> None:
    """Add ``adapter``, replacing any adapter of the same format.

    Detection tries it just before the adapter of ``before`` if given, else just before the
    permissive Chat Completions fallback.
    """
    loaded = _loaded()
    _insert(loaded, adapter, before)
    _reindex(loaded)


def adapter_for(fmt: Format) -> ProviderAdapter:
    """The adapter registered for ``fmt``; `InterlinguaError` if none is."""
    adapter = _by_format.get(fmt)
    if adapter is not None:
        return adapter
    if _adapters is None:
        _loaded()
        return adapter_for(fmt)
    have = ", ".join(a.format.value for a in adapters())
    raise InterlinguaError(
        f"no adapter is registered for {fmt.value} (available: {have})", format=fmt.value
    )
