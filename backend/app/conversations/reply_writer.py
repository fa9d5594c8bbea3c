"""A streamed reply's row, stored with the question: saved as it grows, finished once.

See conversations.replies (where the row is stored) and conversations.streaming (its caller).

Every write is shielded from cancellation and committed at once: a disconnect can neither interrupt
a statement half-way (the session would be unusable for the final write) nor lose the last state.
"""

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import anyio
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from app.code_blocks import service as code_blocks_service
from app.code_blocks.fences import CodeBlock as FencedBlock
from app.conversations import message_writes, titles
from app.conversations.replies import Reply
from app.core.db import committing
from app.llm.base import Usage
from app.llm.usage import Purpose, record_usage, usage_values
from app.models import CodeBlock, Conversation, Message
from app.models.message import MessageStatus

# The partial text is saved for readers in other tabs and against a crash; Stop and errors save at once.
# Every save is a committed UPDATE, so with many streams open the interval is the database's load.
SAVE_INTERVAL_SECONDS = 2.0
SAVE_EVERY_CHARS = 4000

T = TypeVar("T")


class ReplyGone(Exception):
    """The reply's row was deleted while it streamed (with its conversation, or the account)."""


class ReplyWriter:
    """The reply's row: saved as it grows, finished once. Writes survive cancellation.

    The row may be deleted while the reply streams (the user deletes the conversation): saving then
    raises ReplyGone, to stop, and finishing only updates the in-memory message.
    """

    def __init__(self, session: AsyncSession, reply: Reply) -> None:
        self._session = session
        self._reply = reply
        # Stored (status "streaming") by the request, with the question: see conversations.replies.
        self._message = reply.answer
        self._pieces: list[str] = []
        self._length = 0
        self._saved_length = 0
        self._saved_at = time.monotonic()
        self._row_exists = True
        self.saved_blocks: list[CodeBlock] = []  # the library entries made from this reply

    @property
    def content(self) -> str:
        return "".join(self._pieces)

    def append(self, text: str) -> None:
        self._pieces.append(text)
        self._length += len(text)

    async def save_if_due(self) -> None:
        unsaved = self._length - self._saved_length
        due = time.monotonic() - self._saved_at >= SAVE_INTERVAL_SECONDS
        if not unsaved or not (due or unsaved >= SAVE_EVERY_CHARS):
            return
        message = self._message
        self._row_exists = await self.write(
            lambda: message_writes.save_content(
                self._session, message=message, content=self.content
            ),
        )
        if not self._row_exists:
            raise ReplyGone
        self._saved_length, self._saved_at = self._length, time.monotonic()

    async def finish(
        self, status: MessageStatus, *, kind: str | None = None, detail: str | None = None
    ) -> Message:
        message = self._message
        self._row_exists = await self.write(
            lambda: message_writes.finish_message(
                self._session,
                message=message,
                status=status,
                content=self.content,
                error_kind=kind,
                error=detail,
            ),
        )
        return message

    async def complete(self, usage: Usage) -> Message:
        """The reply's final text and its tokens, counted in the same statement."""
        message = self._message
        self._row_exists = await self.write(
            lambda: message_writes.finish_message(
                self._session,
                message=message,
                status="complete",
                content=self.content,
                usage=usage,
                counted=self._usage_values(usage, purpose="reply"),
            ),
        )
        return message

    async def save_block(self, block: FencedBlock) -> CodeBlock:
        """Keep a closed code block of the reply in the library (committed at once)."""
        reply = self._reply
        prose_before = self.content[: block.start]

        async def store() -> CodeBlock:
            return await code_blocks_service.save_reply_block(
                self._session,
                owner_id=reply.owner_id,
                conversation_id=reply.conversation_id,
                message_id=self._message.id,
                provider=reply.provider_name,
                model=reply.model,
                file_ids=reply.file_ids,
                index=block.index,
                language=block.language,
                code=block.code,
                prose_before=prose_before,
            )

        try:
            saved = await self.write(store)
        except IntegrityError:
            # The reply's row went (its conversation was deleted) since the last write.
            self._row_exists = False
            raise ReplyGone from None
        self.saved_blocks.append(saved)
        return saved

    async def untitled(self) -> bool:
        """Whether the conversation still has no title (the user may have named it meanwhile)."""
        if not self._row_exists:
            return False
        query = select(Conversation.title).where(Conversation.id == self._reply.conversation_id)

        async def read() -> str | None:
            return (await self._session.exec(query)).first()

        return await self.write(read) is None

    async def save_title(self, title: titles.Title) -> bool:
        """Store the title unless the user named the conversation meanwhile; whether it was."""

        async def store() -> bool:
            statement = (
                update(Conversation)
                .where(col(Conversation.id) == self._reply.conversation_id)
                .where(col(Conversation.title).is_(None))
                .values(title=title.text)
            )
            stored = (await self._session.exec(statement)).rowcount == 1
            counted = (
                None if title.usage is None else self._usage_values(title.usage, purpose="title")
            )
            if counted is not None:
                await record_usage(self._session, counted)
            return stored

        return await self.write(store)

    def _usage_values(self, usage: Usage, *, purpose: Purpose) -> dict[str, object] | None:
        """The row counting a call's tokens (llm.usage.COUNT_USAGE); None for the built-in
        assistant, which answers here with no provider and no tokens."""
        reply = self._reply
        if reply.provider_name == "builtin":
            return None
        return usage_values(
            user_id=reply.owner_id,
            provider=reply.provider_name,
            model=reply.model,
            input_tokens=usage.input_tokens,
            output_tokens=usage.output_tokens,
            conversation_id=reply.conversation_id,
            api_key_id=reply.api_key_id,
            purpose=purpose,
        )

    @property
    def session(self) -> AsyncSession:
        return self._session

    async def write(self, change: Callable[[], Awaitable[T]]) -> T:
        """Run `change` in a transaction of its own on the stream's session, committed at once."""
        # Shielded: a disconnect must not interrupt a statement half-way (the session would be
        # unusable for the final write) nor lose the reply's last state.
        with anyio.CancelScope(shield=True):
            async with committing(self._session):
                result = await change()
        return result
