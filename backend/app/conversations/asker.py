"""Who asks a question: the caller, their conversation, the key it uses and its files, in one query.

CurrentUser and OwnedConversation would read them in two, the key and the files in two more: on the
way to a reply's first token every round trip waits its turn on a busy event loop (docs/benchmarks.md).
"""

import uuid
from dataclasses import dataclass

from sqlalchemy import Uuid, bindparam
from sqlmodel import and_, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.auth import service as auth_service
from app.conversations.exceptions import ConversationNotFound
from app.core.security import TokenClaims
from app.models import ApiKey, Conversation, ConversationFile, File, User


@dataclass(frozen=True, slots=True)
class Asker:
    user: User
    conversation: Conversation
    conversation_key: ApiKey | None  # None: the conversation names no key of the user's
    files: list[File]  # attached to the conversation, in the order they were attached


# One row per attached file (or one row, without a file). Built once, with bind parameters: it starts
# every question, and building it cost more CPU than the database took to run it.
_ASKER = (
    select(User, Conversation, ApiKey, File)
    .join(Conversation, col(Conversation.user_id) == col(User.id))
    .outerjoin(
        ApiKey,
        and_(
            col(ApiKey.id) == col(Conversation.api_key_id),
            col(ApiKey.user_id) == col(User.id),
        ),
    )
    .outerjoin(ConversationFile, col(ConversationFile.conversation_id) == col(Conversation.id))
    .outerjoin(File, col(File.id) == col(ConversationFile.file_id))
    .where(
        col(User.id) == bindparam("user_id", type_=Uuid),
        col(Conversation.id) == bindparam("conversation_id", type_=Uuid),
    )
    .order_by(col(ConversationFile.attached_at), col(File.id))
)


async def read_asker(
    session: AsyncSession, *, claims: TokenClaims, conversation_id: uuid.UUID
) -> Asker:
    """The token's user, if still valid, with their conversation; the token's failures come first."""
    params = {"user_id": claims.user_id, "conversation_id": conversation_id}
    rows = (await session.exec(_ASKER, params=params)).all()
    if not rows:
        # As with CurrentUser, a bad token is reported before a conversation that is not theirs.
        auth_service.verified_user(await session.get(User, claims.user_id), claims)
        raise ConversationNotFound
    user, conversation, key, _ = rows[0]
    return Asker(
        user=auth_service.verified_user(user, claims),
        conversation=conversation,
        conversation_key=key,
        files=[file for *_, file in rows if file is not None],
    )
