import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import User
from tests.conftest import USER_PASSWORD, make_user

LOGIN = "/api/v1/login/access-token"


async def log_in(client: AsyncClient, email: str, password: str) -> tuple[int, dict[str, str]]:
    response = await client.post(LOGIN, data={"username": email, "password": password})
    return response.status_code, response.json()


async def test_login_returns_a_bearer_token_that_opens_the_api(
    client: AsyncClient, user: User
) -> None:
    status, body = await log_in(client, user.email, USER_PASSWORD)

    assert status == 200
    assert body["token_type"] == "bearer"
    me = await client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.json()["email"] == user.email


async def test_login_ignores_the_case_of_the_email_address(client: AsyncClient, user: User) -> None:
    status, _ = await log_in(client, f"  {user.email.upper()} ", USER_PASSWORD)

    assert status == 200


async def test_wrong_password_is_400_incorrect_credentials(client: AsyncClient, user: User) -> None:
    status, body = await log_in(client, user.email, "not-the-password-1")

    assert status == 400
    assert body == {"error": "IncorrectCredentials", "detail": "Incorrect email or password."}


async def test_unknown_email_gets_exactly_the_wrong_password_answer(
    client: AsyncClient, user: User
) -> None:
    wrong_password = await log_in(client, user.email, "not-the-password-1")
    unknown_email = await log_in(client, "nobody@example.com", "not-the-password-1")

    assert unknown_email == wrong_password


async def test_over_long_password_is_refused_like_a_wrong_one(
    client: AsyncClient, user: User
) -> None:
    status, body = await log_in(client, user.email, "a1" * 5000)

    assert status == 400
    assert body["error"] == "IncorrectCredentials"


async def test_inactive_user_cannot_log_in(client: AsyncClient, db: AsyncSession) -> None:
    inactive = await make_user(db, is_active=False)

    status, body = await log_in(client, inactive.email, USER_PASSWORD)

    assert status == 403
    assert body["error"] == "InactiveUser"


async def test_login_without_password_is_a_validation_error_naming_the_field(
    client: AsyncClient,
) -> None:
    response = await client.post(LOGIN, data={"username": "someone@example.com"})

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"
    assert "password" in response.json()["detail"]


async def test_login_with_a_json_body_is_a_validation_error(client: AsyncClient) -> None:
    response = await client.post(LOGIN, json={"username": "a@example.com", "password": "x"})

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"


async def test_repeated_login_attempts_are_rate_limited_with_retry_after(
    client: AsyncClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_LOGIN", "3/minute")
    for _ in range(3):
        status, _ = await log_in(client, user.email, "not-the-password-1")
        assert status == 400

    response = await client.post(LOGIN, data={"username": user.email, "password": USER_PASSWORD})

    assert response.status_code == 429
    assert response.json()["error"] == "RateLimited"
    assert 0 < int(response.headers["Retry-After"]) <= 60


async def test_login_rate_limit_is_per_email_address(
    client: AsyncClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_LOGIN", "2/minute")
    for _ in range(2):
        await log_in(client, "victim@example.com", "guess-1234")

    status, _ = await log_in(client, user.email, USER_PASSWORD)

    assert status == 200
