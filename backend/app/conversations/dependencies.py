import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from sqlmodel import and_, col, select

from app.auth import service as auth_service
from app.auth.dependencies import AccessClaims, CurrentUser
from app.conversations import service
from app.conversations.exceptions import ConversationNotFound
from app.core.db import SessionDep
from app.models import ApiKey, Conversation, User


async def get_owned_conversation(
    session: SessionDep, user: CurrentUser, conversation_id: uuid.UUID
) -> Conversation:
    return await service.get_conversation(session, owner=user, conversation_id=conversation_id)


OwnedConversation = Annotated[Conversation, Depends(get_owned_conversation)]


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asks a question, in which of their conversations, with the key the conversation uses."""

    user: User
    conversation: Conversation
    conversation_key: ApiKey | None  # None: the conversation names no key


async def get_asker(session: SessionDep, claims: AccessClaims, conversation_id: uuid.UUID) -> Asker:
    """CurrentUser and OwnedConversation (and the conversation's key) in one query: each round trip
    before a reply's first token waits its turn on a busy event loop."""
    query = (
        select(User, Conversation, ApiKey)
        .join(Conversation, col(Conversation.user_id) == col(User.id))
        .outerjoin(
            ApiKey,
            and_(
                col(ApiKey.id) == col(Conversation.api_key_id),
                col(ApiKey.user_id) == col(User.id),
            ),
        )
        .where(col(User.id) == claims.user_id, col(Conversation.id) == conversation_id)
    )
    found = (await session.exec(query)).first()
    if found is None:
        # The token's failures come first, as with CurrentUser; a valid caller just has no such
        # conversation.
        auth_service.verified_user(await session.get(User, claims.user_id), claims)
        raise ConversationNotFound
    user, conversation, key = found
    return Asker(
        user=auth_service.verified_user(user, claims),
        conversation=conversation,
        conversation_key=key,
    )


AskerDep = Annotated[Asker, Depends(get_asker)]
