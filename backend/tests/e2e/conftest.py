"""Browser tests: the real app (built SPA + API in one uvicorn process) on its own fresh database, a real
SMTP server catching its e-mails, and Debian's Chromium driven by Playwright.

These tests commit real rows, so they get a database of their own rather than the rolled-back transaction
the API tests use.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.database import create_test_database, drop_test_database, server_url
from tests.live_server import LiveServer
from tests.smtp import SmtpServer

FRONTEND_DIST = Path(__file__).resolve().parents[3] / "frontend" / "dist"
ADMIN_EMAIL = "admin@e2e.example.com"
ADMIN_PASSWORD = "e2e-admin-pass1"


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
    env = {
        "FRONTEND_DIST_DIR": str(FRONTEND_DIST),
        "FIRST_SUPERUSER": ADMIN_EMAIL,
        "FIRST_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(mailbox.port),
        "SMTP_TLS": "false",
        "SMTP_SSL": "false",
        "SMTP_USER": "",
        "SMTP_PASSWORD": "",
        # Every browser test signs up and logs in from one address; the limits themselves are API-tested.
        "RATE_LIMIT_SIGNUP": "1000/hour",
        "RATE_LIMIT_LOGIN": "1000/minute",
    }
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    try:
        with LiveServer(database_url=database_url, log_path=log_path, env=env) as server:
            yield server.url
    finally:
        drop_test_database(database_url)


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
    # Assertions wait as long as actions: on a busy two-core machine a first page load (its
    # JavaScript chunk, its data) can take more than Playwright's default 5 seconds.
    expect.set_options(timeout=10_000)
    page = context.new_page()
    yield page
    context.close()
