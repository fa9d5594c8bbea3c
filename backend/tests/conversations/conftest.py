"""Helpers for the conversations tests: a client that reads event streams as they arrive, files,
keys and questions set up through the API (keys directly in the database: their checks are the
api_keys tests' business)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx import AsyncClient, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.encryption import encrypt_secret
from app.models import ApiKey, User
from tests.conversations.streams import Event, StreamingASGITransport, read_events

CONVERSATIONS = "/api/v1/conversations/"
FILES = "/api/v1/files/"
SALES_CSV = b"region,amount\nNorth,10.5\nSouth,20\nNorth,7\n"
FAKE_SECRET = "sk-test-secret-value-0001"


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    """Like the root client, but event streams arrive piece by piece and can be hung up on."""
    async with (
        LifespanManager(app) as manager,
        AsyncClient(
            transport=StreamingASGITransport(manager.app), base_url="http://app.test"
        ) as http,
    ):
        yield http


def ok(response: Response, status_code: int = 200) -> Any:
    assert response.status_code == status_code, response.text
    return response.json()


async def upload_csv(
    client: AsyncClient,
    headers: dict[str, str],
    content: bytes = SALES_CSV,
    filename: str = "sales.csv",
) -> dict[str, Any]:
    response = await client.post(
        FILES, headers=headers, files={"file": (filename, content, "text/csv")}
    )
    return dict(ok(response, 201))


async def new_conversation(
    client: AsyncClient, headers: dict[str, str], **body: Any
) -> dict[str, Any]:
    return dict(ok(await client.post(CONVERSATIONS, headers=headers, json=body), 201))


async def ask(
    client: AsyncClient,
    headers: dict[str, str],
    conversation_id: str,
    content: str = "What is the total amount per region?",
    **body: Any,
) -> list[Event]:
    """Ask a question and read the whole reply stream."""
    async with asking(client, headers, conversation_id, content, **body) as events:
        return [event async for event in events]


@asynccontextmanager
async def asking(
    client: AsyncClient,
    headers: dict[str, str],
    conversation_id: str,
    content: str = "What is the total amount per region?",
    **body: Any,
) -> AsyncIterator[AsyncIterator[Event]]:
    """Ask a question and read the reply's events as they arrive (leaving early hangs up)."""
    async with client.stream(
        "POST",
        f"{CONVERSATIONS}{conversation_id}/messages",
        headers=headers,
        json={"content": content, **body},
    ) as response:
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        yield read_events(response)


async def messages_of(
    client: AsyncClient, headers: dict[str, str], conversation_id: str
) -> list[dict[str, Any]]:
    body = ok(await client.get(f"{CONVERSATIONS}{conversation_id}/messages", headers=headers))
    return list(body["data"])


def names(events: list[Event]) -> list[str]:
    return [event.name for event in events]


def reply_text(events: list[Event]) -> str:
    return "".join(event.data["text"] for event in events if event.name == "delta")


async def make_key(
    db: AsyncSession,
    owner: User,
    *,
    provider: str = "openai",
    models: list[str] | None = None,
    default_model: str | None = None,
    is_default: bool = True,
    base_url: str | None = None,
    secret: str = FAKE_SECRET,
) -> ApiKey:
    key = ApiKey(
        user_id=owner.id,
        provider=provider,
        label=f"{provider} key",
        base_url=base_url,
        encrypted_key=encrypt_secret(secret),
        key_last4=secret[-4:],
        status="valid",
        models=["fake-model-large", "fake-model-small"] if models is None else models,
        default_model=default_model,
        is_default=is_default,
    )
    db.add(key)
    await db.commit()
    return key
