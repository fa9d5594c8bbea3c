from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from app.auth.dependencies import CurrentUser, get_current_admin
from app.auth.schemas import Token
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.files.dependencies import FileStorageDep
from app.users import service
from app.users.dependencies import UserById, limit_signups
from app.users.schemas import (
    UpdatePassword,
    UserCreate,
    UserPublic,
    UserRegister,
    UsersPublic,
    UserUpdate,
    UserUpdateMe,
)

MAX_PAGE_SIZE = 100
MAX_OFFSET = 2**31 - 1  # beyond any real table, and within what PostgreSQL's OFFSET accepts

router = APIRouter(prefix="/users", tags=["users"])
# Administrators only; checked before anything else, so other users learn nothing about other accounts.
admin_router = APIRouter(
    prefix="/users",
    tags=["users"],
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403),
)


@router.post(
    "/signup",
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(limit_signups)],
    responses=error_responses(409, 429),
)
async def register_user(session: SessionDep, body: UserRegister) -> UserPublic:
    """Create an account (no login needed)."""
    user = await service.create_user(session, data=body)
    return UserPublic.model_validate(user)


@router.get("/me", responses=error_responses(401, 403, validation=False))
async def read_user_me(user: CurrentUser) -> UserPublic:
    """The logged-in user's account."""
    return UserPublic.model_validate(user)


@router.patch("/me", responses=error_responses(401, 403, 409))
async def update_user_me(session: SessionDep, user: CurrentUser, body: UserUpdateMe) -> UserPublic:
    """Update the logged-in user's e-mail, name or settings."""
    updated = await service.update_own_profile(session, user=user, data=body)
    return UserPublic.model_validate(updated)


@router.patch("/me/password", responses=error_responses(400, 401, 403))
async def update_password_me(session: SessionDep, user: CurrentUser, body: UpdatePassword) -> Token:
    """Change the password; every other session is logged out, and a fresh token is returned."""
    return await service.change_own_password(
        session, user=user, current_password=body.current_password, new_password=body.new_password
    )


@router.delete(
    "/me",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403, 409, validation=False),
)
async def delete_user_me(session: SessionDep, user: CurrentUser, storage: FileStorageDep) -> None:
    """Delete the logged-in user's account and everything it owns."""
    await service.delete_user(session, user=user, storage=storage)


@admin_router.get("/")
async def list_users(
    session: SessionDep,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = MAX_PAGE_SIZE,
    q: Annotated[str | None, Query(max_length=255, description="Part of an e-mail or name")] = None,
) -> UsersPublic:
    """List users, newest first, optionally searching e-mail and name (administrators)."""
    return await service.list_users(session, skip=skip, limit=limit, search=q)


@admin_router.post("/", status_code=status.HTTP_201_CREATED, responses=error_responses(409))
async def create_user(session: SessionDep, body: UserCreate) -> UserPublic:
    """Create a user, optionally inactive or an administrator (administrators)."""
    user = await service.create_user(session, data=body)
    return UserPublic.model_validate(user)


@admin_router.get("/{user_id}", responses=error_responses(404))
async def read_user(user: UserById) -> UserPublic:
    """One user by id (administrators)."""
    return UserPublic.model_validate(user)


@admin_router.patch("/{user_id}", responses=error_responses(404, 409))
async def update_user(session: SessionDep, user: UserById, body: UserUpdate) -> UserPublic:
    """Edit a user: e-mail, name, password, active, administrator (administrators)."""
    updated = await service.update_user(session, user=user, data=body)
    return UserPublic.model_validate(updated)


@admin_router.delete(
    "/{user_id}", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(404, 409)
)
async def delete_user(session: SessionDep, user: UserById, storage: FileStorageDep) -> None:
    """Delete a user and everything they own (administrators)."""
    await service.delete_user(session, user=user, storage=storage)
