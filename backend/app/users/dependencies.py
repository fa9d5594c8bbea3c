import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import RateLimiterDep
from app.core.config import settings
from app.core.db import SessionDep
from app.core.rate_limit import client_ip
from app.models import User
from app.users import service


async def get_user_by_id(session: SessionDep, user_id: uuid.UUID) -> User:
    return await service.get_user(session, user_id=user_id)


UserById = Annotated[User, Depends(get_user_by_id)]


async def limit_signups(request: Request, limiter: RateLimiterDep) -> None:
    # By address only: an attacker creating accounts uses a new e-mail address each time.
    await limiter.hit(settings.RATE_LIMIT_SIGNUP, name="signup", identifiers=(client_ip(request),))
