from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm

from app.auth import service
from app.auth.dependencies import limit_login_attempts, limit_password_recovery
from app.auth.schemas import NewPassword, Token
from app.core.db import SessionDep
from app.core.email import OutboxDep
from app.core.errors import error_responses
from app.core.schemas import Message
from app.users.schemas import EmailAddress

router = APIRouter(tags=["auth"])


@router.post(
    "/login/access-token",
    dependencies=[Depends(limit_login_attempts)],
    responses=error_responses(400, 403, 429),
)
async def login_access_token(
    session: SessionDep, form_data: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> Token:
    """Log in with e-mail (as `username`) and password; returns a bearer access token."""
    return await service.log_in(session, email=form_data.username, password=form_data.password)


@router.post(
    "/password-recovery/{email}",
    dependencies=[Depends(limit_password_recovery)],
    responses=error_responses(429),
)
async def recover_password(session: SessionDep, email: EmailAddress, outbox: OutboxDep) -> Message:
    """E-mail a password reset link; answers the same whether or not the address is registered."""
    return await service.request_password_recovery(session, email=email, outbox=outbox)


@router.post("/reset-password/", responses=error_responses(400, 403))
async def reset_password(session: SessionDep, body: NewPassword) -> Message:
    """Set a new password with the token from a reset e-mail (each link works once)."""
    return await service.reset_password(session, token=body.token, new_password=body.new_password)
