"""The API's result models describe exactly what the sandbox writes (sandbox.results.describe):
a stored result of any kind reads back whole, so a shape change there fails here, not in a 500."""

import datetime
from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from pydantic import TypeAdapter

from app.execution.runs.results import ExecutionResult
from app.execution.sandbox.results import describe

RESULTS: TypeAdapter[Any] = TypeAdapter(ExecutionResult)


class Odd:
    def __repr__(self) -> str:
        return "<odd>"


def _axes() -> Any:
    return Figure().add_subplot()


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (pd.DataFrame({"a": [1, 2], "b": ["x", None]}).set_index("b"), "dataframe"),
        (pd.DataFrame({"when": pd.to_datetime(["2024-01-01"]), "v": [np.nan]}), "dataframe"),
        (pd.Series([1.5, 2.5], name="amount"), "series"),
        (pd.Series([1], index=pd.MultiIndex.from_tuples([("a", 1)])), "series"),
        (np.float64(3.5), "scalar"),
        (2**60, "scalar"),
        (pd.Timestamp("2024-05-01"), "scalar"),
        (datetime.timedelta(days=2), "scalar"),
        ({"a": [1, {"b": None}], 3: "c"}, "json"),
        ((1, "two"), "json"),
        ("some text", "text"),
        (Odd(), "text"),
        (_axes(), "figure"),
        (None, "none"),
    ],
)
def test_every_kind_of_result_reads_back_whole(value: Any, kind: str) -> None:
    described, _ = describe(value, max_csv_bytes=1024 * 1024)

    parsed = RESULTS.validate_python(described)

    assert parsed.kind == kind
    assert parsed.model_dump(mode="json") == described


def test_a_table_too_large_for_download_still_shows() -> None:
    described, csv = describe(pd.DataFrame({"a": range(1000)}), max_csv_bytes=100)

    parsed = RESULTS.validate_python(described)

    assert csv is None
    assert parsed.csv_too_large is True
    assert parsed.shape == [1000, 1]
