"""Browser tests: the real app (built SPA + API in one uvicorn process) on its own fresh database, a real
SMTP server catching its e-mails, and Debian's Chromium driven by Playwright.

These tests commit real rows, so they get a database of their own rather than the rolled-back transaction
the API tests use.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.database import create_test_database, drop_test_database, server_url
from tests.smtp import SmtpServer

BACKEND_DIR = Path(__file__).resolve().parents[2]
FRONTEND_DIST = BACKEND_DIR.parent / "frontend" / "dist"
ADMIN_EMAIL = "admin@e2e.example.com"
ADMIN_PASSWORD = "e2e-admin-pass1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def mailbox() -> Iterator[SmtpServer]:
    smtp = SmtpServer()
    smtp.start()
    yield smtp
    smtp.stop()


@pytest.fixture(scope="session")
def app_url(mailbox: SmtpServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not (FRONTEND_DIST / "index.html").is_file():
        pytest.fail(
            "frontend/dist is missing: scripts/test.sh builds it (scripts/build-frontend.sh)"
        )
    database_url = create_test_database(server_url())
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    env = {
        **os.environ,
        "ENVIRONMENT": "local",
        "DATABASE_URL": database_url,
        "FRONTEND_HOST": url,
        "FRONTEND_DIST_DIR": str(FRONTEND_DIST),
        "FIRST_SUPERUSER": ADMIN_EMAIL,
        "FIRST_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(mailbox.port),
        "SMTP_TLS": "false",
        "SMTP_SSL": "false",
        "SMTP_USER": "",
        "SMTP_PASSWORD": "",
        "PASSWORD_HASH_TIME_COST": "1",
        "PASSWORD_HASH_MEMORY_COST_KIB": "1024",
    }
    with log_path.open("wb") as log:
        server = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=BACKEND_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_healthy(url, server, log_path)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)
            drop_test_database(database_url)


def _wait_until_healthy(url: str, server: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the app exited during start-up:\n{log_path.read_text()}")
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"the app did not become healthy in 30 s:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    browser = playwright_instance.chromium.launch(
        executable_path=executable,
        args=[
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(app_url: str, browser: Browser) -> Iterator[Page]:
    """A fresh browser profile per test: no token, no theme, nothing carried over.

    `app_url` comes first on purpose: Playwright's sync API keeps an event loop running once it has
    started, and the app's set-up (migrations) must run before that.
    """
    context = browser.new_context(base_url=app_url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
