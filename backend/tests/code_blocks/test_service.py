"""The two functions the chat stream calls: save_reply_block and blocks_of_messages."""

import uuid

from httpx import AsyncClient
from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import service
from app.models import CodeBlock, Message, User
from tests.code_blocks.library import (
    edit,
    new_conversation,
    reply_in,
    save_reply_block,
    upload_csv,
)

PROSE = (
    "Sure! To find the total amount for each region, group the rows by region and sum the "
    "amounts:\n\n"
)


async def test_a_reply_block_is_saved_analysed_and_described(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    file = await upload_csv(client, user_headers)
    conversation = await new_conversation(client, user_headers, file_ids=[file["id"]])
    message = await reply_in(db, owner=user, conversation_id=conversation["id"])

    block = await save_reply_block(
        db,
        owner=user,
        conversation_id=conversation["id"],
        message=message,
        index=1,
        language="py3",
        prose_before=PROSE,
        file_ids=[file["id"], file["id"]],
        code='import pandas as pd\nresult = df.groupby("region")["amount"].sum()\n',
    )

    assert block.id == block.lineage_id
    assert (block.version, block.is_latest, block.parent_version_id) == (1, True, None)
    assert block.source == "chat"
    assert block.language == "python"
    assert block.imports == ["pandas"]
    assert block.columns_referenced == ["region", "amount"]
    assert block.variables_created == ["result"]
    assert block.file_ids == [uuid.UUID(file["id"])]
    assert (block.provider, block.model, block.block_index) == ("openai", "gpt-4o-mini", 1)
    assert "region" in block.title.lower()
    assert "region" in block.description.lower()
    assert block.tags == []
    assert block.executed_successfully is None


async def test_untagged_blocks_are_recognised_or_left_unanalysed(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)
    message = await reply_in(db, owner=user, conversation_id=conversation["id"])

    python = await save_reply_block(
        db,
        owner=user,
        conversation_id=conversation["id"],
        message=message,
        language=None,
        code="import numpy as np\nresult = df.describe()",
    )
    shell = await save_reply_block(
        db,
        owner=user,
        conversation_id=conversation["id"],
        message=message,
        index=1,
        language=None,
        code="ls -la",
    )

    assert (python.language, python.imports) == ("python", ["numpy"])
    assert (shell.language, shell.imports, shell.syntax_error) == (None, [], None)
    assert shell.title


async def test_saving_flushes_without_committing(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)
    message = await reply_in(db, owner=user, conversation_id=conversation["id"])

    block = await service.save_reply_block(
        db,
        owner_id=user.id,
        conversation_id=uuid.UUID(conversation["id"]),
        message_id=message.id,
        provider="openai",
        model="gpt-4o-mini",
        file_ids=[],
        index=0,
        language="python",
        code="x = 1",
        prose_before="",
    )
    stored = (await db.exec(select(CodeBlock.id))).all()
    assert stored == [block.id]

    await db.rollback()

    assert (await db.exec(select(func.count()).select_from(CodeBlock))).one() == 0


async def test_blocks_of_messages_are_the_first_versions_in_reply_order(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    conversation = await new_conversation(client, user_headers)
    first: Message = await reply_in(db, owner=user, conversation_id=conversation["id"])
    second: Message = await reply_in(db, owner=user, conversation_id=conversation["id"])
    quiet: Message = await reply_in(db, owner=user, conversation_id=conversation["id"])
    saved = {}
    for message, index in [(first, 1), (second, 0), (first, 0)]:
        saved[(message.id, index)] = await save_reply_block(
            db,
            owner=user,
            conversation_id=conversation["id"],
            message=message,
            index=index,
            code=f"x = {index}",
        )
    await edit(client, user_headers, str(saved[(first.id, 0)].id), code="x = 100")

    found = await service.blocks_of_messages(db, message_ids=[first.id, second.id, quiet.id])

    assert set(found) == {first.id, second.id}
    assert [(block.block_index, block.code, block.version) for block in found[first.id]] == [
        (0, "x = 0", 1),
        (1, "x = 1", 1),
    ]
    assert [block.id for block in found[second.id]] == [saved[(second.id, 0)].id]
    assert await service.blocks_of_messages(db, message_ids=[]) == {}
