"""The one table between reasoning effort words and thinking-token budgets.

OpenAI formats speak in effort words; Anthropic (``thinking.budget_tokens``), Gemini
(``thinkingBudget``) and Bedrock speak in token budgets. Every adapter converts through this
table so that a trip effort -> budget -> effort returns the same word.

| effort  | budget tokens | a budget of B tokens reads as |
|---------|---------------|-------------------------------|
| minimal | 1,024         | B < 2,048                     |
| low     | 2,048         | 2,048 <= B < 8,192            |
| medium  | 8,192         | 8,192 <= B < 16,384           |
| high    | 16,384        | 16,384 <= B < 32,768          |
| xhigh   | 32,768        | 32,768 <= B < 65,536          |
| max     | 65,536        | B >= 65,536                   |

``none`` means reasoning disabled (budget 0). 1,024 is Anthropic's minimum budget.
"""

from __future__ import annotations

from typing import Final

__all__ = ["EFFORTS", "EFFORT_BUDGETS", "budget_to_effort", "effort_to_budget"]

#: Effort words in increasing order.
EFFORTS: Final[tuple[str, ...]] = ("none", "minimal", "low", "medium", "high", "xhigh", "max")

EFFORT_BUDGETS: Final[dict[str, int]] = {
    "none": 0,
    "minimal": 1024,
    "low": 2048,
    "medium": 8192,
    "high": 16384,
    "xhigh": 32768,
    "max": 65536,
}

_ASCENDING: Final[tuple[tuple[int, str], ...]] = tuple(
    sorted(((b, e) for e, b in EFFORT_BUDGETS.items()), reverse=True)
)


def effort_to_budget(effort: str) -> int | None:
    """The budget for an effort word, or None for a word not in the table."""
    return EFFORT_BUDGETS.get(effort)


def budget_to_effort(budget: int) -> str:
    """The effort word whose band contains ``budget`` (see the module table)."""
    if budget <= 0:
        return "none"
    for floor, effort in _ASCENDING:
        if budget >= floor and effort != "none":
            return effort
    return "minimal"
