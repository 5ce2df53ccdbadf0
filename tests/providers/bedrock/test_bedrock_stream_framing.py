"""`BedrockStreamEncoder` on streams of another format: the framing it adds (``messageStart``,
``contentBlockStop``, ``messageStop``, ``metadata``), its losses, and the events it drops, pinned
event by event (the encoder writes these events on a fast path, without `_one`)."""

from __future__ import annotations

from typing import Any

import pytest

from interlingua import Format, Kind
from interlingua.providers.base import ConversionContext
from interlingua.providers.bedrock import names
from interlingua.providers.bedrock.stream_encode import BedrockStreamEncoder
from interlingua.universal import (
    ArgumentsDelta,
    Choice,
    Citation,
    Extras,
    FinishReason,
    Message,
    PartDelta,
    PartStart,
    PartStop,
    ReasoningPart,
    Response,
    ResponseDelta,
    ResponseStart,
    ResponseStop,
    StreamEvent,
    TextDelta,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    Usage,
)

LOUD = Extras("anthropic", {"type": "message", "odd": 1, "gone": None}, {}, frozenset({"type"}))
CASES: dict[str, list[list[StreamEvent]]] = {
    "framing": [
        [ResponseStart(id="r", model="m", usage=Usage(input_tokens=5), extras=LOUD)],
        [PartStart(index=0, part=TextPart(text="Hi"), extras=LOUD)],
        [PartDelta(index=0, delta=TextDelta(text="!"))],
        [PartStop(index=0, extras=LOUD)],
        [ResponseDelta(finish_reason=FinishReason.STOP, usage=Usage(output_tokens=3), extras=LOUD)],
        [ResponseStop(extras=LOUD)],
    ],
    "approximated-finish": [
        [ResponseStart()],
        [ResponseDelta(finish_reason=FinishReason.REFUSAL, stop_sequence="x", extras=LOUD)],
        [ResponseStop()],
    ],
    "second-choice": [
        [ResponseStart(choice_index=1)],
        [PartStart(index=0, part=TextPart(text="a"), choice_index=1)],
        [PartStop(index=0, choice_index=1)],
        [ResponseDelta(finish_reason=FinishReason.LENGTH, choice_index=1)],
        [ResponseStop()],
    ],
    "stop-only": [
        [
            ResponseStop(
                response=Response(
                    choices=[
                        Choice(
                            message=Message(role="assistant", content=[]),
                            finish_reason=FinishReason.TOOL_CALLS,
                        )
                    ],
                    usage=Usage(input_tokens=1, output_tokens=2, reasoning_tokens=1),
                )
            )
        ]
    ],
    "finish-without-stop": [
        [ResponseStart()],
        [PartStart(index=0, part=ToolCallPart(id="t", name="f", arguments='{"a":'))],
        [PartDelta(index=0, delta=ArgumentsDelta(json="1}"))],
    ],
    "parts": [
        [
            PartStart(
                index=0,
                part=ReasoningPart(text="r", signature="c2ln", signature_origin="anthropic"),
            )
        ],
        [
            PartStart(
                index=1, part=ReasoningPart(text="r", signature="s", signature_origin="openai")
            )
        ],
        [PartStart(index=2, part=ToolCallPart(id="c", name="g", arguments='a"', kind="custom"))],
        [PartStart(index=3, part=ToolResultPart(call_id="c"))],
        [PartStart(index=4, part=ReasoningPart(redacted="!!", signature_origin="anthropic"))],
        [
            PartStart(
                index=5,
                part=TextPart(
                    text="", citations=[Citation(kind="web", url="https://x", title="t")]
                ),
            )
        ],
        [PartStart(index=6, part=ReasoningPart(text=""))],
        [PartDelta(index=2, delta=ArgumentsDelta(json="b"))],
        [PartStop(index=3)],
        [PartStop(index=2)],
        [PartStop(index=9)],
        [PartStop(index=6)],
        [PartStop(index=0)],
        [PartStop(index=0)],
        [
            ResponseDelta(usage=Usage(input_tokens=1)),
            ResponseDelta(usage=Usage(output_tokens=4, total_tokens=9)),
        ],
        [ResponseStop()],
        [ResponseStop()],
    ],
    "long-tool-name": [
        [
            PartStart(
                index=0, part=ToolCallPart(id="i" * 70, name="n" * 70, arguments="", extras=LOUD)
            )
        ],
        [ResponseStop()],
    ],
}

