"""Token usage: recorded per call, summed per month, provider and model for its owner only."""

import uuid
from datetime import UTC, datetime

from httpx import AsyncClient
from sqlmodel import col, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.llm.usage import record_usage, usage_values
from app.models import LLMUsage, User
from tests.conftest import make_user

USAGE = "/api/v1/usage"


async def _record(
    db: AsyncSession, user: User, provider: str, model: str, tokens: tuple[int, int], when: datetime
) -> None:
    counted = usage_values(
        user_id=user.id,
        provider=provider,
        model=model,
        input_tokens=tokens[0],
        output_tokens=tokens[1],
        purpose="reply",
    )
    await record_usage(db, counted)
    stored_id = counted["usage_id"]
    await db.exec(update(LLMUsage).where(col(LLMUsage.id) == stored_id).values(created_at=when))
    await db.commit()


async def test_usage_is_summed_per_month_provider_and_model(
    client: AsyncClient, db: AsyncSession, user: User, user_headers: dict[str, str]
) -> None:
    october = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    november = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    await _record(db, user, "openai", "gpt-5-mini", (100, 20), october)
    await _record(db, user, "openai", "gpt-5-mini", (50, 5), november)
    await _record(db, user, "openai", "gpt-5-mini", (30, 3), november)
    await _record(db, user, "anthropic", "claude-sonnet-5", (400, 40), november)
    await _record(db, user, "builtin", "builtin", (0, 0), november)
    someone_else = await make_user(db)
    await _record(db, someone_else, "openai", "gpt-5-mini", (9999, 9999), november)

    response = await client.get(USAGE, headers=user_headers)

    assert response.status_code == 200
    assert response.json() == {
        "months": [
            {"month": "2026-11", "provider": "anthropic", "model": "claude-sonnet-5",
             "input_tokens": 400, "output_tokens": 40, "calls": 1},
            {"month": "2026-11", "provider": "builtin", "model": "builtin",
             "input_tokens": 0, "output_tokens": 0, "calls": 1},
            {"month": "2026-11", "provider": "openai", "model": "gpt-5-mini",
             "input_tokens": 80, "output_tokens": 8, "calls": 2},
            {"month": "2026-10", "provider": "openai", "model": "gpt-5-mini",
             "input_tokens": 100, "output_tokens": 20, "calls": 1},
        ],
        "total_input_tokens": 580,
        "total_output_tokens": 68,
    }  # fmt: skip


async def test_no_usage_yet(client: AsyncClient, user_headers: dict[str, str]) -> None:
    response = await client.get(USAGE, headers=user_headers)

    assert response.json() == {"months": [], "total_input_tokens": 0, "total_output_tokens": 0}


async def test_usage_needs_a_login(client: AsyncClient) -> None:
    assert (await client.get(USAGE)).status_code == 401


async def test_record_usage_keeps_what_the_call_was_for(db: AsyncSession, user: User) -> None:
    await record_usage(
        db,
        usage_values(
            user_id=user.id,
            provider="anthropic",
            model="claude-haiku-5",
            input_tokens=12,
            output_tokens=-1,  # a provider reporting nonsense does not make the sums negative
            purpose="title",
        ),
    )

    stored = (await db.exec(select(LLMUsage))).one()
    assert (stored.purpose, stored.input_tokens, stored.output_tokens) == ("title", 12, 0)
    assert stored.conversation_id is None
    assert stored.api_key_id is None


async def test_usage_of_a_call_whose_conversation_or_key_is_gone_is_kept_without_them(
    db: AsyncSession, user: User
) -> None:
    # Deleted while the reply streamed: the tokens were spent all the same.
    await record_usage(
        db,
        usage_values(
            user_id=user.id,
            provider="openai",
            model="gpt-5-mini",
            input_tokens=7,
            output_tokens=3,
            conversation_id=uuid.uuid4(),
            api_key_id=uuid.uuid4(),
            purpose="reply",
        ),
    )

    stored = (await db.exec(select(LLMUsage))).one()
    assert (stored.user_id, stored.input_tokens, stored.output_tokens) == (user.id, 7, 3)
    assert (stored.conversation_id, stored.api_key_id) == (None, None)


async def test_usage_of_a_deleted_account_is_not_recorded(db: AsyncSession) -> None:
    await record_usage(
        db,
        usage_values(
            user_id=uuid.uuid4(),
            provider="openai",
            model="gpt-5-mini",
            input_tokens=7,
            output_tokens=3,
            purpose="reply",
        ),
    )

    assert (await db.exec(select(LLMUsage))).all() == []
