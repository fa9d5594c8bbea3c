"""One default key at most: the first key becomes it, choosing another moves it, deleting it passes it
to the newest remaining key."""

from httpx import AsyncClient
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys import service
from app.models import ApiKey, User
from tests.api_keys.conftest import ANTHROPIC_KEY, API_KEYS, AddKey, added


async def _defaults(client: AsyncClient, headers: dict[str, str]) -> list[str]:
    keys = (await client.get(API_KEYS, headers=headers)).json()["data"]
    return [key["label"] for key in keys if key["is_default"]]


async def test_first_key_is_the_default_and_later_ones_are_not(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await added(add_key, label="First")
    second = await added(add_key, label="Second")

    assert first["is_default"] is True
    assert second["is_default"] is False
    assert await _defaults(client, user_headers) == ["First"]


async def test_choosing_another_default_moves_it(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str], db: AsyncSession
) -> None:
    await added(add_key, label="First")
    second = await added(add_key, provider="anthropic", api_key=ANTHROPIC_KEY, label="Second")

    response = await client.patch(
        f"{API_KEYS}{second['id']}", headers=user_headers, json={"is_default": True}
    )

    assert response.status_code == 200
    assert response.json()["is_default"] is True
    assert await _defaults(client, user_headers) == ["Second"]
    stored = (await db.exec(select(ApiKey).where(col(ApiKey.is_default).is_(True)))).all()
    assert [key.label for key in stored] == ["Second"]


async def test_choosing_the_default_again_changes_nothing(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await added(add_key, label="First")

    response = await client.patch(
        f"{API_KEYS}{first['id']}", headers=user_headers, json={"is_default": True}
    )

    assert response.json()["is_default"] is True
    assert await _defaults(client, user_headers) == ["First"]


async def test_unsetting_the_default_leaves_none(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str], user: User, db: AsyncSession
) -> None:
    first = await added(add_key, label="First")

    response = await client.patch(
        f"{API_KEYS}{first['id']}", headers=user_headers, json={"is_default": False}
    )

    assert response.json()["is_default"] is False
    assert await _defaults(client, user_headers) == []
    assert await service.get_default_api_key(db, owner=user) is None


async def test_deleting_the_default_passes_it_to_the_newest_key(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await added(add_key, label="First")
    await added(add_key, label="Second")
    await added(add_key, label="Third")

    await client.delete(f"{API_KEYS}{first['id']}", headers=user_headers)

    assert await _defaults(client, user_headers) == ["Third"]


async def test_deleting_another_key_keeps_the_default(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    await added(add_key, label="First")
    second = await added(add_key, label="Second")

    await client.delete(f"{API_KEYS}{second['id']}", headers=user_headers)

    assert await _defaults(client, user_headers) == ["First"]


async def test_a_new_key_becomes_default_when_there_is_none(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await added(add_key, label="First")
    await client.patch(f"{API_KEYS}{first['id']}", headers=user_headers, json={"is_default": False})

    second = await added(add_key, label="Second")

    assert second["is_default"] is True
    assert await _defaults(client, user_headers) == ["Second"]
