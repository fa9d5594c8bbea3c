"""The real app for benchmarks: its own fresh database, its own data folder, a user to act as."""

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from types import TracebackType
from typing import Self

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "backend"))

from tests.database import create_test_database, drop_test_database  # noqa: E402 - needs the path above
from tests.live_server import BACKEND_DIR, LiveServer  # noqa: E402


def database_server_url() -> str:
    """TEST_DATABASE_URL, else the project-local cluster (started if needed)."""
    if url := os.environ.get("TEST_DATABASE_URL"):
        return url
    script = REPO / "scripts" / "local-postgres.sh"
    # Our own script, by absolute path.
    started = subprocess.run([script, "start"], check=True, capture_output=True, text=True)  # noqa: S603
    return started.stdout.strip()


# The app is ready to measure once its process tree (workers, sandbox workers) is this quiet: start-up
# goes on after /health answers (each worker's sandbox imports pandas in the background, seconds of CPU).
SETTLED_CPU_FRACTION = 0.05
SETTLE_TIMEOUT_SECONDS = 120


def wait_until_settled(pid: int) -> None:
    """Block until the process and its descendants use under SETTLED_CPU_FRACTION of a core."""
    root = psutil.Process(pid)
    deadline = time.monotonic() + SETTLE_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        tree = [root, *root.children(recursive=True)]
        before = _cpu_seconds(tree)
        time.sleep(1.0)
        if _cpu_seconds(tree) - before < SETTLED_CPU_FRACTION:
            return
    raise RuntimeError(f"the app was still busy {SETTLE_TIMEOUT_SECONDS} s after starting")


def app_cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by the app's process (its workers, when there are several)."""
    root = psutil.Process(pid)
    return _cpu_seconds([root, *root.children(recursive=True)])


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue  # a sandbox run that ended meanwhile
        total += times.user + times.system
    return total


class BenchApp:
    """The app (or, for a comparison, another ASGI app: `app`, `app_dir`, `health_path`, `env`)."""

    def __init__(
        self,
        scratch: Path,
        *,
        app: str = "app.main:app",
        app_dir: Path = BACKEND_DIR,
        health_path: str = "/api/v1/health",
        env: dict[str, str] | None = None,
    ) -> None:
        self._scratch = scratch
        self._app = app
        self._app_dir = app_dir
        self._health_path = health_path
        self._extra_env = env or {}
        self._database_url = ""
        self._server: LiveServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return self._server.url

    @property
    def database_url(self) -> str:
        """The app's database (SQLAlchemy form: postgresql+psycopg://...)."""
        return self._database_url

    @property
    def pid(self) -> int:
        assert self._server is not None
        return self._server.pid

    def __enter__(self) -> Self:
        self._database_url = create_test_database(database_server_url())
        env = {
            "DATA_DIR": str(self._scratch / "data"),
            "RATE_LIMIT_ENABLED": "false",
            "LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "1"),
            **self._extra_env,
        }
        server = LiveServer(
            database_url=self._database_url,
            log_path=self._scratch / f"{self._app.partition(':')[0]}.log",
            env=env,
            app=self._app,
            app_dir=self._app_dir,
            health_path=self._health_path,
        )
        try:
            server.__enter__()
        except BaseException:
            # __exit__ never runs when __enter__ fails: the database would be left behind.
            drop_test_database(self._database_url)
            raise
        self._server = server
        wait_until_settled(server.pid)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._server is not None:
            self._server.__exit__(exc_type, exc, tb)
        if self._database_url:
            drop_test_database(self._database_url)

    def new_user_token(self) -> str:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
        password = "bench-password-1"
        httpx.post(
            f"{self.url}/api/v1/users/signup", json={"email": email, "password": password}
        ).raise_for_status()
        response = httpx.post(
            f"{self.url}/api/v1/login/access-token", data={"username": email, "password": password}
        )
        response.raise_for_status()
        token: str = response.json()["access_token"]
        return token


class MemoryWatcher:
    """Samples a process's resident memory every few milliseconds; reports the peak over a baseline."""

    def __init__(self, pid: int, interval_seconds: float = 0.005) -> None:
        self._process = psutil.Process(pid)
        self._interval = interval_seconds
        self._baseline = self._peak = self._rss()
        thread = threading.Thread(target=self._sample, daemon=True)
        thread.start()

    def _rss(self) -> int:
        return int(self._process.memory_info().rss)

    def _sample(self) -> None:
        while True:
            try:
                self._peak = max(self._peak, self._rss())
            except psutil.NoSuchProcess:
                return  # the server stopped: the benchmark is over
            time.sleep(self._interval)

    def reset(self) -> None:
        self._baseline = self._peak = self._rss()

    def peak_growth_mb(self) -> float:
        return (self._peak - self._baseline) / 1024 / 1024
