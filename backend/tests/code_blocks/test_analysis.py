"""Analysis of Python blocks: names defined and imported, syntax errors, other languages."""

import pytest

from app.code_blocks.analysis import CodeAnalysis, analyse
from app.code_blocks.fences import extract_code_blocks
from app.llm.base import Dataset
from tests.llm.builtin.conftest import CUSTOMERS, ORDERS, SALES, SPACED, TITANIC, ask

REPORT = """\
import pandas as pd
import matplotlib.pyplot as plt
from scipy import stats
from sklearn.linear_model import LinearRegression
import numpy as np, pandas
from .local import helper

THRESHOLD: float = 0.05
CACHE: dict[str, int]


class Summary:
    def describe(self, frame):
        columns = list(frame)
        return columns


async def fetch():
    pass


def tidy(frame):
    def strip(text):
        return text.strip()

    cleaned = frame.copy()
    for name in cleaned.columns:
        cleaned[name] = cleaned[name].map(strip)
    return cleaned


squares = [value * value for value in range(10)]
lookup = {key: index for index, key in enumerate("abc")}
total = 0
total += sum(squares)
first, *rest = squares
with open("notes.txt") as handle:
    pass
if (count := len(squares)) > 3:
    big = True
result = tidy(df)
"""


def test_imports_definitions_and_variables_in_order_of_appearance() -> None:
    analysis = analyse(REPORT, "python")

    assert analysis.imports == [
        "matplotlib.pyplot",
        "numpy",
        "pandas",
        "scipy",
        "sklearn.linear_model",
    ]
    assert analysis.functions == ["describe", "fetch", "tidy", "strip"]
    assert analysis.classes == ["Summary"]
    # Comprehension loop names (value, key, index) do not outlive their comprehension.
    assert analysis.variables == [
        "THRESHOLD",
        "columns",
        "cleaned",
        "name",
        "squares",
        "lookup",
        "total",
        "first",
        "rest",
        "handle",
        "count",
        "big",
        "result",
    ]
    assert analysis.syntax_error is None


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("x = 1\nresult = df.groupby('a'\nprint(result)", "line 2: '(' was never closed"),
        ("if df.empty:\nprint('none')", "line 2: expected an indented block after 'if' statement"),
        ("result = = df", "line 1: invalid syntax"),
        ("x = 1\n  y = 2", "line 2: unexpected indent"),
    ],
)
def test_code_that_does_not_parse_keeps_only_its_syntax_error(code: str, error: str) -> None:
    analysis = analyse(code, "python")

    assert analysis.syntax_error is not None
    assert analysis.syntax_error.startswith(error)
    assert analysis == CodeAnalysis(syntax_error=analysis.syntax_error)


def test_code_too_deeply_nested_for_python_is_reported_not_raised() -> None:
    analysis = analyse("total = " + " + ".join(["x"] * 30_000), "python")

    assert analysis.syntax_error == "the code is nested too deeply for Python to read"


def test_a_nul_character_is_a_syntax_error() -> None:
    assert (
        analyse("x = 1\0", "python").syntax_error == "source code string cannot contain null bytes"
    )


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("SELECT region, SUM(amount) FROM sales GROUP BY region;", "sql"),
        ("library(dplyr)\ndf %>% group_by(region)", "r"),
        ("import pandas as pd\nx = 1", "text"),  # tagged as something else: not analysed
        ("npm install", None),
        ('{"region": "North"}', None),
    ],
)
def test_other_languages_are_not_analysed(code: str, language: str | None) -> None:
    assert analyse(code, language) == CodeAnalysis()


def test_untagged_python_and_python_aliases_are_analysed() -> None:
    code = 'import pandas as pd\nresult = df["amount"].sum()'
    expected = CodeAnalysis(imports=["pandas"], variables=["result"], columns=["amount"])

    assert analyse(code, None) == expected
    assert analyse(code, "py") == expected
    assert analyse(code, "ipython") == expected


@pytest.mark.parametrize(
    ("question", "datasets", "columns"),
    [
        ("total revenue by region", [SALES], ["region", "revenue"]),
        ("top 5 products by revenue", [SALES], ["product", "revenue"]),
        ("bar chart of average fare by sex where age > 30", [TITANIC], ["Age", "Sex", "Fare"]),
        ("rows where region is North and units > 10", [SALES], ["region", "units"]),
        ("monthly revenue over time as a line chart", [SALES], ["order_date", "revenue"]),
        ("histogram of Fare", [TITANIC], ["Fare"]),
        ("value counts of segment in customers", [ORDERS, CUSTOMERS], ["segment"]),
        ("total Quantity Sold by Sales Rep", [SPACED], ["Sales Rep", "Quantity Sold"]),
        ("which columns have missing values?", [TITANIC], []),
        ("correlations", [SALES], []),
    ],
)
async def test_the_builtin_assistants_code(
    question: str, datasets: list[Dataset], columns: list[str]
) -> None:
    """The offline assistant's real replies: columns it creates (`_when`, `count`) are not listed."""
    blocks = extract_code_blocks(await ask(question, datasets))
    assert len(blocks) == 1

    analysis = analyse(blocks[0].code, blocks[0].language)

    assert analysis.syntax_error is None
    assert "pandas" in analysis.imports
    assert "result" in analysis.variables
    assert analysis.columns == columns
