"""What comes back from a run: capped, JSON only, errors with the user's own lines only."""

import json

from app.execution.client import Sandbox
from app.execution.schemas import Dataset
from tests.execution.conftest import TEST_LIMITS


async def test_traceback_shows_only_the_users_lines(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    code = "def total(frame):\n    return frame['no such column'].sum()\n\nresult = total(df)\n"

    result = await strict_sandbox.run(code, [sales])

    assert result.status == "failed"
    assert result.error is not None
    assert result.error.kind == "KeyError"
    assert result.error.message == "'no such column'"
    assert result.error.traceback == [
        "line 4, in <module>: result = total(df)",
        "line 2, in total: return frame['no such column'].sum()",
    ]


async def test_syntax_errors_point_at_the_line(strict_sandbox: Sandbox) -> None:
    result = await strict_sandbox.run("total = 1\nresult = (total +\n", [])

    assert result.status == "failed"
    assert result.error is not None
    assert result.error.kind == "SyntaxError"
    assert result.error.traceback[0].startswith("line 2")


async def test_large_table_results_are_previewed_and_capped(strict_sandbox: Sandbox) -> None:
    code = "import pandas as pd\nresult = pd.DataFrame({'n': range(100_000), 'text': 'x' * 20})"

    result = await strict_sandbox.run(code, [])

    assert result.status == "succeeded"
    assert result.result is not None
    assert result.result["shape"] == [100_000, 2]
    assert len(result.result["rows"]) == 50
    assert result.result["truncated_rows"] is True
    # Over the 256 KiB cap of these tests: previewed, not kept for download.
    assert result.result["csv_too_large"] is True
    assert result.result_csv is None


async def test_small_table_results_are_kept_whole_as_csv(strict_sandbox: Sandbox) -> None:
    code = "import pandas as pd\nresult = pd.DataFrame({'n': range(1000)})"

    result = await strict_sandbox.run(code, [])

    assert result.result_csv is not None
    assert result.result_csv.decode().splitlines()[:2] == ["n", "0"]
    assert len(result.result_csv.decode().splitlines()) == 1001


async def test_long_cells_and_texts_are_cut(strict_sandbox: Sandbox) -> None:
    table = await strict_sandbox.run(
        "import pandas as pd\nresult = pd.DataFrame({'t': ['y' * 10_000]})", []
    )
    text = await strict_sandbox.run("result = 'z' * 100_000", [])

    assert table.result is not None
    assert len(table.result["rows"][0][0]) == 200
    assert text.result is not None
    assert text.result["truncated"] is True
    assert len(text.result["text"]) == 20_000


async def test_values_that_json_cannot_hold_are_converted(strict_sandbox: Sandbox) -> None:
    code = (
        "import numpy as np, pandas as pd, datetime\n"
        "result = {'nan': float('nan'), 'inf': np.inf, 'big': 2**70, 'when': pd.Timestamp('2024-05-01'),"
        " 'day': datetime.date(2024, 1, 2), 'span': pd.Timedelta('1h'), 'np': np.int32(3),"
        " 'deep': [[[[[[[[1]]]]]]]], 'set': {1}}"
    )
    result = await strict_sandbox.run(code, [])

    assert result.result is not None
    value = result.result["value"]
    assert value["nan"] is None
    assert value["inf"] is None
    assert value["big"] == str(2**70)
    assert value["when"] == "2024-05-01T00:00:00"
    assert value["day"] == "2024-01-02"
    assert value["span"] == "0 days 01:00:00"
    assert value["np"] == 3
    assert value["set"] == "{1}"
    json.dumps(result.result, allow_nan=False)


async def test_printed_output_is_kept_up_to_the_cap(strict_sandbox: Sandbox) -> None:
    result = await strict_sandbox.run("for i in range(100_000):\n    print(i)", [])

    kept = result.stdout.split("\n… output truncated")[0]
    assert len(kept.encode()) == TEST_LIMITS.max_output_bytes
    assert result.stdout.startswith("0\n1\n2\n")


async def test_figures_come_back_even_when_the_code_fails_later(strict_sandbox: Sandbox) -> None:
    result = await strict_sandbox.run(
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\n1 / 0", []
    )

    assert result.status == "failed"
    assert result.error is not None
    assert result.error.kind == "ZeroDivisionError"
    assert len(result.figures) == 1


async def test_the_precheck_refuses_plain_escapes_with_a_reason(strict_sandbox: Sandbox) -> None:
    result = await strict_sandbox.run("import os\nresult = os.listdir('/')", [])

    assert result.status == "refused"
    assert result.error is not None
    assert result.error.kind == "CodeRefused"
    assert "line 1: importing os is not available" in result.error.message
