import uuid
from typing import Annotated

from fastapi import Depends

from app.api_keys import service
from app.auth.dependencies import CurrentUser
from app.core.db import SessionDep
from app.models import ApiKey


async def get_owned_api_key(
    session: SessionDep, user: CurrentUser, api_key_id: uuid.UUID
) -> ApiKey:
    return await service.get_api_key(session, owner=user, api_key_id=api_key_id)


OwnedApiKey = Annotated[ApiKey, Depends(get_owned_api_key)]
