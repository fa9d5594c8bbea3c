from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel.ext.asyncio.session import AsyncSession

from app.execution.isolation import Isolation
from app.health.exceptions import DatabaseUnavailable
from app.health.schemas import Health


async def check_health(session: AsyncSession, *, isolation: Isolation) -> Health:
    try:
        await session.scalar(text("SELECT 1"))
    except (SQLAlchemyError, OSError) as error:
        raise DatabaseUnavailable from error
    return Health(sandbox=isolation.level, sandbox_missing=list(isolation.missing))
