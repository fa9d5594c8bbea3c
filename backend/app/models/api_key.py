import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Index, Uuid, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, updated_at_column, utc_now


class ApiKey(SQLModel, table=True):
    """A user's key for an LLM provider. The key itself is stored only encrypted (core.encryption)."""

    __tablename__ = "api_key"
    __table_args__ = (
        CheckConstraint(
            "provider IN ('openai', 'anthropic', 'openai_compatible')", name="provider_known"
        ),
        CheckConstraint("status IN ('valid', 'invalid', 'unchecked')", name="status_known"),
        Index("ix_api_key_user_id_created_at", "user_id", "created_at"),
        # At most one default key per user.
        Index(
            "uq_api_key_user_id_default",
            "user_id",
            unique=True,
            postgresql_where=text("is_default"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    provider: str = Field(max_length=32)
    label: str = Field(max_length=100)
    base_url: str | None = Field(default=None, max_length=2048)
    encrypted_key: str
    key_last4: str = Field(max_length=4)
    status: str = Field(default="unchecked", max_length=16)
    status_message: str | None = Field(default=None, max_length=1000)
    checked_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    # Model ids the last successful check found.
    models: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    )
    default_model: str | None = Field(default=None, max_length=200)
    is_default: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=updated_at_column())