#: per case: the events written for each batch and by `finish`, and the (path, code) losses
EXPECTED: dict[str, Any] = {
    "framing": (
        [
            [{"messageStart": {"role": "assistant"}}],
            [{"contentBlockDelta": {"delta": {"text": "Hi"}, "contentBlockIndex": 0}}],
            [{"contentBlockDelta": {"delta": {"text": "!"}, "contentBlockIndex": 0}}],
            [{"contentBlockStop": {"contentBlockIndex": 0}}],
            [],
            [
                {"messageStop": {"stopReason": "end_turn"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 5, "outputTokens": 3, "totalTokens": 8},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
            [],
        ],
        [
            ("$[0].odd", "provider-field-dropped"),
            ("$[1].odd", "provider-field-dropped"),
            ("$[5].odd", "provider-field-dropped"),
        ],
    ),
    "approximated-finish": (
        [
            [{"messageStart": {"role": "assistant"}}],
            [],
            [
                {"messageStop": {"stopReason": "content_filtered"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 0, "outputTokens": 0, "totalTokens": 0},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
            [],
        ],
        [
            ("$[2].finish_reason", "finish-reason-approximated"),
            ("$[2].stop_sequence", "parameter-unsupported"),
            ("$[2].odd", "provider-field-dropped"),
        ],
    ),
    "second-choice": (
        [
            [],
            [],
            [],
            [],
            [
                {"messageStart": {"role": "assistant"}},
                {"messageStop": {"stopReason": "end_turn"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 0, "outputTokens": 0, "totalTokens": 0},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
            [],
        ],
        [("$[0]", "n-unsupported")],
    ),
    "stop-only": (
        [
            [
                {"messageStart": {"role": "assistant"}},
                {"messageStop": {"stopReason": "tool_use"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 1, "outputTokens": 2, "totalTokens": 3},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
            [],
        ],
        [("$[0].usage.reasoning_tokens", "usage-field-dropped")],
    ),
    "finish-without-stop": (
        [
            [{"messageStart": {"role": "assistant"}}],
            [
                {
                    "contentBlockStart": {
                        "start": {"toolUse": {"toolUseId": "t", "name": "f"}},
                        "contentBlockIndex": 0,
                    }
                },
                {
                    "contentBlockDelta": {
                        "delta": {"toolUse": {"input": '{"a":'}},
                        "contentBlockIndex": 0,
                    }
                },
            ],
            [
                {
                    "contentBlockDelta": {
                        "delta": {"toolUse": {"input": "1}"}},
                        "contentBlockIndex": 0,
                    }
                }
            ],
            [
                {"contentBlockStop": {"contentBlockIndex": 0}},
                {"messageStop": {"stopReason": "end_turn"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 0, "outputTokens": 0, "totalTokens": 0},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
        ],
        [],
    ),
    "parts": (
        [
            [
                {"messageStart": {"role": "assistant"}},
                {
                    "contentBlockDelta": {
                        "delta": {"reasoningContent": {"text": "r"}},
                        "contentBlockIndex": 0,
                    }
                },
                {
                    "contentBlockDelta": {
                        "delta": {"reasoningContent": {"signature": "c2ln"}},
                        "contentBlockIndex": 0,
                    }
                },
            ],
            [
                {
                    "contentBlockDelta": {
                        "delta": {"reasoningContent": {"text": "r"}},
                        "contentBlockIndex": 1,
                    }
                }
            ],
            [
                {
                    "contentBlockStart": {
                        "start": {"toolUse": {"toolUseId": "c", "name": "g"}},
                        "contentBlockIndex": 2,
                    }
                },
                {
                    "contentBlockDelta": {
                        "delta": {"toolUse": {"input": '{"input":"a\\"'}},
                        "contentBlockIndex": 2,
                    }
                },
            ],
            [],
            [],
            [
                {
                    "contentBlockDelta": {
                        "delta": {
                            "citation": {"title": "t", "location": {"web": {"url": "https://x"}}}
                        },
                        "contentBlockIndex": 3,
                    }
                }
            ],
            [],
            [{"contentBlockDelta": {"delta": {"toolUse": {"input": "b"}}, "contentBlockIndex": 2}}],
            [],
            [
                {
                    "contentBlockDelta": {
                        "delta": {"toolUse": {"input": '"}'}},
                        "contentBlockIndex": 2,
                    }
                },
                {"contentBlockStop": {"contentBlockIndex": 2}},
            ],
            [],
            [],
            [{"contentBlockStop": {"contentBlockIndex": 0}}],
            [],
            [],
            [
                {"contentBlockStop": {"contentBlockIndex": 1}},
                {"contentBlockStop": {"contentBlockIndex": 3}},
                {"messageStop": {"stopReason": "end_turn"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 1, "outputTokens": 4, "totalTokens": 9},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
            [],
            [],
        ],
        [
            ("$[1].part", "signature-not-portable"),
            ("$[2].part", "custom-tool-approximated"),
            ("$[3].part", "tool-unsupported"),
            ("$[4].part", "reasoning-dropped"),
        ],
    ),
    "long-tool-name": (
        [
            [
                {"messageStart": {"role": "assistant"}},
                {
                    "contentBlockStart": {
                        "start": {
                            "toolUse": {
                                "toolUseId": names.encode("i" * 70, tool_id=True)[0],
                                "name": names.encode("n" * 70)[0],
                            }
                        },
                        "contentBlockIndex": 0,
                    }
                },
            ],
            [
                {"contentBlockStop": {"contentBlockIndex": 0}},
                {"messageStop": {"stopReason": "end_turn"}},
                {
                    "metadata": {
                        "usage": {"inputTokens": 0, "outputTokens": 0, "totalTokens": 0},
                        "metrics": {"latencyMs": 0},
                    }
                },
            ],
            [],
        ],
        [
            ("$[0].part.id", "tool-name-aliased"),
            ("$[0].part.name", "tool-name-aliased"),
            ("$[0].part.odd", "provider-field-dropped"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_foreign_streams_are_framed_as_before(name: str) -> None:
    ctx = ConversionContext(Format.BEDROCK, Kind.STREAM_EVENT)
    encoder = BedrockStreamEncoder(ctx)
    out = [encoder.feed(batch) for batch in CASES[name]] + [encoder.finish()]
    assert (out, [(loss.path, loss.code) for loss in ctx.losses.losses]) == EXPECTED[name]
