"""Accounts: registration, profile, passwords and the administrators' view of users.

One rule spans several operations: there is always at least one active administrator, so the last one
cannot delete, deactivate or demote themself (whichever endpoint they use).
"""

import logging
import uuid
from typing import Any

from sqlalchemy import ColumnElement, func, or_, true
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth.exceptions import IncorrectCredentials
from app.auth.schemas import Token
from app.core.search import contains_pattern
from app.core.security import create_access_token, hash_password, verify_password
from app.files import service as files_service
from app.files.storage import FileStorage
from app.models import User
from app.users.exceptions import EmailAlreadyRegistered, LastAdmin, UserNotFound
from app.users.schemas import (
    UserCreate,
    UserRegister,
    UserSettings,
    UserSettingsUpdate,
    UsersPublic,
    UserUpdate,
    UserUpdateMe,
)

logger = logging.getLogger(__name__)


async def get_user(session: AsyncSession, *, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise UserNotFound
    return user


async def get_user_by_email(session: AsyncSession, *, email: str) -> User | None:
    result = await session.exec(select(User).where(User.email == email.strip().lower()))
    return result.first()


async def create_user(session: AsyncSession, *, data: UserCreate | UserRegister) -> User:
    await _ensure_email_free(session, email=data.email)
    user = User(
        email=data.email,
        hashed_password=await hash_password(data.password),
        full_name=data.full_name,
        is_active=data.is_active if isinstance(data, UserCreate) else True,
        is_superuser=data.is_superuser if isinstance(data, UserCreate) else False,
        settings=UserSettings().model_dump(),
    )
    session.add(user)
    await _flush_user(session)
    return user


async def update_own_profile(session: AsyncSession, *, user: User, data: UserUpdateMe) -> User:
    if data.email is not None and data.email != user.email:
        await _ensure_email_free(session, email=data.email)
        user.email = data.email
    if "full_name" in data.model_fields_set:
        user.full_name = data.full_name
    if data.settings is not None:
        user.settings = _merge_settings(user.settings, data.settings)
    await _flush_user(session)
    return user


async def change_own_password(
    session: AsyncSession, *, user: User, current_password: str, new_password: str
) -> Token:
    valid, _ = await verify_password(current_password, user.hashed_password)
    if not valid:
        raise IncorrectCredentials("Your current password is incorrect.")
    await set_password(session, user=user, new_password=new_password)
    return Token(
        access_token=create_access_token(user_id=user.id, token_version=user.token_version)
    )


async def set_password(session: AsyncSession, *, user: User, new_password: str) -> None:
    """Store a new password and revoke every token issued before it."""
    user.hashed_password = await hash_password(new_password)
    user.token_version += 1
    await session.flush()


async def delete_user(session: AsyncSession, *, user: User, storage: FileStorage) -> None:
    """Delete the account; its rows go by cascade, its stored files once that is committed."""
    if user.is_active and user.is_superuser:
        await _ensure_other_active_admin(session, user=user)
    await session.delete(user)
    await session.flush()
    files_service.remove_files_with_user(session, owner=user, storage=storage)


async def list_users(
    session: AsyncSession, *, skip: int, limit: int, search: str | None
) -> UsersPublic:
    """Newest first; `search` matches part of the e-mail or name, ignoring case."""
    condition = _search_condition(search)
    count_query = select(func.count()).select_from(User).where(condition)
    total = (await session.exec(count_query)).one()
    page_query = (
        select(User)
        .where(condition)
        .order_by(col(User.created_at).desc(), col(User.id).desc())
        .offset(skip)
        .limit(limit)
    )
    users = (await session.exec(page_query)).all()
    return UsersPublic.model_validate({"data": users, "count": total}, from_attributes=True)


async def update_user(session: AsyncSession, *, user: User, data: UserUpdate) -> User:
    is_active_admin = user.is_active and user.is_superuser
    if is_active_admin and (data.is_active is False or data.is_superuser is False):
        await _ensure_other_active_admin(session, user=user)
    if data.email is not None and data.email != user.email:
        await _ensure_email_free(session, email=data.email)
        user.email = data.email
    if "full_name" in data.model_fields_set:
        user.full_name = data.full_name
    if data.is_active is not None:
        user.is_active = data.is_active
    if data.is_superuser is not None:
        user.is_superuser = data.is_superuser
    if data.password is not None:
        await set_password(session, user=user, new_password=data.password)
    await _flush_user(session)
    return user


async def ensure_first_superuser(session: AsyncSession, *, email: str, password: str) -> bool:
    """Create the configured first administrator unless that account exists. Returns whether it did."""
    if await get_user_by_email(session, email=email) is not None:
        return False
    user = User(
        email=email.strip().lower(),
        hashed_password=await hash_password(password),
        full_name="Administrator",
        is_superuser=True,
        settings=UserSettings().model_dump(),
    )
    session.add(user)
    try:
        await _flush_user(session)
    except EmailAlreadyRegistered:
        return False  # another app process created it a moment ago
    logger.info("Created the first administrator account %s", user.email)
    return True


def _merge_settings(current: dict[str, Any], update: UserSettingsUpdate) -> dict[str, Any]:
    merged = UserSettings.model_validate(current).model_dump()
    changes = update.model_dump(exclude_unset=True)
    if changes.get("auto_run") is None:
        changes.pop("auto_run", None)  # auto_run is a yes/no setting: null leaves it unchanged
    merged.update(changes)
    # A new dict (not an in-place change) so SQLAlchemy sees the JSONB column as modified.
    return UserSettings.model_validate(merged).model_dump()


def _search_condition(search: str | None) -> ColumnElement[bool]:
    pattern = contains_pattern(search)
    if pattern is None:
        return true()
    return or_(
        col(User.email).ilike(pattern, escape="\\"),
        col(User.full_name).ilike(pattern, escape="\\"),
    )


async def _ensure_email_free(session: AsyncSession, *, email: str) -> None:
    if await get_user_by_email(session, email=email) is not None:
        raise EmailAlreadyRegistered


async def _flush_user(session: AsyncSession) -> None:
    # The unique constraint settles a race between two requests that both passed _ensure_email_free.
    try:
        await session.flush()
    except IntegrityError as error:
        if "uq_user_email" in str(error.orig):
            raise EmailAlreadyRegistered from error
        raise


async def _ensure_other_active_admin(session: AsyncSession, *, user: User) -> None:
    # Lock every active admin row, always in the same order: two admins demoting themselves at the same
    # moment are serialised (no deadlock), and the second one sees the first one's change and is refused.
    query = (
        select(User.id)
        .where(col(User.is_active), col(User.is_superuser))
        .order_by(col(User.id))
        .with_for_update()
    )
    active_admin_ids = (await session.exec(query)).all()
    if all(admin_id == user.id for admin_id in active_admin_ids):
        raise LastAdmin
