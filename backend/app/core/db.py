"""Database engine and the per-request session.

The engine belongs to the running app (created in its lifespan), so tests and tools can point an app at
another database without touching the environment.
"""

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings

CONNECT_TIMEOUT_SECONDS = 5
# A pooled connection idle this long is checked with a ping before use (see _ping_idle_connections).
PING_AFTER_IDLE_SECONDS = 2.0
_RETURNED_AT = "returned_at"

# Work outside the database that must follow the transaction's fate (removing stored files, say).
AfterTransaction = Callable[[], Awaitable[None]]
_AFTER_COMMIT = "after_commit"
_AFTER_ROLLBACK = "after_rollback"

logger = logging.getLogger(__name__)


def create_engine(
    database_url: str, *, ping_after_idle_seconds: float = PING_AFTER_IDLE_SECONDS
) -> AsyncEngine:
    # The pool is sized for streaming chat: many requests at once, each holding a connection only briefly.
    # Connections beyond pool_size are closed when returned, and opening one costs PostgreSQL a new process.
    engine = create_async_engine(
        database_url,
        pool_size=settings.DATABASE_POOL_SIZE,
        max_overflow=settings.DATABASE_MAX_OVERFLOW,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )
    _ping_idle_connections(engine, after_seconds=ping_after_idle_seconds)
    return engine


def _ping_idle_connections(engine: AsyncEngine, *, after_seconds: float) -> None:
    """Replace a pooled connection that died while idle (a database restart) instead of failing a
    request with it: SQLAlchemy's pool_pre_ping, but only for connections idle `after_seconds`.

    A ping is a round trip, and under load every round trip waits a turn of the busy event loop: on
    the way to a chat's first token that was two of about a dozen waits. A connection returned
    moments ago worked moments ago; one that dies in between fails its request like any connection
    that dies mid-request, and SQLAlchemy then discards the rest of the pool (they are as old).
    """
    pool = engine.sync_engine.pool
    dialect = engine.sync_engine.dialect

    @event.listens_for(pool, "checkin")
    def note_return(dbapi_connection: object, entry: ConnectionPoolEntry) -> None:
        entry.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def ping_if_idle(dbapi_connection: object, entry: ConnectionPoolEntry, proxy: object) -> None:
        returned_at = entry.info.get(_RETURNED_AT)
        if returned_at is None or time.monotonic() - returned_at < after_seconds:
            return  # just opened, or just used
        try:
            dialect.do_ping(dbapi_connection)  # type: ignore[arg-type]
        except Exception as error:
            # The pool discards this connection and checks out another (a fresh one if need be).
            raise DisconnectionError("A pooled database connection had died") from error


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # Objects stay readable after commit: responses are serialised once the session is done.
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


def after_commit(session: AsyncSession, action: AfterTransaction) -> None:
    """Run `action` once the session's work is committed (never if it is rolled back)."""
    session.info.setdefault(_AFTER_COMMIT, []).append(action)


def after_rollback(session: AsyncSession, action: AfterTransaction) -> None:
    """Run `action` if the session's work is rolled back or its commit fails."""
    session.info.setdefault(_AFTER_ROLLBACK, []).append(action)


@asynccontextmanager
async def committing(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """Commit once if the block succeeds, roll back otherwise, then run that outcome's actions."""
    try:
        yield session
    except BaseException:
        await session.rollback()
        await _run_actions(session, _AFTER_ROLLBACK)
        raise
    try:
        await session.commit()
    except BaseException:
        await _run_actions(session, _AFTER_ROLLBACK)
        raise
    await _run_actions(session, _AFTER_COMMIT)


async def _run_actions(session: AsyncSession, outcome: str) -> None:
    actions: list[AfterTransaction] = session.info.get(outcome, [])
    session.info.pop(_AFTER_COMMIT, None)
    session.info.pop(_AFTER_ROLLBACK, None)
    # Shielded: a client that disconnects must not leave the clean-up half done.
    with anyio.CancelScope(shield=True):
        for action in actions:
            try:
                await action()
            except Exception:
                # The transaction's outcome stands; what is left behind is logged to be tidied.
                logger.exception("An action after a database %s failed", outcome.split("_")[1])


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request: committed once if the handler succeeds, rolled back otherwise."""
    session_factory: async_sessionmaker[AsyncSession] = request.app.state.session_factory
    async with session_factory() as session, committing(session):
        yield session


# scope="function": commit before the response is sent, so a failed commit can never follow a 2xx.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]

# Opens a session of its own; the caller commits and closes it.
SessionFactory = Callable[[], AsyncSession]


async def get_session_factory(request: Request) -> SessionFactory:  # async: no thread pool hop
    """Sessions for work that outlives the request's own session, such as a streamed reply."""
    session_factory: async_sessionmaker[AsyncSession] = request.app.state.session_factory
    return session_factory


SessionFactoryDep = Annotated[SessionFactory, Depends(get_session_factory)]
