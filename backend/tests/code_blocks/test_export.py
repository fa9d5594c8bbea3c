"""Exported scripts run with `python` on a CSV and print what the code computes; notebooks validate
and, run cell by cell, compute the same."""

import ast
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import pytest

from app.code_blocks.export import ExportBlock, notebook_for, script_for

REGIONS = ["North", "South", "East", "West"]
PRODUCTS = ["tea", "coffee", "cocoa"]
SALES_ROWS: list[dict[str, Any]] = [
    {
        "order_id": n,
        "order_date": f"2024-{1 + n % 6:02d}-{1 + n % 27:02d}",
        "region": REGIONS[n % 4],
        "product": PRODUCTS[n % 3],
        "customer_id": 100 + n % 5,
        "units": 1 + (n * 7) % 11,
        "unit_price": round(2.5 + (n * 13) % 17 / 4, 2),
    }
    for n in range(40)
]
TOTALS = """\
import pandas as pd

sales = df.assign(revenue=df["units"] * df["unit_price"])
totals = sales.groupby("region", as_index=False).agg(
    revenue=("revenue", "sum"), orders=("order_id", "count")
)
result = totals.sort_values("revenue", ascending=False)
"""


def block(code: str, *, title: str = "Revenue by region", language: str = "python") -> ExportBlock:
    return ExportBlock(
        title=title,
        description="Sums the revenue of each region, largest first.",
        code=code,
        language=language,
        version=3,
        created_at=datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
        source="From the conversation 'Sales review' (builtin)",
    )


def write_csv(path: Path, rows: list[dict[str, Any]], *, delimiter: str = ",") -> Path:
    pd.DataFrame(rows).to_csv(path, index=False, sep=delimiter)
    return path


