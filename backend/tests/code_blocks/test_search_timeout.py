"""A search that runs past SEARCH_STATEMENT_TIMEOUT_MS is stopped by PostgreSQL and answered with
503. To make one run long on purpose, another connection holds an exclusive lock on the table:
waiting for a lock counts towards statement_timeout, exactly like slow work does."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
import pytest
from httpx import AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from tests.code_blocks.library import LIBRARY, ok, refused, save_snippet

TINY_TIMEOUT_MS = 200


@asynccontextmanager
async def code_block_table_locked(engine: AsyncEngine) -> AsyncIterator[None]:
    async with engine.connect() as other:
        transaction = await other.begin()
        # Never wait here: the test's own transaction must not hold a lock on the table yet.
        await other.execute(text("SET LOCAL lock_timeout = '5s'"))
        await other.execute(text("LOCK TABLE code_block IN ACCESS EXCLUSIVE MODE"))
        try:
            yield
        finally:
            await transaction.rollback()


async def statement_timeout(db: AsyncSession) -> str:
    connection = await db.connection()
    return str((await connection.execute(text("SHOW statement_timeout"))).scalar_one())


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "revenue"}, {"q": "reven", "match": "substring"}],
)
async def test_a_search_past_the_time_limit_is_503(
    client: AsyncClient,
    engine: AsyncEngine,
    user_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    params: dict[str, str],
) -> None:
    monkeypatch.setattr(settings, "SEARCH_STATEMENT_TIMEOUT_MS", TINY_TIMEOUT_MS)

    async with code_block_table_locked(engine):
        # A search the limit failed to stop would wait for the lock: fail instead of hanging.
        with anyio.fail_after(10):
            response = await client.get(LIBRARY, headers=user_headers, params=params)
            facets = await client.get(f"{LIBRARY}facets", headers=user_headers)

    for stopped in (response, facets):
        assert "took too long" in refused(stopped, 503, "SearchTimedOut")
    # Nothing is left behind: the next search works.
    assert ok(await client.get(LIBRARY, headers=user_headers, params=params))["count"] == 0


async def test_the_time_limit_ends_with_the_search(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    await save_snippet(client, user_headers, "x = 1")
    before = await statement_timeout(db)

    ok(await client.get(LIBRARY, headers=user_headers, params={"q": "x"}))
    ok(await client.get(f"{LIBRARY}facets", headers=user_headers))

    assert await statement_timeout(db) == before
