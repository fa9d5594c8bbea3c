"""The built-in assistant on realistic schemas: the code it writes parses, runs on data shaped like the
schema, assigns `result`, and computes what was asked."""

from typing import Any

import pandas as pd
import pytest

from app.llm.base import ChatTurn
from tests.llm.builtin.conftest import (
    CUSTOMERS,
    ORDERS,
    SALES,
    SCHEMAS,
    SPACED,
    TITANIC,
    WEB,
    ask,
    code_of,
    frame_for,
    run_code,
)

LABEL = "**Built-in offline assistant**"


async def answer(question: str, datasets: list[Any]) -> tuple[str, str, Any]:
    reply = await ask(question, datasets)
    code = code_of(reply)
    return reply, code, run_code(code, datasets)["result"]


async def test_overview_prints_shape_and_describes_every_column() -> None:
    reply, code, result = await answer("Give me an overview of the data", [SALES])

    assert reply.startswith(LABEL)
    assert "sales_2024.csv" in reply
    assert "df.dtypes" in code
    assert list(result.index) == [column.name for column in SALES.columns]


async def test_row_count() -> None:
    _, _, result = await answer("How many rows are there?", [TITANIC])

    assert result == 60


async def test_missing_values_per_column() -> None:
    _, _, result = await answer("Which columns have missing values?", [TITANIC])

    assert result.loc["Age", "missing"] == 10
    assert result.loc["Embarked", "missing"] == 2
    assert result.index[0] == "Age"  # most first


async def test_average_by_named_group() -> None:
    _, code, result = await answer("What is the average fare by sex?", [TITANIC])

    expected = frame_for(TITANIC).groupby("Sex")["Fare"].mean()
    assert ".mean()" in code
    assert dict(zip(result["Sex"], result["Fare"], strict=True)) == pytest.approx(
        expected.to_dict()
    )


async def test_total_per_group_with_spaced_column_names() -> None:
    _, code, result = await answer("total quantity sold per sales rep", [SPACED])

    expected = frame_for(SPACED).groupby("Sales Rep")["Quantity Sold"].sum()
    assert "'Sales Rep'" in code
    assert (
        dict(zip(result["Sales Rep"], result["Quantity Sold"], strict=True)) == expected.to_dict()
    )


async def test_count_per_group() -> None:
    _, _, result = await answer("number of passengers per Embarked", [TITANIC])

    assert result["count"].sum() == 60


async def test_group_aggregate_guesses_a_plausible_pair_and_says_so() -> None:
    reply, code, result = await answer("Show me totals by group", [SALES])

    assert "`region`" in reply
    assert "`revenue`" in reply
    assert "I picked" in reply
    assert set(result["region"]) == {"North", "South", "East", "West"}
    assert "'revenue'" in code


async def test_top_n_rows_by_a_numeric_column() -> None:
    _, code, result = await answer("top 5 orders by revenue", [SALES])

    expected = frame_for(SALES).nlargest(5, "revenue")
    assert "nlargest(5, 'revenue')" in code
    assert list(result["order_id"]) == list(expected["order_id"])


async def test_bottom_n_groups() -> None:
    _, code, result = await answer("Which 3 countries have the lowest sessions?", [WEB])

    assert "nsmallest(3)" in code
    assert len(result) == 3


async def test_top_groups_by_a_measure() -> None:
    _, _, result = await answer("top 2 products by revenue", [SALES])

    expected = frame_for(SALES).groupby("product")["revenue"].sum().nlargest(2)
    assert list(result["product"]) == list(expected.index)


async def test_value_counts_of_a_column() -> None:
    _, _, result = await answer("value counts of Landing Page", [WEB])

    assert list(result.columns) == ["Landing Page", "count"]
    assert result["count"].sum() == 60


async def test_correlation_between_named_columns() -> None:
    _, _, result = await answer("Is there a correlation between Age and Fare?", [TITANIC])

    assert list(result.columns) == ["Age", "Fare"]
    assert result.loc["Age", "Age"] == 1


async def test_correlation_of_every_numeric_column() -> None:
    _, _, result = await answer("show correlations", [SALES])

    assert {"units", "unit_price", "revenue"} <= set(result.columns)


