"""What "the conversation was kept" means, as comparable summaries of universal objects."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from interlingua.universal import (
    FinishReason,
    Message,
    RefusalPart,
    Request,
    Response,
    TextPart,
    ToolCallPart,
    ToolResultPart,
)

# Finish reasons that different formats cannot tell apart compare equal.
_CATEGORY = {FinishReason.STOP_SEQUENCE: FinishReason.STOP}


def _text(parts: list[Any]) -> str:
    """The text of some parts, whitespace removed: formats split and join text blocks
    differently (Anthropic splits at citations, Chat joins blocks into one string)."""
    pieces = [p.text for p in parts if isinstance(p, (TextPart, RefusalPart))]
    return "".join("".join(pieces).split())


def _args(raw: str) -> Any:
    try:
        return json.loads(raw) if raw else {}
    except ValueError:
        return raw


def _messages(messages: list[Message]) -> dict[str, Any]:
    system: list[str] = []
    turns: list[list[Any]] = []
    calls: list[tuple[str, Any]] = []
    call_ids: list[str] = []
    results: list[tuple[str, str]] = []
    for message in messages:
        if message.role in ("system", "developer"):
            system.append(_text(message.content))
            continue
        speaker = "assistant" if message.role == "assistant" else "user"
        text = _text(message.content)
        for part in message.content:
            if isinstance(part, ToolCallPart) and part.kind != "server":
                calls.append((part.name, _args(part.arguments)))
                call_ids.append(part.id)
            elif isinstance(part, ToolResultPart) and part.kind != "server":
                results.append((part.call_id, _text(part.content)))
        if not text:
            # a turn without text (only tool calls, results or hosted-tool items) separates no
            # text: formats that drop or regroup such turns merge the text around it
            continue
        if turns and turns[-1][0] == speaker:
            turns[-1][1] += text
        else:
            turns.append([speaker, text])
    return {
        "system": "".join(system),
        "turns": [tuple(t) for t in turns if t[1]],
        "tool_calls": calls,
        "tool_results": [text for _, text in results],
        "unpaired_results": [cid for cid, _ in results if cid not in call_ids],
    }


def summarize_request(request: Request) -> dict[str, Any]:
    """Texts per role, tool calls with arguments, tool results, and result/call pairing."""
    return _messages(request.messages)


def summarize_response(response: Response) -> dict[str, Any]:
    """Per choice: text, tool calls and finish category; and the reconciled token totals."""
    choices = []
    for choice in response.choices:
        summary = _messages([choice.message])
        reason = choice.finish_reason
        summary["finish"] = _CATEGORY.get(reason, reason) if reason else None
        choices.append(summary)
    usage = response.usage
    tokens = (usage.input_tokens, usage.output_tokens) if usage else None
    return {"choices": choices, "tokens": tokens}


@cache
def documented_codes() -> frozenset[str]:
    """The loss codes listed in docs/errors.md."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "errors.md").read_text()
    return frozenset(re.findall(r"^\| `([a-z-]+)` \|", text, flags=re.MULTILINE))
