import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Uuid
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, utc_now


class LLMUsage(SQLModel, table=True):
    """Tokens one LLM call used, recorded for every call (replies, titles)."""

    __tablename__ = "llm_usage"
    __table_args__ = (
        CheckConstraint("purpose IN ('reply', 'title', 'validation')", name="purpose_known"),
        CheckConstraint("input_tokens >= 0 AND output_tokens >= 0", name="tokens_not_negative"),
        Index("ix_llm_usage_user_id_created_at", "user_id", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    provider: str = Field(max_length=32)
    model: str = Field(max_length=200)
    # Its foreign key is created by revision 0004, with the conversation table.
    conversation_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("conversation.id", ondelete="SET NULL"), nullable=True),
    )
    api_key_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("api_key.id", ondelete="SET NULL"), nullable=True),
    )
    input_tokens: int = 0
    output_tokens: int = 0
    purpose: str = Field(max_length=16)
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
