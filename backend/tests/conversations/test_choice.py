"""Which key and model answer: the question's, the conversation's, the user's default, the builtin."""

import uuid

from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Conversation, User
from tests.conversations.conftest import CONVERSATIONS, ask, make_key, new_conversation, ok
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.openai_server import FakeOpenAI


async def stored_choice(
    db: AsyncSession, conversation_id: str
) -> tuple[uuid.UUID | None, str | None]:
    row = await db.get(Conversation, uuid.UUID(conversation_id), populate_existing=True)
    assert row is not None
    return row.api_key_id, row.model


async def test_the_users_default_key_and_its_default_model_answer_and_are_remembered(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user, provider="anthropic", is_default=False)
    default = await make_key(db, user, default_model="fake-model-small")
    conversation = await new_conversation(client, user_headers, title="Defaults")

    events = await ask(client, user_headers, conversation["id"])

    assert events[-1].data["message"]["model"] == "fake-model-small"
    assert fake_openai.chat_requests[0].json["model"] == "fake-model-small"
    assert await stored_choice(db, conversation["id"]) == (default.id, "fake-model-small")


async def test_the_first_listed_model_is_used_without_a_default_model(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user, models=["only-model"])
    conversation = await new_conversation(client, user_headers, title="First model")

    await ask(client, user_headers, conversation["id"])

    assert fake_openai.chat_requests[0].json["model"] == "only-model"


async def test_a_key_named_by_the_question_wins_and_becomes_the_conversations(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    fake_anthropic: FakeAnthropic,
) -> None:
    await make_key(db, user)
    claude = await make_key(db, user, provider="anthropic", models=["claude-a"], is_default=False)
    conversation = await new_conversation(client, user_headers, title="Switch")

    await ask(client, user_headers, conversation["id"], "One", api_key_id=str(claude.id))
    await ask(client, user_headers, conversation["id"], "Two")
    await ask(client, user_headers, conversation["id"], "Three", model="claude-b")

    assert [request.json["model"] for request in fake_anthropic.chat_requests] == [
        "claude-a",
        "claude-a",
        "claude-b",
    ]
    assert fake_openai.chat_requests == []
    assert await stored_choice(db, conversation["id"]) == (claude.id, "claude-b")
    summary = ok(await client.get(CONVERSATIONS, headers=user_headers))["data"][0]
    assert (summary["provider"], summary["model"]) == ("anthropic", "claude-b")


async def test_the_conversations_key_set_beforehand_is_used(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_anthropic: FakeAnthropic,
) -> None:
    await make_key(db, user)
    claude = await make_key(db, user, provider="anthropic", models=["claude-a"], is_default=False)
    conversation = await new_conversation(
        client, user_headers, title="Preset", api_key_id=str(claude.id), model="claude-z"
    )

    await ask(client, user_headers, conversation["id"])

    assert fake_anthropic.chat_requests[0].json["model"] == "claude-z"


async def test_the_builtin_model_picks_the_offline_assistant_even_with_a_key(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    conversation = await new_conversation(client, user_headers, title="Offline")

    first = await ask(client, user_headers, conversation["id"], "How many rows?", model="builtin")
    second = await ask(client, user_headers, conversation["id"], "And columns?")

    assert first[-1].data["message"]["provider"] == "builtin"
    assert second[-1].data["message"]["provider"] == "builtin"
    assert fake_openai.chat_requests == []
    assert await stored_choice(db, conversation["id"]) == (None, "builtin")


async def test_a_key_without_any_model_is_refused_before_anything_is_stored(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    key = await make_key(db, user, models=[])
    conversation = await new_conversation(client, user_headers, title="No model")

    response = await client.post(
        f"{CONVERSATIONS}{conversation['id']}/messages",
        headers=user_headers,
        json={"content": "Hello", "api_key_id": str(key.id)},
    )

    assert response.status_code == 400
    assert response.json()["error"] == "NoModelAvailable"
    messages = ok(
        await client.get(f"{CONVERSATIONS}{conversation['id']}/messages", headers=user_headers)
    )
    assert messages["count"] == 0
    assert await stored_choice(db, conversation["id"]) == (None, None)


async def test_a_deleted_key_falls_back_to_the_default(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    fake_anthropic: FakeAnthropic,
) -> None:
    await make_key(db, user)
    claude = await make_key(db, user, provider="anthropic", models=["claude-a"], is_default=False)
    conversation = await new_conversation(
        client, user_headers, title="Gone", api_key_id=str(claude.id)
    )
    await db.delete(claude)
    await db.commit()

    await ask(client, user_headers, conversation["id"])

    assert fake_anthropic.chat_requests == []
    assert fake_openai.chat_requests[0].json["model"] == "fake-model-large"
