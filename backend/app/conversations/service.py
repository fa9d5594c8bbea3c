"""Conversations: create, list and search, rename, choose the LLM, attach files, delete.

Messages and replies live in conversations.messages and conversations.replies.
"""

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, exists, func, or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys import service as api_keys_service
from app.conversations.exceptions import ConversationNotFound
from app.conversations.schemas import (
    ConversationCreate,
    ConversationDetail,
    ConversationsPublic,
    ConversationSummary,
    ConversationUpdate,
)
from app.core.search import contains_pattern
from app.files import service as files_service
from app.files.schemas import FileSummary
from app.llm.builtin import BUILTIN_MODEL
from app.models import ApiKey, Conversation, ConversationFile, File, Message, User


async def get_conversation(
    session: AsyncSession, *, owner: User, conversation_id: uuid.UUID
) -> Conversation:
    query = select(Conversation).where(
        Conversation.id == conversation_id, Conversation.user_id == owner.id
    )
    conversation = (await session.exec(query)).first()
    if conversation is None:
        raise ConversationNotFound
    return conversation


async def create_conversation(
    session: AsyncSession, *, owner: User, data: ConversationCreate
) -> Conversation:
    if data.api_key_id is not None:
        await api_keys_service.get_api_key(session, owner=owner, api_key_id=data.api_key_id)
    conversation = Conversation(
        user_id=owner.id, title=data.title, api_key_id=data.api_key_id, model=data.model
    )
    session.add(conversation)
    await session.flush()
    for file_id in dict.fromkeys(data.file_ids):
        file = await files_service.get_file(session, owner=owner, file_id=file_id)
        await attach_file(session, conversation=conversation, file=file)
    return conversation


async def list_conversations(
    session: AsyncSession, *, owner: User, skip: int, limit: int, search: str | None
) -> ConversationsPublic:
    """Most recently active first; `search` matches part of the title or of any message."""
    conditions: list[ColumnElement[bool]] = [col(Conversation.user_id) == owner.id]
    pattern = contains_pattern(search)
    if pattern is not None:
        in_messages = exists().where(
            col(Message.conversation_id) == col(Conversation.id),
            col(Message.content).ilike(pattern, escape="\\"),
        )
        conditions.append(or_(col(Conversation.title).ilike(pattern, escape="\\"), in_messages))
    count_query = select(func.count()).select_from(Conversation).where(*conditions)
    total = (await session.exec(count_query)).one()
    page_query = (
        select(Conversation, ApiKey.provider)
        .outerjoin(ApiKey, col(ApiKey.id) == col(Conversation.api_key_id))
        .where(*conditions)
        .order_by(col(Conversation.updated_at).desc(), col(Conversation.id).desc())
        .offset(skip)
        .limit(limit)
    )
    rows = (await session.exec(page_query)).all()
    summaries = [_summary(conversation, key_provider) for conversation, key_provider in rows]
    return ConversationsPublic(data=summaries, count=total)


async def read_conversation(
    session: AsyncSession, *, conversation: Conversation
) -> ConversationDetail:
    key = (
        await session.get(ApiKey, conversation.api_key_id)
        if conversation.api_key_id is not None
        else None
    )
    summary = _summary(conversation, key.provider if key is not None else None)
    files = await _attached_file_summaries(session, conversation=conversation)
    return ConversationDetail(
        **summary.model_dump(),
        api_key_id=conversation.api_key_id,
        files=[FileSummary.model_validate(file) for file in files],
    )


async def update_conversation(
    session: AsyncSession, *, owner: User, conversation: Conversation, data: ConversationUpdate
) -> Conversation:
    if data.title is not None:
        conversation.title = data.title
    if "api_key_id" in data.model_fields_set:
        if data.api_key_id is not None:
            await api_keys_service.get_api_key(session, owner=owner, api_key_id=data.api_key_id)
        conversation.api_key_id = data.api_key_id
    if "model" in data.model_fields_set:
        conversation.model = data.model
    await session.flush()
    return conversation


async def delete_conversation(session: AsyncSession, *, conversation: Conversation) -> None:
    # Messages and file links go by cascade in the database.
    await session.delete(conversation)
    await session.flush()


async def attach_file(session: AsyncSession, *, conversation: Conversation, file: File) -> None:
    """Attach a file (again: no change)."""
    link = {"conversation_id": conversation.id, "file_id": file.id, "user_id": file.user_id}
    statement = insert(ConversationFile).values(**link).on_conflict_do_nothing()
    await session.exec(statement)


async def detach_file(session: AsyncSession, *, conversation: Conversation, file: File) -> None:
    """Detach a file (not attached: no change)."""
    statement = delete(ConversationFile).where(
        col(ConversationFile.conversation_id) == conversation.id,
        col(ConversationFile.file_id) == file.id,
    )
    await session.exec(statement)


async def _attached_file_summaries(
    session: AsyncSession, *, conversation: Conversation
) -> Sequence[File]:
    """The conversation's files, in the order they were attached, without their profiles (a question
    reads its files whole with the asker: conversations.asker)."""
    query = (
        select(File)
        .join(ConversationFile, col(ConversationFile.file_id) == col(File.id))
        .where(col(ConversationFile.conversation_id) == conversation.id)
        .order_by(col(ConversationFile.attached_at), col(File.id))
        # Summaries never need the profile (large for wide files); reading it by mistake raises.
        .options(defer(cast(QueryableAttribute[Any], File.profile), raiseload=True))
    )
    return (await session.exec(query)).all()


def _summary(conversation: Conversation, key_provider: str | None) -> ConversationSummary:
    provider = key_provider
    if provider is None and conversation.api_key_id is None and conversation.model == BUILTIN_MODEL:
        provider = "builtin"
    return ConversationSummary.model_validate({**conversation.model_dump(), "provider": provider})
