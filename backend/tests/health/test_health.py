from collections.abc import AsyncIterator

from fastapi import FastAPI
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import create_engine, create_session_factory, get_session


async def test_health_reports_database_ok(client: AsyncClient) -> None:
    response = await client.get("/api/v1/health")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"]) == ("ok", "ok")
    # Probed in the background after start-up: tests/execution/test_health_api.py waits for "full".
    assert body["sandbox"] in ("starting", "full")


async def test_health_is_503_in_the_error_shape_when_the_database_is_unreachable(
    app: FastAPI, client: AsyncClient
) -> None:
    # Port 1 on localhost refuses connections at once.
    dead_engine = create_engine("postgresql+psycopg://postgres@127.0.0.1:1/nothing")
    dead_sessions = create_session_factory(dead_engine)

    async def session_on_dead_database() -> AsyncIterator[AsyncSession]:
        async with dead_sessions() as session:
            yield session

    app.dependency_overrides[get_session] = session_on_dead_database
    try:
        response = await client.get("/api/v1/health")
    finally:
        await dead_engine.dispose()

    assert response.status_code == 503
    assert response.json() == {
        "error": "DatabaseUnavailable",
        "detail": "The database is not reachable.",
    }
