"""The code library: every code block, one row per version.

An entry of the library is a lineage: its first version's id is the `lineage_id` of every version,
and exactly one version (the newest) has `is_latest`. Title, description and tags belong to the
entry, so they are kept equal on every version; code, language and analysis belong to each version.
"""

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Computed,
    DateTime,
    ForeignKey,
    Index,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlmodel import Field, SQLModel

from app.models.base import created_at_column, updated_at_column, utc_now

# "chat": extracted from a reply; "user": saved by the user in the library.
CodeBlockSource = Literal["chat", "user"]

# Created by revision 0005: the weighted full-text document of a block (title A; tags, imports,
# functions and classes B; description C; code D). A function because array_to_string is not
# IMMUTABLE and a generated column needs an immutable expression.
SEARCH_VECTOR_SQL = (
    "code_block_search_vector(title, description, tags, imports, functions_defined, "
    "classes_defined, code)"
)


def _text_array() -> Column[list[str]]:
    return Column(ARRAY(Text), nullable=False, server_default=text("'{}'"))


class CodeBlock(SQLModel, table=True):
    __tablename__ = "code_block"
    __table_args__ = (
        CheckConstraint("source IN ('chat', 'user')", name="source_known"),
        CheckConstraint("version >= 1", name="version_positive"),
        UniqueConstraint("lineage_id", "version"),
        # The library's pages (latest versions of one user, newest entry first) read this index in
        # order; its user_id prefix also serves the user's deletion. See revision 0005 for the plans.
        Index(
            "ix_code_block_user_id_is_latest_lineage_created_at",
            "user_id",
            "is_latest",
            "lineage_created_at",
            "id",
        ),
        # One latest version per entry, whatever happens at once.
        Index(
            "uq_code_block_lineage_id_latest",
            "lineage_id",
            unique=True,
            postgresql_where=text("is_latest"),
        ),
        # Exports and the chat read blocks by conversation and message; both are ON DELETE SET NULL.
        Index("ix_code_block_conversation_id", "conversation_id"),
        Index("ix_code_block_message_id", "message_id"),
        # Deleting a version looks up the versions made from it (ON DELETE SET NULL).
        Index(
            "ix_code_block_parent_version_id",
            "parent_version_id",
            postgresql_where=text("parent_version_id IS NOT NULL"),
        ),
        # Substring search (ILIKE) for users with very many entries. Led by user_id (btree_gin), so
        # a search reads only its owner's entries whatever the planner estimates (revision 0007).
        *(
            Index(
                f"ix_code_block_user_id_{column}_trgm",
                "user_id",
                column,
                postgresql_using="gin",
                postgresql_ops={column: "gin_trgm_ops"},
                postgresql_where=text("is_latest"),
            )
            for column in ("title", "description", "code")
        ),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user.id", ondelete="CASCADE"), nullable=False)
    )
    lineage_id: uuid.UUID = Field(sa_column=Column(Uuid, nullable=False))
    version: int = 1
    parent_version_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("code_block.id", ondelete="SET NULL"), nullable=True),
    )
    is_latest: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))

    # Provenance. The library outlives the chat: deleting a conversation keeps its blocks.
    conversation_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("conversation.id", ondelete="SET NULL"), nullable=True),
    )
    message_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("message.id", ondelete="SET NULL"), nullable=True),
    )
    block_index: int | None = None
    provider: str | None = Field(default=None, max_length=32)
    model: str | None = Field(default=None, max_length=200)
    # The files attached to the conversation when the block was written (no foreign key: a file
    # deleted later simply stops being listed).
    file_ids: list[uuid.UUID] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(Uuid), nullable=False, server_default=text("'{}'")),
    )
    source: str = Field(max_length=16)

    code: str = Field(sa_column=Column(Text, nullable=False))
    language: str | None = Field(default=None, max_length=32)
    title: str = Field(sa_column=Column(Text, nullable=False))
    description: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    tags: list[str] = Field(default_factory=list, sa_column=_text_array())

    # What app.code_blocks.analysis found in the code (empty for other languages).
    imports: list[str] = Field(default_factory=list, sa_column=_text_array())
    functions_defined: list[str] = Field(default_factory=list, sa_column=_text_array())
    classes_defined: list[str] = Field(default_factory=list, sa_column=_text_array())
    variables_created: list[str] = Field(default_factory=list, sa_column=_text_array())
    columns_referenced: list[str] = Field(default_factory=list, sa_column=_text_array())
    syntax_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # Null until the block runs (execution), then whether its last run succeeded.
    executed_successfully: bool | None = None

    # When the entry's first version was made, copied to every version: the library sorts entries
    # by it, straight from the listing index.
    lineage_created_at: datetime = Field(
        default_factory=utc_now,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    created_at: datetime = Field(default_factory=utc_now, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utc_now, sa_column=updated_at_column())


# The search document is a column of the table (its indexes and queries use it) but not of the
# model: it is large, never read into Python, and written only by the database.
code_block_table: Table = CodeBlock.__table__  # type: ignore[attr-defined]
code_block_table.append_column(
    Column("search_vector", TSVECTOR, Computed(SEARCH_VECTOR_SQL, persisted=True), nullable=True)
)
search_vector: Column[Any] = code_block_table.c.search_vector
# Full-text search, led by user_id as the trigram indexes are.
Index(
    "ix_code_block_user_id_search_vector",
    code_block_table.c.user_id,
    search_vector,
    postgresql_using="gin",
    postgresql_where=text("is_latest"),
)