def run_script(
    folder: Path, exported: ExportBlock, *arguments: str
) -> subprocess.CompletedProcess[str]:
    script = folder / "exported.py"
    script.write_text(script_for(exported))
    return subprocess.run(  # noqa: S603 - our own script, run with this interpreter
        [sys.executable, str(script), *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def computed(code: str, frames: dict[str, pd.DataFrame]) -> Any:
    """`result` as the code computes it on `frames` (read by pandas, here in the test)."""
    namespace: dict[str, Any] = {"df": next(iter(frames.values())), "dfs": frames}
    exec(compile(code, "<block>", "exec"), namespace)  # noqa: S102 - the code under test
    return namespace["result"]


def printed(value: Any) -> str:
    return (value.to_string() if isinstance(value, pd.DataFrame | pd.Series) else str(value)) + "\n"


def test_the_script_prints_what_the_code_computes(tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "sales.csv", SALES_ROWS)

    run = run_script(tmp_path, block(TOTALS), "sales.csv")

    expected = computed(TOTALS, {"sales": pd.read_csv(csv)})
    assert run.stdout == printed(expected)
    assert len(expected) == 4


def test_a_semicolon_delimited_file(tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "ventes.csv", SALES_ROWS, delimiter=";")

    run = run_script(tmp_path, block(TOTALS), str(csv))

    assert run.stdout == printed(computed(TOTALS, {"ventes": pd.read_csv(csv, sep=";")}))


def test_several_files_by_name_and_dates_as_dates(tmp_path: Path) -> None:
    sales = write_csv(tmp_path / "Sales 2024.csv", SALES_ROWS)
    segments = [{"customer_id": 100 + n, "segment": ["Retail", "Cafe"][n % 2]} for n in range(5)]
    customers = write_csv(tmp_path / "customers.csv", segments)
    code = (
        'merged = df.merge(dfs["customers"], on="customer_id")\n'
        'result = merged.groupby([merged["order_date"].dt.month, "segment"])["units"].sum()\n'
    )

    run = run_script(tmp_path, block(code), str(sales), str(customers))

    frames = {
        "sales_2024": pd.read_csv(sales, parse_dates=["order_date"]),
        "customers": pd.read_csv(customers),
    }
    assert run.stdout == printed(computed(code, frames))


def test_a_chart_is_saved_as_png_and_the_numbers_printed(tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "sales.csv", SALES_ROWS)
    code = (
        "import matplotlib.pyplot as plt\n\n"
        'units = df.groupby("product")["units"].sum()\n'
        "fig, ax = plt.subplots()\n"
        "units.plot.bar(ax=ax)\n"
        'ax.set_title("Units by product")\n'
        "result = int(units.sum())\n"
    )

    run = run_script(tmp_path, block(code), str(csv), "--figures", "figures")

    figure = tmp_path / "figures" / "exported_figure_1.png"
    assert figure.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert run.stdout == f"{sum(row['units'] for row in SALES_ROWS)}\n"
    assert "exported_figure_1.png" in run.stderr


def test_a_block_without_result_prints_nothing(tmp_path: Path) -> None:
    write_csv(tmp_path / "sales.csv", SALES_ROWS)

    assert run_script(tmp_path, block("summary = df.describe()"), "sales.csv").stdout == ""


def test_any_title_gives_a_valid_script() -> None:
    title = 'Say """hi""" \\ to "them"\x00\r' + "\\"
    script = script_for(block("result = 1", title=title))

    docstring = ast.get_docstring(ast.parse(script))
    assert docstring is not None
    assert docstring.startswith('Say """hi""" \\ to "them"\x00\r\\')


def test_only_python_becomes_a_script() -> None:
    with pytest.raises(ValueError, match="sql"):
        script_for(block("SELECT 1;", language="sql"))


def read_notebook(text: str) -> list[dict[str, str]]:
    """The cells (type and source) of a notebook that nbformat validates as version 4."""
    notebook = json.loads(text)
    nbformat.validate(notebook, version=4)
    assert notebook["metadata"]["kernelspec"]["language"] == "python"
    return [{"type": c["cell_type"], "source": "".join(c["source"])} for c in notebook["cells"]]


def run_notebook(text: str) -> dict[str, Any]:
    """Each code cell in turn, in one namespace, as a kernel would (no IPython magics are used)."""
    namespace: dict[str, Any] = {}
    for cell in read_notebook(text):
        if cell["type"] == "code":
            exec(compile(cell["source"], "<cell>", "exec"), namespace)  # noqa: S102 - the code under test
    return namespace


def test_the_notebook_validates_and_computes_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = write_csv(tmp_path / "data.csv", SALES_ROWS)  # the setup cell's DATA_PATHS
    monkeypatch.chdir(tmp_path)

    text = notebook_for("Revenue by region", [block(TOTALS)])

    expected = computed(TOTALS, {"data": pd.read_csv(csv)})
    pd.testing.assert_frame_equal(run_notebook(text)["result"], expected)
    cells = read_notebook(text)
    intro = cells[0]["source"]
    assert intro.startswith("# Revenue by region\n\nSums the revenue of each region")
    assert (
        "From the conversation 'Sales review' (builtin). Version 3, 2024-05-01 12:30 UTC." in intro
    )
    assert 'DATA_PATHS = ["data.csv"]' in cells[2]["source"]
    assert cells[-1] == {"type": "code", "source": "result"}


def test_several_blocks_keep_their_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_csv(tmp_path / "data.csv", SALES_ROWS)
    monkeypatch.chdir(tmp_path)
    blocks = [
        block(TOTALS, title="Totals"),
        block("SELECT region FROM sales;\n~~~\n", title="The same in SQL", language="sql"),
        block('result = df["units"].max()', title="Largest order"),
    ]

    text = notebook_for("Sales review", blocks)

    cells = read_notebook(text)
    headings = [c["source"].splitlines()[0] for c in cells if c["source"].startswith("## ")]
    assert headings == ["## Totals", "## The same in SQL", "## Largest order"]
    code_cells = [c["source"] for c in cells if c["type"] == "code"][2:-1]
    assert code_cells == [TOTALS.rstrip("\n"), 'result = df["units"].max()']
    sql = next(c["source"] for c in cells if "SELECT" in c["source"])
    assert sql == "~~~~sql\nSELECT region FROM sales;\n~~~\n\n~~~~"  # shown, never run
    assert run_notebook(text)["result"] == max(row["units"] for row in SALES_ROWS)
    assert notebook_for("Sales review", blocks) == text  # the same blocks, the same file
