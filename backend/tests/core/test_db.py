import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from app.core.db import after_commit, after_rollback, committing, create_engine
from tests.conftest import session_on


async def test_actions_after_commit_run_only_once_committed(connection: AsyncConnection) -> None:
    happened: list[str] = []

    async def note(event: str) -> None:
        happened.append(event)

    async with session_on(connection) as session, committing(session):
        after_commit(session, lambda: note("committed"))
        after_rollback(session, lambda: note("rolled back"))
        assert happened == []

    assert happened == ["committed"]


async def test_actions_after_rollback_run_when_the_block_fails(connection: AsyncConnection) -> None:
    happened: list[str] = []

    async def note(event: str) -> None:
        happened.append(event)

    async def fail_in_transaction() -> None:
        async with session_on(connection) as session, committing(session):
            after_commit(session, lambda: note("committed"))
            after_rollback(session, lambda: note("rolled back"))
            raise ValueError("the handler failed")

    with pytest.raises(ValueError, match="failed"):
        await fail_in_transaction()

    assert happened == ["rolled back"]


async def test_actions_after_rollback_run_when_the_commit_fails(
    connection: AsyncConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    happened: list[str] = []

    async def note(event: str) -> None:
        happened.append(event)

    async def failing_commit() -> None:
        raise ConnectionError("the database went away")

    async def commit_in_transaction() -> None:
        async with session_on(connection) as session:
            monkeypatch.setattr(session, "commit", failing_commit)
            async with committing(session):
                after_commit(session, lambda: note("committed"))
                after_rollback(session, lambda: note("rolled back"))

    with pytest.raises(ConnectionError):
        await commit_in_transaction()

    assert happened == ["rolled back"]


async def test_a_failing_action_does_not_stop_the_others(connection: AsyncConnection) -> None:
    happened: list[str] = []

    async def fail() -> None:
        raise OSError("disk trouble")

    async def note() -> None:
        happened.append("ran")

    async with session_on(connection) as session, committing(session):
        after_commit(session, fail)
        after_commit(session, note)

    assert happened == ["ran"]


async def _backend_pid(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def _terminate(engine: AsyncEngine, pid: int) -> None:
    # From a connection outside the pool under test, as a database restart would.
    async with engine.connect() as connection:
        await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


async def test_a_connection_that_died_while_idle_is_replaced_before_use(
    database_url: str, engine: AsyncEngine
) -> None:
    pooled = create_engine(database_url, ping_after_idle_seconds=0.0)
    try:
        dead = await _backend_pid(pooled)
        await _terminate(engine, dead)

        # The pooled connection is pinged, found dead and replaced: the query still answers.
        assert await _backend_pid(pooled) != dead
    finally:
        await pooled.dispose()


async def test_a_connection_used_moments_ago_is_trusted_and_a_failure_renews_the_pool(
    database_url: str, engine: AsyncEngine
) -> None:
    pooled = create_engine(database_url, ping_after_idle_seconds=60.0)
    try:
        dead = await _backend_pid(pooled)
        await _terminate(engine, dead)

        # No ping: the request that meets the dead connection fails, as one mid-query would...
        with pytest.raises(DBAPIError) as failure:
            await _backend_pid(pooled)
        assert failure.value.connection_invalidated
        # ...and the pool is renewed for the next one.
        assert await _backend_pid(pooled) != dead
    finally:
        await pooled.dispose()
