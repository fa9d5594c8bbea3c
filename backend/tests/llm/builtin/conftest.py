"""Realistic dataset schemas, data built from them, and running the assistant's code on that data."""

import ast
import re
from typing import Any

import matplotlib
import numpy as np
import pandas as pd

from app.llm.base import ChatRequest, ChatTurn, Dataset, DatasetColumn, TextDelta, Usage
from app.llm.builtin import BuiltinProvider

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROWS = 60
CODE_BLOCK = re.compile(r"```python\n(.*?)\n```", re.DOTALL)


def column(name: str, kind: str, *, nulls: int = 0, top: list[Any] | None = None) -> DatasetColumn:
    dtypes = {
        "integer": "int64",
        "float": "float64",
        "boolean": "bool",
        "date": "datetime64[ms]",
        "datetime": "datetime64[ms]",
        "text": "str",
        "categorical": "str",
    }
    return DatasetColumn(name=name, type=kind, dtype=dtypes[kind], null_count=nulls, top_values=top)


SALES = Dataset(
    name="sales",
    filename="sales_2024.csv",
    row_count=ROWS,
    columns=[
        column("order_id", "integer"),
        column("order_date", "date"),
        column("region", "categorical", top=["North", "South", "East", "West"]),
        column("product", "text"),
        column("units", "integer"),
        column("unit_price", "float", nulls=3),
        column("revenue", "float"),
        column("returned", "boolean"),
    ],
)
TITANIC = Dataset(
    name="titanic",
    filename="titanic.csv",
    row_count=ROWS,
    columns=[
        column("PassengerId", "integer"),
        column("Survived", "integer"),
        column("Pclass", "integer"),
        column("Name", "text"),
        column("Sex", "categorical", top=["male", "female"]),
        column("Age", "float", nulls=10),
        column("Fare", "float"),
        column("Embarked", "categorical", nulls=2, top=["S", "C", "Q"]),
    ],
)
WEB = Dataset(
    name="web_sessions",
    filename="web sessions.csv",
    row_count=ROWS,
    columns=[
        column("timestamp", "datetime"),
        column("Landing Page", "categorical", top=["/home", "/pricing", "/blog", "/signup"]),
        column("Country", "categorical", top=["France", "Germany", "United States", "Japan"]),
        column("Sessions", "integer"),
        column("Bounce Rate", "float"),
        column("converted", "boolean"),
    ],
)
SPACED = Dataset(
    name="crm",
    filename="crm export.csv",
    row_count=ROWS,
    columns=[
        column("Order Date", "date"),
        column("Sales Rep", "categorical", top=["Ana Lima", "Bo Chen", "Cy Diaz"]),
        column("Quantity Sold", "integer"),
        column("UnitPrice", "float"),
        column('Notes "internal"', "text", nulls=20),
    ],
)
CUSTOMERS = Dataset(
    name="customers",
    filename="customers.csv",
    row_count=ROWS,
    columns=[
        column("customer_id", "integer"),
        column("segment", "categorical", top=["Consumer", "Corporate", "Home Office"]),
        column("signup_date", "date"),
    ],
)
ORDERS = Dataset(
    name="orders",
    filename="orders.csv",
    row_count=ROWS,
    columns=[
        column("order_id", "integer"),
        column("customer_id", "integer"),
        column("ship_mode", "categorical", top=["First Class", "Standard Class"]),
        column("profit", "float"),
    ],
)
ALL_TEXT = Dataset(
    name="notes",
    filename="notes.csv",
    row_count=ROWS,
    columns=[column("author", "text"), column("note", "text")],
)
SCHEMAS = {
    "sales": [SALES],
    "titanic": [TITANIC],
    "web": [WEB],
    "spaced": [SPACED],
    "two_files": [CUSTOMERS, ORDERS],
    "all_text": [ALL_TEXT],
}


def frame_for(dataset: Dataset, rows: int = ROWS) -> pd.DataFrame:
    """A small DataFrame shaped like `dataset`: its columns, types, category values and gaps."""
    generator = np.random.default_rng(7)
    data: dict[str, Any] = {}
    for spec in dataset.columns:
        if spec.type == "integer":
            values: Any = generator.integers(1, 50, rows)
        elif spec.type == "float":
            values = generator.uniform(1, 500, rows).round(2)
        elif spec.type == "boolean":
            values = generator.integers(0, 2, rows).astype(bool)
        elif spec.type in {"date", "datetime"}:
            values = pd.date_range(
                "2024-01-01", periods=rows, freq="5D" if spec.type == "date" else "13h"
            )
        elif spec.type == "categorical":
            top = spec.top_values or ["a", "b"]
            values = [top[index % len(top)] for index in range(rows)]
        else:
            values = [f"{spec.name} {index % 9}" for index in range(rows)]
        series = pd.Series(values)
        if spec.null_count:
            series = series.astype(object if spec.type in {"text", "categorical"} else series.dtype)
            series.iloc[: spec.null_count] = None
        data[spec.name] = series
    return pd.DataFrame(data)


async def ask(question: str, datasets: list[Dataset], history: list[ChatTurn] | None = None) -> str:
    """The assistant's whole reply, streamed and joined; checks the stream's shape on the way."""
    request = ChatRequest(
        model="builtin",
        system_prompt="(the built-in assistant reads the datasets, not this)",
        turns=[*(history or []), ChatTurn("user", question)],
        datasets=datasets,
    )
    events = [event async for event in BuiltinProvider().stream(request)]
    assert events[-1] == Usage(input_tokens=0, output_tokens=0)
    texts = [event.text for event in events[:-1] if isinstance(event, TextDelta)]
    assert len(texts) == len(events) - 1
    assert all(len(text.split()) <= 1 for text in texts)  # word-sized pieces
    return "".join(texts)


def code_of(reply: str) -> str:
    blocks = CODE_BLOCK.findall(reply)
    assert len(blocks) == 1, reply
    code: str = blocks[0]
    return code


def run_code(code: str, datasets: list[Dataset]) -> dict[str, Any]:
    """Run the code as the sandbox would: `df` is the first file, `dfs` all of them by name."""
    ast.parse(code)
    frames = {dataset.name: frame_for(dataset) for dataset in datasets}
    namespace: dict[str, Any] = {"df": frames[datasets[0].name], "dfs": frames}
    try:
        exec(compile(code, "<builtin assistant>", "exec"), namespace)  # noqa: S102 - the code under test
    finally:
        plt.close("all")
    assert "result" in namespace, code
    return namespace
