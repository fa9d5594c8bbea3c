from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conversations.conftest import (
    CONVERSATIONS,
    ask,
    make_key,
    messages_of,
    names,
    new_conversation,
    ok,
    reply_text,
)
from tests.conversations.streams import Event, all_events
from tests.fakes.openai_server import FakeOpenAI


async def retry(
    client: AsyncClient, headers: dict[str, str], conversation_id: str, message_id: str
) -> list[Event]:
    async with client.stream(
        "POST", f"{CONVERSATIONS}{conversation_id}/messages/{message_id}/retry", headers=headers
    ) as response:
        assert response.status_code == 200, await response.aread()
        return await all_events(response)


async def test_retry_replaces_a_failed_reply_with_a_new_one(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.enqueue(error="rate_limited")
    fake_openai.behave(text="Worked this time")
    conversation = await new_conversation(client, user_headers)
    failed = await ask(client, user_headers, conversation["id"], "Try me")
    failed_id = failed[-1].data["message"]["id"]

    events = await retry(client, user_headers, conversation["id"], failed_id)

    assert names(events)[0] == "message_start"
    assert names(events)[-3:] == ["usage", "title", "done"]
    assert events[0].data["user_message"] == failed[0].data["user_message"]
    assert reply_text(events) == "Worked this time"
    listed = await messages_of(client, user_headers, conversation["id"])
    assert [(m["role"], m["content"], m["status"]) for m in listed] == [
        ("user", "Try me", "complete"),
        ("assistant", "Worked this time", "complete"),
    ]
    assert listed[1]["id"] != failed_id
    summary = ok(await client.get(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers))
    assert summary["message_count"] == 2
    # The same question went out again, once, without the failed reply.
    retried = fake_openai.chat_requests[1].json["messages"]
    assert [m["role"] for m in retried] == ["system", "user"]


async def test_only_the_last_failed_or_stopped_reply_can_be_retried(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    conversation = await new_conversation(client, user_headers, title="Retries")
    fake_openai.enqueue(error="server_error")
    await ask(client, user_headers, conversation["id"], "First")
    await ask(client, user_headers, conversation["id"], "Second")
    first_q, first_a, second_q, second_a = await messages_of(
        client, user_headers, conversation["id"]
    )
    assert (first_a["status"], second_a["status"]) == ("error", "complete")
    url = f"{CONVERSATIONS}{conversation['id']}/messages"

    for message in (first_a, second_a, second_q, first_q):
        response = await client.post(f"{url}/{message['id']}/retry", headers=user_headers)
        assert response.status_code == 409, response.text
        assert response.json()["error"] == "ReplyNotRetryable"
    assert len(await messages_of(client, user_headers, conversation["id"])) == 4


async def test_a_message_of_another_conversation_is_404(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(error="server_error")
    first = await new_conversation(client, user_headers, title="One")
    second = await new_conversation(client, user_headers, title="Two")
    failed = await ask(client, user_headers, first["id"])

    response = await client.post(
        f"{CONVERSATIONS}{second['id']}/messages/{failed[-1].data['message']['id']}/retry",
        headers=user_headers,
    )

    assert response.status_code == 404
    assert response.json()["error"] == "MessageNotFound"
