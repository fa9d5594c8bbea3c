import uuid

from httpx import AsyncClient
from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import ConversationFile, Message, User
from tests.conftest import auth_headers, make_user
from tests.conversations.conftest import (
    CONVERSATIONS,
    ask,
    make_key,
    new_conversation,
    ok,
    upload_csv,
)


async def test_create_a_conversation_with_files_and_a_title(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    first = await upload_csv(client, user_headers, filename="first.csv")
    second = await upload_csv(client, user_headers, filename="second.csv")

    created = await new_conversation(
        client, user_headers, title="  Sales review ", file_ids=[first["id"], second["id"]]
    )

    assert created["title"] == "Sales review"
    assert created["message_count"] == 0
    assert created["last_message_preview"] is None
    assert created["provider"] is None
    assert created["api_key_id"] is None
    assert [file["filename"] for file in created["files"]] == ["first.csv", "second.csv"]
    assert "profile" not in created["files"][0]
    read = ok(await client.get(f"{CONVERSATIONS}{created['id']}", headers=user_headers))
    assert read == created


async def test_create_with_nothing_gives_an_untitled_conversation(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    created = await new_conversation(client, user_headers)

    assert created["title"] is None
    assert created["files"] == []


async def test_list_newest_activity_first_with_preview_and_count(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    older = await new_conversation(client, user_headers, title="Older")
    newer = await new_conversation(client, user_headers, title="Newer")
    await ask(client, user_headers, older["id"], "How many rows are there?")

    body = ok(await client.get(CONVERSATIONS, headers=user_headers))

    assert body["count"] == 2
    assert [c["id"] for c in body["data"]] == [older["id"], newer["id"]]
    active = body["data"][0]
    assert active["message_count"] == 2
    assert active["last_message_preview"]
    assert active["provider"] == "builtin"
    assert active["model"] == "builtin"
    assert set(active) == {
        "id",
        "title",
        "created_at",
        "updated_at",
        "message_count",
        "last_message_preview",
        "provider",
        "model",
    }
    page = ok(await client.get(CONVERSATIONS, headers=user_headers, params={"skip": 1, "limit": 1}))
    assert [c["id"] for c in page["data"]] == [newer["id"]]
    assert page["count"] == 2


async def test_search_finds_titles_and_message_text_ignoring_case(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    by_title = await new_conversation(client, user_headers, title="Quarterly MARGINS")
    by_message = await new_conversation(client, user_headers, title="Untitled work")
    await ask(client, user_headers, by_message["id"], "Which products have thin margins?")
    await new_conversation(client, user_headers, title="Something else")

    async def found(q: str) -> list[str]:
        body = ok(await client.get(CONVERSATIONS, headers=user_headers, params={"q": q}))
        assert body["count"] == len(body["data"])
        return [c["id"] for c in body["data"]]

    assert sorted(await found("margins")) == sorted([by_title["id"], by_message["id"]])
    assert await found("thin MARGIN") == [by_message["id"]]
    assert await found("quarterly") == [by_title["id"]]
    assert await found("100%") == []
    assert len(await found("  ")) == 3


async def test_search_never_shows_other_users_conversations(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    other = auth_headers(await make_user(db))
    await new_conversation(client, other, title="Secret margins")

    body = ok(await client.get(CONVERSATIONS, headers=user_headers, params={"q": "margins"}))

    assert body == {"data": [], "count": 0}


async def test_rename(client: AsyncClient, user_headers: dict[str, str]) -> None:
    conversation = await new_conversation(client, user_headers)

    renamed = ok(
        await client.patch(
            f"{CONVERSATIONS}{conversation['id']}", headers=user_headers, json={"title": " Costs "}
        )
    )

    assert renamed["title"] == "Costs"
    listed = ok(await client.get(CONVERSATIONS, headers=user_headers))
    assert listed["data"][0]["title"] == "Costs"


async def test_choose_and_clear_the_conversations_key_and_model(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    key = await make_key(db, user, provider="anthropic")
    conversation = await new_conversation(client, user_headers)
    url = f"{CONVERSATIONS}{conversation['id']}"

    chosen = ok(
        await client.patch(
            url, headers=user_headers, json={"api_key_id": str(key.id), "model": "fake-model-small"}
        )
    )
    assert (chosen["api_key_id"], chosen["provider"], chosen["model"]) == (
        str(key.id),
        "anthropic",
        "fake-model-small",
    )

    renamed = ok(await client.patch(url, headers=user_headers, json={"title": "Kept choice"}))
    assert renamed["api_key_id"] == str(key.id)

    cleared = ok(await client.patch(url, headers=user_headers, json={"api_key_id": None}))
    assert cleared["api_key_id"] is None
    assert cleared["provider"] is None


async def test_delete_removes_messages_and_links_but_not_files(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    file = await upload_csv(client, user_headers)
    conversation = await new_conversation(client, user_headers, file_ids=[file["id"]])
    await ask(client, user_headers, conversation["id"])
    url = f"{CONVERSATIONS}{conversation['id']}"

    response = await client.delete(url, headers=user_headers)

    assert response.status_code == 204
    assert (await client.get(url, headers=user_headers)).status_code == 404
    conversation_id = uuid.UUID(conversation["id"])
    messages = select(func.count()).where(col(Message.conversation_id) == conversation_id)
    links = select(func.count()).where(col(ConversationFile.conversation_id) == conversation_id)
    assert (await db.exec(messages)).one() == 0
    assert (await db.exec(links)).one() == 0
    assert (
        await client.get(f"/api/v1/files/{file['id']}", headers=user_headers)
    ).status_code == 200


async def test_attach_and_detach_files(client: AsyncClient, user_headers: dict[str, str]) -> None:
    first = await upload_csv(client, user_headers, filename="first.csv")
    second = await upload_csv(client, user_headers, filename="second.csv")
    conversation = await new_conversation(client, user_headers, file_ids=[first["id"]])
    files_url = f"{CONVERSATIONS}{conversation['id']}/files"

    attached = ok(await client.put(f"{files_url}/{second['id']}", headers=user_headers))
    again = ok(await client.put(f"{files_url}/{second['id']}", headers=user_headers))
    detached = ok(await client.delete(f"{files_url}/{first['id']}", headers=user_headers))
    detached_again = ok(await client.delete(f"{files_url}/{first['id']}", headers=user_headers))

    assert [f["filename"] for f in attached["files"]] == ["first.csv", "second.csv"]
    assert again["files"] == attached["files"]
    assert [f["filename"] for f in detached["files"]] == ["second.csv"]
    assert detached_again["files"] == detached["files"]


async def test_deleting_a_file_detaches_it(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    file = await upload_csv(client, user_headers)
    conversation = await new_conversation(client, user_headers, file_ids=[file["id"]])

    await client.delete(f"/api/v1/files/{file['id']}", headers=user_headers)

    read = ok(await client.get(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers))
    assert read["files"] == []


async def test_other_users_conversation_is_404_everywhere(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    other = auth_headers(await make_user(db))
    theirs = await new_conversation(client, other, title="Theirs")
    await ask(client, other, theirs["id"])
    their_messages = ok(await client.get(f"{CONVERSATIONS}{theirs['id']}/messages", headers=other))
    my_file = await upload_csv(client, user_headers)
    url = f"{CONVERSATIONS}{theirs['id']}"

    responses = [
        await client.get(url, headers=user_headers),
        await client.patch(url, headers=user_headers, json={"title": "Mine now"}),
        await client.delete(url, headers=user_headers),
        await client.get(f"{url}/messages", headers=user_headers),
        await client.post(f"{url}/messages", headers=user_headers, json={"content": "Hi"}),
        await client.post(
            f"{url}/messages/{their_messages['data'][1]['id']}/retry", headers=user_headers
        ),
        await client.put(f"{url}/files/{my_file['id']}", headers=user_headers),
        await client.delete(f"{url}/files/{my_file['id']}", headers=user_headers),
    ]

    for response in responses:
        assert response.status_code == 404, response.text
        assert response.json() == {
            "error": "ConversationNotFound",
            "detail": "Conversation not found.",
        }
    still = ok(await client.get(url, headers=other))
    assert still["title"] == "Theirs"
    assert still["message_count"] == 2


async def test_other_users_file_or_key_is_404(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    stranger = await make_user(db)
    their_file = await upload_csv(client, auth_headers(stranger))
    their_key = await make_key(db, stranger)
    mine = await new_conversation(client, user_headers)
    url = f"{CONVERSATIONS}{mine['id']}"

    responses = {
        "FileNotFound": [
            await client.post(
                CONVERSATIONS, headers=user_headers, json={"file_ids": [their_file["id"]]}
            ),
            await client.put(f"{url}/files/{their_file['id']}", headers=user_headers),
            await client.delete(f"{url}/files/{their_file['id']}", headers=user_headers),
        ],
        "ApiKeyNotFound": [
            await client.post(
                CONVERSATIONS, headers=user_headers, json={"api_key_id": str(their_key.id)}
            ),
            await client.patch(url, headers=user_headers, json={"api_key_id": str(their_key.id)}),
            await client.post(
                f"{url}/messages",
                headers=user_headers,
                json={"content": "Hi", "api_key_id": str(their_key.id)},
            ),
        ],
    }

    for kind, answers in responses.items():
        for response in answers:
            assert response.status_code == 404, response.text
            assert response.json()["error"] == kind
    assert ok(await client.get(CONVERSATIONS, headers=user_headers))["count"] == 1
    assert ok(await client.get(f"{url}/messages", headers=user_headers))["count"] == 0


async def test_unknown_ids_are_404(client: AsyncClient, user_headers: dict[str, str]) -> None:
    mine = await new_conversation(client, user_headers)
    missing = uuid.uuid4()

    assert (await client.get(f"{CONVERSATIONS}{missing}", headers=user_headers)).status_code == 404
    retry = await client.post(
        f"{CONVERSATIONS}{mine['id']}/messages/{missing}/retry", headers=user_headers
    )
    assert retry.status_code == 404
    assert retry.json()["error"] == "MessageNotFound"
    not_an_id = await client.get(f"{CONVERSATIONS}not-an-id", headers=user_headers)
    assert not_an_id.status_code == 422


async def test_bad_bodies_are_422_and_store_nothing(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)
    url = f"{CONVERSATIONS}{conversation['id']}"
    bad_questions = [
        {"content": ""},
        {"content": "   \n "},
        {"content": "x" * 20_001},
        {"content": 42},
        {"content": ["a"]},
        {"content": "Hi", "api_key_id": "not-a-uuid"},
        {"content": "Hi", "model": ""},
        {"content": "Hi", "unexpected": True},
        {"content": "Hi\x00there"},
        {},
    ]

    for body in bad_questions:
        response = await client.post(f"{url}/messages", headers=user_headers, json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["error"] == "ValidationError"
    for body in [{"title": ""}, {"title": "x" * 201}, {"title": 3}, {"file_ids": ["nope"]}]:
        response = await client.post(CONVERSATIONS, headers=user_headers, json=body)
        assert response.status_code == 422, (body, response.text)
    for body in [{"title": "  "}, {"title": None}, {"model": "x" * 201}]:
        response = await client.patch(url, headers=user_headers, json=body)
        assert response.status_code == 422, (body, response.text)
    not_json = await client.post(
        f"{url}/messages",
        headers={**user_headers, "Content-Type": "application/json"},
        content=b"{nope",
    )
    assert not_json.status_code == 422
    assert ok(await client.get(f"{url}/messages", headers=user_headers))["count"] == 0


async def test_a_long_question_within_the_limit_is_accepted(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"], "Summarise. " + "x" * 19_000)

    assert events[0].name == "message_start"


async def test_anonymous_requests_are_401(client: AsyncClient) -> None:
    assert (await client.get(CONVERSATIONS)).status_code == 401
    response = await client.post(f"{CONVERSATIONS}{uuid.uuid4()}/messages", json={"content": "Hi"})
    assert response.status_code == 401


async def test_asking_checks_the_caller_before_the_conversation(
    client: AsyncClient, db: AsyncSession
) -> None:
    asker = await make_user(db)
    headers = auth_headers(asker)
    mine = await new_conversation(client, headers)
    elsewhere = f"{CONVERSATIONS}{uuid.uuid4()}/messages"
    question = {"content": "Hi"}

    # A valid caller asking in no conversation of theirs: 404.
    missing = await client.post(elsewhere, headers=headers, json=question)
    assert missing.status_code == 404
    # A token revoked (the password changed): 401, in their own conversation or in none.
    asker.token_version += 1
    db.add(asker)
    await db.commit()
    for url in (f"{CONVERSATIONS}{mine['id']}/messages", elsewhere):
        revoked = await client.post(url, headers=headers, json=question)
        assert revoked.status_code == 401, revoked.text
        assert revoked.json()["error"] == "InvalidToken"
    # A deactivated account: refused, whatever the conversation.
    asker.is_active = False
    db.add(asker)
    await db.commit()
    for url in (f"{CONVERSATIONS}{mine['id']}/messages", elsewhere):
        inactive = await client.post(url, headers=auth_headers(asker), json=question)
        assert inactive.status_code == 403, inactive.text
        assert inactive.json()["error"] == "InactiveUser"
    stored = await db.exec(
        select(Message).where(col(Message.conversation_id) == uuid.UUID(mine["id"]))
    )
    assert stored.all() == []
