"""Messages: a role and a list of parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from .content import Part
from .extras import HasExtras

__all__ = ["Message", "Role"]

#: ``system`` and ``developer`` may appear anywhere in the list (Chat Completions and Responses
#: allow mid-conversation instructions; formats with one top-level system field hoist them).
#: ``tool`` messages hold only `ToolResultPart`s, one per message as Chat Completions writes
#: them; formats that put tool results in user turns (Anthropic, Gemini, Bedrock) may also
#: leave them inside ``user`` messages. Encoders regroup either way.
Role: TypeAlias = Literal["system", "developer", "user", "assistant", "tool"]


@dataclass(slots=True, kw_only=True)
class Message(HasExtras):
    """One turn of the conversation.

    ``name`` is the optional participant name (Chat Completions). When the source wrote the
    content as a bare string, the decoder records ``shape['content'] == 'string'`` and
    ``content`` holds one `TextPart`; an encoder that can write a string does so.
    """

    role: Role
    content: list[Part] = field(default_factory=list)
    name: str | None = None
