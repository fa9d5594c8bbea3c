import pytest
from httpx import AsyncClient

from app.core.config import settings
from app.models import User

SIGNUP = "/api/v1/users/signup"


async def test_signup_creates_an_account_that_can_log_in(client: AsyncClient) -> None:
    response = await client.post(
        SIGNUP,
        json={"email": "New.Person@Example.COM", "password": "a-good-pass-1", "full_name": "Ann"},
    )

    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "new.person@example.com"
    assert body["full_name"] == "Ann"
    assert body["is_active"] is True
    assert body["is_superuser"] is False
    assert body["settings"] == {"auto_run": True, "default_provider": None, "default_model": None}
    assert "password" not in str(body)
    assert "hashed" not in str(body)
    login = await client.post(
        "/api/v1/login/access-token",
        data={"username": "new.person@example.com", "password": "a-good-pass-1"},
    )
    assert login.status_code == 200


async def test_signup_with_a_registered_email_in_any_case_is_409(
    client: AsyncClient, user: User
) -> None:
    response = await client.post(
        SIGNUP, json={"email": user.email.upper(), "password": "a-good-pass-1"}
    )

    assert response.status_code == 409
    assert response.json() == {
        "error": "EmailAlreadyRegistered",
        "detail": "A user with this email address already exists.",
    }


async def test_signup_cannot_make_itself_an_administrator(client: AsyncClient) -> None:
    response = await client.post(
        SIGNUP,
        json={"email": "sneaky@example.com", "password": "a-good-pass-1", "is_superuser": True},
    )

    assert response.status_code == 422
    assert "is_superuser" in response.json()["detail"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": "a-good-pass-1"}, "email"),
        ({"email": "a@b", "password": "a-good-pass-1"}, "email"),
        ({"email": f"{'a' * 250}@example.com", "password": "a-good-pass-1"}, "email"),
        ({"email": "ok@example.com", "password": "short1"}, "password"),
        ({"email": "ok@example.com", "password": "onlyletters"}, "password"),
        ({"email": "ok@example.com", "password": "1234567890"}, "password"),
        ({"email": "ok@example.com", "password": "a1" * 65}, "password"),
        (
            {"email": "ok@example.com", "password": "a-good-pass-1", "full_name": "x" * 256},
            "full_name",
        ),
        ({"email": 42, "password": "a-good-pass-1"}, "email"),
        ({"email": "ok@example.com", "password": ["a-good-pass-1"]}, "password"),
        ({"password": "a-good-pass-1"}, "email"),
    ],
)
async def test_signup_with_bad_input_is_a_validation_error_naming_the_field(
    client: AsyncClient, payload: dict[str, object], field: str
) -> None:
    response = await client.post(SIGNUP, json=payload)

    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "ValidationError"
    assert body["detail"].startswith(f"{field}: ")


async def test_signup_with_a_blank_name_stores_no_name(client: AsyncClient) -> None:
    response = await client.post(
        SIGNUP, json={"email": "blank@example.com", "password": "a-good-pass-1", "full_name": "  "}
    )

    assert response.status_code == 201
    assert response.json()["full_name"] is None


async def test_signups_from_one_address_are_rate_limited(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "RATE_LIMIT_SIGNUP", "2/hour")
    for number in range(2):
        response = await client.post(
            SIGNUP, json={"email": f"person{number}@example.com", "password": "a-good-pass-1"}
        )
        assert response.status_code == 201

    response = await client.post(
        SIGNUP, json={"email": "person9@example.com", "password": "a-good-pass-1"}
    )

    assert response.status_code == 429
    assert response.json()["error"] == "RateLimited"
    assert int(response.headers["Retry-After"]) > 0
