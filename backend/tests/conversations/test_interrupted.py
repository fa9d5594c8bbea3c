"""Replies whose stream died with the server (a crash, a restart) stop looking as if they were still
being written: they are settled as interrupted and can be retried."""

import uuid
from datetime import timedelta

from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations.messages import INTERRUPTED_KIND, stale_streaming_age
from app.models import Message, User
from app.models.base import utc_now
from tests.conversations.conftest import (
    make_key,
    messages_of,
    names,
    new_conversation,
    reply_text,
)
from tests.conversations.test_retry import retry
from tests.fakes.openai_server import FakeOpenAI


async def _reply_left_streaming(
    db: AsyncSession, user: User, conversation_id: str, *, silent_for: timedelta
) -> Message:
    conversation = uuid.UUID(conversation_id)
    last_written = utc_now() - silent_for
    question = Message(
        conversation_id=conversation,
        user_id=user.id,
        role="user",
        content="Which region sells most?",
        status="complete",
        created_at=last_written - timedelta(seconds=1),
    )
    reply = Message(
        conversation_id=conversation,
        user_id=user.id,
        role="assistant",
        content="North is ahead, by",
        status="streaming",
        provider="openai",
        model="fake-model-large",
        created_at=last_written,
        updated_at=last_written,
    )
    db.add_all([question, reply])
    await db.flush()
    return reply


async def test_a_reply_silent_past_the_provider_timeouts_shows_as_interrupted(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)
    reply = await _reply_left_streaming(
        db, user, conversation["id"], silent_for=stale_streaming_age() + timedelta(minutes=1)
    )

    shown = {
        message["id"]: message
        for message in await messages_of(client, user_headers, conversation["id"])
    }

    interrupted = shown[str(reply.id)]
    assert interrupted["status"] == "error"
    assert interrupted["error_kind"] == INTERRUPTED_KIND
    assert interrupted["content"] == "North is ahead, by"
    assert "Retry" in interrupted["error"]


async def test_a_reply_still_within_the_timeouts_keeps_streaming(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)
    reply = await _reply_left_streaming(
        db, user, conversation["id"], silent_for=timedelta(seconds=5)
    )

    shown = {
        message["id"]: message
        for message in await messages_of(client, user_headers, conversation["id"])
    }

    assert shown[str(reply.id)]["status"] == "streaming"


async def test_an_interrupted_reply_can_be_retried(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text="North, by a wide margin.")
    conversation = await new_conversation(client, user_headers, title="Regions")
    reply = await _reply_left_streaming(
        db, user, conversation["id"], silent_for=stale_streaming_age() + timedelta(minutes=1)
    )

    events = await retry(client, user_headers, conversation["id"], str(reply.id))

    assert names(events)[-1] == "done"
    assert reply_text(events) == "North, by a wide margin."
    remaining = await messages_of(client, user_headers, conversation["id"])
    assert [message["status"] for message in remaining] == ["complete", "complete"]
    assert str(reply.id) not in {message["id"] for message in remaining}
