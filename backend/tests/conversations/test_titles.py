import pytest
from httpx import AsyncClient
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations.titles import FALLBACK_TITLE, clean_title, title_from_question
from app.models import LLMUsage, User
from tests.conversations.conftest import CONVERSATIONS, ask, make_key, new_conversation, ok
from tests.fakes.openai_server import FakeOpenAI


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        ("Sales by region", "Sales by region"),
        ('"Monthly revenue trend."', "Monthly revenue trend"),
        ("Title: **Top customers**", "Top customers"),
        ("# Churn analysis\nBecause the user asked...", "Churn analysis"),
        ("one two three four five six seven eight", "one two three four five six"),
        ("«Ventes par région»", "Ventes par région"),
        ("   \n  ", ""),
    ],
)
def test_clean_title(answer: str, title: str) -> None:
    assert clean_title(answer) == title


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("how many rows are there?", "How many rows are there"),
        (
            "\n\n  what is the average price per category and month in 2024?",
            "What is the average price per",
        ),
        ("???", FALLBACK_TITLE),
        ("x" * 200, "X" + "x" * 78 + "…"),
    ],
)
def test_title_from_question(question: str, title: str) -> None:
    assert title_from_question(question) == title


async def test_a_failed_title_call_falls_back_to_the_question(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.enqueue(text="The answer")
    fake_openai.behave(error="server_error")
    conversation = await new_conversation(client, user_headers)

    events = await ask(client, user_headers, conversation["id"], "which month sold best?")

    assert [e.data for e in events if e.name == "title"] == [{"title": "Which month sold best"}]
    assert events[-1].name == "done"
    summary = ok(await client.get(f"{CONVERSATIONS}{conversation['id']}", headers=user_headers))
    assert summary["title"] == "Which month sold best"
    purposes = [row.purpose for row in (await db.exec(select(LLMUsage))).all()]
    assert purposes == ["reply"]


async def test_a_rename_during_the_first_reply_is_kept(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
) -> None:
    await make_key(db, user)
    fake_openai.enqueue(text="Slow answer", first_token_delay_seconds=0.3)
    fake_openai.behave(text="Generated title")
    conversation = await new_conversation(client, user_headers)
    url = f"{CONVERSATIONS}{conversation['id']}"

    async with client.stream(
        "POST", f"{url}/messages", headers=user_headers, json={"content": "Hi"}
    ) as response:
        lines = response.aiter_lines()
        assert (await anext(lines)).startswith("event: message_start")
        ok(await client.patch(url, headers=user_headers, json={"title": "My own name"}))
        rest = [line async for line in lines]

    assert "event: title" not in rest

    assert ok(await client.get(url, headers=user_headers))["title"] == "My own name"
    assert "event: done" in [line.strip() for line in rest]
