"""Writing messages, and what they keep up to date on their conversation (count, preview, time).

The counters are changed by SQL increments, so two replies streaming into one conversation at once
(two browser tabs) cannot lose an update.

The two writes every question makes (its exchange, then its reply's end) are statements built once,
with bind parameters: building one per call, a few hundred SQLAlchemy objects, cost more CPU than
the database took to run it, and under load that CPU is every other stream's wait. They run as Core
statements on the tables, so no ORM bookkeeping is done for them either.
"""

import uuid
from datetime import timedelta

from sqlalchemy import CTE, Integer, String, Table, bindparam, func, insert, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations.messages import preview
from app.llm.base import Usage
from app.llm.usage import COUNT_USAGE
from app.models import Conversation, Message
from app.models.base import utc_now
from app.models.message import MessageStatus

_MESSAGES: Table = Message.__table__  # type: ignore[attr-defined]
_CONVERSATIONS: Table = Conversation.__table__  # type: ignore[attr-defined]


def _new_row(name: str) -> CTE:
    """INSERT of a whole message row, its values the parameters `{name}_{column}`."""
    values = {
        column.key: bindparam(f"{name}_{column.key}", type_=column.type)
        for column in _MESSAGES.columns
    }
    return insert(_MESSAGES).values(values).cte(name)


def _row_values(message: Message, name: str) -> dict[str, object]:
    return {f"{name}_{column.key}": getattr(message, column.key) for column in _MESSAGES.columns}


# A message without text (a reply just started, or failed at once) leaves the preview as it was.
_KEPT_PREVIEW = func.coalesce(
    bindparam("new_preview", type_=String), _CONVERSATIONS.c.last_message_preview
)
_TOUCHED = {
    "message_count": _CONVERSATIONS.c.message_count + bindparam("added", type_=Integer),
    "updated_at": bindparam("touched_at", type_=_CONVERSATIONS.c.updated_at.type),
    "last_message_preview": _KEPT_PREVIEW,
}

# A conversation's count, time and preview after messages were added (or removed).
_TOUCH = (
    update(_CONVERSATIONS)
    .where(_CONVERSATIONS.c.id == bindparam("conversation_id", type_=_CONVERSATIONS.c.id.type))
    .values(_TOUCHED)
)

# A question and its reply's row, with the conversation's new counts and choice of key and model.
_ADD_EXCHANGE = (
    _TOUCH.values(
        api_key_id=bindparam("chosen_key_id", type_=_CONVERSATIONS.c.api_key_id.type),
        model=bindparam("chosen_model", type_=String),
    )
    .add_cte(_new_row("question"))
    .add_cte(_new_row("reply"))
)

# A reply's final state, and its conversation touched only if the reply's row was there to update.
_FINISHED_REPLY = (
    update(_MESSAGES)
    .where(_MESSAGES.c.id == bindparam("message_id", type_=_MESSAGES.c.id.type))
    .values(
        content=bindparam("final_content", type_=String),
        status=bindparam("final_status", type_=String),
        error_kind=bindparam("final_error_kind", type_=String),
        error=bindparam("final_error", type_=String),
        # No usage given (a failed or stopped reply): the counts stay as they were.
        input_tokens=func.coalesce(
            bindparam("final_input_tokens", type_=Integer), _MESSAGES.c.input_tokens
        ),
        output_tokens=func.coalesce(
            bindparam("final_output_tokens", type_=Integer), _MESSAGES.c.output_tokens
        ),
        updated_at=bindparam("finished_at", type_=_MESSAGES.c.updated_at.type),
    )
    .returning(_MESSAGES.c.conversation_id)
    .cte("finished_reply")
)
_FINISH_REPLY = (
    update(_CONVERSATIONS)
    .where(_CONVERSATIONS.c.id.in_(select(_FINISHED_REPLY.c.conversation_id)))
    .values(
        updated_at=bindparam("touched_at", type_=_CONVERSATIONS.c.updated_at.type),
        last_message_preview=_KEPT_PREVIEW,
    )
    .add_cte(_FINISHED_REPLY)
)
# The same, with the reply's tokens counted (llm.usage.COUNT_USAGE): a completed reply's last write.
_FINISH_COUNTED_REPLY = _FINISH_REPLY.add_cte(COUNT_USAGE.cte("counted_usage"))


