"""Titles and descriptions: from the reply text before a block, else from the code."""

import pytest

from app.code_blocks.analysis import analyse
from app.code_blocks.describe import (
    MAX_DESCRIPTION_CHARS,
    MAX_TITLE_CHARS,
    BlockDescription,
    describe_block,
)
from app.code_blocks.fences import extract_code_blocks
from app.llm.base import Dataset
from tests.llm.builtin.conftest import SALES, TITANIC, ask

SORT = 'result = df.sort_values("revenue", ascending=False)'


def describe(prose: str, code: str = SORT, language: str | None = "python") -> BlockDescription:
    analysis = analyse(code, language)
    return describe_block(prose_before=prose, code=code, analysis=analysis, language=language)


@pytest.mark.parametrize(
    ("prose", "title", "description"),
    [
        (
            "To find the total sales by region, group the data by the `region` column and sum "
            "the **sales** column:\n\n",
            "Find the total sales by region",
            "To find the total sales by region, group the data by the region column and sum the "
            "sales column.",
        ),
        (
            "Sure! Here's how you can calculate the average order value per customer:",
            "Calculate the average order value per customer",
            "Sure! Here's how you can calculate the average order value per customer.",
        ),
        (
            "I'll compute the *monthly* revenue trend and plot it. It uses [pandas](https://pandas.pydata.org).",
            "Compute the monthly revenue trend and plot it",
            "I'll compute the monthly revenue trend and plot it. It uses pandas.",
        ),
        (
            "The following code computes the median price per city.",
            "Computes the median price per city",
            "The following code computes the median price per city.",
        ),
        (
            "## Step 2: Plot the results\n\nNow we draw them. Here is the code:",
            "Plot the results",
            "Step 2: Plot the results. Now we draw them. Here is the code.",
        ),
    ],
)
def test_title_and_description_from_the_text_before_the_block(
    prose: str, title: str, description: str
) -> None:
    assert describe(prose) == BlockDescription(title=title, description=description)


def test_only_the_text_after_an_earlier_block_describes_the_next_one() -> None:
    prose = (
        "First we load the data and look at the first rows of the table, to see its columns:\n\n"
        "```python\ndf.head()\n```\n\nThen we rank the orders by revenue:\n"
    )

    assert describe(prose) == BlockDescription(
        title="Rank the orders by revenue", description="Then we rank the orders by revenue."
    )


def test_a_short_last_paragraph_takes_the_one_before_it_along() -> None:
    prose = "The orders with the highest revenue come first.\n\nHere is the code:"

    assert describe(prose).description == (
        "The orders with the highest revenue come first. Here is the code."
    )


def test_long_text_is_cut_on_a_word_with_an_ellipsis() -> None:
    described = describe("Rank " + "the orders by revenue and " * 200 + "done.")

    assert len(described.title) <= MAX_TITLE_CHARS
    assert len(described.description) <= MAX_DESCRIPTION_CHARS
    for cut in (described.title, described.description):
        assert cut.endswith("…")
        assert cut[:-1].split()[-1] in {"the", "orders", "by", "revenue", "and"}  # whole words


@pytest.mark.parametrize(
    ("prose", "code", "language", "title"),
    [
        (
            "",
            "# Monthly revenue per store\nresult = df.groupby('store').sum()",
            "python",
            "Monthly revenue per store",
        ),
        (
            "",
            '"""Clean the orders table.\n\nDrops duplicates."""\nx = 1',
            "python",
            "Clean the orders table",
        ),
        ("", "-- Active users per month\nSELECT 1;", "sql", "Active users per month"),
        ("", "totals = df.groupby('region')['revenue'].sum()", "python", "Total revenue by region"),
        (
            "",
            "g = df.groupby(['region', 'year']).agg({'units': 'sum'})",
            "python",
            "Summary of values by region and year",
        ),
        ("", "n = df.groupby('region').size()", "python", "Row count by region"),
        ("", "m = df.merge(dfs['customers'], on='customer_id')", "python", "Merge on customer_id"),
        (
            "",
            "p = df.pivot_table(values='revenue', index='region')",
            "python",
            "Pivot table of revenue",
        ),
        ("", "top = df.nlargest(10, 'revenue')", "python", "Top 10 by revenue"),
        ("", "counts = df['region'].value_counts()", "python", "Value counts of region"),
        ("", "df.plot(x='day', y='visits')", "python", "Chart"),
        (
            "",
            "s = df['revenue'].resample('MS').sum()\ns.plot()",
            "python",
            "Chart of total revenue over time",
        ),
        ("", "def clean(frame):\n    return frame.dropna()", "python", "Function clean()"),
        ("", "x = (", "python", "Python snippet"),
        ("", "SELECT 1;", "sql", "SQL snippet"),
        ("", '"use strict";\nconsole.log(1);', "javascript", "JavaScript snippet"),
        ("", "#include <stdio.h>\n// Print a greeting\nint main() {}", "c", "Print a greeting"),
        ("", "echo hi", None, "Code snippet"),
        ("Here is the code:", "df.describe()", "python", "Summary statistics"),
    ],
)
def test_without_words_around_it_the_code_names_the_block(
    prose: str, code: str, language: str | None, title: str
) -> None:
    assert describe(prose, code, language).title == title


def test_without_words_the_description_says_what_the_analysis_found() -> None:
    code = "import pandas as pd\nresult = df.groupby('region')['revenue'].sum()"

    assert describe("", code).description == "Reads the columns region and revenue. Uses pandas."
    assert describe("", "x = df['a']").description == "Reads the column a."
    assert describe("", "x = (").description == (
        "Python code that does not parse (line 1: '(' was never closed)."
    )
    assert describe("", "SELECT 1;", "sql").description == ""


@pytest.mark.parametrize(
    ("question", "datasets", "title"),
    [
        ("total revenue by region", [SALES], "Computes the total revenue for each region"),
        (
            "bar chart of average fare by sex",
            [TITANIC],
            "Draws a bar chart of the average Fare for each Sex",
        ),
    ],
)
async def test_the_builtin_assistants_replies(
    question: str, datasets: list[Dataset], title: str
) -> None:
    reply = await ask(question, datasets)
    block = extract_code_blocks(reply)[0]
    prose_before = reply[: reply.index("```")]

    described = describe(prose_before, block.code, block.language)

    assert described.title == title
    assert described.description.startswith("Built-in offline assistant: This ")
