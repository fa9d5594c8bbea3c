"""Runs of code blocks: running a library version on files, recording every run, reading them back.

Every run is kept, whether it ran from the chat (the reply's stream records it) or the library.
No database transaction stays open while code runs: the caller reads what the run needs, commits,
runs, then records the result in a new transaction (runs take seconds; connections are few).
"""

import asyncio
import uuid
from collections.abc import Sequence
from typing import Any, Literal, cast

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import QueryableAttribute, defer
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col, func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import versions
from app.code_blocks.exceptions import CodeBlockNotFound
from app.execution.client import Sandbox
from app.execution.runs.datasets import datasets_for as datasets_for  # for the chat's runs too
from app.execution.runs.datasets import existing_files
from app.execution.runs.exceptions import (
    CodeNotRunnable,
    ExecutionNotFound,
    NotFromThisReply,
    ResultCsvNotFound,
)
from app.execution.runs.schemas import ExecutionFile, ExecutionPublic, ExecutionsPublic
from app.execution.runs.storable import storable_json, storable_text
from app.execution.schemas import RunResult
from app.files.storage import FileStorage
from app.models import CodeBlock, Execution, File, User

_RESULT_CSV = cast(QueryableAttribute[Any], Execution.result_csv)


async def record_run(
    session: AsyncSession,
    *,
    owner_id: uuid.UUID,
    block: CodeBlock,
    file_ids: list[uuid.UUID],
    result: RunResult,
    source: Literal["chat", "library"],
    message_id: uuid.UUID | None = None,
) -> Execution:
    """Keep one run of `block` (the version that ran), and mark that version as run."""
    execution = Execution(
        user_id=owner_id,
        code_block_id=block.id,
        lineage_id=block.lineage_id,
        version=block.version,
        file_ids=list(file_ids),
        source=source,
        message_id=message_id,
        status=result.status,
        duration_ms=result.duration_ms,
        stdout=storable_text(result.stdout),
        result=storable_json(result.result),
        figures=result.figures,
        figures_left_out=result.figures_left_out,
        error=storable_json(result.error.model_dump()) if result.error else None,
        result_csv=result.result_csv,
        result_csv_bytes=len(result.result_csv) if result.result_csv is not None else None,
    )
    succeeded = result.status == "succeeded"
    # An UPDATE rather than the object's attribute: `block` may belong to a session that is gone,
    # and a run is not an edit (updated_at stays).
    mark = (
        update(CodeBlock)
        .where(col(CodeBlock.id) == block.id)
        .values(executed_successfully=succeeded, updated_at=col(CodeBlock.updated_at))
    )
    session.add(execution)
    try:
        await session.exec(mark)
        await session.flush()
    except IntegrityError as error:
        # The block (or the reply it ran in) was deleted while the code ran.
        raise CodeBlockNotFound("The code block was deleted while it ran.") from error
    set_committed_value(block, "executed_successfully", succeeded)
    return execution


def to_public(execution: Execution, files: Sequence[File]) -> ExecutionPublic:
    """The run as the API shows it; `files` may hold more files than the run's (others ignored)."""
    by_id = {file.id: file for file in files}
    return ExecutionPublic.model_validate(
        {
            "id": execution.id,
            "code_block_id": execution.code_block_id,
            "lineage_id": execution.lineage_id,
            "version": execution.version,
            "source": execution.source,
            "message_id": execution.message_id,
            "status": execution.status,
            "duration_ms": execution.duration_ms,
            "stdout": execution.stdout,
            "result": execution.result,
            "figures": execution.figures,
            "figures_left_out": execution.figures_left_out,
            "error": execution.error,
            "has_csv": execution.result_csv_bytes is not None,
            "files": [
                ExecutionFile(id=file_id, filename=by_id[file_id].filename)
                for file_id in execution.file_ids
                if file_id in by_id
            ],
            "file_ids": execution.file_ids,
            "created_at": execution.created_at,
        }
    )


