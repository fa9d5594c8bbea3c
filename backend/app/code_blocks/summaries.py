"""How a stored version is shown: as an entry of the library's lists, or in full."""

import uuid
from collections.abc import Sequence
from typing import Any

from app.code_blocks.schemas import CodeBlockDetail, CodeBlockFile, CodeBlockSummary
from app.execution.runs.counts import RunCount
from app.models import CodeBlock, File

PREVIEW_LINES = 12
PREVIEW_CHARS = 600
# Lists read only this much of each block's code from the database (a block may hold 100,000).
PREVIEW_SOURCE_CHARS = PREVIEW_CHARS


def code_preview(code: str) -> str:
    """The first lines of the code, at most PREVIEW_LINES lines and PREVIEW_CHARS characters."""
    head = "\n".join(code.strip("\n").splitlines()[:PREVIEW_LINES])
    return head[:PREVIEW_CHARS].rstrip()


def to_summary(
    block: CodeBlock, *, code_head: str, conversation_title: str | None, runs: RunCount
) -> CodeBlockSummary:
    """A latest version as a list entry. Versions are only ever deleted all together, so the
    latest version's number is also the number of versions."""
    return CodeBlockSummary(
        **_entry_fields(block, conversation_title=conversation_title, runs=runs),
        versions_count=block.version,
        code_preview=code_preview(code_head),
    )


def to_detail(
    block: CodeBlock,
    *,
    conversation_title: str | None,
    files: Sequence[File],
    latest_version_id: uuid.UUID,
    versions_count: int,
    runs: RunCount,
) -> CodeBlockDetail:
    return CodeBlockDetail(
        **_entry_fields(block, conversation_title=conversation_title, runs=runs),
        versions_count=versions_count,
        code_preview=code_preview(block.code),
        code=block.code,
        functions_defined=block.functions_defined,
        classes_defined=block.classes_defined,
        variables_created=block.variables_created,
        syntax_error=block.syntax_error,
        provider=block.provider,
        model=block.model,
        message_id=block.message_id,
        block_index=block.block_index,
        files=[CodeBlockFile(id=file.id, filename=file.filename) for file in files],
        parent_version_id=block.parent_version_id,
        is_latest=block.is_latest,
        latest_version_id=latest_version_id,
        version_created_at=block.created_at,
    )


def _entry_fields(
    block: CodeBlock, *, conversation_title: str | None, runs: RunCount
) -> dict[str, Any]:
    return {
        "id": block.id,
        "lineage_id": block.lineage_id,
        "version": block.version,
        "title": block.title,
        "description": block.description,
        "language": block.language,
        "tags": block.tags,
        "imports": block.imports,
        "columns_referenced": block.columns_referenced,
        "source": block.source,
        "conversation_id": block.conversation_id,
        "conversation_title": conversation_title,
        "executed_successfully": block.executed_successfully,
        "run_count": runs.runs,
        "distinct_file_count": runs.distinct_files,
        "has_syntax_error": block.syntax_error is not None,
        "created_at": block.lineage_created_at,
        "updated_at": block.updated_at,
    }
