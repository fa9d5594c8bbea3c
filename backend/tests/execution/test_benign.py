"""Ordinary analyses work in the sandbox and come back in the expected shapes."""

import base64
import io

import pandas as pd

from app.execution.client import Sandbox
from app.execution.schemas import Dataset
from tests.execution.conftest import MakeDataset, sales_frame


async def test_groupby_returns_a_series_with_its_csv(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    code = "result = df.groupby('region')['revenue'].sum().sort_index()"

    run = await strict_sandbox.run(code, [sales])

    expected = sales_frame().groupby("region")["revenue"].sum().sort_index()
    assert run.status == "succeeded", run.error
    assert run.result is not None
    assert run.result["kind"] == "series"
    assert run.result["index"] == list(expected.index)
    assert run.result["values"] == list(expected)
    assert run.result_csv is not None
    downloaded = pd.read_csv(io.BytesIO(run.result_csv), index_col=0)
    assert downloaded["revenue"].tolist() == list(expected)


async def test_pivot_table_returns_a_dataframe_preview(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    code = "result = df.pivot_table(index='product', columns='region', values='quantity', aggfunc='sum')"

    run = await strict_sandbox.run(code, [sales])

    assert run.status == "succeeded", run.error
    assert run.result is not None
    assert run.result["kind"] == "dataframe"
    assert run.result["shape"] == [5, 4]
    assert run.result["columns"] == ["East", "North", "South", "West"]
    assert run.result["index"][0] == "Product 0"
    assert run.result["dtypes"] == ["int64"] * 4


async def test_rolling_windows_dates_and_strings(strict_sandbox: Sandbox, sales: Dataset) -> None:
    code = """
import pandas as pd
frame = df.sort_values("order_date")
frame["weekly"] = frame["revenue"].rolling(7).mean()
frame["month"] = frame["order_date"].dt.month
late = frame["comment"].str.contains("late").sum()
monthly = frame.set_index("order_date").resample("MS")["revenue"].sum()
result = {"late": int(late), "months": len(monthly), "last_weekly": round(frame["weekly"].iloc[-1], 4)}
"""
    run = await strict_sandbox.run(code, [sales])

    frame = sales_frame()
    assert run.status == "succeeded", run.error
    assert run.result == {
        "kind": "json",
        "value": {
            "late": int(frame["comment"].str.contains("late").sum()),
            "months": 4,
            "last_weekly": round(frame["revenue"].rolling(7).mean().iloc[-1], 4),
        },
    }


async def test_merge_of_two_datasets_by_name(
    strict_sandbox: Sandbox, sales: Dataset, make_dataset: MakeDataset
) -> None:
    targets = make_dataset(
        pd.DataFrame({"region": ["North", "South", "East", "West"], "target": [1, 2, 3, 4]}),
        name="targets",
    )
    code = (
        "merged = dfs['sales'].merge(dfs['targets'], on='region')\n"
        "result = merged.groupby('region')['target'].first().to_dict()"
    )
    run = await strict_sandbox.run(code, [sales, targets])

    assert run.status == "succeeded", run.error
    assert run.result == {"kind": "json", "value": {"East": 3, "North": 1, "South": 2, "West": 4}}


async def test_describe_and_quantiles(strict_sandbox: Sandbox, sales: Dataset) -> None:
    run = await strict_sandbox.run("result = df['revenue'].describe()", [sales])
    quantiles = await strict_sandbox.run(
        "result = df['revenue'].quantile([0.1, 0.9]).tolist()", [sales]
    )

    assert run.status == "succeeded", run.error
    assert run.result is not None
    assert run.result["index"] == ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
    assert run.result["values"][0] == 120
    expected = sales_frame()["revenue"].quantile([0.1, 0.9]).tolist()
    assert quantiles.result == {"kind": "json", "value": expected}


async def test_a_chart_comes_back_as_png(strict_sandbox: Sandbox, sales: Dataset) -> None:
    code = """
import matplotlib.pyplot as plt
df.groupby("region")["revenue"].sum().plot(kind="bar", title="Revenue by region")
plt.figure()
plt.plot([1, 2, 3])
"""
    run = await strict_sandbox.run(code, [sales])

    assert run.status == "succeeded", run.error
    assert len(run.figures) == 2
    assert all(base64.b64decode(figure).startswith(b"\x89PNG\r\n\x1a\n") for figure in run.figures)


async def test_printed_output_scalars_and_text(strict_sandbox: Sandbox, sales: Dataset) -> None:
    run = await strict_sandbox.run(
        "print('rows:', len(df))\nresult = df['quantity'].sum()", [sales]
    )
    text = await strict_sandbox.run("result = 'North sells most'", [sales])
    nothing = await strict_sandbox.run("total = 1 + 1", [sales])

    assert run.stdout == "rows: 120\n"
    quantity = int(sales_frame()["quantity"].sum())
    assert run.result == {"kind": "scalar", "type": "int64", "value": quantity}
    assert text.result == {"kind": "text", "text": "North sells most", "truncated": False}
    assert nothing.status == "succeeded"
    assert nothing.result == {"kind": "none"}


async def test_code_without_datasets_runs(strict_sandbox: Sandbox) -> None:
    run = await strict_sandbox.run("import math\nresult = math.factorial(10)", [])

    assert run.result == {"kind": "scalar", "type": "int", "value": 3628800}
    assert run.duration_ms > 0


async def test_changes_to_df_do_not_carry_over_to_the_next_run(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    changed = await strict_sandbox.run(
        "df['extra'] = 1\ndf.drop(columns=['region'], inplace=True)\ndf.iloc[0, 0] = None\n"
        "import pandas as pd\npd.marker = 'left behind'\nresult = list(df.columns)",
        [sales],
    )
    fresh = await strict_sandbox.run(
        "import pandas as pd\nresult = [list(df.columns), hasattr(pd, 'marker'), str(df.iloc[0, 0])]",
        [sales],
    )

    assert changed.status == "succeeded", changed.error
    assert fresh.result is not None
    assert fresh.result["value"] == [list(sales_frame().columns), False, "2024-01-01 00:00:00"]
