"""Who is calling: `CurrentUser` (any active user) and `AdminUser` (an active administrator).

Also the rate limits of the login and recovery endpoints, keyed by client address and e-mail address
so one attacker cannot lock a victim out from elsewhere.
"""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm

from app.auth import service
from app.auth.exceptions import NotAdmin, NotAuthenticated
from app.core.config import settings
from app.core.db import SessionDep
from app.core.rate_limit import RateLimiter, client_ip, get_rate_limiter
from app.core.security import TokenClaims
from app.models import User
from app.users.schemas import EmailAddress

# auto_error=False: a missing token is reported in our own error shape, not FastAPI's.
bearer_token = OAuth2PasswordBearer(tokenUrl="/api/v1/login/access-token", auto_error=False)
RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]


# async: FastAPI would run a plain `def` in its thread pool, a hand-off each way per request.
async def get_access_claims(token: Annotated[str | None, Depends(bearer_token)]) -> TokenClaims:
    if not token:
        raise NotAuthenticated
    return service.access_claims(token)


# A valid token's claims, before its user is read: for a route that reads the user with its data.
AccessClaims = Annotated[TokenClaims, Depends(get_access_claims)]


async def get_current_user(session: SessionDep, claims: AccessClaims) -> User:
    return service.verified_user(await session.get(User, claims.user_id), claims)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_current_admin(user: CurrentUser) -> User:
    if not user.is_superuser:
        raise NotAdmin
    return user


AdminUser = Annotated[User, Depends(get_current_admin)]


async def limit_login_attempts(
    request: Request,
    limiter: RateLimiterDep,
    form_data: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> None:
    await limiter.hit(
        settings.RATE_LIMIT_LOGIN,
        name="login",
        identifiers=(client_ip(request), form_data.username.strip().lower()),
    )


async def limit_password_recovery(
    request: Request, limiter: RateLimiterDep, email: EmailAddress
) -> None:
    await limiter.hit(
        settings.RATE_LIMIT_PASSWORD_RECOVERY,
        name="password-recovery",
        identifiers=(client_ip(request), email),
    )
