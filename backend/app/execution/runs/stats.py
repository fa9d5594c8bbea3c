"""The reuse figures of a user's library: how many entries ran, ran again, and on how many files."""

from sqlalchemy import Float, case, cast, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks.search import owned_latest
from app.execution.runs.counts import runs_by_lineage
from app.execution.runs.schemas import CodeBlockStats
from app.models import CodeBlock, Execution, User


async def code_block_stats(session: AsyncSession, *, owner: User) -> CodeBlockStats:
    blocks_query = select(func.count()).select_from(CodeBlock).where(*owned_latest(owner))
    blocks = (await session.exec(blocks_query)).one()
    # Runs go with their entry (ON DELETE CASCADE): every entry counted here still exists.
    per_entry = runs_by_lineage(col(Execution.user_id) == owner.id)
    figures_query = select(
        func.count(),
        func.coalesce(func.sum(case((per_entry.c.runs > 1, 1), else_=0)), 0),
        func.coalesce(func.avg(cast(per_entry.c.distinct_files, Float)), 0.0),
    ).select_from(per_entry)
    blocks_run, run_more_than_once, average_files = (await session.exec(figures_query)).one()
    return CodeBlockStats(
        blocks=blocks,
        blocks_run=blocks_run,
        blocks_run_more_than_once=run_more_than_once,
        share_run_more_than_once=run_more_than_once / blocks if blocks else 0.0,
        average_distinct_files=float(average_files),
    )
