import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conftest import make_user

USERS = "/api/v1/users/"


async def test_admin_lists_users_newest_first_with_the_total_count(
    client: AsyncClient, db: AsyncSession, admin: User, admin_headers: dict[str, str]
) -> None:
    first = await make_user(db, email="first@example.com")
    second = await make_user(db, email="second@example.com")

    response = await client.get(USERS, headers=admin_headers)

    assert response.status_code == 200
    body = response.json()
    emails = [row["email"] for row in body["data"]]
    assert emails.index(second.email) < emails.index(first.email) < emails.index(admin.email)
    assert body["count"] == len(body["data"])


async def test_admin_list_pages_with_skip_and_limit_while_count_stays_the_total(
    client: AsyncClient, db: AsyncSession, admin_headers: dict[str, str]
) -> None:
    for number in range(5):
        await make_user(db, email=f"paged{number}@example.com")
    everyone = (await client.get(USERS, headers=admin_headers)).json()

    page = await client.get(USERS, headers=admin_headers, params={"skip": 1, "limit": 2})

    assert page.status_code == 200
    assert page.json()["count"] == everyone["count"]
    assert page.json()["data"] == everyone["data"][1:3]


async def test_admin_search_matches_part_of_email_or_name_ignoring_case(
    client: AsyncClient, db: AsyncSession, admin_headers: dict[str, str]
) -> None:
    by_email = await make_user(db, email="zebra.keeper@example.com", full_name="Someone")
    by_name = await make_user(db, email="other@example.com", full_name="Ms ZEBRA Fan")
    await make_user(db, email="unrelated@example.com", full_name="Nobody")

    response = await client.get(USERS, headers=admin_headers, params={"q": "Zebra"})

    assert response.status_code == 200
    assert {row["email"] for row in response.json()["data"]} == {by_email.email, by_name.email}
    assert response.json()["count"] == 2


async def test_admin_search_treats_like_wildcards_as_plain_characters(
    client: AsyncClient, db: AsyncSession, admin_headers: dict[str, str]
) -> None:
    await make_user(db, email="percent@example.com", full_name="100% sure")
    await make_user(db, email="plain@example.com", full_name="1000 times")

    response = await client.get(USERS, headers=admin_headers, params={"q": "100%"})

    assert [row["full_name"] for row in response.json()["data"]] == ["100% sure"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 101}, "limit"),
        ({"limit": 0}, "limit"),
        ({"skip": -1}, "skip"),
        ({"skip": "many"}, "skip"),
        ({"q": "x" * 256}, "q"),
    ],
)
async def test_admin_list_with_bad_paging_is_a_validation_error(
    client: AsyncClient, admin_headers: dict[str, str], params: dict[str, str | int], field: str
) -> None:
    response = await client.get(USERS, headers=admin_headers, params=params)

    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}: ")


async def test_non_admin_cannot_list_users(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.get(USERS, headers=user_headers)

    assert response.status_code == 403
    assert response.json() == {
        "error": "NotAdmin",
        "detail": "This action requires administrator rights.",
    }
