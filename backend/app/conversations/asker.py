"""Who asks a question: the caller, their conversation, the key it uses, its files and its latest
messages, in one query.

CurrentUser and OwnedConversation would read them in two, the key, the files and the history in three
more: on the way to a reply's first token every round trip waits its turn on a busy event loop, and
the provider is asked only once the history is known (docs/benchmarks.md).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import Integer, Uuid, bindparam, func, literal_column
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlmodel import and_, col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import Select

from app.auth import service as auth_service
from app.conversations.exceptions import ConversationNotFound
from app.core.security import TokenClaims
from app.models import ApiKey, Conversation, ConversationFile, File, Message, User


class PastTurn(NamedTuple):
    """What a prompt's history reads of a message (conversations.prompt.PastMessage)."""

    role: str
    content: str
    status: str


@dataclass(frozen=True, slots=True)
class Asker:
    user: User
    conversation: Conversation
    conversation_key: ApiKey | None  # None: the conversation names no key of the user's
    files: list[File]  # attached to the conversation, in the order they were attached
    # The conversation's last `history_limit` messages before the question, newest first.
    latest: list[PastTurn]


_LATEST = (
    sa_select(
        col(Message.role),
        col(Message.content),
        col(Message.status),
        col(Message.created_at),
        col(Message.id),
    )
    .where(col(Message.conversation_id) == bindparam("conversation_id", type_=Uuid))
    .order_by(col(Message.created_at).desc(), col(Message.id).desc())
    .limit(bindparam("history_limit", type_=Integer))
    .subquery("latest")
)
# One JSON array of [role, content, status] triples, newest first: read once, whatever the files.
_HISTORY = sa_select(
    func.coalesce(
        func.json_agg(
            aggregate_order_by(
                func.json_build_array(_LATEST.c.role, _LATEST.c.content, _LATEST.c.status),
                _LATEST.c.created_at.desc(),
                _LATEST.c.id.desc(),
            )
        ),
        literal_column("'[]'::json"),
    )
).scalar_subquery()


# One row per attached file (or one row, without a file). Built once, with bind parameters: it starts
# every question, and building it cost more CPU than the database took to run it.
_AskerRow = tuple[User, Conversation, ApiKey | None, File | None, list[list[str]]]
_ASKER = cast(
    Select[Any],  # rows are _AskerRow
    select(User, Conversation, ApiKey, File)
    .add_columns(_HISTORY)
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
    .order_by(col(ConversationFile.attached_at), col(File.id)),
)


async def read_asker(
    session: AsyncSession, *, claims: TokenClaims, conversation_id: uuid.UUID, history_limit: int
) -> Asker:
    """The token's user, if still valid, with their conversation; the token's failures come first."""
    params = {
        "user_id": claims.user_id,
        "conversation_id": conversation_id,
        "history_limit": history_limit,
    }
    rows = cast(Sequence[_AskerRow], (await session.exec(_ASKER, params=params)).all())
    if not rows:
        # As with CurrentUser, a bad token is reported before a conversation that is not theirs.
        auth_service.verified_user(await session.get(User, claims.user_id), claims)
        raise ConversationNotFound
    user, conversation, key, _, latest = rows[0]
    return Asker(
        user=auth_service.verified_user(user, claims),
        conversation=conversation,
        conversation_key=key,
        files=[file for _, _, _, file, _ in rows if file is not None],
        latest=[PastTurn(*turn) for turn in latest],
    )
