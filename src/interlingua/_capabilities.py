"""What each format can express: the features, the support levels, and the generated matrix.

Every adapter declares ``capabilities``: a `Support` level for each feature in `FEATURES`.
``docs/capabilities.md`` is generated from those declarations (``interlingua capabilities >
docs/capabilities.md``); one test checks that the file is current, another probes every
declaration (a feature declared lossy or unsupported must report a loss, and only then).
"""

from __future__ import annotations

from enum import Enum
from typing import Final

__all__ = ["FEATURES", "Support", "render_matrix"]


class Support(str, Enum):
    """How a format carries a universal feature."""

    NATIVE = "native"  # the format has the same concept
    MAPPED = "mapped"  # expressed differently, without loss (e.g. effort <-> budget)
    LOSSY = "lossy"  # approximated; the approximation is reported as a loss
    UNSUPPORTED = "unsupported"  # cannot be expressed; dropped and reported


#: feature key -> what it means. Order is the row order of the matrix.
FEATURES: Final[dict[str, str]] = {
    "system-prompt": "system / developer instructions",
    "mid-conversation-system": "system or developer messages after the first turn",
    "image-url": "image given by URL",
    "image-base64": "inline base64 image",
    "document": "documents and files (PDF, text, file ids)",
    "audio-input": "input audio",
    "function-tools": "function tools with JSON-schema parameters",
    "custom-tools": "free-text (grammar) tools",
    "builtin-tools": "provider-hosted tools (web search, code execution, ...)",
    "tool-choice-none": "tool choice `none`",
    "tool-choice-required": "tool choice `required` / any tool",
    "tool-choice-named": "tool choice naming one tool",
    "parallel-tool-calls": "turning parallel tool calls off",
    "tool-result-images": "images inside tool results",
    "tool-result-error": "marking a tool result as an error",
    "reasoning-text": "reasoning / thinking content in responses",
    "reasoning-signature": "reasoning signatures and redacted reasoning (same family only)",
    "reasoning-effort": "reasoning effort / thinking budget setting",
    "json-schema-output": "structured output with a JSON schema",
    "json-object-output": "structured output as any JSON object",
    "cache-control": "prompt-cache breakpoints",
    "stop-sequences": "stop sequences",
    "top-k": "top-k sampling",
    "seed": "sampling seed",
    "penalties": "frequency / presence penalties",
    "multiple-choices": "several choices per request (`n`)",
    "logprobs": "token log-probabilities",
    "user-id": "end-user identifier",
    "service-tier": "service tier",
    "refusal": "a refusal distinct from text",
    "citations": "citations attached to text",
    "usage-cache": "cached and cache-write token counts",
    "usage-reasoning": "reasoning token counts",
}


def render_matrix() -> str:
    """The capability matrix as Markdown, from the registered adapters' declarations."""
    from ._registry import adapters

    found = adapters()
    header = "| feature | " + " | ".join(f"`{a.format.value}`" for a in found) + " |"
    rule = "|---|" + "---|" * len(found)
    rows = [
        f"| {desc} | "
        + " | ".join(a.capabilities.get(key, Support.UNSUPPORTED).value for a in found)
        + " |"
        for key, desc in FEATURES.items()
    ]
    legend = (
        "native: the format has the concept; mapped: expressed differently without loss; "
        "lossy: approximated, and the approximation is reported; unsupported: dropped and reported."
    )
    return "\n".join(
        [
            "# Capability matrix",
            "",
            "Generated from each adapter's `capabilities` declaration by",
            "`interlingua capabilities`; a test fails when this file is out of date, and",
            "`tests/test_capabilities.py` checks every cell against what the adapter really does.",
            "",
            legend,
            "",
            header,
            rule,
            *rows,
            "",
        ]
    )
