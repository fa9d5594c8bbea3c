"""The versions of a library entry: listing them, finding one, adding the next."""

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks.analysed_code import analyse_code
from app.code_blocks.exceptions import CodeBlockNotFound, VersionNotFound
from app.code_blocks.schemas import CodeBlockVersion, CodeBlockVersionsPublic
from app.models import CodeBlock


async def list_versions(
    session: AsyncSession, *, block: CodeBlock, skip: int, limit: int
) -> CodeBlockVersionsPublic:
    """Every version of `block`'s entry, whichever version `block` is."""
    in_lineage = col(CodeBlock.lineage_id) == block.lineage_id
    count_query = select(func.count()).select_from(CodeBlock).where(in_lineage)
    total = (await session.exec(count_query)).one()
    page_query = (
        select(CodeBlock)
        .where(in_lineage)
        .order_by(col(CodeBlock.version).desc())
        .offset(skip)
        .limit(limit)
    )
    versions = (await session.exec(page_query)).all()
    return CodeBlockVersionsPublic(
        data=[CodeBlockVersion.model_validate(version) for version in versions], count=total
    )


async def get_version(session: AsyncSession, *, block: CodeBlock, version: int) -> CodeBlock:
    """Version number `version` of `block`'s entry."""
    if version == block.version:
        return block
    query = select(CodeBlock).where(
        col(CodeBlock.lineage_id) == block.lineage_id, col(CodeBlock.version) == version
    )
    found = (await session.exec(query)).first()
    if found is None:
        raise VersionNotFound(version)
    return found


async def add_version(
    session: AsyncSession, *, edited: CodeBlock, code: str, language: str | None
) -> CodeBlock:
    """The entry's next version, made from `edited` with new code, and now its latest. Title,
    description and tags are the entry's; the run status starts afresh."""
    analysed = await analyse_code(code, language=language, prose_before="")
    # Two edits of one entry at once would both pick the same next number: the first version's
    # row is the entry's lock. The queries after it see whatever the other edit committed.
    lock = select(CodeBlock.id).where(col(CodeBlock.id) == edited.lineage_id).with_for_update()
    if (await session.exec(lock)).first() is None:
        raise CodeBlockNotFound  # deleted meanwhile
    latest_query = (
        select(CodeBlock)
        .where(col(CodeBlock.lineage_id) == edited.lineage_id, col(CodeBlock.is_latest))
        .execution_options(populate_existing=True)
    )
    latest = (await session.exec(latest_query)).one()
    latest.is_latest = False
    # Written before the new row: at most one latest version per entry (a unique index).
    await session.flush()
    version = CodeBlock(
        user_id=edited.user_id,
        lineage_id=edited.lineage_id,
        version=latest.version + 1,
        parent_version_id=edited.id,
        is_latest=True,
        conversation_id=edited.conversation_id,
        message_id=edited.message_id,
        block_index=edited.block_index,
        provider=edited.provider,
        model=edited.model,
        file_ids=edited.file_ids,
        source=edited.source,
        code=code,
        language=language,
        title=latest.title,
        description=latest.description,
        tags=latest.tags,
        lineage_created_at=latest.lineage_created_at,
        **analysed.analysis_fields(),
    )
    session.add(version)
    await session.flush()
    return version
