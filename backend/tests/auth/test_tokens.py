"""Every way a bearer token can be wrong is a 401 InvalidToken (or 403 for a deactivated account)."""

import uuid
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.core.security import create_token
from app.models import User
from tests.conftest import auth_headers

ME = "/api/v1/users/me"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def claims_for(user: User, **overrides: object) -> dict[str, object]:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "sub": str(user.id),
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "purpose": "access",
        "ver": user.token_version,
    }
    claims.update(overrides)
    return claims


async def assert_invalid_token(client: AsyncClient, token: str) -> None:
    response = await client.get(ME, headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error"] == "InvalidToken"
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_request_without_token_is_401_not_authenticated(client: AsyncClient) -> None:
    response = await client.get(ME)

    assert response.status_code == 401
    assert response.json() == {
        "error": "NotAuthenticated",
        "detail": "Not authenticated. Please log in.",
    }


async def test_expired_token_is_rejected(client: AsyncClient, user: User) -> None:
    token = create_token(
        user_id=user.id,
        token_version=user.token_version,
        purpose="access",
        expires_in=timedelta(seconds=-1),
    )
    response = await client.get(ME, headers=bearer(token))

    assert response.status_code == 401
    assert response.json()["detail"] == "Your session has expired. Please log in again."


@pytest.mark.parametrize("token", ["abc", "a.b.c", "eyJhbGciOiJIUzI1NiJ9..", "Bearer x" * 3])
async def test_malformed_token_is_rejected(client: AsyncClient, token: str) -> None:
    await assert_invalid_token(client, token)


async def test_token_signed_with_another_key_is_rejected(client: AsyncClient, user: User) -> None:
    forged = jwt.encode(claims_for(user), "some-other-secret-key-" * 3, algorithm="HS256")

    await assert_invalid_token(client, forged)


async def test_unsigned_alg_none_token_is_rejected(client: AsyncClient, user: User) -> None:
    unsigned = jwt.encode(claims_for(user), "", algorithm="none")

    await assert_invalid_token(client, unsigned)


async def test_token_with_another_algorithm_is_rejected_even_with_the_right_key(
    client: AsyncClient, user: User
) -> None:
    hs512 = jwt.encode(claims_for(user), settings.SECRET_KEY.get_secret_value(), algorithm="HS512")

    await assert_invalid_token(client, hs512)


@pytest.mark.parametrize("missing", ["sub", "exp", "iat", "purpose", "ver"])
async def test_token_missing_a_required_claim_is_rejected(
    client: AsyncClient, user: User, missing: str
) -> None:
    claims = claims_for(user)
    del claims[missing]
    token = jwt.encode(claims, settings.SECRET_KEY.get_secret_value(), algorithm="HS256")

    await assert_invalid_token(client, token)


@pytest.mark.parametrize(
    "overrides", [{"sub": "not-a-uuid"}, {"ver": "0"}, {"ver": True}, {"sub": 12}]
)
async def test_token_with_claims_of_the_wrong_type_is_rejected(
    client: AsyncClient, user: User, overrides: dict[str, object]
) -> None:
    token = jwt.encode(
        claims_for(user, **overrides), settings.SECRET_KEY.get_secret_value(), algorithm="HS256"
    )

    await assert_invalid_token(client, token)


async def test_password_reset_token_cannot_be_used_as_an_access_token(
    client: AsyncClient, user: User
) -> None:
    reset_token = create_token(
        user_id=user.id,
        token_version=user.token_version,
        purpose="password-reset",
        expires_in=timedelta(minutes=5),
    )

    await assert_invalid_token(client, reset_token)


async def test_token_issued_before_a_password_change_is_rejected(
    client: AsyncClient, db: AsyncSession, user: User
) -> None:
    old_headers = auth_headers(user)
    user.token_version += 1  # what every password change does
    await db.commit()

    response = await client.get(ME, headers=old_headers)

    assert response.status_code == 401
    assert response.json()["error"] == "InvalidToken"


async def test_token_of_a_deleted_user_is_rejected(
    client: AsyncClient, db: AsyncSession, user: User
) -> None:
    headers = auth_headers(user)
    await db.delete(user)
    await db.commit()

    response = await client.get(ME, headers=headers)

    assert response.status_code == 401
    assert response.json()["error"] == "InvalidToken"


async def test_token_of_an_unknown_user_id_is_rejected(client: AsyncClient, user: User) -> None:
    token = jwt.encode(
        claims_for(user, sub=str(uuid.uuid4())),
        settings.SECRET_KEY.get_secret_value(),
        algorithm="HS256",
    )

    await assert_invalid_token(client, token)


async def test_token_of_a_deactivated_user_is_403_inactive(
    client: AsyncClient, db: AsyncSession, user: User
) -> None:
    headers = auth_headers(user)
    user.is_active = False
    await db.commit()

    response = await client.get(ME, headers=headers)

    assert response.status_code == 403
    assert response.json()["error"] == "InactiveUser"
