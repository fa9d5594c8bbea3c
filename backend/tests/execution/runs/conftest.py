"""The runs API tests: the real app with the execution tests' real sandbox (one worker for the
session), files uploaded through the API (so their Parquet copies are the upload's own)."""

from typing import Any

import pytest
from fastapi import FastAPI

from app.execution.client import Sandbox


class LentSandbox:
    """The session's sandbox, lent to one test app: every run goes to it, but the app's start-up
    and shut-down leave it running (starting a worker per test would cost seconds each)."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sandbox, name)

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass


@pytest.fixture
def app(app: FastAPI, sandbox: Sandbox) -> FastAPI:
    app.state.sandbox = LentSandbox(sandbox)
    return app
