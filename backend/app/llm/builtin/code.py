"""The pieces every code template shares: the Code it produces, column literals, aggregation words."""

from dataclasses import dataclass

from app.llm.base import DatasetColumn
from app.llm.builtin.intents import Plan

AGGREGATION_WORDS = {
    "sum": "total",
    "mean": "average",
    "median": "median",
    "min": "minimum",
    "max": "maximum",
    "count": "number of rows",
}


@dataclass(frozen=True)
class Code:
    lines: list[str]
    sentence: str  # what the reply says it does
    note: str  # what `result` holds
    draws: bool = False  # uses matplotlib

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def quoted(column: DatasetColumn) -> str:
    """The column's name as a Python string literal: valid code whatever the name holds."""
    return repr(column.name)


def grouped(plan: Plan, frame: str) -> tuple[str, str] | None:
    """An expression for the group summary Series and the words for what it holds."""
    if plan.group is None:
        return None
    group = quoted(plan.group)
    if plan.aggregation == "count" or plan.value is None:
        return f"{frame}.groupby({group}, dropna=False).size()", "number of rows"
    words = f"{AGGREGATION_WORDS[plan.aggregation]} {plan.value.name}"
    expression = (
        f"{frame}.groupby({group}, dropna=False)[{quoted(plan.value)}].{plan.aggregation}()"
    )
    return expression, words
