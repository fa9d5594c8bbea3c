"""Running a library block on the user's files: the pre-run column check, the runs, what they keep."""

import base64

from httpx import AsyncClient

from tests.code_blocks.library import LIBRARY, edit, ok
from tests.execution.runs.library import (
    EXECUTIONS,
    OTHER_MARKET_CSV,
    entry,
    run,
    snippet,
    upload,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_a_block_runs_on_a_compatible_file_and_fails_clearly_on_a_file_missing_a_column(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers)
    sales = await upload(client, user_headers)
    other = await upload(client, user_headers, OTHER_MARKET_CSV, "other_market.csv")

    check = ok(
        await client.get(
            f"{LIBRARY}{block['id']}/compatibility",
            headers=user_headers,
            params={"file_ids": [sales["id"], other["id"]]},
        )
    )
    assert check["data"] == [
        {
            "file_id": sales["id"],
            "filename": "sales.csv",
            "columns_referenced": ["region", "amount"],
            "missing_columns": [],
            "compatible": True,
        },
        {
            "file_id": other["id"],
            "filename": "other_market.csv",
            "columns_referenced": ["region", "amount"],
            "missing_columns": ["amount"],
            "compatible": False,
        },
    ]

    succeeded, failed = await run(client, user_headers, block["id"], sales["id"], other["id"])

    assert succeeded["status"] == "succeeded", succeeded["error"]
    assert succeeded["error"] is None
    assert succeeded["source"] == "library"
    assert succeeded["code_block_id"] == succeeded["lineage_id"] == block["id"]
    assert succeeded["version"] == 1
    assert succeeded["message_id"] is None
    assert succeeded["files"] == [{"id": sales["id"], "filename": "sales.csv"}]
    assert succeeded["file_ids"] == [sales["id"]]
    assert succeeded["has_csv"] is True
    assert succeeded["duration_ms"] >= 0
    table = succeeded["result"]
    assert table["kind"] == "dataframe"
    assert table["shape"] == [2, 2]
    assert table["columns"] == ["region", "amount"]
    assert table["rows"] == [["South", 20.0], ["North", 17.5]]

    assert failed["status"] == "failed"
    assert failed["result"] is None
    assert failed["has_csv"] is False
    assert failed["files"] == [{"id": other["id"], "filename": "other_market.csv"}]
    assert failed["error"]["kind"] == "KeyError"
    assert "amount" in failed["error"]["message"]
    assert any("line 3" in line for line in failed["error"]["traceback"]), failed["error"]


async def test_a_run_is_kept_and_read_back_as_it_was_answered(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers)
    sales = await upload(client, user_headers)
    [answered] = await run(client, user_headers, block["id"], sales["id"])

    kept = ok(await client.get(f"{EXECUTIONS}{answered['id']}", headers=user_headers))

    assert kept == answered


async def test_the_block_records_whether_its_last_run_succeeded(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers)
    sales = await upload(client, user_headers)
    other = await upload(client, user_headers, OTHER_MARKET_CSV, "other.csv")
    assert (await entry(client, user_headers, block["id"]))["executed_successfully"] is None

    await run(client, user_headers, block["id"], other["id"])
    assert (await entry(client, user_headers, block["id"]))["executed_successfully"] is False

    await run(client, user_headers, block["id"], sales["id"])
    after = await entry(client, user_headers, block["id"])
    assert after["executed_successfully"] is True
    assert after["updated_at"] == block["updated_at"]  # a run is not an edit


async def test_an_older_version_runs_when_asked_for(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await snippet(client, user_headers, "result = len(df)")
    second = await edit(client, user_headers, first["id"], code="result = len(df) * 100")
    sales = await upload(client, user_headers)

    [latest] = await run(client, user_headers, second["id"], sales["id"])
    [older] = await run(client, user_headers, second["id"], sales["id"], version=1)

    assert (latest["version"], latest["code_block_id"], latest["result"]["value"]) == (
        2,
        second["id"],
        300,
    )
    assert (older["version"], older["code_block_id"], older["result"]["value"]) == (
        1,
        first["id"],
        3,
    )
    assert older["lineage_id"] == latest["lineage_id"] == first["id"]


async def test_charts_and_printed_output_come_back(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    code = (
        "import matplotlib.pyplot as plt\n"
        "print('rows:', len(df))\n"
        "df.plot(kind='bar', x='region', y='amount')\n"
        "result = plt.gca()\n"
    )
    block = await snippet(client, user_headers, code)
    sales = await upload(client, user_headers)

    [chart] = await run(client, user_headers, block["id"], sales["id"])

    assert chart["status"] == "succeeded", chart["error"]
    assert chart["stdout"] == "rows: 3\n"
    assert chart["result"] == {"kind": "figure"}
    assert len(chart["figures"]) == 1
    assert base64.b64decode(chart["figures"][0]).startswith(PNG_SIGNATURE)
    assert chart["figures_left_out"] == 0
    assert chart["has_csv"] is False


async def test_refused_code_is_kept_as_a_refused_run(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers, "import os\nresult = os.listdir('/')")
    sales = await upload(client, user_headers)

    [refused] = await run(client, user_headers, block["id"], sales["id"])

    assert refused["status"] == "refused"
    assert refused["error"]["kind"] == "CodeRefused"
    assert "os" in refused["error"]["message"]
    assert (await entry(client, user_headers, block["id"]))["executed_successfully"] is False


async def test_nul_characters_in_the_output_are_kept_as_replacement_characters(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    code = (
        "import pandas as pd\n"
        "print('a\\x00b')\n"
        "result = pd.DataFrame({'col\\x00name': ['cell\\x00value']})\n"
    )
    failing = "raise ValueError('bad\\x00value')"
    block = await snippet(client, user_headers, code)
    broken = await snippet(client, user_headers, failing, language="python")
    sales = await upload(client, user_headers)

    [table] = await run(client, user_headers, block["id"], sales["id"])
    [error] = await run(client, user_headers, broken["id"], sales["id"])

    assert table["status"] == "succeeded", table["error"]
    assert table["stdout"] == "a\ufffdb\n"
    assert table["result"]["columns"] == ["col\ufffdname"]
    assert table["result"]["rows"] == [["cell\ufffdvalue"]]
    assert error["error"]["message"] == "bad\ufffdvalue"
    kept = ok(await client.get(f"{EXECUTIONS}{table['id']}", headers=user_headers))
    assert kept == table