async def run_code_block(
    session: AsyncSession,
    *,
    block: CodeBlock,
    version: int | None,
    file_ids: list[uuid.UUID],
    sandbox: Sandbox,
    storage: FileStorage,
    message_id: uuid.UUID | None = None,
) -> ExecutionsPublic:
    """Run a version of `block`'s entry on each file (each its own run, at once as the sandbox
    allows) and keep every run; with `message_id` (the chat's Run button), once on all the files
    together, kept with that reply. Missing columns do not stop a run: it fails with the code's
    error."""
    if version is not None:
        block = await versions.get_version(session, block=block, version=version)
    if block.language != "python":
        raise CodeNotRunnable(block.language)
    if message_id is not None and block.message_id != message_id:
        raise NotFromThisReply
    pairs = await datasets_for(session, owner_id=block.user_id, file_ids=file_ids, storage=storage)
    # Only reads so far: end the transaction, so no connection waits on the sandbox.
    await session.commit()
    if message_id is not None:
        # In its reply, the block sees the conversation's files as the model was told: together.
        together = await sandbox.run(block.code, [dataset for _, dataset in pairs])
        execution = await record_run(
            session,
            owner_id=block.user_id,
            block=block,
            file_ids=[file.id for file, _ in pairs],
            result=together,
            source="chat",
            message_id=message_id,
        )
        executions = [execution]
    else:
        results = await asyncio.gather(
            *(sandbox.run(block.code, [dataset]) for _, dataset in pairs)
        )
        executions = [
            await record_run(
                session,
                owner_id=block.user_id,
                block=block,
                file_ids=[file.id],
                result=result,
                source="library",
            )
            for (file, _), result in zip(pairs, results, strict=True)
        ]
    files = [file for file, _ in pairs]
    data = [to_public(execution, files) for execution in executions]
    return ExecutionsPublic(data=data, count=len(data))


async def list_runs(
    session: AsyncSession, *, block: CodeBlock, skip: int, limit: int
) -> ExecutionsPublic:
    """Every run of `block`'s entry (all its versions), newest first."""
    in_lineage = (
        col(Execution.lineage_id) == block.lineage_id,
        col(Execution.user_id) == block.user_id,
    )
    total = (
        await session.exec(select(func.count()).select_from(Execution).where(*in_lineage))
    ).one()
    query = (
        select(Execution)
        .where(*in_lineage)
        .options(defer(_RESULT_CSV, raiseload=True))
        .order_by(col(Execution.created_at).desc(), col(Execution.id).desc())
        .offset(skip)
        .limit(limit)
    )
    executions = (await session.exec(query)).all()
    return ExecutionsPublic(
        data=await public_runs(session, owner_id=block.user_id, executions=executions), count=total
    )


async def public_runs(
    session: AsyncSession, *, owner_id: uuid.UUID, executions: Sequence[Execution]
) -> list[ExecutionPublic]:
    """Runs as the API shows them, their files read in one query."""
    file_ids = [file_id for execution in executions for file_id in execution.file_ids]
    files = await existing_files(session, owner_id=owner_id, file_ids=file_ids)
    return [to_public(execution, files) for execution in executions]


async def get_execution(
    session: AsyncSession, *, owner: User, execution_id: uuid.UUID
) -> Execution:
    """One of the owner's runs (its CSV left unread)."""
    query = (
        select(Execution)
        .where(col(Execution.id) == execution_id, col(Execution.user_id) == owner.id)
        .options(defer(_RESULT_CSV, raiseload=True))
    )
    execution = (await session.exec(query)).first()
    if execution is None:
        raise ExecutionNotFound
    return execution


async def read_execution(session: AsyncSession, *, execution: Execution) -> ExecutionPublic:
    return (await public_runs(session, owner_id=execution.user_id, executions=[execution]))[0]


async def result_csv(session: AsyncSession, *, execution: Execution) -> bytes:
    """The run's whole table result as CSV; ResultCsvNotFound when it kept none."""
    query = select(Execution.result_csv).where(col(Execution.id) == execution.id)
    csv = (await session.exec(query)).first()
    if csv is None:
        raise ResultCsvNotFound
    return csv


async def chat_runs(
    session: AsyncSession, *, message_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[Execution]]:
    """The chat runs of these replies, by library entry (lineage_id), oldest first."""
    if not message_ids:
        return {}
    query = (
        select(Execution)
        .where(col(Execution.message_id).in_(message_ids), col(Execution.source) == "chat")
        .options(defer(_RESULT_CSV, raiseload=True))
        .order_by(col(Execution.created_at), col(Execution.id))
    )
    found: dict[uuid.UUID, list[Execution]] = {}
    for execution in (await session.exec(query)).all():
        found.setdefault(execution.lineage_id, []).append(execution)
    return found