async def test_filter_with_numbers_and_a_category() -> None:
    reply, _, result = await answer("rows where unit price > 100 and region is north", [SALES])

    frame = frame_for(SALES)
    expected = frame[(frame["unit_price"] > 100) & (frame["region"] == "North")]
    assert "`region` == 'North'" in reply
    assert list(result["order_id"]) == list(expected["order_id"])


async def test_filter_by_a_named_value_with_a_space() -> None:
    _, _, result = await answer("show sessions from United States", [WEB])

    assert set(result["Country"]) == {"United States"}


async def test_filter_on_a_date_and_a_flag() -> None:
    _, _, result = await answer("orders after 2024-06-01 where returned is true", [SALES])

    assert (result["order_date"] > pd.Timestamp("2024-06-01")).all()
    assert result["returned"].all()


async def test_filter_then_aggregate() -> None:
    reply, _, result = await answer("average revenue by product in the West region", [SALES])

    frame = frame_for(SALES)
    expected = frame[frame["region"] == "West"].groupby("product")["revenue"].mean()
    assert "only uses the rows where `region` == 'West'" in reply
    assert dict(zip(result["product"], result["revenue"], strict=True)) == pytest.approx(
        expected.to_dict()
    )


async def test_bar_chart_of_a_group_aggregate() -> None:
    _, code, result = await answer("bar chart of total revenue per region", [SALES])

    assert "plot.bar" in code
    assert "import matplotlib.pyplot as plt" in code
    assert len(result) == 4


async def test_histogram_of_a_numeric_column() -> None:
    _, code, result = await answer("plot the distribution of Age", [TITANIC])

    assert "ax.hist" in code
    assert result["count"] == 50


async def test_line_over_a_date_column() -> None:
    _, code, result = await answer("plot revenue over time", [SALES])

    assert "resample" in code
    assert result["revenue"].sum() == pytest.approx(frame_for(SALES)["revenue"].sum())


async def test_monthly_counts_over_a_datetime_column() -> None:
    _, code, result = await answer("monthly trend of sessions", [WEB])

    assert "frequency = 'MS'" in code
    assert result["Sessions"].sum() == frame_for(WEB)["Sessions"].sum()


async def test_second_file_is_read_from_dfs() -> None:
    reply, code, result = await answer("total profit by ship mode", [CUSTOMERS, ORDERS])

    assert 'dfs["orders"]' in reply
    assert "dfs['orders']" in code
    assert set(result["ship_mode"]) == {"First Class", "Standard Class"}


async def test_the_last_question_is_the_one_answered() -> None:
    history = [ChatTurn("user", "how many rows?"), ChatTurn("assistant", "60")]

    reply = await ask("value counts of region", [SALES], history)

    assert "value_counts" in code_of(reply)


GENERIC_QUESTIONS = [
    "summary",
    "describe the data",
    "show me the first rows",
    "how many records?",
    "missing values",
    "correlation",
    "value counts",
    "top 10",
    "bottom 3 by price",
    "average by category",
    "count per group",
    "bar chart",
    "histogram",
    "plot over time",
    "trend by month",
    "rows where x > 1",
]


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
@pytest.mark.parametrize("question", GENERIC_QUESTIONS)
async def test_every_answer_runs_or_says_what_it_cannot_do(schema: str, question: str) -> None:
    datasets = SCHEMAS[schema]

    reply = await ask(question, datasets)

    assert reply.startswith(LABEL)
    if "```python" in reply:
        run_code(code_of(reply), datasets)
    else:
        assert "Settings → API keys" in reply


async def test_an_aggregate_without_groups_is_one_number() -> None:
    reply, _, result = await answer("What is the average revenue?", [SALES])

    assert result == pytest.approx(frame_for(SALES)["revenue"].mean())
    assert "I picked" not in reply


async def test_an_aggregate_by_a_date_column_is_a_series_over_time() -> None:
    _, code, result = await answer("total units by order date", [SALES])

    assert "resample" in code
    assert result["units"].sum() == frame_for(SALES)["units"].sum()


@pytest.mark.parametrize(
    "question",
    [
        "bar chart of revenue by region where units > 1000",
        "plot revenue over time where units > 1000",
    ],
)
async def test_a_chart_of_nothing_still_runs(question: str) -> None:
    _, _, result = await answer(question, [SALES])

    assert result.empty
