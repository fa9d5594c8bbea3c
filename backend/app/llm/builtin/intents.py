"""What a question asks for, read from its words: the analysis and its parameters (the plan)."""

import re
from dataclasses import dataclass, field
from enum import StrEnum

from app.llm.base import Dataset, DatasetColumn
from app.llm.builtin.columns import (
    Mention,
    find_mentions,
    first_date,
    is_date,
    is_groupable,
    is_numeric,
    normalize,
    pick_dataset,
    plausible_group,
    plausible_value,
)
from app.llm.builtin.conditions import Condition, parse_conditions


class Intent(StrEnum):
    OVERVIEW = "overview"
    PREVIEW = "preview"
    ROW_COUNT = "row_count"
    MISSING = "missing"
    CORRELATION = "correlation"
    VALUE_COUNTS = "value_counts"
    TOP_N = "top_n"
    AGGREGATE = "aggregate"
    FILTER = "filter"
    BAR_CHART = "bar_chart"
    HISTOGRAM = "histogram"
    LINE_CHART = "line_chart"
    UNKNOWN = "unknown"


Aggregation = str  # sum, mean, median, min, max, count

_WORDS: dict[str, str] = {
    "chart": r"chart|plot|graph|visuali[sz]\w*|draw|diagram|pie",
    "histogram": r"histogram|hist",
    "line": r"line chart|line plot|line graph|over time|trend\w*|time series|timeline|evolution",
    "bar": r"bar chart|bar plot|bar graph|bars?\b",
    "missing": r"missing|null|nulls|nan|nans|blank|empty|incomplete|na values",
    "correlation": r"correlat\w*|relationship|related|associated|association",
    "row_count": r"how many (rows|records|entries|lines|observations|items)|number of (rows|records|"
    r"entries|lines|observations)|row count|count (the )?(rows|records)|how (big|large)|size of",
    "top": r"\btop\b|\bbottom\b|largest|highest|biggest|greatest|most expensive|lowest|smallest|"
    r"cheapest|least expensive|best|worst|rank\w*",
    "group": r"\bby\b|\bper\b|for each|for every|\beach\b|across|group\w*|broken down|breakdown|split",
    "value_counts": r"value counts?|frequenc\w*|how often|distribution|unique values|distinct values|"
    r"counts? of|how many (different|distinct|unique)|occurrences",
    "overview": r"overview|summar\w*|describe|description|explore|profile|what s in|what is in|"
    r"tell me about|look like|structure|schema|columns|dtypes|data types|statistics|stats|info",
    "preview": r"\bhead\b|preview|first (\d+ )?rows|sample rows|show (me )?(the )?(data|rows|table)",
}
_AGGREGATIONS: list[tuple[str, Aggregation]] = [
    (r"average|mean|avg", "mean"),
    (r"median", "median"),
    (r"total|sum|overall", "sum"),
    (r"maximum|max|peak", "max"),
    (r"minimum|min\b", "min"),
    (r"how many|count|number of", "count"),
]
_FREQUENCIES = [
    (r"daily|per day|by day|each day", "D"),
    (r"weekly|per week|by week|each week", "W"),
    (r"monthly|per month|by month|each month", "MS"),
    (r"quarterly|per quarter|by quarter", "QS"),
    (r"yearly|annual\w*|per year|by year|each year", "YS"),
]
_ASCENDING = r"\bbottom\b|lowest|smallest|cheapest|least|worst|fewest"
_NUMBER_WORDS = {"three": 3, "five": 5, "ten": 10, "twenty": 20, "fifteen": 15, "one": 1, "two": 2}


@dataclass
class Plan:
    intent: Intent
    dataset: Dataset
    dataset_index: int
    mentioned: list[DatasetColumn] = field(default_factory=list)
    group: DatasetColumn | None = None
    value: DatasetColumn | None = None
    date: DatasetColumn | None = None
    aggregation: Aggregation = "sum"
    count: int = 10
    ascending: bool = False
    conditions: list[Condition] = field(default_factory=list)
    frequency: str | None = None  # a pandas offset alias when the question names a period
    guessed: bool = False  # columns were guessed, not named


def _has(kind: str, text: str) -> bool:
    return re.search(_WORDS[kind], text) is not None


def plan_for(question: str, datasets: list[Dataset]) -> Plan | None:
    """The analysis `question` asks for, or None when no dataset is attached."""
    if not datasets:
        return None
    text = normalize(question)
    index = pick_dataset(datasets, text, question)
    dataset = datasets[index]
    mentions = find_mentions(text, question, dataset.columns)
    plan = Plan(Intent.UNKNOWN, dataset, index, mentioned=_unique(mentions))
    plan.conditions = parse_conditions(question, dataset.columns)
    plan.aggregation = _aggregation(text)
    plan.count = _count(text)
    plan.ascending = re.search(_ASCENDING, text) is not None
    plan.frequency = next((alias for words, alias in _FREQUENCIES if re.search(words, text)), None)
    plan.intent = _intent(text, plan)
    _choose_columns(plan, text, mentions)
    return plan


