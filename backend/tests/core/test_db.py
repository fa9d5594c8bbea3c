import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from app.core.db import after_commit, after_rollback, committing
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
