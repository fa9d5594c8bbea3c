"""Filters written in a question: `<column> <operator> <value>`, joined by "and".

"price > 100", "region is North", "units at least 5", "returned = true", "order date after 2024-03-01",
"city is 'New York'". A known value of the column is matched whole ("New York" unquoted) in its stored
spelling; common words are not values, so "which region is the best" is not read as `region == "the"`.
"""

import re
from dataclasses import dataclass
from typing import Any

from app.llm.base import DatasetColumn
from app.llm.builtin.columns import is_date, is_numeric

Operator = str  # one of ==, !=, >, >=, <, <=, contains

_OPERATORS: list[tuple[str, Operator]] = [
    (r">=|≥|at least|greater than or equal to|no less than|on or after", ">="),
    (r"<=|≤|at most|less than or equal to|no more than|on or before", "<="),
    (r"!=|<>|≠|is not|isn't|not equal to|other than|different from", "!="),
    (r">|greater than|more than|higher than|bigger than|larger than|above|over|exceeds|after", ">"),
    (r"<|less than|fewer than|lower than|smaller than|below|under|before", "<"),
    (r"contains|containing|includes|including|mentions", "contains"),
    (r"==|=|equals|equal to|is|are|was|of", "=="),
]
_ANY_OPERATOR = "|".join(f"(?:{pattern})" for pattern, _ in _OPERATORS)
_VALUE = re.compile(
    r"\s*(?:\"(?P<dq>[^\"]+)\"|'(?P<sq>[^']+)'|`(?P<bq>[^`]+)`"
    r"|(?P<date>\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)"
    r"|(?P<number>-?\d[\d,]*(?:\.\d+)?)(?![\w-])"
    r"|(?P<word>[^\s,;?!.]+(?:\.[^\s,;?!.]+)*))"
)
_COMMON_WORDS = frozenset(
    {
        "total",
        "other",
        "others",
        "none",
        "all",
        "average",
        "mean",
        "sum",
        "count",
        "top",
        "yes",
        "true",
        "false",
        "unknown",
        "n/a",
        "null",
        "missing",
        "rows",
        "data",
        "the",
        "and",
    }
)
_DATE_WORDS = {"after": ">", "since": ">=", "from": ">=", "before": "<", "until": "<=", "on": "=="}
_BARE_DATE = re.compile(
    rf"\b({'|'.join(_DATE_WORDS)})\s+(\d{{4}}-\d{{2}}-\d{{2}}(?:[ t]\d{{2}}:\d{{2}}(?::\d{{2}})?)?)"
)
_TRUE = frozenset({"true", "yes", "y", "1"})
_FALSE = frozenset({"false", "no", "n", "0"})
_STOP_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "most",
        "least",
        "best",
        "worst",
        "highest",
        "lowest",
        "each",
        "every",
        "all",
        "any",
        "it",
        "this",
        "that",
        "there",
        "missing",
        "null",
        "empty",
        "what",
        "which",
        "how",
        "in",
        "on",
        "by",
        "per",
        "for",
        "with",
        "and",
        "or",
        "distributed",
        "correlated",
    }
)


@dataclass(frozen=True)
class Condition:
    column: DatasetColumn
    operator: Operator
    value: Any  # int, float, bool or str (dates as ISO strings)


def parse_conditions(raw_question: str, columns: list[DatasetColumn]) -> list[Condition]:
    # Offsets found in the lower-cased text must fit the original, to keep the values' spelling.
    text = raw_question if len(raw_question.lower()) == len(raw_question) else raw_question.lower()
    lowered = text.lower()
    conditions: list[Condition] = []
    taken: list[tuple[int, int]] = []
    for column in sorted(columns, key=lambda column: -len(column.name)):
        words = re.split(r"[\s_\-.]+", column.name.strip().lower())
        name = r"[\s_\-.]*".join(re.escape(word) for word in words if word)
        if len(name) <= 1:
            continue
        pattern = (
            rf"[`\"']?\b{name}s?\b[`\"']?\s*(?:(?:is|are|was)\s+)?"
            rf"(?P<op>{_ANY_OPERATOR})(?=[\s\"'`\d-])"
        )
        for match in re.finditer(pattern, lowered):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            condition = _condition(column, match.group("op"), text, match.end())
            if condition is not None:
                conditions.append(condition)
                taken.append((match.start(), match.end()))
    filtered = {condition.column.name for condition in conditions}
    conditions += [c for c in _named_values(text, columns) if c.column.name not in filtered]
    if not any(is_date(condition.column) for condition in conditions):
        conditions += _bare_dates(lowered, columns)
    return conditions


