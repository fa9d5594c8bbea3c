"""How often library entries ran, and on how many distinct files (for the library's lists and the
reuse figures). Imports no other domain: code_blocks reads it."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, distinct, func, true
from sqlalchemy.sql.selectable import Subquery
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Execution


@dataclass(frozen=True)
class RunCount:
    runs: int = 0
    distinct_files: int = 0


NOT_RUN = RunCount()


def runs_by_lineage(*conditions: ColumnElement[bool]) -> Subquery:
    """Per entry (lineage_id) among the runs meeting `conditions`: `runs` and `distinct_files`."""
    # A function in FROM may read the row before it (implicitly LATERAL in PostgreSQL).
    run_file = (
        func.unnest(col(Execution.file_ids)).table_valued("file_id").render_derived("run_file")
    )
    lineage: Any = col(Execution.lineage_id)
    return (
        select(
            lineage.label("lineage_id"),
            func.count(distinct(col(Execution.id))).label("runs"),
            func.count(distinct(run_file.c.file_id)).label("distinct_files"),
        )
        .select_from(Execution)
        .outerjoin(run_file, true())
        .where(*conditions)
        .group_by(lineage)
        .subquery("runs_by_lineage")
    )


async def run_counts(
    session: AsyncSession, *, lineage_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, RunCount]:
    """The counts of these entries (those that never ran are absent: NOT_RUN)."""
    if not lineage_ids:
        return {}
    counted = runs_by_lineage(col(Execution.lineage_id).in_(list(set(lineage_ids))))
    rows = (
        await session.exec(select(counted.c.lineage_id, counted.c.runs, counted.c.distinct_files))
    ).all()
    return {lineage_id: RunCount(runs, files) for lineage_id, runs, files in rows}


async def lineage_run_count(session: AsyncSession, *, lineage_id: uuid.UUID) -> RunCount:
    return (await run_counts(session, lineage_ids=[lineage_id])).get(lineage_id, NOT_RUN)
