from fastapi import APIRouter, status

from app.api_keys import service
from app.api_keys.dependencies import OwnedApiKey
from app.api_keys.schemas import ApiKeyCreate, ApiKeyPublic, ApiKeysPublic, ApiKeyUpdate
from app.auth.dependencies import CurrentUser
from app.core.db import SessionDep
from app.core.errors import error_responses

router = APIRouter(prefix="/api-keys", tags=["api-keys"])


@router.get("/", responses=error_responses(401, 403, validation=False))
async def list_api_keys(session: SessionDep, user: CurrentUser) -> ApiKeysPublic:
    """The logged-in user's LLM keys (never the keys themselves), the default first."""
    return await service.list_api_keys(session, owner=user)


@router.post("/", status_code=status.HTTP_201_CREATED, responses=error_responses(400, 401, 403))
async def create_api_key(
    session: SessionDep, user: CurrentUser, body: ApiKeyCreate
) -> ApiKeyPublic:
    """Store a key encrypted and check it at once (an invalid key is kept, marked invalid)."""
    api_key = await service.create_api_key(session, owner=user, data=body)
    return ApiKeyPublic.model_validate(api_key)


@router.patch("/{api_key_id}", responses=error_responses(400, 401, 403, 404))
async def update_api_key(
    session: SessionDep, api_key: OwnedApiKey, body: ApiKeyUpdate
) -> ApiKeyPublic:
    """Relabel a key, replace it (checked again), change its base URL, default model or default flag."""
    updated = await service.update_api_key(session, api_key=api_key, data=body)
    return ApiKeyPublic.model_validate(updated)


@router.delete(
    "/{api_key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403, 404),
)
async def delete_api_key(session: SessionDep, api_key: OwnedApiKey) -> None:
    """Delete a key; if it was the default, the newest remaining key becomes the default."""
    await service.delete_api_key(session, api_key=api_key)


@router.post("/{api_key_id}/validate", responses=error_responses(401, 403, 404))
async def validate_api_key(session: SessionDep, api_key: OwnedApiKey) -> ApiKeyPublic:
    """Check a key again with a real call that lists its models."""
    checked = await service.validate_api_key(session, api_key=api_key)
    return ApiKeyPublic.model_validate(checked)
