import uuid
from typing import Annotated

from fastapi import Depends

from app.auth.dependencies import CurrentUser
from app.code_blocks import service
from app.core.db import SessionDep
from app.models import CodeBlock


async def get_owned_code_block(
    session: SessionDep, user: CurrentUser, code_block_id: uuid.UUID
) -> CodeBlock:
    return await service.get_code_block(session, owner=user, code_block_id=code_block_id)


# Any version of one of the user's entries; another user's is CodeBlockNotFound (404).
OwnedCodeBlock = Annotated[CodeBlock, Depends(get_owned_code_block)]
