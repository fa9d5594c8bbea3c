"""The pre-run check: the columns a version's code reads, against each file's columns.

Only a warning: the analysis may miss or over-count columns (see code_blocks.columns), so a file
with missing columns can still be run on, and one without may still fail.
"""

import uuid

from sqlmodel.ext.asyncio.session import AsyncSession

from app.execution.runs.datasets import owned_files
from app.execution.runs.schemas import CodeBlockCompatibility, FileCompatibility
from app.models import CodeBlock, File


async def check_compatibility(
    session: AsyncSession, *, block: CodeBlock, file_ids: list[uuid.UUID]
) -> CodeBlockCompatibility:
    """For each of the owner's files (404 for any other), the columns `block` reads that it lacks."""
    files = await owned_files(session, owner_id=block.user_id, file_ids=file_ids, with_profile=True)
    return CodeBlockCompatibility(data=[compare(block, file) for file in files])


def compare(block: CodeBlock, file: File) -> FileCompatibility:
    # The stored profile (files.schemas.FileProfile) names the columns as the loaded data has them.
    present = {column["name"] for column in file.profile["columns"]}
    missing = [name for name in block.columns_referenced if name not in present]
    return FileCompatibility(
        file_id=file.id,
        filename=file.filename,
        columns_referenced=block.columns_referenced,
        missing_columns=missing,
        compatible=not missing,
    )