def _bare_dates(lowered: str, columns: list[DatasetColumn]) -> list[Condition]:
    """ "after 2024-06-01" with no column named: the first date column."""
    date_column = next((column for column in columns if is_date(column)), None)
    if date_column is None:
        return []
    found = []
    for match in _BARE_DATE.finditer(lowered):
        found.append(Condition(date_column, _DATE_WORDS[match.group(1)], match.group(2)))
    return found


def _named_values(text: str, columns: list[DatasetColumn]) -> list[Condition]:
    """Known category values named without an operator: "orders from the West region".

    Counted only when the value is spelled as stored, or its column is named too, and is not a word
    questions use anyway ("Total", "Other").
    """
    lowered = text.lower()
    found: list[Condition] = []
    for column in columns:
        if column.type != "categorical" or not column.top_values:
            continue
        column_named = re.search(rf"\b{re.escape(column.name.lower())}s?\b", lowered) is not None
        for value in column.top_values:
            if not isinstance(value, str) or len(value) < 3 or value.lower() in _COMMON_WORDS:
                continue
            pattern = rf"(?<![\w]){re.escape(value.lower())}(?![\w])"
            match = re.search(pattern, lowered)
            if match is None:
                continue
            if column_named or text[match.start() : match.end()] == value:
                found.append(Condition(column, "==", value))
                break
    return found


def _operator(phrase: str) -> Operator:
    for pattern, operator in _OPERATORS:
        if re.fullmatch(pattern, phrase):
            return operator
    return "=="


def _condition(column: DatasetColumn, phrase: str, text: str, offset: int) -> Condition | None:
    operator = _operator(phrase.strip())
    match = _VALUE.match(text, offset)
    if match is None:
        return None
    quoted = match.group("dq") or match.group("sq") or match.group("bq")
    if quoted is not None:
        return _typed(column, operator, quoted, quoted=True)
    raw = match.group("date") or match.group("number") or match.group("word") or ""
    if column.top_values and not is_numeric(column):
        # The longest known value the question spells out here, in its stored spelling.
        rest = text[match.start() :].strip().lower()
        known = [value for value in column.top_values if isinstance(value, str)]
        for value in sorted(known, key=len, reverse=True):
            if rest.startswith(value.lower()) and (
                len(rest) == len(value) or not rest[len(value)].isalnum()
            ):
                return Condition(column, operator, value)
    return _typed(column, operator, raw, quoted=False)


def _typed(
    column: DatasetColumn, operator: Operator, raw: str, *, quoted: bool
) -> Condition | None:
    value = raw.strip()
    if not value:
        return None
    if is_numeric(column):
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            return None
        return Condition(column, operator, int(number) if number.is_integer() else number)
    if column.type == "boolean":
        if value.lower() in _TRUE:
            return Condition(column, "==" if operator != "!=" else "!=", True)
        if value.lower() in _FALSE:
            return Condition(column, "==" if operator != "!=" else "!=", False)
        return None
    if is_date(column):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?|\d{4}", value):
            return None
        return Condition(column, operator, value)
    if operator in {">", ">=", "<", "<="}:
        return None
    if not quoted and value.lower() in _STOP_WORDS:
        return None
    return Condition(column, operator, value)


def describe_conditions(conditions: list[Condition]) -> str:
    return " and ".join(
        f"`{condition.column.name}` {condition.operator} {condition.value!r}"
        for condition in conditions
    )
