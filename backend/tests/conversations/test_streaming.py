import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from httpx import AsyncClient
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations import replies, reply_writer
from app.llm.base import ChatRequest, StreamEvent, TextDelta
from app.models import Conversation, LLMUsage, Message, User
from tests.conversations.conftest import (
    CONVERSATIONS,
    ask,
    asking,
    make_key,
    messages_of,
    names,
    new_conversation,
    ok,
    reply_text,
)
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.openai_server import FakeOpenAI

REPLY = (
    "Here is the total per region:\n"
    "```python\n"
    "result = df.groupby('region')['amount'].sum()\n"
    "```\n"
    "North sells the most."
)
CODE = "result = df.groupby('region')['amount'].sum()"
LONG_REPLY = " ".join(f"word{index}" for index in range(400))


async def stored(db: AsyncSession, message_id: str) -> Message:
    found = await db.get(Message, uuid.UUID(message_id), populate_existing=True)
    assert found is not None
    return found


async def test_a_reply_streams_in_order_and_is_stored(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text="Sales by region")  # the title
    fake_openai.enqueue(text=REPLY, input_tokens=120, output_tokens=30)
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"], "Total amount per region?")

    assert names(events)[0] == "message_start"
    assert names(events)[-3:] == ["usage", "title", "done"]
    assert set(names(events)[1:-3]) == {"delta", "code_block"}
    assert reply_text(events) == REPLY
    start = events[0].data
    assert start["user_message"]["content"] == "Total amount per region?"
    assert start["user_message"]["role"] == "user"
    assert start["assistant_message"]["status"] == "streaming"
    assert start["assistant_message"]["provider"] == "openai"
    assert start["assistant_message"]["model"] == "fake-model-large"
    block = next(event for event in events if event.name == "code_block")
    saved = block.data.pop("id")
    assert block.data == {
        "index": 0,
        "language": "python",
        "code": CODE,
        "version": 1,
        "title": "Total per region",
    }
    # Announced as soon as the fence closed: before the text that follows the block.
    later_text = events.index(block) < max(
        index for index, event in enumerate(events) if event.name == "delta"
    )
    assert later_text
    usage = next(event for event in events if event.name == "usage")
    assert usage.data == {
        "provider": "openai",
        "model": "fake-model-large",
        "input_tokens": 120,
        "output_tokens": 30,
    }
    assert events[-2].data == {"title": "Sales by region"}
    done = events[-1].data["message"]
    assert done["status"] == "complete"
    assert done["content"] == REPLY
    assert (done["input_tokens"], done["output_tokens"]) == (120, 30)
    assert done["code_blocks"] == [{**block.data, "id": saved, "runs": [], "fixed_version": None}]
    entry = ok(await client.get(f"/api/v1/code-blocks/{saved}", headers=user_headers))
    assert (entry["source"], entry["code"], entry["conversation_id"], entry["message_id"]) == (
        "chat",
        CODE,
        conversation["id"],
        done["id"],
    )
    assert (entry["provider"], entry["model"]) == ("openai", "fake-model-large")
    assert done["id"] == start["assistant_message"]["id"]

    listed = await messages_of(client, user_headers, conversation["id"])
    assert [(m["role"], m["status"]) for m in listed] == [
        ("user", "complete"),
        ("assistant", "complete"),
    ]
    assert listed[1] == done
    summary = ok(await client.get(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers))
    assert summary["title"] == "Sales by region"
    assert summary["message_count"] == 2
    assert summary["last_message_preview"].startswith("Here is the total per region: result = df")
    assert summary["provider"] == "openai"
    assert summary["model"] == "fake-model-large"
    sent = fake_openai.chat_requests[0]
    assert sent.api_key == "sk-test-secret-value-0001"
    assert sent.json["model"] == "fake-model-large"
    assert sent.json["stream"] is True


