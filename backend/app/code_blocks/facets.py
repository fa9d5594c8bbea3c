"""The values the library's filter menus offer: the user's tags, languages and imports."""

from typing import Any

from sqlalchemy import ColumnExpressionArgument, func, label
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks.schemas import CodeBlockFacets, FacetValue
from app.code_blocks.search import owned_latest, search_time_limit
from app.models import CodeBlock, User

MAX_FACET_VALUES = 50


async def code_block_facets(session: AsyncSession, *, owner: User) -> CodeBlockFacets:
    """Each value with the number of the user's entries (latest versions) that have it."""
    owned = owned_latest(owner)
    async with search_time_limit(session):
        tags = await _counted(session, func.unnest(col(CodeBlock.tags)), owned)
        imports = await _counted(session, func.unnest(col(CodeBlock.imports)), owned)
        languages = await _counted(
            session, col(CodeBlock.language), [*owned, col(CodeBlock.language).is_not(None)]
        )
    return CodeBlockFacets(tags=tags, languages=languages, imports=imports)


async def _counted(
    session: AsyncSession,
    value: ColumnExpressionArgument[Any],
    conditions: list[ColumnExpressionArgument[bool]],
) -> list[FacetValue]:
    values = select(label("value", value)).where(*conditions).subquery()
    count = func.count()
    query = (
        select(values.c.value, count.label("count"))
        .group_by(values.c.value)
        .order_by(count.desc(), values.c.value)
        .limit(MAX_FACET_VALUES)
    )
    rows = (await session.exec(query)).all()
    return [FacetValue(value=row_value, count=row_count) for row_value, row_count in rows]
