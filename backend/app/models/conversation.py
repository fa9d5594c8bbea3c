import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Text, Uuid, text
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, updated_at_column, utc_now


class Conversation(SQLModel, table=True):
    """A chat about the user's files. `api_key_id` and `model` record the last choice of LLM (see
    conversations.choice); a null key with the model "builtin" is the offline assistant."""

    __tablename__ = "conversation"
    __table_args__ = (Index("ix_conversation_user_id_updated_at", "user_id", "updated_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    title: str | None = Field(default=None, max_length=255)
    api_key_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("api_key.id", ondelete="SET NULL"), nullable=True),
    )
    model: str | None = Field(default=None, max_length=200)
    message_count: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    last_message_preview: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=updated_at_column())


class ConversationFile(SQLModel, table=True):
    """A file attached to a conversation: the data its code runs on."""

    __tablename__ = "conversation_file"
    __table_args__ = (Index("ix_conversation_file_file_id", "file_id"),)

    conversation_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("conversation.id", ondelete="CASCADE"), primary_key=True)
    )
    file_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("file.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    attached_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
