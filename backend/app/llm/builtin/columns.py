"""Finding the columns a question names, and guessing sensible ones when it names none.

Names are compared normalised: case-insensitive, with underscores, dashes, dots and camelCase humps read
as spaces, and a plural `s` tolerated ("unit prices" finds `unit_price`).
"""

import re
from dataclasses import dataclass

from app.llm.base import Dataset, DatasetColumn

NUMERIC_TYPES = frozenset({"integer", "float"})
DATE_TYPES = frozenset({"date", "datetime"})
GROUP_TYPES = frozenset({"categorical", "boolean"})
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
# Names of the numbers people usually mean when they name none, most likely first.
_MEASURE_WORDS = (
    "revenue",
    "sales",
    "amount",
    "total",
    "profit",
    "value",
    "price",
    "cost",
    "score",
)
_ID_WORDS = frozenset({"id", "uuid", "guid", "key", "index", "idx", "code", "zip", "phone"})


def normalize(text: str) -> str:
    """Lower-case words separated by single spaces."""
    return " ".join(_NOT_WORD.sub(" ", _HUMP.sub(" ", text).lower()).split())


@dataclass(frozen=True)
class Mention:
    column: DatasetColumn
    start: int  # character offsets in the normalised question
    end: int


def is_numeric(column: DatasetColumn) -> bool:
    return column.type in NUMERIC_TYPES


def is_date(column: DatasetColumn) -> bool:
    return column.type in DATE_TYPES


def is_groupable(column: DatasetColumn) -> bool:
    """A column whose values make sensible groups: categories, flags, short text."""
    return column.type in GROUP_TYPES or (column.type == "text" and not looks_like_id(column))


def looks_like_id(column: DatasetColumn) -> bool:
    words = normalize(column.name).split()
    return bool(words) and (words[-1] in _ID_WORDS or words[0] in {"id", "uuid"})


def _variants(name: str) -> set[str]:
    base = normalize(name)
    if not base:
        return set()
    variants = {base}
    if base.endswith("y"):
        variants.add(base[:-1] + "ies")
    if base.endswith("s") and len(base) > 3:
        variants.add(base[:-1])
    else:
        variants.add(base + "s")
        variants.add(base + "es")
    return variants


def find_mentions(question: str, raw_question: str, columns: list[DatasetColumn]) -> list[Mention]:
    """Columns named in `question` (normalised), in the order they appear, longest names first on
    overlaps. A one-letter column name counts only when quoted or in backticks in `raw_question`."""
    found: list[Mention] = []
    for column in columns:
        name = normalize(column.name)
        if len(name) <= 1 and not _quoted(column.name, raw_question):
            continue
        for variant in _variants(column.name):
            for match in re.finditer(rf"\b{re.escape(variant)}\b", question):
                found.append(Mention(column, match.start(), match.end()))
    found.sort(key=lambda mention: (-(mention.end - mention.start), mention.start))
    chosen: list[Mention] = []
    for mention in found:
        overlaps = any(mention.start < other.end and other.start < mention.end for other in chosen)
        if not overlaps:
            chosen.append(mention)
    return sorted(chosen, key=lambda mention: mention.start)


def _quoted(name: str, raw_question: str) -> bool:
    return any(f"{quote}{name}{quote}" in raw_question for quote in ("`", '"', "'"))


def pick_dataset(datasets: list[Dataset], question: str, raw_question: str) -> int:
    """The index of the dataset the question is about: the one named, else the one whose columns it
    names most, else the first."""
    for index, dataset in enumerate(datasets):
        names = {normalize(dataset.name), normalize(dataset.filename.rsplit(".", 1)[0])}
        if any(name and re.search(rf"\b{re.escape(name)}\b", question) for name in names):
            return index
    scores = [len(find_mentions(question, raw_question, dataset.columns)) for dataset in datasets]
    return max(range(len(datasets)), key=lambda index: (scores[index], -index))


def plausible_group(columns: list[DatasetColumn]) -> DatasetColumn | None:
    """The column most likely meant when a question asks "by" nothing in particular."""
    ranked = sorted(
        (column for column in columns if is_groupable(column)),
        key=lambda column: (
            column.type != "categorical",
            column.type == "text",
            column.top_values is None,
        ),
    )
    return ranked[0] if ranked else None


def plausible_value(columns: list[DatasetColumn]) -> DatasetColumn | None:
    """The numeric column most likely meant: a measure (revenue, sales...) rather than an identifier."""
    ranked = sorted(
        (column for column in columns if is_numeric(column)),
        key=lambda column: (looks_like_id(column), _measure_rank(column), column.type != "float"),
    )
    return ranked[0] if ranked else None


def _measure_rank(column: DatasetColumn) -> int:
    words = set(normalize(column.name).split())
    return next(
        (rank for rank, word in enumerate(_MEASURE_WORDS) if word in words), len(_MEASURE_WORDS)
    )


def first_date(columns: list[DatasetColumn]) -> DatasetColumn | None:
    return next((column for column in columns if is_date(column)), None)
