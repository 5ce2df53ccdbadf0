"""interlingua: translate LLM API payloads between providers.

A request, response or stream event written for one provider's API comes in; the same meaning,
written for another's, comes out, by way of one typed universal representation
(`interlingua.universal`). See ``docs/architecture.md``.
"""

from ._api import (
    Detection,
    Translation,
    Universal,
    detect,
    from_universal,
    to_universal,
    translate,
    translate_with_report,
)
from ._errors import (
    DetectionError,
    InterlinguaError,
    InvalidPayloadError,
    LossWarning,
    PayloadProblem,
    UnsupportedFeatureError,
)
from ._formats import Format, Kind
from ._losses import Loss
from ._registry import adapters, register_adapter
from ._streaming import atranslate_stream, collect_stream, translate_stream
from .providers.base import ProviderAdapter, StreamDecoder, StreamEncoder
from .sse import translate_sse

__version__ = "0.1.0"

__all__ = [
    "Detection",
    "DetectionError",
    "Format",
    "InterlinguaError",
    "InvalidPayloadError",
    "Kind",
    "Loss",
    "LossWarning",
    "PayloadProblem",
    "ProviderAdapter",
    "StreamDecoder",
    "StreamEncoder",
    "Translation",
    "Universal",
    "UnsupportedFeatureError",
    "__version__",
    "adapters",
    "atranslate_stream",
    "collect_stream",
    "detect",
    "from_universal",
    "register_adapter",
    "to_universal",
    "translate",
    "translate_sse",
    "translate_stream",
    "translate_with_report",
]
