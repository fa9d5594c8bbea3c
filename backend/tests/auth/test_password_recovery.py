import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.core.security import create_token
from app.models import User
from tests.conftest import USER_PASSWORD, make_user
from tests.smtp import SmtpServer, plain_text

RESET = "/api/v1/reset-password/"
NEW_PASSWORD = "brand-new-secret-42"


def recover(email: str) -> str:
    return f"/api/v1/password-recovery/{email}"


def reset_token_from(smtp_server: SmtpServer) -> str:
    assert len(smtp_server.messages) == 1
    text = plain_text(smtp_server.messages[0])
    match = re.search(r"http://app\.test/reset-password\?token=\S+", text)
    assert match is not None, text
    return parse_qs(urlparse(match.group(0)).query)["token"][0]


async def log_in(client: AsyncClient, email: str, password: str) -> int:
    response = await client.post(
        "/api/v1/login/access-token", data={"username": email, "password": password}
    )
    return response.status_code


async def test_recovery_emails_a_link_that_resets_the_password(
    client: AsyncClient, user: User, smtp_server: SmtpServer
) -> None:
    response = await client.post(recover(user.email))

    assert response.status_code == 200
    message = smtp_server.messages[0]
    assert message["To"] == user.email
    assert "reset your password" in message["Subject"]
    token = reset_token_from(smtp_server)

    reset = await client.post(RESET, json={"token": token, "new_password": NEW_PASSWORD})

    assert reset.status_code == 200
    assert await log_in(client, user.email, NEW_PASSWORD) == 200
    assert await log_in(client, user.email, USER_PASSWORD) == 400


async def test_recovery_for_an_unknown_email_answers_identically_and_sends_nothing(
    client: AsyncClient, user: User, smtp_server: SmtpServer
) -> None:
    known = await client.post(recover(user.email))
    unknown = await client.post(recover("nobody-here@example.com"))

    assert unknown.status_code == known.status_code == 200
    assert unknown.json() == known.json()
    assert [message["To"] for message in smtp_server.messages] == [user.email]


async def test_recovery_sends_nothing_to_a_deactivated_account(
    client: AsyncClient, db: AsyncSession, smtp_server: SmtpServer
) -> None:
    inactive = await make_user(db, is_active=False)

    response = await client.post(recover(inactive.email))

    assert response.status_code == 200
    assert smtp_server.messages == []


async def test_recovery_with_a_malformed_email_is_a_validation_error(client: AsyncClient) -> None:
    response = await client.post(recover("not-an-email"))

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"
    assert "email" in response.json()["detail"]


async def test_recovery_requests_are_rate_limited(
    client: AsyncClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_PASSWORD_RECOVERY", "2/hour")
    for _ in range(2):
        assert (await client.post(recover(user.email))).status_code == 200

    response = await client.post(recover(user.email))

    assert response.status_code == 429
    assert response.json()["error"] == "RateLimited"
    assert int(response.headers["Retry-After"]) > 0


async def test_reset_link_works_only_once(
    client: AsyncClient, user: User, smtp_server: SmtpServer
) -> None:
    await client.post(recover(user.email))
    token = reset_token_from(smtp_server)
    first = await client.post(RESET, json={"token": token, "new_password": NEW_PASSWORD})

    again = await client.post(RESET, json={"token": token, "new_password": "another-pass-77"})

    assert first.status_code == 200
    assert again.status_code == 400
    assert again.json()["error"] == "InvalidResetToken"
    assert await log_in(client, user.email, NEW_PASSWORD) == 200


async def test_reset_logs_out_every_existing_session(
    client: AsyncClient, user: User, user_headers: dict[str, str], smtp_server: SmtpServer
) -> None:
    await client.post(recover(user.email))
    token = reset_token_from(smtp_server)
    await client.post(RESET, json={"token": token, "new_password": NEW_PASSWORD})

    response = await client.get("/api/v1/users/me", headers=user_headers)

    assert response.status_code == 401


async def test_expired_reset_token_is_refused(client: AsyncClient, user: User) -> None:
    expired = create_token(
        user_id=user.id,
        token_version=user.token_version,
        purpose="password-reset",
        expires_in=timedelta(seconds=-1),
    )

    response = await client.post(RESET, json={"token": expired, "new_password": NEW_PASSWORD})

    assert response.status_code == 400
    assert response.json()["error"] == "InvalidResetToken"


async def test_access_token_cannot_reset_a_password(client: AsyncClient, user: User) -> None:
    access = create_token(
        user_id=user.id,
        token_version=user.token_version,
        purpose="access",
        expires_in=timedelta(minutes=5),
    )

    response = await client.post(RESET, json={"token": access, "new_password": NEW_PASSWORD})

    assert response.status_code == 400
    assert response.json()["error"] == "InvalidResetToken"


@pytest.mark.parametrize("token", ["garbage", "a.b.c"])
async def test_malformed_reset_token_is_refused(client: AsyncClient, token: str) -> None:
    response = await client.post(RESET, json={"token": token, "new_password": NEW_PASSWORD})

    assert response.status_code == 400
    assert response.json()["error"] == "InvalidResetToken"


async def test_reset_for_a_deactivated_account_is_refused(
    client: AsyncClient, db: AsyncSession
) -> None:
    inactive = await make_user(db, is_active=False)
    token = create_token(
        user_id=inactive.id,
        token_version=inactive.token_version,
        purpose="password-reset",
        expires_in=timedelta(minutes=5),
    )

    response = await client.post(RESET, json={"token": token, "new_password": NEW_PASSWORD})

    assert response.status_code == 403
    assert response.json()["error"] == "InactiveUser"


@pytest.mark.parametrize(
    ("new_password", "complaint"),
    [
        ("short1", "at least 8 characters"),
        ("onlyletters", "at least one letter and at least one digit or symbol"),
        ("12345678", "at least one letter and at least one digit or symbol"),
        ("a1" * 65, "at most 128 characters"),
    ],
)
async def test_reset_to_a_weak_or_over_long_password_is_a_validation_error(
    client: AsyncClient, user: User, new_password: str, complaint: str
) -> None:
    token = create_token(
        user_id=user.id,
        token_version=user.token_version,
        purpose="password-reset",
        expires_in=timedelta(minutes=5),
    )

    response = await client.post(RESET, json={"token": token, "new_password": new_password})

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"
    assert "new_password" in response.json()["detail"]
    assert complaint in response.json()["detail"]


async def test_recovery_without_smtp_in_local_development_logs_the_link(
    client: AsyncClient, user: User, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("WARNING", logger="app.core.email")

    response = await client.post(recover(user.email))

    assert response.status_code == 200
    assert "http://app.test/reset-password?token=" in caplog.text
    assert user.email in caplog.text
