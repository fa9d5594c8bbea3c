"""What a reply's code blocks became: their library entries, their runs in the chat and the
automatic fix, read for many replies at once (a page of messages) in three queries."""

import uuid
from dataclasses import dataclass, field

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import service as code_blocks_service
from app.execution.runs import service as runs_service
from app.execution.runs.schemas import ExecutionPublic
from app.models import CodeBlock


@dataclass
class BlockRecord:
    entry: CodeBlock  # the version saved from the reply (version 1)
    runs: list[ExecutionPublic] = field(default_factory=list)  # in the chat, oldest first
    fixed: CodeBlock | None = None  # the version the automatic fix saved, if any


async def records_of(
    session: AsyncSession, *, owner_id: uuid.UUID, message_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[BlockRecord]]:
    """Per reply, its saved blocks in order, with their chat runs and fixes."""
    saved = await code_blocks_service.blocks_of_messages(session, message_ids=message_ids)
    runs = await runs_service.chat_runs(session, message_ids=message_ids)
    executions = [execution for found in runs.values() for execution in found]
    public = {
        run.id: run
        for run in await runs_service.public_runs(session, owner_id=owner_id, executions=executions)
    }
    # A chat run of another version than the reply's own is a run of its fix.
    fix_ids = {
        execution.code_block_id: execution.lineage_id
        for execution in executions
        if execution.code_block_id != execution.lineage_id
    }
    fixes: dict[uuid.UUID, CodeBlock] = {}
    if fix_ids:
        query = select(CodeBlock).where(col(CodeBlock.id).in_(list(fix_ids)))
        fixes = {block.lineage_id: block for block in (await session.exec(query)).all()}
    return {
        message_id: [
            BlockRecord(
                entry=entry,
                runs=[public[run.id] for run in runs.get(entry.lineage_id, [])],
                fixed=fixes.get(entry.lineage_id),
            )
            for entry in entries
        ]
        for message_id, entries in saved.items()
    }
