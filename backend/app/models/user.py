import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, Index, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, updated_at_column, utc_now


class User(SQLModel, table=True):
    __tablename__ = "user"
    # E-mail addresses are compared case-insensitively; storing them lower-cased keeps the unique
    # constraint honest, and the check makes sure no code path forgets.
    __table_args__ = (
        CheckConstraint("email = lower(email)", name="email_lower_case"),
        Index("ix_user_created_at", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(max_length=255, unique=True)
    hashed_password: str
    full_name: str | None = Field(default=None, max_length=255)
    is_active: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    is_superuser: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    # auto_run, default_provider, default_model; read through users.schemas.UserSettings.
    settings: dict[str, Any] = Field(
        default_factory=dict,
        sa_column=Column(JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    )
    # Raised on every password change; tokens carrying an older version are rejected.
    token_version: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=updated_at_column())
