import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Uuid
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, utc_now


class File(SQLModel, table=True):
    """An uploaded CSV file; its bytes live in file storage under `storage_key`."""

    __tablename__ = "file"
    __table_args__ = (Index("ix_file_user_id_uploaded_at", "user_id", "uploaded_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    filename: str = Field(max_length=255)
    # Folder of the original and its Parquet copy, relative to the storage root.
    storage_key: str = Field(max_length=255)
    size_bytes: int = Field(sa_column=Column(BigInteger, nullable=False))
    mime_type: str = Field(max_length=255)
    sha256: str = Field(max_length=64)
    row_count: int = Field(sa_column=Column(BigInteger, nullable=False))
    column_count: int
    encoding: str = Field(max_length=32)
    delimiter: str = Field(max_length=1)
    compression: str | None = Field(default=None, max_length=16)
    # Read through files.schemas.FileProfile.
    profile: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    uploaded_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
