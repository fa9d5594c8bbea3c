"""Helpers for the runs API tests: the user's files and snippets, runs through the API."""

from typing import Any

from httpx import AsyncClient

from tests.code_blocks.library import LIBRARY, ok, save_snippet

FILES = "/api/v1/files/"
EXECUTIONS = "/api/v1/executions/"
STATS = f"{LIBRARY}stats"

SALES_CSV = b"region,amount\nNorth,10.5\nSouth,20\nNorth,7\n"
# Another market's file: the same analysis, but its money column is called "revenue".
OTHER_MARKET_CSV = b"region,revenue\nEast,3\nWest,4\n"

TOTALS_CODE = """\
import pandas as pd

totals = df.groupby("region", as_index=False)["amount"].sum()
result = totals.sort_values("amount", ascending=False)
"""


async def upload(
    client: AsyncClient,
    headers: dict[str, str],
    content: bytes = SALES_CSV,
    filename: str = "sales.csv",
) -> dict[str, Any]:
    files = {"file": (filename, content, "text/csv")}
    return dict(ok(await client.post(FILES, headers=headers, files=files), 201))


async def snippet(
    client: AsyncClient, headers: dict[str, str], code: str = TOTALS_CODE, **fields: Any
) -> dict[str, Any]:
    return await save_snippet(client, headers, code, **fields)


async def run(
    client: AsyncClient, headers: dict[str, str], block_id: str, *file_ids: str, **body: Any
) -> list[dict[str, Any]]:
    response = await client.post(
        f"{LIBRARY}{block_id}/runs", headers=headers, json={"file_ids": list(file_ids), **body}
    )
    answer = ok(response, 201)
    assert answer["count"] == len(answer["data"])
    return list(answer["data"])


async def history(
    client: AsyncClient, headers: dict[str, str], block_id: str, **params: Any
) -> dict[str, Any]:
    return dict(ok(await client.get(f"{LIBRARY}{block_id}/runs", headers=headers, params=params)))


async def entry(client: AsyncClient, headers: dict[str, str], block_id: str) -> dict[str, Any]:
    return dict(ok(await client.get(f"{LIBRARY}{block_id}", headers=headers)))
