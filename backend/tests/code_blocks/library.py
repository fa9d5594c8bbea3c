"""Helpers for the code library's API tests: snippets saved through the API, reply blocks saved the
way the chat stream saves them (code_blocks.service.save_reply_block) into real conversations."""

import uuid
from typing import Any

from httpx import AsyncClient, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import service
from app.conversations import message_writes
from app.models import CodeBlock, Message, User

LIBRARY = "/api/v1/code-blocks/"
CONVERSATIONS = "/api/v1/conversations/"
FILES = "/api/v1/files/"

SALES_CODE = """\
import pandas as pd

totals = df.groupby("region")["amount"].sum()
result = totals.sort_values(ascending=False)
"""


def ok(response: Response, status_code: int = 200) -> Any:
    assert response.status_code == status_code, response.text
    return response.json() if response.content else None


def refused(response: Response, status_code: int, kind: str) -> str:
    """The error's sentence, once its status and kind are checked."""
    assert response.status_code == status_code, response.text
    body = response.json()
    assert set(body) == {"error", "detail"}
    assert body["error"] == kind, body
    detail: str = body["detail"]
    return detail


async def save_snippet(
    client: AsyncClient, headers: dict[str, str], code: str = SALES_CODE, **fields: Any
) -> dict[str, Any]:
    return dict(ok(await client.post(LIBRARY, headers=headers, json={"code": code, **fields}), 201))


async def edit(
    client: AsyncClient, headers: dict[str, str], block_id: str, **fields: Any
) -> dict[str, Any]:
    return dict(ok(await client.patch(f"{LIBRARY}{block_id}", headers=headers, json=fields)))


async def search(client: AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    return dict(ok(await client.get(LIBRARY, headers=headers, params=params)))


async def found_titles(client: AsyncClient, headers: dict[str, str], **params: Any) -> list[str]:
    return [entry["title"] for entry in (await search(client, headers, **params))["data"]]


async def new_conversation(
    client: AsyncClient, headers: dict[str, str], **body: Any
) -> dict[str, Any]:
    return dict(ok(await client.post(CONVERSATIONS, headers=headers, json=body), 201))


async def upload_csv(
    client: AsyncClient, headers: dict[str, str], filename: str = "sales.csv"
) -> dict[str, Any]:
    content = b"region,amount\nNorth,10.5\nSouth,20\nNorth,7\n"
    response = await client.post(
        FILES, headers=headers, files={"file": (filename, content, "text/csv")}
    )
    return dict(ok(response, 201))


async def reply_in(db: AsyncSession, *, owner: User, conversation_id: str) -> Message:
    """An assistant message in the conversation, as a reply about to stream stores it."""
    message = await message_writes.add_assistant_message(
        db,
        conversation_id=uuid.UUID(conversation_id),
        user_id=owner.id,
        provider="openai",
        model="gpt-4o-mini",
    )
    await db.commit()
    return message


async def save_reply_block(
    db: AsyncSession,
    *,
    owner: User,
    conversation_id: str,
    message: Message,
    code: str = SALES_CODE,
    index: int = 0,
    language: str | None = "python",
    prose_before: str = "",
    file_ids: list[str] | None = None,
) -> CodeBlock:
    block = await service.save_reply_block(
        db,
        owner_id=owner.id,
        conversation_id=uuid.UUID(conversation_id),
        message_id=message.id,
        provider="openai",
        model="gpt-4o-mini",
        file_ids=[uuid.UUID(file_id) for file_id in file_ids or []],
        index=index,
        language=language,
        code=code,
        prose_before=prose_before,
    )
    await db.commit()
    return block
