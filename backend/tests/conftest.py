"""Shared fixtures: one fresh database per run, one rolled-back transaction per test.

The settings are fixed here, before the app is imported (its settings object reads the environment
once): cheap password hashing, no SMTP, no Sentry, known secrets, so no developer's .env changes a result.
"""

import os
import tempfile

from cryptography.fernet import Fernet

os.environ.update(
    {
        # Stored files of this run go to a throwaway folder (each test app gets its own below).
        "DATA_DIR": tempfile.mkdtemp(prefix="redpanda-test-data-"),
        "ENVIRONMENT": "local",
        "SECRET_KEY": "test-signing-key-" + "k" * 48,
        "ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "PASSWORD_HASH_TIME_COST": "1",
        "PASSWORD_HASH_MEMORY_COST_KIB": "64",
        "FIRST_SUPERUSER": "admin@example.com",
        "FIRST_SUPERUSER_PASSWORD": "first-admin-password-1",
        "FRONTEND_HOST": "http://app.test",
        "SMTP_HOST": "",
        "SENTRY_DSN": "",
        "RATE_LIMIT_ENABLED": "true",
        "RATE_LIMIT_STORAGE_URI": "memory://",
        "LOG_LEVEL": "INFO",
    }
)

import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from functools import partial
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import Settings, settings
from app.core.db import SessionFactory, committing, create_engine, get_session, get_session_factory
from app.core.security import create_access_token
from app.execution.client import Sandbox, SandboxConfig
from app.main import create_app
from app.models import User
from app.users import service as users_service
from app.users.schemas import UserCreate
from tests.database import create_test_database, drop_test_database, server_url
from tests.smtp import SmtpServer

# The fake LLM providers (fake_openai, fake_anthropic): see tests/fakes.
pytest_plugins = ["tests.fakes.fixtures"]

USER_PASSWORD = "correct-horse-battery-9"
TEST_SERVER_URL = server_url()  # fails the run at once, with a clear message, when no server is set


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last: Playwright's sync API keeps an event loop running until the session ends,
    and the async API tests need theirs."""
    items.sort(key=lambda item: "e2e" in item.path.parts)


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    url = create_test_database(TEST_SERVER_URL)
    yield url
    drop_test_database(url)


@pytest.fixture(scope="session")
def test_settings(database_url: str) -> Settings:
    return settings.model_copy(update={"DATABASE_URL": database_url})


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    test_engine = create_engine(database_url)
    yield test_engine
    await test_engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside a transaction that is rolled back after the test: nothing leaks out."""
    async with engine.connect() as test_connection:
        transaction = await test_connection.begin()
        yield test_connection
        await transaction.rollback()


def session_on(connection: AsyncConnection) -> AsyncSession:
    # Commits inside the code under test become savepoint releases within the test's transaction.
    return AsyncSession(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
async def db(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session for arranging and checking data directly, in the test's transaction."""
    async with session_on(connection) as session:
        yield session


def use_test_transaction(app: FastAPI, connection: AsyncConnection) -> None:
    async def session_in_test_transaction() -> AsyncIterator[AsyncSession]:
        # Same commit-or-rollback behaviour as app.core.db.get_session, on the test's connection.
        async with session_on(connection) as session, committing(session):
            yield session

    def sessions_in_test_transaction() -> SessionFactory:
        # Sessions opened by long-lived work (a streamed reply) join the test's transaction too.
        return partial(session_on, connection)

    app.dependency_overrides[get_session] = session_in_test_transaction
    app.dependency_overrides[get_session_factory] = sessions_in_test_transaction


@pytest.fixture(scope="session", autouse=True)
def remove_data_dir() -> Iterator[None]:
    yield
    shutil.rmtree(settings.DATA_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
async def sandbox(test_settings: Settings) -> AsyncIterator[Sandbox]:
    """One sandbox worker for the whole run: starting one per test would cost seconds each."""
    shared = Sandbox(SandboxConfig.from_settings(test_settings))
    await shared.start()
    yield shared
    await shared.stop()


@pytest.fixture
def app(
    test_settings: Settings, connection: AsyncConnection, tmp_path: Path, sandbox: Sandbox
) -> FastAPI:
    # Each test stores files in a folder of its own, so it can check exactly what is left behind.
    application = create_app(
        test_settings.model_copy(update={"DATA_DIR": tmp_path / "data"}), sandbox=sandbox
    )
    use_test_transaction(application, connection)
    return application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async with (
        LifespanManager(app) as manager,
        AsyncClient(transport=ASGITransport(app=manager.app), base_url="http://app.test") as http,
    ):
        yield http


def auth_headers(user: User) -> dict[str, str]:
    token = create_access_token(user_id=user.id, token_version=user.token_version)
    return {"Authorization": f"Bearer {token}"}


async def make_user(
    db: AsyncSession,
    *,
    email: str | None = None,
    password: str = USER_PASSWORD,
    full_name: str | None = "Test User",
    is_active: bool = True,
    is_superuser: bool = False,
) -> User:
    data = UserCreate(
        email=email or f"user-{uuid.uuid4().hex[:10]}@example.com",
        password=password,
        full_name=full_name,
        is_active=is_active,
        is_superuser=is_superuser,
    )
    user = await users_service.create_user(db, data=data)
    await db.commit()
    return user


@pytest.fixture
async def user(db: AsyncSession) -> User:
    return await make_user(db)


@pytest.fixture
def user_headers(user: User) -> dict[str, str]:
    return auth_headers(user)


@pytest.fixture
async def admin(client: AsyncClient, db: AsyncSession) -> User:
    """The first administrator, created by the app's start-up (the client fixture runs it)."""
    found = await users_service.get_user_by_email(db, email=settings.FIRST_SUPERUSER)
    assert found is not None
    return found


@pytest.fixture
def admin_headers(admin: User) -> dict[str, str]:
    return auth_headers(admin)


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    """A local SMTP server the app is configured to send through."""
    server = SmtpServer()
    server.start()
    monkeypatch.setattr(settings, "SMTP_HOST", server.host)
    monkeypatch.setattr(settings, "SMTP_PORT", server.port)
    monkeypatch.setattr(settings, "SMTP_TLS", False)
    monkeypatch.setattr(settings, "SMTP_SSL", False)
    yield server
    server.stop()
