"""Another user's ids are 404 everywhere, and bad input is a clear 4xx that runs nothing."""

import uuid
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Execution, User
from tests.code_blocks.library import LIBRARY, ok, refused
from tests.conftest import auth_headers, make_user
from tests.execution.runs.library import EXECUTIONS, history, run, snippet, upload


async def run_count(db: AsyncSession) -> int:
    return (await db.exec(select(func.count()).select_from(Execution))).one()


@pytest.fixture
async def stranger_headers(db: AsyncSession) -> dict[str, str]:
    stranger: User = await make_user(db)
    return auth_headers(stranger)


async def test_another_users_block_file_and_runs_are_404(
    client: AsyncClient,
    user_headers: dict[str, str],
    stranger_headers: dict[str, str],
    db: AsyncSession,
) -> None:
    block = await snippet(client, user_headers)
    sales = await upload(client, user_headers)
    [mine] = await run(client, user_headers, block["id"], sales["id"])
    theirs_block = await snippet(client, stranger_headers)
    theirs_file = await upload(client, stranger_headers)
    runs_before = await run_count(db)

    # Their block, whatever file; my block on their file.
    for block_id, file_id, kind in (
        (theirs_block["id"], sales["id"], "CodeBlockNotFound"),
        (block["id"], theirs_file["id"], "FileNotFound"),
    ):
        body = {"file_ids": [file_id]}
        response = await client.post(f"{LIBRARY}{block_id}/runs", headers=user_headers, json=body)
        refused(response, 404, kind)
        params = {"file_ids": [file_id]}
        response = await client.get(
            f"{LIBRARY}{block_id}/compatibility", headers=user_headers, params=params
        )
        refused(response, 404, kind)
    mixed = {"file_ids": [sales["id"], theirs_file["id"]]}
    response = await client.post(f"{LIBRARY}{block['id']}/runs", headers=user_headers, json=mixed)
    refused(response, 404, "FileNotFound")
    assert await run_count(db) == runs_before

    response = await client.get(f"{LIBRARY}{block['id']}/runs", headers=stranger_headers)
    refused(response, 404, "CodeBlockNotFound")
    for path in (f"{EXECUTIONS}{mine['id']}", f"{EXECUTIONS}{mine['id']}/result.csv"):
        refused(await client.get(path, headers=stranger_headers), 404, "ExecutionNotFound")
    stats = ok(await client.get(f"{LIBRARY}stats", headers=stranger_headers))
    assert (stats["blocks"], stats["blocks_run"]) == (1, 0)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"file_ids": []}, "file_ids"),
        ({"file_ids": [str(uuid.uuid4()) for _ in range(11)]}, "file_ids"),
        ({"file_ids": ["not-a-uuid"]}, "file_ids.0"),
        ({}, "file_ids"),
        ({"file_ids": "{file}", "version": 0}, "version"),
        ({"file_ids": "{file}", "code": "print(1)"}, "code"),
    ],
)
async def test_a_bad_run_request_is_422_and_runs_nothing(
    client: AsyncClient,
    user_headers: dict[str, str],
    db: AsyncSession,
    body: dict[str, Any],
    field: str,
) -> None:
    block = await snippet(client, user_headers)
    sales = await upload(client, user_headers)
    if body.get("file_ids") == "{file}":
        body = {**body, "file_ids": [sales["id"]]}

    response = await client.post(f"{LIBRARY}{block['id']}/runs", headers=user_headers, json=body)

    detail = refused(response, 422, "ValidationError")
    assert field in detail
    assert await run_count(db) == 0


async def test_a_version_the_entry_does_not_have_is_404(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers)
    sales = await upload(client, user_headers)
    body = {"file_ids": [sales["id"]], "version": 2}

    response = await client.post(f"{LIBRARY}{block['id']}/runs", headers=user_headers, json=body)

    refused(response, 404, "VersionNotFound")


async def test_code_that_is_not_python_does_not_run(
    client: AsyncClient, user_headers: dict[str, str], db: AsyncSession
) -> None:
    block = await snippet(client, user_headers, "SELECT region FROM sales", language="sql")
    sales = await upload(client, user_headers)
    body = {"file_ids": [sales["id"]]}

    response = await client.post(f"{LIBRARY}{block['id']}/runs", headers=user_headers, json=body)

    assert "sql" in refused(response, 422, "CodeNotRunnable")
    assert await run_count(db) == 0


async def test_the_same_file_twice_runs_once(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    block = await snippet(client, user_headers, "result = len(df)")
    sales = await upload(client, user_headers)

    runs = await run(client, user_headers, block["id"], sales["id"], sales["id"])

    assert [run["file_ids"] for run in runs] == [[sales["id"]]]


@pytest.mark.parametrize(
    "params",
    [{}, {"file_ids": "nope"}, {"file_ids": [str(uuid.uuid4()) for _ in range(101)]}],
)
async def test_a_bad_compatibility_check_is_422(
    client: AsyncClient, user_headers: dict[str, str], params: dict[str, Any]
) -> None:
    block = await snippet(client, user_headers)

    response = await client.get(
        f"{LIBRARY}{block['id']}/compatibility", headers=user_headers, params=params
    )

    assert "file_ids" in refused(response, 422, "ValidationError")


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"skip": -1}])
async def test_a_bad_history_page_is_422(
    client: AsyncClient, user_headers: dict[str, str], params: dict[str, Any]
) -> None:
    block = await snippet(client, user_headers)

    response = await client.get(f"{LIBRARY}{block['id']}/runs", headers=user_headers, params=params)

    refused(response, 422, "ValidationError")
    assert (await history(client, user_headers, block["id"]))["count"] == 0


async def test_runs_need_a_signed_in_user(client: AsyncClient) -> None:
    some_id = uuid.uuid4()
    for method, path in (
        ("GET", f"{LIBRARY}stats"),
        ("GET", f"{LIBRARY}{some_id}/runs"),
        ("POST", f"{LIBRARY}{some_id}/runs"),
        ("GET", f"{EXECUTIONS}{some_id}"),
        ("GET", f"{EXECUTIONS}{some_id}/result.csv"),
    ):
        response = await client.request(method, path, json={"file_ids": [str(some_id)]})
        refused(response, 401, "NotAuthenticated")
