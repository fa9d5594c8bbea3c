"""Messages: the rows of a conversation, read and shown (conversations.message_writes writes them)."""

import re
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import cast

from sqlalchemy import DateTime, Integer, Uuid, bindparam
from sqlmodel import col, func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks.fences import CodeBlock as FencedBlock
from app.code_blocks.fences import extract_code_blocks
from app.conversations import message_blocks
from app.conversations.exceptions import MessageNotFound
from app.conversations.message_blocks import BlockRecord
from app.conversations.prompt import PastMessage
from app.conversations.schemas import (
    CodeBlockPublic,
    FixedVersion,
    MessagePublic,
    MessagesPublic,
)
from app.core.config import settings
from app.models import Conversation, Message
from app.models.base import utc_now

PREVIEW_CHARS = 140
_NEWEST_FIRST = (col(Message.created_at).desc(), col(Message.id).desc())
_PAST_TURNS_BEFORE = (
    select(col(Message.role), col(Message.content), col(Message.status))
    .where(
        col(Message.conversation_id) == bindparam("conversation_id", type_=Uuid),
        col(Message.created_at) < bindparam("before", type_=DateTime(timezone=True)),
    )
    .order_by(*_NEWEST_FIRST)
    .limit(bindparam("limit", type_=Integer))
)
INTERRUPTED_KIND = "ReplyInterrupted"
INTERRUPTED_DETAIL = (
    "This reply stopped before it finished because the server restarted. Retry to ask again."
)
# Slack on top of the provider timeouts before a silent "streaming" reply is taken for dead.
STALE_MARGIN_SECONDS = 30
_FENCE_MARKS = re.compile(r"(`{3,}|~{3,})[^\s`]*")


def to_public(message: Message, saved: Sequence[BlockRecord] = ()) -> MessagePublic:
    """The message, with a reply's code blocks and, for those saved, their library entries and runs."""
    public = MessagePublic.model_validate(message)
    if message.role == "assistant":
        # A reply cut short may end inside a block: only a finished reply's last block is whole.
        blocks = extract_code_blocks(
            message.content, include_unterminated=message.status == "complete"
        )
        records = {record.entry.block_index: record for record in saved}
        public.code_blocks = [_public_block(block, records.get(block.index)) for block in blocks]
    return public


def _public_block(block: FencedBlock, record: BlockRecord | None) -> CodeBlockPublic:
    public = CodeBlockPublic(index=block.index, language=block.language, code=block.code)
    if record is not None:
        entry, fixed = record.entry, record.fixed
        public.id, public.version, public.title = entry.id, entry.version, entry.title
        public.runs = record.runs
        if fixed is not None:
            public.fixed_version = FixedVersion(id=fixed.id, version=fixed.version, code=fixed.code)
    return public


def preview(text: str) -> str | None:
    flattened = " ".join(_FENCE_MARKS.sub(" ", text).split())
    if not flattened:
        return None
    if len(flattened) <= PREVIEW_CHARS:
        return flattened
    return flattened[: PREVIEW_CHARS - 1].rstrip() + "…"


def stale_streaming_age() -> timedelta:
    """How long a live reply can go without writing its row: it saves while text flows and fails
    (and so writes) within the provider's first-token or read timeout when none does."""
    return timedelta(
        seconds=settings.LLM_FIRST_TOKEN_TIMEOUT_SECONDS
        + settings.LLM_REQUEST_TIMEOUT_SECONDS
        + STALE_MARGIN_SECONDS
    )


async def settle_interrupted_replies(session: AsyncSession, *, conversation: Conversation) -> None:
    """Mark replies whose stream died with its server (a crash, a restart) as failed, so they show
    as interrupted and can be retried instead of looking as if they were still being written."""
    statement = (
        update(Message)
        .where(
            col(Message.conversation_id) == conversation.id,
            col(Message.status) == "streaming",
            col(Message.updated_at) < utc_now() - stale_streaming_age(),
        )
        .values(status="error", error_kind=INTERRUPTED_KIND, error=INTERRUPTED_DETAIL)
    )
    await session.exec(statement)


async def list_messages(
    session: AsyncSession, *, conversation: Conversation, skip: int, limit: int
) -> MessagesPublic:
    """Oldest first; replies left "streaming" by a stopped server are settled first."""
    await settle_interrupted_replies(session, conversation=conversation)
    condition = col(Message.conversation_id) == conversation.id
    total = (await session.exec(select(func.count()).select_from(Message).where(condition))).one()
    query = (
        select(Message)
        .where(condition)
        .order_by(col(Message.created_at), col(Message.id))
        .offset(skip)
        .limit(limit)
    )
    rows = (await session.exec(query)).all()
    replies = [message.id for message in rows if message.role == "assistant"]
    saved = await message_blocks.records_of(
        session, owner_id=conversation.user_id, message_ids=replies
    )
    return MessagesPublic(
        data=[to_public(message, saved.get(message.id, ())) for message in rows], count=total
    )


async def get_message(
    session: AsyncSession, *, conversation: Conversation, message_id: uuid.UUID
) -> Message:
    query = select(Message).where(
        Message.id == message_id, Message.conversation_id == conversation.id
    )
    message = (await session.exec(query)).first()
    if message is None:
        raise MessageNotFound
    return message


async def latest_messages(
    session: AsyncSession, *, conversation_id: uuid.UUID, limit: int
) -> Sequence[Message]:
    """The conversation's last `limit` messages, newest first."""
    query = select(Message).where(col(Message.conversation_id) == conversation_id)
    return (await session.exec(query.order_by(*_NEWEST_FIRST).limit(limit))).all()


async def past_turns(
    session: AsyncSession, *, conversation_id: uuid.UUID, limit: int, before: Message
) -> Sequence[PastMessage]:
    """The role, text and status of the conversation's last `limit` messages before `before`, newest
    first: what a retried reply's prompt needs (a new question's history is read with its asker,
    conversations.asker). Columns, not Message objects, and a query built once."""
    params = {"conversation_id": conversation_id, "limit": limit, "before": before.created_at}
    rows = (await session.exec(_PAST_TURNS_BEFORE, params=params)).all()
    return cast(Sequence[PastMessage], rows)  # rows name their columns: role, content, status
