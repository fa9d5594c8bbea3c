"""Messages: the rows of a conversation, and what they keep up to date on it (count, preview, time).

The counters are changed by SQL increments, so two replies streaming into one conversation at once
(two browser tabs) cannot lose an update.
"""

import re
import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import CTE, ColumnElement, DateTime, Update, func, literal
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import col, insert, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks.fences import CodeBlock as FencedBlock
from app.code_blocks.fences import extract_code_blocks
from app.conversations import message_blocks
from app.conversations.exceptions import MessageNotFound
from app.conversations.message_blocks import BlockRecord
from app.conversations.schemas import (
    CodeBlockPublic,
    FixedVersion,
    MessagePublic,
    MessagesPublic,
)
from app.core.config import settings
from app.llm.base import Usage
from app.models import Conversation, Message
from app.models.base import utc_now
from app.models.message import MessageStatus

PREVIEW_CHARS = 140
INTERRUPTED_KIND = "ReplyInterrupted"
INTERRUPTED_DETAIL = (
    "This reply stopped before it finished because the server restarted. Retry to ask again."
)
# Slack on top of the provider timeouts before a silent "streaming" reply is taken for dead.
STALE_MARGIN_SECONDS = 30
_FENCE_MARKS = re.compile(r"(`{3,}|~{3,})[^\s`]*")
_COLUMNS = Message.__table__.columns  # type: ignore[attr-defined]


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
    session: AsyncSession, *, conversation_id: uuid.UUID, limit: int, before: Message | None = None
) -> Sequence[Message]:
    """The conversation's last `limit` messages (before `before`, when given), newest first."""
    query = select(Message).where(col(Message.conversation_id) == conversation_id)
    if before is not None:
        query = query.where(col(Message.created_at) < before.created_at)
    ordered = query.order_by(col(Message.created_at).desc(), col(Message.id).desc()).limit(limit)
    return (await session.exec(ordered)).all()


async def add_exchange(
    session: AsyncSession,
    *,
    conversation: Conversation,
    content: str,
    api_key_id: uuid.UUID | None,
    provider: str,
    model: str,
) -> tuple[Message, Message]:
    """A question and its reply's row (status "streaming"), stored with the conversation's new counts
    and choice of key and model in one statement, as this is on the way to the first token. Both are
    returned detached, as add_assistant_message's reply is."""
    question = Message(
        conversation_id=conversation.id,
        user_id=conversation.user_id,
        role="user",
        content=content,
        status="complete",
    )
    answer = Message(
        conversation_id=conversation.id,
        user_id=conversation.user_id,
        role="assistant",
        status="streaming",
        provider=provider,
        model=model,
        # Messages are ordered by time: the reply must never share its question's microsecond.
        created_at=question.created_at + timedelta(microseconds=1),
    )
    choice: dict[str, object] = {"api_key_id": api_key_id, "model": model}
    await session.exec(
        _touch_statement(
            col(Conversation.id) == conversation.id, added=2, text=content, choice=choice
        )
        .add_cte(_insert_cte(question, "question"))
        .add_cte(_insert_cte(answer, "reply"))
    )
    for name, value in choice.items():
        set_committed_value(conversation, name, value)
    return question, answer


def _insert_cte(message: Message, name: str) -> CTE:
    # A row per INSERT, each value an anonymous parameter: SQLAlchemy caches the compiled statement
    # (a multi-row VALUES is compiled afresh on every call, a few milliseconds here).
    values = {column.key: literal(getattr(message, column.key), column.type) for column in _COLUMNS}
    return insert(Message).values(values).cte(name)


async def add_assistant_message(
    session: AsyncSession,
    *,
    conversation_id: uuid.UUID,
    user_id: uuid.UUID,
    provider: str,
    model: str,
) -> Message:
    """A reply about to stream. It is returned detached from `session`: a plain record that
    save_content and finish_message keep in step with its row, whether or not the row still exists."""
    message = Message(
        conversation_id=conversation_id,
        user_id=user_id,
        role="assistant",
        status="streaming",
        provider=provider,
        model=model,
    )
    session.add(message)
    await session.flush()
    await _touch(session, conversation_id=conversation_id, added=1, text="")
    session.expunge(message)
    return message


async def save_content(session: AsyncSession, *, message: Message, content: str) -> bool:
    """Store a streaming reply's text so far; False if its row is gone (conversation deleted)."""
    return await _update_reply(session, message=message, values={"content": content})


async def finish_message(
    session: AsyncSession,
    *,
    message: Message,
    status: MessageStatus,
    content: str,
    usage: Usage | None = None,
    error_kind: str | None = None,
    error: str | None = None,
) -> bool:
    """Store a reply's final state; False if its row is gone (conversation deleted). One statement,
    the reply's UPDATE and its conversation's, as it ends every stream."""
    values: dict[str, object] = {
        "content": content,
        "status": status,
        "error_kind": error_kind,
        "error": error,
    }
    if usage is not None:
        values |= {"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens}
    finished = (
        update(Message)
        .where(col(Message.id) == message.id)
        # Named apart from the conversation's updated_at, set in the same statement.
        .values({**values, "updated_at": literal(utc_now(), DateTime(timezone=True))})
        .returning(col(Message.conversation_id))
        .cte("finished_reply")
    )
    # The conversation is touched only if the reply's row was there to update.
    touched = await session.exec(
        _touch_statement(
            col(Conversation.id).in_(select(finished.c.conversation_id)), added=0, text=content
        ).add_cte(finished)
    )
    for name, value in values.items():
        setattr(message, name, value)
    return touched.rowcount == 1


async def delete_message(session: AsyncSession, *, message: Message) -> None:
    await session.delete(message)
    await session.flush()
    await _touch(session, conversation_id=message.conversation_id, added=-1, text="")


async def _update_reply(
    session: AsyncSession, *, message: Message, values: dict[str, object]
) -> bool:
    # A statement rather than a flush of the (detached) object: a row deleted meanwhile is an
    # answer here, not an error.
    statement = update(Message).where(col(Message.id) == message.id).values(values)
    result = await session.exec(statement)
    for name, value in values.items():
        setattr(message, name, value)
    return result.rowcount == 1


async def _touch(
    session: AsyncSession,
    *,
    conversation_id: uuid.UUID,
    added: int,
    text: str,
    choice: dict[str, object] | None = None,
) -> None:
    condition = col(Conversation.id) == conversation_id
    await session.exec(_touch_statement(condition, added=added, text=text, choice=choice))


def _touch_statement(
    condition: ColumnElement[bool],
    *,
    added: int,
    text: str,
    choice: dict[str, object] | None = None,
) -> Update:
    values: dict[str, object] = {
        "message_count": col(Conversation.message_count) + added,
        "updated_at": utc_now(),
        **(choice or {}),
    }
    # A message without text (a reply just started, or failed at once) leaves the preview as it was.
    shown = preview(text)
    if shown is not None:
        values["last_message_preview"] = shown
    return update(Conversation).where(condition).values(values)
