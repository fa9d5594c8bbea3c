"""Code runs: one row per run of one code block version, in the chat or from the library.

A run keeps what the sandbox answered (app.execution.schemas.RunResult), already capped by it.
`lineage_id` and `version` repeat the block's, so an entry's runs are read without a join.
"""

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Text,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, utc_now

# "chat": run as part of a reply (or its Run button); "library": run from the code library.
ExecutionSource = Literal["chat", "library"]


class Execution(SQLModel, table=True):
    __tablename__ = "execution"
    __table_args__ = (
        CheckConstraint("source IN ('chat', 'library')", name="source_known"),
        CheckConstraint(
            "status IN ('succeeded', 'failed', 'timed_out', 'refused')", name="status_known"
        ),
        # An entry's run history, newest first (read backwards), and its run counts.
        Index("ix_execution_lineage_id_created_at", "lineage_id", "created_at"),
        # The reuse figures of one user (grouped by entry); also serves deleting the user.
        Index("ix_execution_user_id_lineage_id", "user_id", "lineage_id"),
        # Deleting a version deletes its runs (ON DELETE CASCADE).
        Index("ix_execution_code_block_id", "code_block_id"),
        # A reply's runs, and ON DELETE SET NULL of its message.
        Index(
            "ix_execution_message_id",
            "message_id",
            postgresql_where=text("message_id IS NOT NULL"),
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    # The version that ran.
    code_block_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("code_block.id", ondelete="CASCADE"), nullable=False)
    )
    lineage_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    version: int
    # The run's files, in order (`df` is the first). No foreign key: a deleted file simply stops
    # being listed, and the run still counts in the reuse figures.
    file_ids: list[uuid.UUID] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(Uuid), nullable=False, server_default=text("'{}'")),
    )
    source: str = Field(max_length=16)
    message_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("message.id", ondelete="SET NULL"), nullable=True),
    )

    status: str = Field(max_length=16)
    duration_ms: int
    stdout: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # app.execution.sandbox.results: {"kind": "dataframe" | "series" | ..., ...}
    result: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    figures: list[str] = Field(
        default_factory=list,
        sa_column=Column(JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    )
    figures_left_out: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default=text("0"))
    )
    # app.execution.schemas.RunError: {"kind", "message", "traceback"}
    error: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    # The whole table result as CSV, for download; large, so queries defer it. Its size is kept
    # apart, so a run says whether it has one without reading it.
    result_csv: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    result_csv_bytes: int | None = None
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
