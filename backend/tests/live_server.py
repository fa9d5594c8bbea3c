"""The real app in its own uvicorn process, for browser tests and benchmarks.

It runs on a free local port against the database it is given, with the environment overrides it is given,
and writes its log to a file so a failed start-up can say why. A benchmark can start another ASGI app the
same way (`app`, `app_dir`, `health_path`).
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx

BACKEND_DIR = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LiveServer:
    def __init__(
        self,
        *,
        database_url: str,
        log_path: Path,
        env: dict[str, str] | None = None,
        app: str = "app.main:app",
        app_dir: Path = BACKEND_DIR,
        health_path: str = "/api/v1/health",
    ) -> None:
        self._app = app
        self._app_dir = app_dir
        self._health_path = health_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._env = {
            **os.environ,
            "ENVIRONMENT": "local",
            "DATABASE_URL": database_url,
            "FRONTEND_HOST": self.url,
            **(env or {}),
        }
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self._process is not None, "the server is not running"
        return self._process.pid

    def __enter__(self) -> Self:
        command = [sys.executable, "-m", "uvicorn", self._app, "--host", "127.0.0.1"]
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                # As scripts/run.sh runs it.
                [
                    *command,
                    "--port",
                    str(self.port),
                    "--no-access-log",
                    "--timeout-keep-alive",
                    "65",
                ],
                cwd=self._app_dir,
                env=self._env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def _wait_until_healthy(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the app exited during start-up:\n{self.log()}")
            try:
                if httpx.get(f"{self.url}{self._health_path}", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(
            f"the app was not healthy within {STARTUP_TIMEOUT_SECONDS} s:\n{self.log()}"
        )
