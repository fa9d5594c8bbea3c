"""GET /api/v1/health reports the isolation the app's sandbox found."""

import asyncio
from pathlib import Path

from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncConnection

from app.core.config import Settings
from app.execution.client import Sandbox
from app.execution.isolation import Isolation
from app.main import create_app
from tests.conftest import use_test_transaction
from tests.execution.conftest import TEST_CONFIG


async def test_health_reports_full_isolation_once_probed(client: AsyncClient) -> None:
    for _ in range(600):
        body = (await client.get("/api/v1/health")).json()
        if body["sandbox"] != "starting":
            break
        await asyncio.sleep(0.1)

    assert body == {"status": "ok", "database": "ok", "sandbox": "full", "sandbox_missing": []}


async def test_health_reports_missing_isolation(
    test_settings: Settings, connection: AsyncConnection, tmp_path: Path
) -> None:
    sandbox = Sandbox(TEST_CONFIG)  # never started: its level is set as a probe would
    sandbox.isolation = Isolation("partial", ("seccomp", "no_network"))
    app = create_app(test_settings.model_copy(update={"DATA_DIR": tmp_path}), sandbox=sandbox)
    use_test_transaction(app, connection)

    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://app.test") as http:
        body = (await http.get("/api/v1/health")).json()

    assert body["sandbox"] == "partial"
    assert body["sandbox_missing"] == ["seccomp", "no_network"]


async def test_a_sandbox_not_started_yet_says_starting() -> None:
    sandbox = Sandbox(TEST_CONFIG)

    assert sandbox.isolation.level == "starting"
    assert sandbox.worker_pid is None
