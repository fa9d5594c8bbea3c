"""Token usage: one row per LLM call, summed per month, provider and model for the user."""

import uuid
from typing import Literal

from sqlalchemy import Table, func, insert
from sqlalchemy.dialects import postgresql
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.llm import schemas
from app.models import LLMUsage, User

Purpose = Literal["reply", "title", "validation"]

_USAGE: Table = LLMUsage.__table__  # type: ignore[attr-defined]


async def record_usage(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    provider: str,
    model: str,
    input_tokens: int,
    output_tokens: int,
    conversation_id: uuid.UUID | None = None,
    api_key_id: uuid.UUID | None = None,
    purpose: Purpose,
) -> LLMUsage:
    """Record one call's tokens (sent, not committed); the row is returned as a detached record. A
    Core INSERT: it ends every reply, and the ORM's flush of one new object costs several times the
    statement's own CPU."""
    usage = LLMUsage(
        user_id=user_id,
        provider=provider,
        model=model[:200],
        conversation_id=conversation_id,
        api_key_id=api_key_id,
        input_tokens=max(input_tokens, 0),
        output_tokens=max(output_tokens, 0),
        purpose=purpose,
    )
    await session.exec(insert(_USAGE), params=usage.model_dump())
    return usage


async def usage_report(session: AsyncSession, *, owner: User) -> schemas.Usage:
    month = func.to_char(func.timezone("UTC", col(LLMUsage.created_at)), "YYYY-MM").label("month")
    query = (
        select(
            month,
            col(LLMUsage.provider),
            col(LLMUsage.model),
            # One column carrying [input, output, calls]: select() is typed for up to four columns.
            postgresql.array(
                [func.sum(LLMUsage.input_tokens), func.sum(LLMUsage.output_tokens), func.count()]
            ),
        )
        .where(LLMUsage.user_id == owner.id)
        .group_by(month, col(LLMUsage.provider), col(LLMUsage.model))
        .order_by(month.desc(), col(LLMUsage.provider), col(LLMUsage.model))
    )
    rows = (await session.exec(query)).all()
    months = [
        schemas.UsageMonth.model_validate(
            {
                "month": row[0],
                "provider": row[1],
                "model": row[2],
                "input_tokens": int(row[3][0] or 0),
                "output_tokens": int(row[3][1] or 0),
                "calls": int(row[3][2]),
            }
        )
        for row in rows
    ]
    return schemas.Usage(
        months=months,
        total_input_tokens=sum(entry.input_tokens for entry in months),
        total_output_tokens=sum(entry.output_tokens for entry in months),
    )
