"""The provider's reply requested before the question commits: read in order, and never left running."""

import asyncio
import itertools
import time

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations import early_start, replies
from app.conversations.asker import AskedConversation, Asker, AskingUser
from app.conversations.early_start import EarlyStart
from app.core.db import committing
from app.llm.base import InvalidApiKey, TextDelta, Usage
from app.llm.registry import provider_for
from app.models import Conversation, Message, User
from tests.conftest import session_on
from tests.conversations.conftest import make_key
from tests.fakes import FakeOpenAI
from tests.llm.conftest import api_key_row, chat_request


async def _request_arrived(fake: FakeOpenAI) -> None:
    async with asyncio.timeout(5):
        while not fake.chat_requests:  # noqa: ASYNC110 - the fake records requests in its thread
            await asyncio.sleep(0.01)


async def test_the_reader_gets_every_event_in_order(fake_openai: FakeOpenAI) -> None:
    fake_openai.behave(text="one two three four")
    upstream = EarlyStart(provider_for(api_key_row("openai")), chat_request())

    read = [event async for event in upstream.events()]
    await upstream.close()

    texts = [delta.text for batch in read if isinstance(batch, list) for delta in batch]
    assert "".join(texts) == "one two three four"
    assert isinstance(read[-1], Usage)


async def test_text_that_piled_up_unread_comes_as_one_delta(fake_openai: FakeOpenAI) -> None:
    words = [f"w{number} " for number in range(50)]
    fake_openai.behave(text="".join(words))
    upstream = EarlyStart(provider_for(api_key_row("openai")), chat_request())
    async with asyncio.timeout(5):
        while fake_openai.streams_completed == 0:  # noqa: ASYNC110 - counted in the fake's thread
            await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)  # the last chunks travel from the fake's socket to the queue

    read = [event async for event in upstream.events()]

    assert len(read) == 2
    assert isinstance(read[0], list)
    assert "".join(delta.text for delta in read[0]) == "".join(words)
    assert isinstance(read[1], Usage)


async def test_a_provider_failure_is_raised_in_the_reader(fake_openai: FakeOpenAI) -> None:
    fake_openai.behave(error="unauthorized")
    upstream = EarlyStart(provider_for(api_key_row("openai")), chat_request())

    with pytest.raises(InvalidApiKey):
        [event async for event in upstream.events()]
    await upstream.close()


async def test_closing_before_reading_cancels_the_upstream_call(fake_openai: FakeOpenAI) -> None:
    """What happens when the question fails to commit, or the client leaves before the stream."""
    fake_openai.behave(text="word " * 200, chunk_delay_seconds=0.05)
    upstream = EarlyStart(provider_for(api_key_row("openai")), chat_request())
    await _request_arrived(fake_openai)

    await upstream.close_unread()

    assert await asyncio.to_thread(fake_openai.wait_for_disconnect)
    assert fake_openai.streams_completed == 0


async def test_a_reader_stopping_half_way_cancels_the_upstream_call(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.behave(text="word " * 200, chunk_delay_seconds=0.05)
    upstream = EarlyStart(provider_for(api_key_row("openai")), chat_request())

    first = await anext(aiter(upstream.events()))
    await upstream.close_unread()  # it was read: only close() stops it
    await asyncio.sleep(0.2)
    assert fake_openai.streams_disconnected == 0
    await upstream.close()

    assert isinstance(first, list)
    assert isinstance(first[0], TextDelta)
    assert await asyncio.to_thread(fake_openai.wait_for_disconnect)


async def test_a_stream_nobody_reads_is_cancelled_after_the_limit(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(early_start, "UNREAD_LIMIT_SECONDS", 0.2)
    fake_openai.behave(text="word " * 200, chunk_delay_seconds=0.05)
    EarlyStart(provider_for(api_key_row("openai")), chat_request())

    assert await asyncio.to_thread(fake_openai.wait_for_disconnect)
    assert fake_openai.streams_completed == 0


async def test_a_question_that_does_not_commit_cancels_its_upstream_call(
    db: AsyncSession, connection: AsyncConnection, user: User, fake_openai: FakeOpenAI
) -> None:
    fake_openai.behave(text="word " * 200, chunk_delay_seconds=0.05)
    await make_key(db, user)
    conversation = Conversation(user_id=user.id)
    db.add(conversation)
    await db.commit()

    class CommitFailed(Exception):
        pass

    async def ask_then_fail_before_the_commit() -> None:
        async with session_on(connection) as session, committing(session):
            asker = Asker(
                user=AskingUser(user.id, user.is_active, user.token_version, user.settings),
                conversation=AskedConversation(conversation.id, user.id, None, None, None),
                conversation_key=None,
                files=[],
                latest=[],
            )
            await replies.start_reply(
                session, asker=asker, content="Hi", api_key_id=None, model=None
            )
            await _request_arrived(fake_openai)
            raise CommitFailed

    with pytest.raises(CommitFailed):
        await ask_then_fail_before_the_commit()

    assert await asyncio.to_thread(fake_openai.wait_for_disconnect)
    stored = await db.exec(select(Message).where(Message.conversation_id == conversation.id))
    assert stored.all() == []


async def test_text_is_handed_on_at_once_then_at_most_once_per_interval(
    fake_openai: FakeOpenAI,
) -> None:
    words = [f"w{number} " for number in range(20)]
    fake_openai.behave(text="".join(words), chunk_delay_seconds=0.01)  # 100 tokens a second
    upstream = EarlyStart(provider_for(api_key_row("openai")), chat_request())

    batches: list[tuple[float, str]] = []
    async for event in upstream.events():
        if isinstance(event, list):
            batches.append((time.monotonic(), "".join(delta.text for delta in event)))
    await upstream.close()

    assert batches[0][1] == words[0]  # the first token is not held back
    assert "".join(text for _, text in batches) == "".join(words)
    # Then lists at least DELTA_INTERVAL_SECONDS apart, however fast the tokens come.
    gaps = [later - earlier for (earlier, _), (later, _) in itertools.pairwise(batches)]
    assert min(gaps) >= early_start.DELTA_INTERVAL_SECONDS * 0.9
