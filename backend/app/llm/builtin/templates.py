"""pandas code for each analysis, written from the plan. Column names always go in as Python string
literals (repr), so any name, quotes and all, gives valid code. The code reads `df` (the first file) or
`dfs["name"]`, assigns `result`, and draws with matplotlib when a chart was asked for."""

from collections.abc import Callable

from app.llm.builtin import charts, tables
from app.llm.builtin.code import Code
from app.llm.builtin.conditions import Condition
from app.llm.builtin.intents import Intent, Plan


def render(plan: Plan) -> Code | None:
    """The code for `plan`, or None when the dataset lacks what the analysis needs."""
    source = "df" if plan.dataset_index == 0 else f"dfs[{plan.dataset.name!r}]"
    lines: list[str] = []
    frame = source
    if plan.dataset_index != 0 and not plan.conditions:
        lines.append(f"data = {source}")
        frame = "data"
    if plan.conditions:
        lines.append(f"mask = {' & '.join(_condition(source, c) for c in plan.conditions)}")
        lines.append(f"data = {source}[mask.fillna(False)]")
        frame = "data"
    body = _BUILDERS[plan.intent](plan, frame)
    if body is None:
        return None
    imports = ["import pandas as pd"] + (["import matplotlib.pyplot as plt"] if body.draws else [])
    return Code([*imports, "", *lines, *body.lines], body.sentence, body.note, body.draws)


def _condition(frame: str, condition: Condition) -> str:
    column = f"{frame}[{condition.column.name!r}]"
    operator, value = condition.operator, condition.value
    if condition.column.type in {"date", "datetime"}:
        return f'(pd.to_datetime({column}, errors="coerce") {operator} pd.Timestamp({value!r}))'
    if isinstance(value, bool):
        return f"({column}.eq({value!r}))" if operator == "==" else f"({column}.ne({value!r}))"
    if isinstance(value, int | float):
        return f"({column} {operator} {value!r})"
    text = f'{column}.astype("string").str.casefold()'
    if operator == "contains":
        return f"({text}.str.contains({value.casefold()!r}, regex=False))"
    return f"({text} {operator} {value.casefold()!r})"


def _nothing(plan: Plan, frame: str) -> None:
    return None


_BUILDERS: dict[Intent, Callable[[Plan, str], Code | None]] = {
    Intent.OVERVIEW: tables.overview,
    Intent.PREVIEW: tables.preview,
    Intent.ROW_COUNT: tables.row_count,
    Intent.MISSING: tables.missing,
    Intent.CORRELATION: tables.correlation,
    Intent.VALUE_COUNTS: tables.value_counts,
    Intent.TOP_N: tables.top_n,
    Intent.AGGREGATE: tables.aggregate,
    Intent.FILTER: tables.filter_rows,
    Intent.BAR_CHART: charts.bar_chart,
    Intent.HISTOGRAM: charts.histogram,
    Intent.LINE_CHART: charts.line_chart,
    Intent.UNKNOWN: _nothing,
}
