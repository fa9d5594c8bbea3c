"""Token usage: one row per LLM call, summed per month, provider and model for the user."""

import uuid
from typing import Literal

from sqlalchemy import Integer, ScalarSelect, String, Table, Uuid, bindparam, exists, func, insert
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.llm import schemas
from app.models import ApiKey, Conversation, LLMUsage, User
from app.models.base import utc_now

Purpose = Literal["reply", "title", "validation"]

_USAGE: Table = LLMUsage.__table__  # type: ignore[attr-defined]
_USERS: Table = User.__table__  # type: ignore[attr-defined]
_CONVERSATIONS: Table = Conversation.__table__  # type: ignore[attr-defined]
_API_KEYS: Table = ApiKey.__table__  # type: ignore[attr-defined]


def _existing(table: Table, name: str) -> ScalarSelect[uuid.UUID]:
    """The parameter `name` if a row of `table` has that id (it may have been deleted meanwhile),
    else NULL."""
    return (
        core_select(table.c.id).where(table.c.id == bindparam(name, type_=Uuid)).scalar_subquery()
    )


# One call's tokens, counted as things are when the row is written, so no read is needed first: no
# row if the account is gone, and no conversation or key if either was deleted meanwhile (the
# tokens were spent all the same). Built once, with bind parameters (see usage_values): it ends
# every reply, inside the reply's own final statement (conversations.message_writes).
COUNT_USAGE = insert(_USAGE).from_select(
    [
        "id",
        "user_id",
        "provider",
        "model",
        "conversation_id",
        "api_key_id",
        "input_tokens",
        "output_tokens",
        "purpose",
        "created_at",
    ],
    core_select(
        bindparam("usage_id", type_=Uuid),
        bindparam("usage_user_id", type_=Uuid),
        bindparam("usage_provider", type_=String),
        bindparam("usage_model", type_=String),
        _existing(_CONVERSATIONS, "usage_conversation_id"),
        _existing(_API_KEYS, "usage_api_key_id"),
        bindparam("usage_input_tokens", type_=Integer),
        bindparam("usage_output_tokens", type_=Integer),
        bindparam("usage_purpose", type_=String),
        bindparam("usage_created_at", type_=_USAGE.c.created_at.type),
    ).where(exists().where(_USERS.c.id == bindparam("usage_user_id", type_=Uuid))),
)


def usage_values(
    *,
    user_id: uuid.UUID,
    provider: str,
    model: str,
    input_tokens: int,
    output_tokens: int,
    conversation_id: uuid.UUID | None = None,
    api_key_id: uuid.UUID | None = None,
    purpose: Purpose,
) -> dict[str, object]:
    """COUNT_USAGE's parameters for one call (its new row's id is "usage_id")."""
    return {
        "usage_id": uuid.uuid4(),
        "usage_user_id": user_id,
        "usage_provider": provider,
        "usage_model": model[:200],
        "usage_conversation_id": conversation_id,
        "usage_api_key_id": api_key_id,
        # A provider reporting nonsense does not make the sums negative.
        "usage_input_tokens": max(input_tokens, 0),
        "usage_output_tokens": max(output_tokens, 0),
        "usage_purpose": purpose,
        "usage_created_at": utc_now(),
    }


async def record_usage(session: AsyncSession, counted: dict[str, object]) -> None:
    """Record one call's tokens, `counted` by usage_values (sent, not committed)."""
    await session.exec(COUNT_USAGE, params=counted)


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
