"""Every run is kept: an entry's history, its run counts in the library, the reuse figures, the CSV."""

import csv
import io

from httpx import AsyncClient

from tests.code_blocks.library import LIBRARY, edit, ok, refused, search
from tests.execution.runs.library import (
    EXECUTIONS,
    OTHER_MARKET_CSV,
    STATS,
    entry,
    history,
    run,
    snippet,
    upload,
)


async def test_the_history_lists_every_version_s_runs_newest_first(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await snippet(client, user_headers, "result = len(df)")
    sales = await upload(client, user_headers)
    other = await upload(client, user_headers, OTHER_MARKET_CSV, "other.csv")
    [one] = await run(client, user_headers, first["id"], sales["id"])
    second = await edit(client, user_headers, first["id"], code="result = df.shape[1]")
    two, three = await run(client, user_headers, second["id"], sales["id"], other["id"])

    # Any version's id gives the whole entry's history.
    listed = await history(client, user_headers, first["id"])

    assert listed["count"] == 3
    assert {run["id"] for run in listed["data"][:2]} == {two["id"], three["id"]}
    assert listed["data"][2] == one
    assert [run["version"] for run in listed["data"]] == [2, 2, 1]
    page = await history(client, user_headers, second["id"], skip=1, limit=1)
    assert page["count"] == 3
    assert [run["id"] for run in page["data"]] == [listed["data"][1]["id"]]


async def test_the_library_counts_runs_and_distinct_files_per_entry(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    reused = await snippet(client, user_headers, "result = len(df)", title="Reused")
    await snippet(client, user_headers, "result = 1", title="Never run")
    sales = await upload(client, user_headers)
    other = await upload(client, user_headers, OTHER_MARKET_CSV, "other.csv")
    await run(client, user_headers, reused["id"], sales["id"])
    newer = await edit(client, user_headers, reused["id"], code="result = len(df) + 1")
    await run(client, user_headers, newer["id"], sales["id"], other["id"])

    listed = {item["title"]: item for item in (await search(client, user_headers))["data"]}
    assert (listed["Reused"]["run_count"], listed["Reused"]["distinct_file_count"]) == (3, 2)
    assert (listed["Never run"]["run_count"], listed["Never run"]["distinct_file_count"]) == (0, 0)
    for version_id in (reused["id"], newer["id"]):
        detail = await entry(client, user_headers, version_id)
        assert (detail["run_count"], detail["distinct_file_count"]) == (3, 2)

    stats = ok(await client.get(STATS, headers=user_headers))
    assert stats == {
        "blocks": 2,
        "blocks_run": 1,
        "blocks_run_more_than_once": 1,
        "share_run_more_than_once": 0.5,
        "average_distinct_files": 2.0,
    }


async def test_reuse_figures_average_over_the_entries_that_ran(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    empty = ok(await client.get(STATS, headers=user_headers))
    assert empty == {
        "blocks": 0,
        "blocks_run": 0,
        "blocks_run_more_than_once": 0,
        "share_run_more_than_once": 0.0,
        "average_distinct_files": 0.0,
    }
    once = await snippet(client, user_headers, "result = 1")
    twice = await snippet(client, user_headers, "result = 2")
    third = await snippet(client, user_headers, "result = 3")
    files = [await upload(client, user_headers, filename=f"m{index}.csv") for index in range(3)]
    await run(client, user_headers, once["id"], files[0]["id"])
    await run(client, user_headers, twice["id"], files[0]["id"], files[1]["id"], files[2]["id"])
    await run(client, user_headers, twice["id"], files[0]["id"])

    stats = ok(await client.get(STATS, headers=user_headers))

    assert stats["blocks"] == 3
    assert stats["blocks_run"] == 2
    assert stats["blocks_run_more_than_once"] == 1
    assert stats["share_run_more_than_once"] == 1 / 3
    assert stats["average_distinct_files"] == 2.0  # (1 + 3) / 2
    assert third["run_count"] == 0


async def test_a_table_result_downloads_whole_as_csv(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(
        client, user_headers, "result = df.sort_values('amount', ignore_index=True)"
    )
    sales = await upload(client, user_headers)
    [table] = await run(client, user_headers, block["id"], sales["id"])
    assert table["has_csv"] is True

    response = await client.get(f"{EXECUTIONS}{table['id']}/result.csv", headers=user_headers)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows == [["region", "amount"], ["North", "7.0"], ["North", "10.5"], ["South", "20.0"]]


async def test_a_run_without_a_table_has_no_csv(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers, "result = df['amount'].sum()")
    sales = await upload(client, user_headers)
    [scalar] = await run(client, user_headers, block["id"], sales["id"])
    assert scalar["result"] == {"kind": "scalar", "type": "float64", "value": 37.5}
    assert scalar["has_csv"] is False

    response = await client.get(f"{EXECUTIONS}{scalar['id']}/result.csv", headers=user_headers)

    refused(response, 404, "ResultCsvNotFound")


async def test_deleting_the_entry_deletes_its_runs_and_a_deleted_file_leaves_the_run(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers, "result = len(df)")
    sales = await upload(client, user_headers)
    [kept] = await run(client, user_headers, block["id"], sales["id"])

    ok(await client.delete(f"/api/v1/files/{sales['id']}", headers=user_headers), 204)
    after_file = ok(await client.get(f"{EXECUTIONS}{kept['id']}", headers=user_headers))
    assert after_file["files"] == []
    assert after_file["file_ids"] == [sales["id"]]
    assert (await entry(client, user_headers, block["id"]))["distinct_file_count"] == 1

    ok(await client.delete(f"{LIBRARY}{block['id']}", headers=user_headers), 204)
    response = await client.get(f"{EXECUTIONS}{kept['id']}", headers=user_headers)
    refused(response, 404, "ExecutionNotFound")
    assert ok(await client.get(STATS, headers=user_headers))["blocks_run"] == 0