async def test_usage_is_recorded_per_conversation_with_its_purpose(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    key = await make_key(db, user)
    fake_openai.enqueue(text="First answer", input_tokens=100, output_tokens=20)
    fake_openai.enqueue(text="A title", input_tokens=11, output_tokens=3)
    fake_openai.enqueue(text="Second answer", input_tokens=200, output_tokens=40)
    first = await new_conversation(client, user_headers)
    second = await new_conversation(client, user_headers, title="Named already")

    await ask(client, user_headers, first["id"])
    await ask(client, user_headers, second["id"])

    rows = (await db.exec(select(LLMUsage).order_by(col(LLMUsage.created_at)))).all()
    assert [
        (str(row.conversation_id), row.purpose, row.input_tokens, row.output_tokens) for row in rows
    ] == [
        (first["id"], "reply", 100, 20),
        (first["id"], "title", 11, 3),
        (second["id"], "reply", 200, 40),
    ]
    assert {(row.user_id, row.api_key_id, row.provider, row.model) for row in rows} == {
        (user.id, key.id, "openai", "fake-model-large")
    }


async def test_a_title_comes_after_the_first_exchange_only(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text='"Regional sales totals."')
    conversation = await new_conversation(client, user_headers)

    first = await ask(client, user_headers, conversation["id"])
    second = await ask(client, user_headers, conversation["id"], "And per month?")

    assert next(e.data for e in first if e.name == "title") == {"title": "Regional sales totals"}
    assert "title" not in names(second)
    assert len(fake_openai.chat_requests) == 3  # reply, title, reply
    title_request = fake_openai.chat_requests[1].json
    assert title_request["max_completion_tokens"] <= 20
    assert len(str(title_request["messages"])) < 2000  # a tiny prompt, not the chat's


async def test_the_builtin_assistant_answers_without_any_key(
    client: AsyncClient, db: AsyncSession, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"], "how many rows are there?")

    assert names(events)[0] == "message_start"
    assert names(events)[-3:] == ["usage", "title", "done"]
    assert reply_text(events)
    assert events[-2].data == {"title": "How many rows are there"}
    assert events[-1].data["message"]["provider"] == "builtin"
    assert events[-1].data["message"]["model"] == "builtin"
    row = await db.get(Conversation, uuid.UUID(conversation["id"]), populate_existing=True)
    assert row is not None
    assert (row.api_key_id, row.model) == (None, "builtin")
    assert (await db.exec(select(LLMUsage))).all() == []  # no provider, no tokens


async def test_anthropic_replies_stream_too(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_anthropic: FakeAnthropic,
) -> None:
    await make_key(db, user, provider="anthropic", models=["claude-fake"])
    fake_anthropic.behave(text="Short title")
    fake_anthropic.enqueue(text=REPLY)
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"])

    assert reply_text(events) == REPLY
    assert names(events)[-3:] == ["usage", "title", "done"]
    assert events[-1].data["message"]["provider"] == "anthropic"
    sent = fake_anthropic.chat_requests[0].json
    assert sent["model"] == "claude-fake"
    assert "UNTRUSTED" not in str(sent["system"])  # no file attached
    assert "`result`" in str(sent["system"])


async def test_an_openai_compatible_server_answers_at_its_base_url(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.core.config import settings

    # The official OpenAI URL is elsewhere: only the key's base URL can reach the fake.
    monkeypatch.setattr(settings, "OPENAI_API_BASE_URL", "http://127.0.0.1:9/v1")
    await make_key(db, user, provider="openai_compatible", base_url=fake_openai.base_url)
    fake_openai.behave(text=REPLY)
    conversation = await new_conversation(client, user_headers, title="Local model")

    events = await ask(client, user_headers, conversation["id"])

    assert reply_text(events) == REPLY
    assert events[-1].name == "done"
    assert events[-1].data["message"]["provider"] == "openai_compatible"


async def test_code_blocks_are_announced_with_tildes_and_an_unterminated_last_block(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    text = "First:\n~~~sql\nSELECT 1;\n~~~\nThen:\n```python\nresult = df.head()"
    fake_openai.behave(text=text)
    conversation = await new_conversation(client, user_headers, title="Blocks")

    events = await ask(client, user_headers, conversation["id"])

    blocks = [event.data for event in events if event.name == "code_block"]
    assert [(block["index"], block["language"], block["code"]) for block in blocks] == [
        (0, "sql", "SELECT 1;"),
        (1, "python", "result = df.head()"),
    ]
    assert all(block["id"] and block["version"] == 1 for block in blocks)
    ordered = names(events)
    assert ordered[-3:] == ["code_block", "usage", "done"]  # the open block, at the end
    then = next(i for i, event in enumerate(events) if "Then" in event.data.get("text", ""))
    assert ordered.index("code_block") < then  # the closed block, as soon as it closed
    assert [
        {name: value for name, value in block.items() if name not in ("runs", "fixed_version")}
        for block in events[-1].data["message"]["code_blocks"]
    ] == blocks


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("unauthorized", "InvalidApiKey"),
        ("rate_limited", "ProviderRateLimited"),
        ("quota_exhausted", "QuotaExhausted"),
        ("model_not_found", "ModelNotFound"),
        ("server_error", "ProviderFailure"),
    ],
)
async def test_a_provider_refusal_is_an_error_event_and_keeps_the_question(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    error: str,
    kind: str,
) -> None:
    await make_key(db, user)
    fake_openai.behave(error=error)
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"], "Will this work?")

    assert names(events) == ["message_start", "error"]
    failure = events[1].data
    assert failure["error"] == kind
    assert failure["detail"]
    assert "sk-test-secret" not in failure["detail"]
    assert failure["message"]["status"] == "error"
    assert failure["message"]["error_kind"] == kind
    assert failure["message"]["error"] == failure["detail"]
    listed = await messages_of(client, user_headers, conversation["id"])
    assert [(m["role"], m["content"], m["status"]) for m in listed] == [
        ("user", "Will this work?", "complete"),
        ("assistant", "", "error"),
    ]
    summary = ok(await client.get(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers))
    assert summary["title"] is None  # no title for a failed exchange
    assert summary["last_message_preview"] == "Will this work?"
    assert (await db.exec(select(LLMUsage))).all() == []


async def test_a_stream_cut_mid_way_keeps_the_partial_reply_as_an_error(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text="one two three four five six", cut_after_chunks=3)
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"])

    assert names(events)[0] == "message_start"
    assert set(names(events)[1:-1]) == {"delta"}  # chunks that arrive together share a delta
    assert names(events)[-1] == "error"
    assert reply_text(events) == "one two three "
    failure = events[-1].data
    assert failure["error"] == "StreamInterrupted"
    assert failure["message"]["content"] == "one two three "
    message = await stored(db, failure["message"]["id"])
    assert (message.status, message.content, message.error_kind) == (
        "error",
        "one two three ",
        "StreamInterrupted",
    )


async def test_the_question_is_committed_before_the_first_byte(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text="Slow answer", first_token_delay_seconds=0.5)
    conversation = await new_conversation(client, user_headers, title="Slow")

    async with asking(client, user_headers, conversation["id"], "Keep this question") as events:
        start = await anext(events)
        # The provider has not answered yet: both rows are already stored.
        question = await stored(db, start.data["user_message"]["id"])
        reply = await stored(db, start.data["assistant_message"]["id"])
        await db.commit()
        rest = [event async for event in events]

    assert (question.role, question.content) == ("user", "Keep this question")
    assert (reply.role, reply.status, reply.content) == ("assistant", "streaming", "")
    assert rest[-1].name == "done"


async def test_a_client_disconnect_cancels_the_upstream_call_and_keeps_the_partial_reply(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.behave(text=LONG_REPLY, chunk_delay_seconds=0.02)
    conversation = await new_conversation(client, user_headers)
    received: list[str] = []

    async with asking(client, user_headers, conversation["id"], "Write a lot") as events:
        async for event in events:
            if event.name == "message_start":
                reply_id = event.data["assistant_message"]["id"]
            elif event.name == "delta":
                received.append(event.data["text"])
            if len(received) == 5:
                break  # leaving the block hangs up, like the Stop button

    assert await asyncio.to_thread(fake_openai.wait_for_disconnect, 5.0)
    assert fake_openai.streams_completed == 0
    message = await stored(db, reply_id)
    assert message.status == "cancelled"
    assert message.content.startswith("".join(received))
    assert LONG_REPLY.startswith(message.content)
    assert len(message.content) < len(LONG_REPLY)
    summary = ok(await client.get(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers))
    assert summary["title"] is None
    assert summary["message_count"] == 2
    listed = await messages_of(client, user_headers, conversation["id"])
    assert listed[1]["status"] == "cancelled"


async def test_the_partial_reply_is_saved_while_it_streams(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A short save interval keeps the test quick; the mechanism is the same at the real one.
    monkeypatch.setattr(reply_writer, "SAVE_INTERVAL_SECONDS", 0.5)
    await make_key(db, user)
    fake_openai.behave(text="alpha beta gamma", chunk_delay_seconds=0.6)
    conversation = await new_conversation(client, user_headers, title="Saved as it goes")

    async with asking(client, user_headers, conversation["id"], "Three words please") as events:
        start = await anext(events)
        assert [(await anext(events)).name for _ in range(2)] == ["delta", "delta"]
        # The second piece came after the save interval; the third is still 0.6 s away.
        await asyncio.sleep(0.2)
        while_streaming = await stored(db, start.data["assistant_message"]["id"])
        status, content = while_streaming.status, while_streaming.content
        await db.commit()
        rest = [event async for event in events]

    assert (status, content) == ("streaming", "alpha beta ")
    assert rest[-1].data["message"]["content"] == "alpha beta gamma"


async def test_deleting_the_conversation_mid_stream_ends_the_reply(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The deletion is noticed at the next save of the partial text: make saves frequent.
    monkeypatch.setattr(reply_writer, "SAVE_INTERVAL_SECONDS", 0.5)
    await make_key(db, user)
    fake_openai.behave(text="a b c d e f g h", chunk_delay_seconds=0.3)
    conversation = await new_conversation(client, user_headers, title="Short-lived")
    url = f"{CONVERSATIONS}{conversation['id']}"

    async with asking(client, user_headers, conversation["id"], "Go") as events:
        assert [(await anext(events)).name for _ in range(3)] == ["message_start", "delta", "delta"]
        assert (await client.delete(url, headers=user_headers)).status_code == 204
        rest = [event async for event in events]

    assert rest[-1].name == "error"
    assert rest[-1].data["error"] == "ConversationNotFound"
    assert await asyncio.to_thread(fake_openai.wait_for_disconnect, 5.0)
    assert (await db.exec(select(Message))).all() == []
    assert (await db.exec(select(LLMUsage))).all() == []


async def test_deleting_the_key_mid_stream_keeps_the_reply_and_counts_its_tokens(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    key = await make_key(db, user)
    fake_openai.behave(text="a b c d", chunk_delay_seconds=0.3)
    conversation = await new_conversation(client, user_headers, title="Key goes away")

    async with asking(client, user_headers, conversation["id"], "Go") as events:
        assert [(await anext(events)).name for _ in range(2)] == ["message_start", "delta"]
        deleted = await client.delete(f"/api/v1/api-keys/{key.id}", headers=user_headers)
        assert deleted.status_code == 204
        rest = [event async for event in events]

    # The tokens were spent: they are counted, against no key now.
    assert rest[-1].name == "done"
    assert rest[-1].data["message"]["content"] == "a b c d"
    usage = (await db.exec(select(LLMUsage))).one()
    assert (usage.purpose, usage.conversation_id, usage.api_key_id) == (
        "reply",
        uuid.UUID(conversation["id"]),
        None,
    )


class BrokenProvider:
    name = "builtin"

    async def stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        yield TextDelta("Half an answer")
        raise RuntimeError("a bug")

    async def list_models(self) -> list[str]:
        return []


async def test_an_unexpected_failure_is_an_error_event_and_keeps_the_text(
    client: AsyncClient,
    db: AsyncSession,
    user_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(replies, "provider_for", lambda key: BrokenProvider())
    conversation = await new_conversation(client, user_headers, title="Bug")

    events = await ask(client, user_headers, conversation["id"])

    assert names(events) == ["message_start", "delta", "error"]
    failure = events[-1].data
    assert failure["error"] == "InternalServerError"
    assert "a bug" not in failure["detail"]
    message = await stored(db, failure["message"]["id"])
    assert (message.status, message.content) == ("error", "Half an answer")
