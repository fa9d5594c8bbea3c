import uuid
from typing import Annotated

from fastapi import Depends

from app.auth.dependencies import CurrentUser
from app.conversations import service
from app.core.db import SessionDep
from app.models import Conversation


async def get_owned_conversation(
    session: SessionDep, user: CurrentUser, conversation_id: uuid.UUID
) -> Conversation:
    return await service.get_conversation(session, owner=user, conversation_id=conversation_id)


OwnedConversation = Annotated[Conversation, Depends(get_owned_conversation)]
