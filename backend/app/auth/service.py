"""Logging in, recognising the caller from a token, and password recovery.

Nothing here reveals whether an e-mail address is registered: a wrong address and a wrong password
get the same answer after the same amount of hashing work, and recovery always answers the same.
"""

import secrets
from typing import Protocol, TypeVar

import jwt
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth.emails import password_reset_email
from app.auth.exceptions import InactiveUser, IncorrectCredentials, InvalidResetToken, InvalidToken
from app.auth.schemas import Token
from app.core.email import Outbox
from app.core.schemas import Message
from app.core.security import (
    TokenClaims,
    create_access_token,
    decode_token,
    hash_password,
    verify_password,
)
from app.models import User
from app.users import service as users_service
from app.users.schemas import PASSWORD_MAX_LENGTH

RECOVERY_MESSAGE = (
    "If an account exists for this email address, a link to reset its password is on its way."
)
_dummy_hash: str | None = None


async def _hash_to_compare_against_when_no_user() -> str:
    # Verifying against a real hash costs as much as a real login attempt, so response times do not
    # tell registered addresses apart from unknown ones.
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = await hash_password(secrets.token_urlsafe(16))
    return _dummy_hash


async def log_in(session: AsyncSession, *, email: str, password: str) -> Token:
    if len(password) > PASSWORD_MAX_LENGTH or "\x00" in email:
        # No account has such a password or address: answer without hashing or querying.
        raise IncorrectCredentials
    user = await users_service.get_user_by_email(session, email=email)
    stored_hash = user.hashed_password if user else await _hash_to_compare_against_when_no_user()
    valid, upgraded_hash = await verify_password(password, stored_hash)
    if user is None or not valid:
        raise IncorrectCredentials
    if not user.is_active:
        raise InactiveUser
    if upgraded_hash is not None:
        # The stored hash used older (weaker) parameters: keep the fresh one.
        user.hashed_password = upgraded_hash
        await session.flush()
    return Token(
        access_token=create_access_token(user_id=user.id, token_version=user.token_version)
    )


def access_claims(token: str) -> TokenClaims:
    """What a valid access token says (checked against its user by verified_user); InvalidToken."""
    try:
        return decode_token(token, purpose="access")
    except jwt.ExpiredSignatureError as error:
        raise InvalidToken("Your session has expired. Please log in again.") from error
    except jwt.InvalidTokenError as error:
        raise InvalidToken from error


class TokenHolder(Protocol):
    """What verified_user reads of a user: a User, or only these columns of its row."""

    @property
    def is_active(self) -> bool: ...
    @property
    def token_version(self) -> int: ...


HolderT = TypeVar("HolderT", bound=TokenHolder)


def verified_user(user: HolderT | None, claims: TokenClaims) -> HolderT:
    """The user the claims name, if the token is still theirs and they are active."""
    if user is None or user.token_version != claims.token_version:
        raise InvalidToken
    if not user.is_active:
        raise InactiveUser
    return user


async def request_password_recovery(
    session: AsyncSession, *, email: str, outbox: Outbox
) -> Message:
    user = await users_service.get_user_by_email(session, email=email)
    if user is not None and user.is_active:
        outbox.send_later(password_reset_email(user))
    return Message(message=RECOVERY_MESSAGE)


async def reset_password(session: AsyncSession, *, token: str, new_password: str) -> Message:
    try:
        claims = decode_token(token, purpose="password-reset")
    except jwt.InvalidTokenError as error:
        raise InvalidResetToken from error
    user = await session.get(User, claims.user_id)
    # The version check makes the link single-use: setting the password raises the version.
    if user is None or user.token_version != claims.token_version:
        raise InvalidResetToken
    if not user.is_active:
        raise InactiveUser
    await users_service.set_password(session, user=user, new_password=new_password)
    return Message(message="Your password has been updated. You can now log in.")
