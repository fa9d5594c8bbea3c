"""Everything a reply needs, settled before it streams: the stream only ever starts authorized.

Within the request's own session (committed before the first byte): the key and model are chosen
and stored on the conversation, the question and the reply's (still empty) row are stored, the
prompt is built. The stream itself
(conversations.streaming) then runs with a session of its own.
"""

import uuid
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from app.conversations import choice, messages, prompt, service
from app.conversations.exceptions import ReplyNotRetryable
from app.conversations.schemas import MessagePublic
from app.core.config import settings
from app.llm.base import ChatRequest, ChatTurn, LLMProvider, ProviderName
from app.llm.registry import provider_for
from app.models import Conversation, Message, User

RETRYABLE = frozenset({"error", "cancelled"})


@dataclass(frozen=True, slots=True)
class Reply:
    owner_id: uuid.UUID
    conversation_id: uuid.UUID
    question: MessagePublic
    # The reply's row, stored (status "streaming") in the same transaction as the question: the stream
    # starts without a database write of its own. A detached record (see messages.add_assistant_message).
    answer: Message
    provider: LLMProvider
    provider_name: ProviderName
    api_key_id: uuid.UUID | None
    model: str
    request: ChatRequest
    needs_title: bool


async def start_reply(
    session: AsyncSession,
    *,
    owner: User,
    conversation: Conversation,
    content: str,
    api_key_id: uuid.UUID | None,
    model: str | None,
) -> Reply:
    """Store the question and prepare its reply."""
    chosen = await choice.choose(
        session, owner=owner, conversation=conversation, api_key_id=api_key_id, model=model
    )
    # The provider is built before anything is stored: a key that cannot be used is a plain 4xx.
    provider = provider_for(chosen.api_key)
    question = await messages.add_user_message(session, conversation=conversation, content=content)
    return await _prepare(
        session, conversation=conversation, chosen=chosen, provider=provider, question=question
    )


async def retry_reply(
    session: AsyncSession, *, owner: User, conversation: Conversation, message_id: uuid.UUID
) -> Reply:
    """Replace the conversation's last reply, which failed or was stopped, with a new one."""
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
    chosen = await choice.choose(
        session, owner=owner, conversation=conversation, api_key_id=None, model=None
    )
    provider = provider_for(chosen.api_key)
    await messages.delete_message(session, message=failed)
    return await _prepare(
        session, conversation=conversation, chosen=chosen, provider=provider, question=latest[1]
    )


async def _prepare(
    session: AsyncSession,
    *,
    conversation: Conversation,
    chosen: choice.LLMChoice,
    provider: LLMProvider,
    question: Message,
) -> Reply:
    conversation.api_key_id = chosen.api_key.id if chosen.api_key is not None else None
    conversation.model = chosen.model
    await session.flush()
    files = await service.attached_files(session, conversation=conversation)
    datasets = prompt.datasets_from_files(files)
    max_turns = settings.CHAT_HISTORY_TURNS
    # Newest first, a few more than needed: questions without an answer are skipped.
    earlier = await messages.latest_messages(
        session, conversation_id=conversation.id, limit=4 * max_turns, before=question
    )
    turns = prompt.history_turns(list(reversed(earlier)), max_turns=max_turns)
    answer = await messages.add_assistant_message(
        session,
        conversation_id=conversation.id,
        user_id=conversation.user_id,
        provider=chosen.provider,
        model=chosen.model,
    )
    request = ChatRequest(
        model=chosen.model,
        system_prompt=prompt.system_prompt(datasets),
        turns=[*turns, ChatTurn("user", question.content)],
        datasets=datasets,
    )
    return Reply(
        owner_id=conversation.user_id,
        conversation_id=conversation.id,
        question=messages.to_public(question),
        answer=answer,
        provider=provider,
        provider_name=chosen.provider,
        api_key_id=conversation.api_key_id,
        model=chosen.model,
        request=request,
        needs_title=conversation.title is None,
    )
