"""Who asks a question: the caller, their conversation, the key it uses, its files and its latest
messages, in one query.

CurrentUser and OwnedConversation would read them in two, the key, the files and the history in three
more: on the way to a reply's first token every round trip waits its turn on a busy event loop, and
the provider is asked only once the history is known (docs/benchmarks.md).

They are read as plain rows of the columns a reply uses, not as ORM objects: loading four entities
(and the ORM's handling of the statement) cost a third of the query's CPU. A route that changes the
conversation loads it into its session (conversations.replies.retry_reply).
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import Integer, Table, Uuid, and_, bindparam, func, literal_column
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import Select

from app.auth import service as auth_service
from app.conversations.exceptions import ConversationNotFound
from app.core.security import TokenClaims
from app.models import ApiKey, Conversation, ConversationFile, File, Message, User


class AskingUser(NamedTuple):
    id: uuid.UUID
    is_active: bool
    token_version: int
    settings: dict[str, Any]


class AskedConversation(NamedTuple):
    id: uuid.UUID
    user_id: uuid.UUID
    title: str | None
    api_key_id: uuid.UUID | None
    model: str | None


class ConversationKey(NamedTuple):
    """The conversation's key, as a reply uses it (conversations.choice.UsableKey)."""

    id: uuid.UUID
    provider: str
    base_url: str | None
    encrypted_key: str
    models: list[str]
    default_model: str | None


class AttachedFile(NamedTuple):
    """What a prompt reads of an attached file (conversations.prompt.DatasetFile)."""

    id: uuid.UUID
    filename: str
    row_count: int
    profile: dict[str, Any]


class PastTurn(NamedTuple):
    """What a prompt's history reads of a message (conversations.prompt.PastMessage)."""

    role: str
    content: str
    status: str


@dataclass(frozen=True, slots=True)
class Asker:
    user: AskingUser
    conversation: AskedConversation
    conversation_key: ConversationKey | None  # None: the conversation names no key of the user's
    files: list[AttachedFile]  # attached to the conversation, in the order they were attached
    # The conversation's last `history_limit` messages before the question, newest first.
    latest: list[PastTurn]


def _table(model: type) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


_USERS, _CONVERSATIONS, _KEYS, _FILES = map(_table, (User, Conversation, ApiKey, File))
_ATTACHED = _table(ConversationFile)
# The columns of each part, in the order of its NamedTuple's fields.
_PARTS: list[tuple[type[NamedTuple], Table]] = [
    (AskingUser, _USERS),
    (AskedConversation, _CONVERSATIONS),
    (ConversationKey, _KEYS),
    (AttachedFile, _FILES),
]

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
_ASKER = cast(
    Select[Any],  # sqlmodel's exec types it; its overloads stop at four columns
    sa_select(
        *(table.c[field] for part, table in _PARTS for field in part._fields),
        _HISTORY,
    )
    .select_from(
        _USERS.join(_CONVERSATIONS, _CONVERSATIONS.c.user_id == _USERS.c.id)
        .outerjoin(
            _KEYS,
            and_(_KEYS.c.id == _CONVERSATIONS.c.api_key_id, _KEYS.c.user_id == _USERS.c.id),
        )
        .outerjoin(_ATTACHED, _ATTACHED.c.conversation_id == _CONVERSATIONS.c.id)
        .outerjoin(_FILES, _FILES.c.id == _ATTACHED.c.file_id)
    )
    .where(
        _USERS.c.id == bindparam("user_id", type_=Uuid),
        _CONVERSATIONS.c.id == bindparam("conversation_id", type_=Uuid),
    )
    .order_by(_ATTACHED.c.attached_at, _FILES.c.id),
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
    rows = (await session.exec(_ASKER, params=params)).all()
    if not rows:
        # As with CurrentUser, a bad token is reported before a conversation that is not theirs.
        auth_service.verified_user(await session.get(User, claims.user_id), claims)
        raise ConversationNotFound
    user, conversation, key, _ = _split(rows[0])
    return Asker(
        user=auth_service.verified_user(user, claims),
        conversation=conversation,
        conversation_key=key if key.id is not None else None,
        files=[file for _, _, _, file in map(_split, rows) if file.id is not None],
        latest=[PastTurn(*turn) for turn in rows[0][-1]],
    )


def _split(
    row: Sequence[Any],
) -> tuple[AskingUser, AskedConversation, ConversationKey, AttachedFile]:
    """A row's parts (a part of an outer join that found nothing has only None values)."""
    parts: list[Any] = []
    start = 0
    for part, _ in _PARTS:
        end = start + len(part._fields)
        parts.append(part._make(row[start:end]))
        start = end
    user, conversation, key, file = parts
    return user, conversation, key, file
