import uuid
from datetime import datetime
from typing import Literal

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Text, Uuid
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, updated_at_column, utc_now

MessageRole = Literal["user", "assistant"]
MessageStatus = Literal["streaming", "complete", "error", "cancelled"]


class Message(SQLModel, table=True):
    """One message of a conversation. An assistant reply is stored as it streams (status
    `streaming`) and keeps whatever arrived when it ends in `error` or `cancelled`."""

    __tablename__ = "message"
    __table_args__ = (
        CheckConstraint("role IN ('user', 'assistant')", name="role"),
        CheckConstraint("status IN ('streaming', 'complete', 'error', 'cancelled')", name="status"),
        Index("ix_message_conversation_id_created_at", "conversation_id", "created_at"),
        Index("ix_message_user_id", "user_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    conversation_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("conversation.id", ondelete="CASCADE"), nullable=False)
    )
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    role: str = Field(max_length=16)
    content: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    status: str = Field(default="complete", max_length=16)
    # The ProviderFailure kind (InvalidApiKey, ProviderRateLimited...) and its user-facing sentence.
    error_kind: str | None = Field(default=None, max_length=64)
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    provider: str | None = Field(default=None, max_length=32)
    model: str | None = Field(default=None, max_length=200)
    input_tokens: int | None = None
    output_tokens: int | None = None
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=updated_at_column())
