"""Everything a reply needs, settled before it streams: the stream only ever starts authorized.

Within the request's own session (committed before the first byte): the key and model are chosen
and stored on the conversation, the prompt is built and sent (conversations.early_start), and the
question and the reply's (still empty) row are stored. The stream itself (conversations.streaming)
then runs with a session of its own.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations import choice, message_writes, messages, prompt
from app.conversations.asker import AskedConversation, Asker
from app.conversations.early_start import EarlyStart
from app.conversations.exceptions import ConversationNotFound, ReplyNotRetryable
from app.conversations.prompt import PastMessage
from app.conversations.schemas import MessagePublic
from app.core.config import settings
from app.core.db import after_rollback
from app.llm.base import ChatRequest, ChatTurn, Dataset, LLMProvider, ProviderName
from app.llm.registry import provider_for
from app.models import Conversation, Message
from app.users.schemas import UserSettings

RETRYABLE = frozenset({"error", "cancelled"})


@dataclass(frozen=True, slots=True)
class Reply:
    owner_id: uuid.UUID
    conversation_id: uuid.UUID
    question: MessagePublic
    # The reply's row, stored (status "streaming") in the same transaction as the question: the stream
    # starts without a database write of its own. A detached record
    # (see message_writes.add_assistant_message).
    answer: Message
    provider: LLMProvider
    provider_name: ProviderName
    api_key_id: uuid.UUID | None
    model: str
    request: ChatRequest
    # The provider's reply, already requested: conversations.early_start.
    upstream: EarlyStart
    # The files attached when the question was asked: the provenance of the reply's code blocks.
    file_ids: list[uuid.UUID]
    # The user's setting: run the reply's Python blocks once its text is complete.
    auto_run: bool
    needs_title: bool


async def start_reply(
    session: AsyncSession,
    *,
    asker: Asker,
    content: str,
    api_key_id: uuid.UUID | None,
    model: str | None,
) -> Reply:
    """Store the question and prepare its reply."""
    owner, conversation = asker.user, asker.conversation
    chosen = await choice.choose(session, asker=asker, api_key_id=api_key_id, model=model)
    # The provider is built before anything is stored: a key that cannot be used is a plain 4xx.
    provider = provider_for(chosen.api_key)
    # Read with the asker: the history is what precedes the question about to be stored.
    context = _context(asker, asker.latest)
    request = _chat_request(chosen, context, question=content)
    upstream = _start_early(session, provider, request)
    question, answer = await message_writes.add_exchange(
        session,
        conversation_id=conversation.id,
        user_id=conversation.user_id,
        content=content,
        api_key_id=_key_id(chosen),
        provider=chosen.provider,
        model=chosen.model,
    )
    return _reply(
        conversation,
        chosen,
        provider,
        request,
        upstream,
        question,
        answer,
        context.file_ids,
        UserSettings.model_validate(owner.settings).auto_run,
    )


async def retry_reply(session: AsyncSession, *, asker: Asker, message_id: uuid.UUID) -> Reply:
    """Replace the conversation's last reply, which failed or was stopped, with a new one."""
    owner = asker.user
    # Loaded into the session, which stores the new choice of key and model with the reply.
    conversation = await session.get(Conversation, asker.conversation.id)
    if conversation is None:  # deleted since the asker was read
        raise ConversationNotFound
    await messages.settle_interrupted_replies(session, conversation=conversation)
    failed = await messages.get_message(session, conversation=conversation, message_id=message_id)
    latest = await messages.latest_messages(session, conversation_id=conversation.id, limit=2)
    is_last_reply = (
        len(latest) == 2
        and latest[0].id == failed.id
        and failed.role == "assistant"
        and latest[1].role == "user"
    )
    if not is_last_reply or failed.status not in RETRYABLE:
        raise ReplyNotRetryable
    chosen = await choice.choose(session, asker=asker, api_key_id=None, model=None)
    provider = provider_for(chosen.api_key)
    question = latest[1]
    context = await _read_context(session, asker=asker, before=question)
    request = _chat_request(chosen, context, question=question.content)
    upstream = _start_early(session, provider, request)
    await message_writes.delete_message(session, message=failed)
    conversation.api_key_id = _key_id(chosen)
    conversation.model = chosen.model
    answer = await message_writes.add_assistant_message(
        session,
        conversation_id=conversation.id,
        user_id=conversation.user_id,
        provider=chosen.provider,
        model=chosen.model,
    )
    return _reply(
        conversation,
        chosen,
        provider,
        request,
        upstream,
        question,
        answer,
        context.file_ids,
        UserSettings.model_validate(owner.settings).auto_run,
    )


@dataclass(frozen=True, slots=True)
class _Context:
    datasets: list[Dataset]
    file_ids: list[uuid.UUID]
    turns: list[ChatTurn]


async def _read_context(session: AsyncSession, *, asker: Asker, before: Message) -> _Context:
    """The prompt's context for a question already stored (`before`)."""
    earlier = await messages.past_turns(
        session,
        conversation_id=asker.conversation.id,
        limit=prompt.history_messages_to_read(),
        before=before,
    )
    return _context(asker, earlier)


def _context(asker: Asker, earlier: Sequence[PastMessage]) -> _Context:
    """The attached files (read with the asker) and the turns a prompt keeps of `earlier`, the latest
    messages before the question, newest first."""
    turns = prompt.history_turns(list(reversed(earlier)), max_turns=settings.CHAT_HISTORY_TURNS)
    return _Context(
        datasets=prompt.datasets_from_files(asker.files),
        file_ids=[file.id for file in asker.files],
        turns=turns,
    )


def _key_id(chosen: choice.LLMChoice) -> uuid.UUID | None:
    return chosen.api_key.id if chosen.api_key is not None else None


def _chat_request(chosen: choice.LLMChoice, context: _Context, *, question: str) -> ChatRequest:
    return ChatRequest(
        model=chosen.model,
        system_prompt=prompt.system_prompt(context.datasets),
        turns=[*context.turns, ChatTurn("user", question)],
        datasets=context.datasets,
    )


def _start_early(session: AsyncSession, provider: LLMProvider, request: ChatRequest) -> EarlyStart:
    # Sent before the question is stored (see conversations.early_start); cancelled if it is not.
    upstream = EarlyStart(provider, request)
    after_rollback(session, upstream.close)
    return upstream


def _reply(
    conversation: Conversation | AskedConversation,
    chosen: choice.LLMChoice,
    provider: LLMProvider,
    request: ChatRequest,
    upstream: EarlyStart,
    question: Message,
    answer: Message,
    file_ids: list[uuid.UUID],
    auto_run: bool,
) -> Reply:
    return Reply(
        owner_id=conversation.user_id,
        conversation_id=conversation.id,
        question=messages.to_public(question),
        answer=answer,
        provider=provider,
        provider_name=chosen.provider,
        api_key_id=_key_id(chosen),
        model=chosen.model,
        request=request,
        upstream=upstream,
        file_ids=file_ids,
        auto_run=auto_run,
        needs_title=conversation.title is None,
    )
