import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conftest import USER_PASSWORD, make_user

ME = "/api/v1/users/me"
PASSWORD = "/api/v1/users/me/password"


async def test_read_me_returns_the_public_profile(
    client: AsyncClient, user: User, user_headers: dict[str, str]
) -> None:
    response = await client.get(ME, headers=user_headers)

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(user.id)
    assert body["email"] == user.email
    assert set(body) == {
        "id",
        "email",
        "full_name",
        "is_active",
        "is_superuser",
        "settings",
        "created_at",
    }


async def test_update_me_changes_name_and_email(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.patch(
        ME, headers=user_headers, json={"full_name": "Renamed", "email": "Renamed@Example.com"}
    )

    assert response.status_code == 200
    assert response.json()["full_name"] == "Renamed"
    assert response.json()["email"] == "renamed@example.com"
    assert (await client.get(ME, headers=user_headers)).json()["email"] == "renamed@example.com"


async def test_update_me_with_null_name_clears_it_and_leaves_the_rest(
    client: AsyncClient, user: User, user_headers: dict[str, str]
) -> None:
    response = await client.patch(ME, headers=user_headers, json={"full_name": None})

    assert response.status_code == 200
    assert response.json()["full_name"] is None
    assert response.json()["email"] == user.email


async def test_update_me_merges_settings(client: AsyncClient, user_headers: dict[str, str]) -> None:
    await client.patch(ME, headers=user_headers, json={"settings": {"auto_run": False}})

    response = await client.patch(
        ME,
        headers=user_headers,
        json={"settings": {"default_provider": "openai", "default_model": "gpt-x"}},
    )

    assert response.status_code == 200
    assert response.json()["settings"] == {
        "auto_run": False,
        "default_provider": "openai",
        "default_model": "gpt-x",
    }


async def test_update_me_to_a_taken_email_is_409(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    other = await make_user(db)

    response = await client.patch(ME, headers=user_headers, json={"email": other.email.upper()})

    assert response.status_code == 409
    assert response.json()["error"] == "EmailAlreadyRegistered"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "nope"}, "email"),
        ({"full_name": "x" * 256}, "full_name"),
        ({"settings": {"auto_run": "sometimes"}}, "settings.auto_run"),
        ({"settings": {"unknown": 1}}, "settings.unknown"),
        ({"is_superuser": True}, "is_superuser"),
    ],
)
async def test_update_me_with_bad_input_is_a_validation_error(
    client: AsyncClient, user_headers: dict[str, str], payload: dict[str, object], field: str
) -> None:
    response = await client.patch(ME, headers=user_headers, json=payload)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}: ")


async def test_change_password_returns_a_new_token_and_revokes_the_old_ones(
    client: AsyncClient, user: User, user_headers: dict[str, str]
) -> None:
    response = await client.patch(
        PASSWORD,
        headers=user_headers,
        json={"current_password": USER_PASSWORD, "new_password": "next-password-2"},
    )

    assert response.status_code == 200
    fresh = {"Authorization": f"Bearer {response.json()['access_token']}"}
    assert (await client.get(ME, headers=fresh)).status_code == 200
    assert (await client.get(ME, headers=user_headers)).status_code == 401
    login = await client.post(
        "/api/v1/login/access-token",
        data={"username": user.email, "password": "next-password-2"},
    )
    assert login.status_code == 200


async def test_change_password_with_a_wrong_current_password_is_400(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.patch(
        PASSWORD,
        headers=user_headers,
        json={"current_password": "wrong-password-1", "new_password": "next-password-2"},
    )

    assert response.status_code == 400
    assert response.json() == {
        "error": "IncorrectCredentials",
        "detail": "Your current password is incorrect.",
    }
    assert (await client.get(ME, headers=user_headers)).status_code == 200


async def test_change_to_a_weak_password_is_a_validation_error(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.patch(
        PASSWORD,
        headers=user_headers,
        json={"current_password": USER_PASSWORD, "new_password": "weak"},
    )

    assert response.status_code == 422
    assert response.json()["detail"].startswith("new_password: ")


async def test_delete_me_removes_the_account(
    client: AsyncClient, user: User, user_headers: dict[str, str]
) -> None:
    response = await client.delete(ME, headers=user_headers)

    assert response.status_code == 204
    assert response.content == b""
    assert (await client.get(ME, headers=user_headers)).status_code == 401
    login = await client.post(
        "/api/v1/login/access-token", data={"username": user.email, "password": USER_PASSWORD}
    )
    assert login.status_code == 400


async def test_the_last_active_admin_cannot_delete_themself(
    client: AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await client.delete(ME, headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"] == "LastAdmin"
    assert (await client.get(ME, headers=admin_headers)).status_code == 200


async def test_an_admin_can_delete_themself_when_another_active_admin_exists(
    client: AsyncClient, db: AsyncSession, admin_headers: dict[str, str]
) -> None:
    await make_user(db, is_superuser=True)

    response = await client.delete(ME, headers=admin_headers)

    assert response.status_code == 204


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", ME), ("PATCH", ME), ("DELETE", ME), ("PATCH", PASSWORD)],
)
async def test_own_account_routes_need_a_login(client: AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, path, json={})

    assert response.status_code == 401
    assert response.json()["error"] == "NotAuthenticated"
