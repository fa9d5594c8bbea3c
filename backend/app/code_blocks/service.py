"""The library's entries: blocks saved from replies and the user's own snippets, read, edited and
deleted. Search: code_blocks.search; versions: code_blocks.versions; exports:
code_blocks.export_service.

Editing the code (or language) of any version adds the next version of the entry, made from that
version, and it becomes the latest. Title, description and tags belong to the entry: a change to
them is written to every version. Versions are only ever deleted together, as the whole entry.
"""

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import col, delete, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import versions
from app.code_blocks.analysed_code import AnalysedCode, analyse_code
from app.code_blocks.exceptions import CodeBlockNotFound
from app.code_blocks.languages import normalise_language
from app.code_blocks.schemas import CodeBlockCreate, CodeBlockDetail, CodeBlockUpdate
from app.code_blocks.summaries import to_detail
from app.execution.runs.counts import lineage_run_count
from app.models import CodeBlock, Conversation, File, User
from app.models.base import utc_now


async def get_code_block(
    session: AsyncSession, *, owner: User, code_block_id: uuid.UUID
) -> CodeBlock:
    """Any version of one of the owner's entries."""
    query = select(CodeBlock).where(
        col(CodeBlock.id) == code_block_id, col(CodeBlock.user_id) == owner.id
    )
    block = (await session.exec(query)).first()
    if block is None:
        raise CodeBlockNotFound
    return block


async def create_code_block(
    session: AsyncSession, *, owner: User, data: CodeBlockCreate
) -> CodeBlock:
    """Save the user's own snippet."""
    language = normalise_language(data.language, data.code)
    analysed = await analyse_code(data.code, language=language, prose_before="")
    block = _first_version(
        owner_id=owner.id,
        source="user",
        code=data.code,
        language=language,
        analysed=analysed,
        title=data.title or analysed.title,
        description=analysed.description if data.description is None else data.description,
        tags=data.tags,
    )
    session.add(block)
    await session.flush()
    return block


async def save_reply_block(
    session: AsyncSession,
    *,
    owner_id: uuid.UUID,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
    provider: str,
    model: str,
    file_ids: list[uuid.UUID],
    index: int,
    language: str | None,
    code: str,
    prose_before: str,
) -> CodeBlock:
    """Keep a block of a reply as a new library entry; `language` is the fence's tag as written and
    `prose_before` the reply's text before the block (the title and description come from it)."""
    normalised = normalise_language(language, code)
    analysed = await analyse_code(code, language=normalised, prose_before=prose_before)
    block = _first_version(
        owner_id=owner_id,
        source="chat",
        code=code,
        language=normalised,
        analysed=analysed,
        title=analysed.title,
        description=analysed.description,
        tags=[],
        conversation_id=conversation_id,
        message_id=message_id,
        block_index=index,
        provider=provider,
        model=model,
        file_ids=list(dict.fromkeys(file_ids)),
    )
    session.add(block)
    await session.flush()
    return block


async def blocks_of_messages(
    session: AsyncSession, *, message_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[CodeBlock]]:
    """The blocks saved from each of these replies (their first versions), in reply order."""
    if not message_ids:
        return {}
    query = (
        select(CodeBlock)
        .where(col(CodeBlock.message_id).in_(message_ids), col(CodeBlock.version) == 1)
        .order_by(col(CodeBlock.block_index), col(CodeBlock.created_at))
    )
    found: dict[uuid.UUID, list[CodeBlock]] = {}
    for block in (await session.exec(query)).all():
        if block.message_id is not None:
            found.setdefault(block.message_id, []).append(block)
    return found


async def read_code_block(session: AsyncSession, *, block: CodeBlock) -> CodeBlockDetail:
    """The version in full, with its entry's latest version, conversation and files."""
    latest_id, latest_version = block.id, block.version
    if not block.is_latest:
        latest_query = select(CodeBlock.id, CodeBlock.version).where(
            col(CodeBlock.lineage_id) == block.lineage_id, col(CodeBlock.is_latest)
        )
        latest_id, latest_version = (await session.exec(latest_query)).one()
    return to_detail(
        block,
        conversation_title=await conversation_title(session, block=block),
        files=await _existing_files(session, block=block),
        latest_version_id=latest_id,
        versions_count=latest_version,
        runs=await lineage_run_count(session, lineage_id=block.lineage_id),
    )


async def update_code_block(
    session: AsyncSession, *, block: CodeBlock, data: CodeBlockUpdate
) -> CodeBlock:
    """New code or language: the entry's next version, made from `block`. The rest: every version."""
    code = block.code if data.code is None else data.code
    if "language" in data.model_fields_set:
        language = normalise_language(data.language, code)
    elif code != block.code and block.language is None:
        language = normalise_language(None, code)  # new code may be recognisable as Python
    else:
        language = block.language
    if code != block.code or language != block.language:
        block = await versions.add_version(session, edited=block, code=code, language=language)

    entry_changes: dict[str, Any] = {
        name: getattr(data, name)
        for name in ("title", "description", "tags")
        if name in data.model_fields_set and getattr(data, name) != getattr(block, name)
    }
    if entry_changes:
        statement = (
            update(CodeBlock)
            .where(col(CodeBlock.lineage_id) == block.lineage_id)
            .values(**entry_changes, updated_at=utc_now())
        )
        await session.exec(statement)
        await session.refresh(block)
    return block


async def delete_code_block(session: AsyncSession, *, block: CodeBlock) -> None:
    """Delete the entry: every version of it."""
    statement = delete(CodeBlock).where(
        col(CodeBlock.lineage_id) == block.lineage_id, col(CodeBlock.user_id) == block.user_id
    )
    await session.exec(statement)


def _first_version(
    *,
    owner_id: uuid.UUID,
    source: str,
    code: str,
    language: str | None,
    analysed: AnalysedCode,
    title: str,
    description: str,
    tags: list[str],
    **provenance: Any,
) -> CodeBlock:
    block_id = uuid.uuid4()
    now = utc_now()
    return CodeBlock(
        id=block_id,
        user_id=owner_id,
        lineage_id=block_id,
        version=1,
        is_latest=True,
        source=source,
        code=code,
        language=language,
        title=title,
        description=description,
        tags=tags,
        lineage_created_at=now,
        created_at=now,
        updated_at=now,
        **provenance,
        **analysed.analysis_fields(),
    )


async def conversation_title(session: AsyncSession, *, block: CodeBlock) -> str | None:
    """The title of the conversation the block came from (None: untitled, deleted or none)."""
    if block.conversation_id is None:
        return None
    query = select(Conversation.title).where(col(Conversation.id) == block.conversation_id)
    return (await session.exec(query)).first()


async def _existing_files(session: AsyncSession, *, block: CodeBlock) -> Sequence[File]:
    """The block's files that still exist, in the order they were attached."""
    if not block.file_ids:
        return []
    query = (
        select(File)
        .where(col(File.id).in_(block.file_ids), col(File.user_id) == block.user_id)
        .options(defer(cast(QueryableAttribute[Any], File.profile), raiseload=True))
    )
    files = (await session.exec(query)).all()
    position = {file_id: index for index, file_id in enumerate(block.file_ids)}
    return sorted(files, key=lambda file: position[file.id])
