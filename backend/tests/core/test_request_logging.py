import re

import pytest
from httpx import AsyncClient

from app.models import User
from tests.conftest import USER_PASSWORD
from tests.smtp import SmtpServer, plain_text

# Loggers of the test's own tools (its HTTP client, the fake mail server), not of the app.
TEST_SIDE_LOGGERS = ("httpx", "httpcore", "mail.log")


async def test_each_request_is_logged_with_method_path_status_and_duration(
    client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="app.requests")

    await client.get("/api/v1/health")

    assert re.search(r"GET /api/v1/health 200 \d+\.\dms", caplog.text)


async def test_logs_never_contain_passwords_tokens_or_query_strings(
    client: AsyncClient,
    user: User,
    smtp_server: SmtpServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG")

    login = await client.post(
        "/api/v1/login/access-token", data={"username": user.email, "password": USER_PASSWORD}
    )
    access_token = login.json()["access_token"]
    await client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {access_token}"})
    await client.post(f"/api/v1/password-recovery/{user.email}")
    reset_token = plain_text(smtp_server.messages[0]).split("token=")[1].split()[0]
    await client.get(f"/reset-password?token={reset_token}")
    await client.post(
        "/api/v1/reset-password/", json={"token": reset_token, "new_password": "after-reset-12"}
    )

    logged = "\n".join(
        record.getMessage()
        for record in caplog.records
        if not record.name.startswith(TEST_SIDE_LOGGERS)
    )
    assert "POST /api/v1/reset-password/ 200" in logged
    assert "/reset-password " in logged  # the SPA page, without its query string
    for secret in (USER_PASSWORD, "after-reset-12", access_token, reset_token, "token="):
        assert secret not in logged
    assert "POST /api/v1/password-recovery/{email} 200" in logged
    assert user.email not in logged