async def add_exchange(
    session: AsyncSession,
    *,
    conversation_id: uuid.UUID,
    user_id: uuid.UUID,
    content: str,
    api_key_id: uuid.UUID | None,
    provider: str,
    model: str,
) -> tuple[Message, Message]:
    """A question and its reply's row (status "streaming"), stored with the conversation's new counts
    and choice of key and model in one statement, as this is on the way to the first token. Both are
    returned detached, as add_assistant_message's reply is."""
    question = Message(
        conversation_id=conversation_id,
        user_id=user_id,
        role="user",
        content=content,
        status="complete",
    )
    answer = Message(
        conversation_id=conversation_id,
        user_id=user_id,
        role="assistant",
        status="streaming",
        provider=provider,
        model=model,
        # Messages are ordered by time: the reply must never share its question's microsecond.
        created_at=question.created_at + timedelta(microseconds=1),
    )
    await session.exec(
        _ADD_EXCHANGE,
        params={
            **_touch_values(conversation_id, added=2, text=content),
            "chosen_key_id": api_key_id,
            "chosen_model": model,
            **_row_values(question, "question"),
            **_row_values(answer, "reply"),
        },
    )
    return question, answer


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
    await session.exec(_TOUCH, params=_touch_values(conversation_id, added=1, text=""))
    session.expunge(message)
    return message


async def save_content(session: AsyncSession, *, message: Message, content: str) -> bool:
    """Store a streaming reply's text so far; False if its row is gone (conversation deleted)."""
    # A statement rather than a flush of the (detached) object: a row deleted meanwhile is an
    # answer here, not an error.
    statement = update(_MESSAGES).where(_MESSAGES.c.id == message.id).values(content=content)
    result = await session.exec(statement)
    message.content = content
    return result.rowcount == 1


async def finish_message(
    session: AsyncSession,
    *,
    message: Message,
    status: MessageStatus,
    content: str,
    usage: Usage | None = None,
    counted: dict[str, object] | None = None,
    error_kind: str | None = None,
    error: str | None = None,
) -> bool:
    """Store a reply's final state; False if its row is gone (conversation deleted). One statement,
    as it ends every stream: the reply's UPDATE, its conversation's and, given `counted`
    (llm.usage.usage_values), the row counting its tokens."""
    now = utc_now()
    touched = await session.exec(
        _FINISH_REPLY if counted is None else _FINISH_COUNTED_REPLY,
        params={
            **(counted or {}),
            "message_id": message.id,
            "final_content": content,
            "final_status": status,
            "final_error_kind": error_kind,
            "final_error": error,
            "final_input_tokens": usage.input_tokens if usage is not None else None,
            "final_output_tokens": usage.output_tokens if usage is not None else None,
            "finished_at": now,
            "touched_at": now,
            "new_preview": preview(content),
        },
    )
    message.content, message.status = content, status
    message.error_kind, message.error, message.updated_at = error_kind, error, now
    if usage is not None:
        message.input_tokens, message.output_tokens = usage.input_tokens, usage.output_tokens
    return touched.rowcount == 1


async def delete_message(session: AsyncSession, *, message: Message) -> None:
    await session.delete(message)
    await session.flush()
    await session.exec(_TOUCH, params=_touch_values(message.conversation_id, added=-1, text=""))


def _touch_values(conversation_id: uuid.UUID, *, added: int, text: str) -> dict[str, object]:
    return {
        "conversation_id": conversation_id,
        "added": added,
        "touched_at": utc_now(),
        "new_preview": preview(text),
    }
