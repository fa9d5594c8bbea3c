import uuid

import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conftest import USER_PASSWORD, auth_headers, make_user

USERS = "/api/v1/users/"


def one(user_id: uuid.UUID | str) -> str:
    return f"/api/v1/users/{user_id}"


async def log_in(client: AsyncClient, email: str, password: str) -> int:
    response = await client.post(
        "/api/v1/login/access-token", data={"username": email, "password": password}
    )
    return response.status_code


async def test_admin_creates_an_inactive_administrator(
    client: AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await client.post(
        USERS,
        headers=admin_headers,
        json={
            "email": "Helper@Example.com",
            "password": "helper-pass-1",
            "full_name": "Helper",
            "is_active": False,
            "is_superuser": True,
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "helper@example.com"
    assert (body["is_active"], body["is_superuser"]) == (False, True)


async def test_user_created_by_an_admin_can_log_in(
    client: AsyncClient, admin_headers: dict[str, str]
) -> None:
    await client.post(
        USERS, headers=admin_headers, json={"email": "made@example.com", "password": "made-pass-1"}
    )

    assert await log_in(client, "made@example.com", "made-pass-1") == 200


async def test_admin_create_with_a_registered_email_is_409(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    response = await client.post(
        USERS, headers=admin_headers, json={"email": user.email, "password": "other-pass-1"}
    )

    assert response.status_code == 409
    assert response.json()["error"] == "EmailAlreadyRegistered"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "bad", "password": "good-pass-1"}, "email"),
        ({"email": "ok@example.com", "password": "weak"}, "password"),
        (
            {"email": "ok@example.com", "password": "good-pass-1", "is_active": "perhaps"},
            "is_active",
        ),
    ],
)
async def test_admin_create_with_bad_input_is_a_validation_error(
    client: AsyncClient, admin_headers: dict[str, str], payload: dict[str, object], field: str
) -> None:
    response = await client.post(USERS, headers=admin_headers, json=payload)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}: ")


async def test_admin_reads_a_user_by_id(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    response = await client.get(one(user.id), headers=admin_headers)

    assert response.status_code == 200
    assert response.json()["email"] == user.email


async def test_unknown_user_id_is_404(client: AsyncClient, admin_headers: dict[str, str]) -> None:
    for method in ("GET", "PATCH", "DELETE"):
        response = await client.request(method, one(uuid.uuid4()), headers=admin_headers, json={})

        assert response.status_code == 404
        assert response.json() == {"error": "UserNotFound", "detail": "User not found."}


async def test_malformed_user_id_is_a_validation_error(
    client: AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await client.get(one("not-a-uuid"), headers=admin_headers)

    assert response.status_code == 422
    assert response.json()["detail"].startswith("user_id: ")


async def test_admin_changes_a_users_password_and_their_sessions_end(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    old_headers = auth_headers(user)

    response = await client.patch(
        one(user.id), headers=admin_headers, json={"password": "set-by-admin-3"}
    )

    assert response.status_code == 200
    assert (await client.get("/api/v1/users/me", headers=old_headers)).status_code == 401
    assert await log_in(client, user.email, "set-by-admin-3") == 200
    assert await log_in(client, user.email, USER_PASSWORD) == 400


async def test_admin_deactivates_a_user_who_then_cannot_log_in_or_use_a_token(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    headers = auth_headers(user)

    response = await client.patch(one(user.id), headers=admin_headers, json={"is_active": False})

    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert await log_in(client, user.email, USER_PASSWORD) == 403
    assert (await client.get("/api/v1/users/me", headers=headers)).status_code == 403


async def test_admin_makes_a_user_an_administrator(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    response = await client.patch(one(user.id), headers=admin_headers, json={"is_superuser": True})

    assert response.json()["is_superuser"] is True
    assert (await client.get(USERS, headers=auth_headers(user))).status_code == 200


async def test_admin_update_to_a_taken_email_is_409(
    client: AsyncClient, db: AsyncSession, user: User, admin_headers: dict[str, str]
) -> None:
    other = await make_user(db)

    response = await client.patch(one(user.id), headers=admin_headers, json={"email": other.email})

    assert response.status_code == 409
    assert response.json()["error"] == "EmailAlreadyRegistered"


async def test_admin_update_keeps_fields_that_were_left_out(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    response = await client.patch(
        one(user.id), headers=admin_headers, json={"full_name": "Only Name", "email": None}
    )

    assert response.json()["full_name"] == "Only Name"
    assert response.json()["email"] == user.email
    assert response.json()["is_active"] is True


@pytest.mark.parametrize("change", [{"is_active": False}, {"is_superuser": False}])
async def test_the_last_active_admin_cannot_deactivate_or_demote_themself(
    client: AsyncClient, admin: User, admin_headers: dict[str, str], change: dict[str, bool]
) -> None:
    response = await client.patch(one(admin.id), headers=admin_headers, json=change)

    assert response.status_code == 409
    assert response.json()["error"] == "LastAdmin"
    assert (await client.get(one(admin.id), headers=admin_headers)).json()["is_superuser"] is True


async def test_the_last_active_admin_cannot_delete_themself_through_the_admin_route(
    client: AsyncClient, admin: User, admin_headers: dict[str, str]
) -> None:
    response = await client.delete(one(admin.id), headers=admin_headers)

    assert response.status_code == 409
    assert response.json()["error"] == "LastAdmin"


async def test_an_inactive_admin_does_not_count_as_another_admin(
    client: AsyncClient, db: AsyncSession, admin: User, admin_headers: dict[str, str]
) -> None:
    await make_user(db, is_superuser=True, is_active=False)

    response = await client.patch(
        one(admin.id), headers=admin_headers, json={"is_superuser": False}
    )

    assert response.status_code == 409


async def test_an_admin_may_demote_themself_when_another_active_admin_exists(
    client: AsyncClient, db: AsyncSession, admin: User, admin_headers: dict[str, str]
) -> None:
    await make_user(db, is_superuser=True)

    response = await client.patch(
        one(admin.id), headers=admin_headers, json={"is_superuser": False}
    )

    assert response.status_code == 200
    assert response.json()["is_superuser"] is False


async def test_admin_deletes_another_user(
    client: AsyncClient, user: User, admin_headers: dict[str, str]
) -> None:
    response = await client.delete(one(user.id), headers=admin_headers)

    assert response.status_code == 204
    assert (await client.get(one(user.id), headers=admin_headers)).status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", USERS),
        ("POST", USERS),
        ("GET", "/api/v1/users/00000000-0000-0000-0000-000000000000"),
        ("PATCH", "/api/v1/users/00000000-0000-0000-0000-000000000000"),
        ("DELETE", "/api/v1/users/00000000-0000-0000-0000-000000000000"),
        ("GET", "/api/v1/users/not-a-uuid"),
    ],
)
async def test_admin_routes_refuse_non_admins_before_anything_else(
    client: AsyncClient, user_headers: dict[str, str], method: str, path: str
) -> None:
    response = await client.request(method, path, headers=user_headers, json={"email": "x"})

    assert response.status_code == 403
    assert response.json()["error"] == "NotAdmin"


async def test_admin_routes_need_a_login(client: AsyncClient, user: User) -> None:
    response = await client.get(one(user.id))

    assert response.status_code == 401
    assert response.json()["error"] == "NotAuthenticated"