def _unique(mentions: list[Mention]) -> list[DatasetColumn]:
    columns: list[DatasetColumn] = []
    for mention in mentions:
        if mention.column not in columns:
            columns.append(mention.column)
    return columns


def _intent(text: str, plan: Plan) -> Intent:
    numeric = [column for column in plan.mentioned if is_numeric(column)]
    groupable = [column for column in plan.mentioned if is_groupable(column)]
    dated = [column for column in plan.mentioned if is_date(column)]
    if _has("histogram", text):
        return Intent.HISTOGRAM
    if _has("line", text):
        return Intent.LINE_CHART  # without a date column, the reply says it needs one
    if _has("chart", text) or _has("bar", text):
        if dated and not groupable and not _has("bar", text):
            return Intent.LINE_CHART
        if numeric and not groupable and not _has("group", text) and not _has("bar", text):
            return Intent.HISTOGRAM
        return Intent.BAR_CHART
    if plan.frequency and first_date(plan.dataset.columns) and not groupable:
        return Intent.LINE_CHART
    if _has("missing", text) and not plan.conditions:
        return Intent.MISSING
    if _has("correlation", text):
        return Intent.CORRELATION
    if _has("row_count", text):
        return Intent.ROW_COUNT
    if _has("top", text) and (numeric or plausible_value(plan.dataset.columns)):
        return Intent.TOP_N
    if _has("value_counts", text) and numeric and not groupable and "distribution" in text:
        return Intent.HISTOGRAM
    if _has("value_counts", text) or (
        groupable and re.search(r"how many|count", text) and not numeric
    ):
        return Intent.VALUE_COUNTS
    aggregation_named = any(re.search(pattern, text) for pattern, _ in _AGGREGATIONS)
    if aggregation_named and (numeric or groupable or _has("group", text)):
        return Intent.AGGREGATE
    if _has("group", text) and (numeric or groupable):
        return Intent.AGGREGATE
    if _has("overview", text):
        return Intent.OVERVIEW
    if _has("preview", text):
        return Intent.PREVIEW
    if plan.conditions:
        return Intent.FILTER
    return Intent.UNKNOWN


def _choose_columns(plan: Plan, text: str, mentions: list[Mention]) -> None:
    columns = plan.dataset.columns
    grouping = re.search(_WORDS["group"], text)
    after_by = [m.column for m in mentions if grouping is not None and m.start >= grouping.end()]
    groupable = [column for column in plan.mentioned if is_groupable(column)]
    plan.date = next((column for column in plan.mentioned if is_date(column)), None)
    plan.group = next((c for c in after_by if is_groupable(c)), groupable[0] if groupable else None)
    values = [
        column for column in plan.mentioned if is_numeric(column) and column is not plan.group
    ]
    if plan.intent == Intent.TOP_N:
        # "top 5 products by revenue": the measure comes after "by", the groups before it.
        values = [c for c in after_by if is_numeric(c)] + values
    plan.value = values[0] if values else None

    if plan.intent == Intent.AGGREGATE and plan.group is None and plan.date is not None:
        plan.intent = Intent.LINE_CHART  # "revenue by order date": a series over time
    wants_groups = plan.intent == Intent.BAR_CHART or (
        plan.intent == Intent.AGGREGATE and grouping is not None
    )
    if wants_groups and plan.group is None:
        plan.group = _guessed(plan, plausible_group(columns))
    if plan.intent == Intent.VALUE_COUNTS and plan.group is None:
        plan.group = (
            plan.mentioned[0] if plan.mentioned else _guessed(plan, plausible_group(columns))
        )
    needs_value = plan.intent in {Intent.TOP_N, Intent.HISTOGRAM} or (
        plan.intent in {Intent.AGGREGATE, Intent.BAR_CHART} and plan.aggregation != "count"
    )
    if needs_value and plan.value is None:
        plan.value = _guessed(plan, plausible_value([c for c in columns if c is not plan.group]))
    if plan.intent == Intent.LINE_CHART and plan.date is None:
        plan.date = first_date(columns)


def _guessed(plan: Plan, column: DatasetColumn | None) -> DatasetColumn | None:
    plan.guessed = plan.guessed or column is not None
    return column


def _aggregation(text: str) -> Aggregation:
    for pattern, aggregation in _AGGREGATIONS:
        if re.search(rf"\b(?:{pattern})", text):
            return aggregation
    return "sum"


def _count(text: str) -> int:
    # "top 5 ...", "first ten ...", "which 3 countries have the lowest ..."
    match = re.search(r"\b(?:top|bottom|first|last)\s+(\d{1,4}|\w+)", text) or re.search(
        r"\b(\d{1,4})\s+(?:\w+\s+){0,3}?(?:largest|highest|biggest|greatest|lowest|smallest|"
        r"most|least|best|worst|cheapest)",
        text,
    )
    if match is None:
        return 10
    word = match.group(1)
    if word.isdigit():
        return max(1, min(int(word), 1000))
    return _NUMBER_WORDS.get(word, 10)
