"""The encoders' direct paths for other families' plain text, function calls, user turns and
tool results: the same bodies, ids and losses (with their paths) as the general path gives,
including the cases that must leave the direct path (citations, error flags, this family's
extras, an empty assistant message kept as an opaque item)."""

from __future__ import annotations

from typing import Any

from helpers_responses import ADAPTER, ctx

from interlingua._formats import Kind
from interlingua.providers.responses.assistant import encode_assistant
from interlingua.providers.responses.common import F
from interlingua.universal import (
    Choice,
    Citation,
    Extras,
    FinishReason,
    Message,
    OpaquePart,
    Request,
    Response,
    TextPart,
    ToolCallPart,
    ToolResultPart,
    Usage,
)


def _other(**fields: Any) -> Extras:
    return Extras("anthropic", dict(fields), {}, frozenset({"type"}))


def _response(*parts: Any, rid: str = "r.1", reason: FinishReason | None = None) -> Response:
    message = Message(role="assistant", content=list(parts))
    return Response(
        id=rid,
        model="m",
        choices=[Choice(message=message, finish_reason=reason)],
        usage=Usage(input_tokens=1, output_tokens=2, extras=_other(geo="eu", type="u")),
    )


def _losses(c: Any) -> list[tuple[str, str]]:
    return [(loss.path, loss.code) for loss in c.losses.losses]


def test_text_and_calls_of_another_family() -> None:
    c = ctx(Kind.RESPONSE)
    resp = _response(
        TextPart(text="a", extras=_other(type="text", lang="en")),
        TextPart(text="b", citations=[]),
        ToolCallPart(id="c1", name="f", arguments="{}", extras=_other(caller={"x": 1})),
        TextPart(text="c"),
        reason=FinishReason.TOOL_CALLS,
    )
    out = ADAPTER.response_from_universal(resp, c)
    assert out["output"] == [
        {
            "id": "msg_r_1_0",
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [
                {"type": "output_text", "text": "a", "annotations": []},
                {"type": "output_text", "text": "b", "annotations": []},
            ],
        },
        {
            "type": "function_call",
            "call_id": "c1",
            "name": "f",
            "arguments": "{}",
            "id": "fc_r_1_1",
            "status": "completed",
        },
        {
            "id": "msg_r_1_2",
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "c", "annotations": []}],
        },
    ]
    assert out["status"] == "completed" and out["incomplete_details"] is None
    assert out["usage"] == {
        "input_tokens": 1,
        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
        "output_tokens": 2,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 3,
    }
    assert _losses(c) == [
        ("$.choices[0].message.content[0].lang", "provider-field-dropped"),
        ("$.choices[0].message.content[2].caller", "provider-field-dropped"),
        ("$.usage.geo", "provider-field-dropped"),
    ]


def test_parts_that_leave_the_direct_path() -> None:
    c = ctx(Kind.RESPONSE)
    cited = TextPart(text="t", citations=[Citation(kind="web", url="https://x.org")])
    resp = _response(
        TextPart(text="a", extras=Extras(F, {}, {})),
        cited,
        ToolCallPart(id="s", name="web_search", arguments="{}", kind="server"),
        ToolCallPart(id="k", name="g", arguments="x", kind="custom"),
        reason=FinishReason.LENGTH,
    )
    out = ADAPTER.response_from_universal(resp, c)
    message, call = out["output"]
    assert [p.get("annotations") for p in message["content"]] == [
        None,
        [{"type": "url_citation", "url": "https://x.org", "title": "https://x.org",
          "start_index": 0, "end_index": 1}],
    ]  # fmt: skip
    assert call == {"type": "custom_tool_call", "call_id": "k", "name": "g", "input": "x",
                    "id": "fc_r_1_1"}  # fmt: skip
    assert out["status"] == "incomplete"
    assert ("$.choices[0].message.content[2]", "tool-unsupported") in _losses(c)


def test_an_empty_opaque_assistant_message_is_still_dropped() -> None:
    empty = OpaquePart(family=F, data={"type": "message", "role": "assistant", "content": []})
    items = encode_assistant([TextPart(text="a"), empty], ctx(Kind.RESPONSE), "response", "$", "k")
    assert [i["type"] for i in items] == ["message"]
    assert encode_assistant([TextPart(text="a")], ctx(), "request", "$", "k") == [
        {"role": "assistant", "content": "a"}
    ]


def test_user_turns_and_tool_results_of_another_family() -> None:
    c = ctx()
    req = Request(
        model="m",
        messages=[
            Message(role="user", content=[TextPart(text="q")], extras=_other(x=1)),
            Message(role="assistant", content=[ToolCallPart(id="c", name="f", arguments="{}")]),
            Message(
                role="user",
                content=[
                    ToolResultPart(call_id="c", content=[TextPart(text="4"), TextPart(text="2")])
                ],
            ),
            Message(
                role="tool",
                content=[
                    ToolResultPart(
                        call_id="c", content=[TextPart(text="o")], extras=_other(type="t", y=2)
                    )
                ],
            ),
            Message(role="tool", content=[ToolResultPart(call_id="c", is_error=True)]),
            Message(role="user", content=[TextPart(text="n")], name="ann"),
            Message(role="system", content=[TextPart(text="s", extras=Extras(F, {}, {}))]),
        ],
    )
    out = ADAPTER.request_from_universal(req, c)
    assert out["input"] == [
        {"role": "user", "content": "q"},
        {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c", "output": "42"},
        {"type": "function_call_output", "call_id": "c", "output": "o"},
        {"type": "function_call_output", "call_id": "c", "output": ""},
        {"role": "user", "content": "n"},
        {"role": "system", "content": [{"type": "input_text", "text": "s"}]},
    ]
    assert _losses(c) == [
        ("$.messages[0].x", "provider-field-dropped"),
        ("$.messages[3].content[0].y", "provider-field-dropped"),
        ("$.messages[4].content[0].is_error", "part-field-dropped"),
        ("$.messages[5].name", "part-field-dropped"),
    ]
