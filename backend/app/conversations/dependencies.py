import uuid
from typing import Annotated

from fastapi import Depends

from app.auth.dependencies import AccessClaims, CurrentUser
from app.conversations import prompt, service
from app.conversations.asker import Asker, read_asker
from app.core.db import SessionDep
from app.models import Conversation


async def get_owned_conversation(
    session: SessionDep, user: CurrentUser, conversation_id: uuid.UUID
) -> Conversation:
    return await service.get_conversation(session, owner=user, conversation_id=conversation_id)


OwnedConversation = Annotated[Conversation, Depends(get_owned_conversation)]


async def get_asker(session: SessionDep, claims: AccessClaims, conversation_id: uuid.UUID) -> Asker:
    return await read_asker(
        session,
        claims=claims,
        conversation_id=conversation_id,
        history_limit=prompt.history_messages_to_read(),
    )


# CurrentUser and OwnedConversation in one query, with what a prompt needs of the conversation, for
# the routes that stream a reply.
AskerDep = Annotated[Asker, Depends(get_asker)]
