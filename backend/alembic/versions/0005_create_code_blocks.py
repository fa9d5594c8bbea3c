"""Create the code_block table (the code library) and its search indexes.

Revision ID: 0005_code_blocks
Revises: 0004_conversations
Create Date: 2026-11-23

Index design, from EXPLAIN ANALYZE of the service's own queries (PostgreSQL 15, warm cache) on
156,000 rows: 100,000 entries of 1,000 users (100 each, 15% with 2-4 versions) plus one user with
20,000; custom plans and generic (prepared-statement) plans both checked.
- `(user_id, is_latest, lineage_created_at, id)` lists a user's entries: "newest first" reads it
  backwards and stops after the page (Index Scan Backward + Limit), and counts are index-only scans.
  Its user_id prefix also serves deleting a user. Other sorts sort the user's rows in memory.
- For a user with 100 entries every query reads those ~100 rows through that index and filters:
  first page 0.2 ms, count 0.1 ms, tag filter 0.2 ms, full-text 0.5-1 ms, substring 1-2 ms, "any"
  1-5 ms. Generic plans take the same paths (websearch_to_tsquery is then computed per row: ~2 ms).
- GIN on the generated `search_vector` and trigram GIN (pg_trgm) on title, description and code,
  all partial on `is_latest`, answer for users with very many entries: for the 20,000-entry user a
  rare word or substring takes 0.1 ms (BitmapOr of the four), where scanning the user's rows takes
  40-150 ms. Common words there cost 60-70 ms (ranking thousands of matches) and common substrings
  0.3-1 s (ILIKE reads every candidate's code): SEARCH_STATEMENT_TIMEOUT_MS bounds those.
- Tried and left out: btree_gin `(user_id, search_vector)`, slower for 100-entry users (1.1 vs
  0.7 ms) and only 1.5x faster for the 20,000-entry one, for one more extension.
- `(lineage_id) WHERE is_latest` (unique): one latest version per entry. `(lineage_id, version)`
  (unique) finds an entry's versions. `parent_version_id` (partial): deleting versions looks up the
  versions made from them. `conversation_id`, `message_id`: exports, and their ON DELETE SET NULL.
Sizes at 156,000 rows: code trigrams 68 MB, search_vector 20 MB, listing 15 MB, title and
description trigrams 12 and 14 MB; the table 322 MB.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005_code_blocks"
down_revision: str | Sequence[str] | None = "0004_conversations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Punctuation becomes space before parsing, so `df.groupby` and `matplotlib.pyplot` are two words
# each (the default parser would keep them as one "host" token that no search for groupby finds).
# Prose is indexed twice: English stems ("grouping" finds "group") and the words as written
# (identifiers such as "groupby" are not English). The function only calls immutable functions for
# these argument types, though array_to_string is declared STABLE in general, hence the wrapper.
# Its body uses pg_catalog functions only, so it behaves the same whatever the search_path
# (pg_restore runs with an empty one).
SEARCH_VECTOR_FUNCTION = r"""
CREATE FUNCTION code_block_search_vector(
    title text,
    description text,
    tags text[],
    imports text[],
    functions_defined text[],
    classes_defined text[],
    code text
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT
    setweight(to_tsvector('english', cleaned.title), 'A')
    || setweight(to_tsvector('simple', cleaned.title), 'A')
    || setweight(to_tsvector('simple', cleaned.names), 'B')
    || setweight(to_tsvector('english', cleaned.description), 'C')
    || setweight(to_tsvector('simple', cleaned.description), 'C')
    || setweight(to_tsvector('simple', cleaned.code), 'D')
FROM (
    SELECT
        regexp_replace(coalesce(title, ''), '[^[:alnum:]_[:space:]]+', ' ', 'g') AS title,
        regexp_replace(
            array_to_string(tags || imports || functions_defined || classes_defined, ' '),
            '[^[:alnum:]_[:space:]]+', ' ', 'g'
        ) AS names,
        regexp_replace(coalesce(description, ''), '[^[:alnum:]_[:space:]]+', ' ', 'g')
            AS description,
        regexp_replace(coalesce(code, ''), '[^[:alnum:]_[:space:]]+', ' ', 'g') AS code
) AS cleaned
$$
"""
SEARCH_VECTOR_SQL = (
    "code_block_search_vector(title, description, tags, imports, functions_defined, "
    "classes_defined, code)"
)


def _text_array(name: str) -> sa.Column[list[str]]:
    return sa.Column(
        name, postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False
    )


def _timestamp(name: str) -> sa.Column[sa.DateTime]:
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(SEARCH_VECTOR_FUNCTION)
    op.create_table(
        "code_block",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("lineage_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("parent_version_id", sa.Uuid(), nullable=True),
        sa.Column("is_latest", sa.Boolean(), nullable=False),
        sa.Column("conversation_id", sa.Uuid(), nullable=True),
        sa.Column("message_id", sa.Uuid(), nullable=True),
        sa.Column("block_index", sa.Integer(), nullable=True),
        sa.Column("provider", sa.String(length=32), nullable=True),
        sa.Column("model", sa.String(length=200), nullable=True),
        sa.Column(
            "file_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=32), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        _text_array("tags"),
        _text_array("imports"),
        _text_array("functions_defined"),
        _text_array("classes_defined"),
        _text_array("variables_created"),
        _text_array("columns_referenced"),
        sa.Column("syntax_error", sa.Text(), nullable=True),
        sa.Column("executed_successfully", sa.Boolean(), nullable=True),
        _timestamp("lineage_created_at"),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        sa.Column(
            "search_vector",
            postgresql.TSVECTOR(),
            sa.Computed(SEARCH_VECTOR_SQL, persisted=True),
            nullable=True,
        ),
        sa.CheckConstraint("source IN ('chat', 'user')", name=op.f("ck_code_block_source_known")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_code_block_version_positive")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_code_block_user_id_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_version_id"],
            ["code_block.id"],
            name=op.f("fk_code_block_parent_version_id_code_block"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_code_block_conversation_id_conversation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["message.id"],
            name=op.f("fk_code_block_message_id_message"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_block")),
        sa.UniqueConstraint("lineage_id", "version", name=op.f("uq_code_block_lineage_id_version")),
    )
    op.create_index(
        "ix_code_block_user_id_is_latest_lineage_created_at",
        "code_block",
        ["user_id", "is_latest", "lineage_created_at", "id"],
    )
    op.create_index(
        "uq_code_block_lineage_id_latest",
        "code_block",
        ["lineage_id"],
        unique=True,
        postgresql_where=sa.text("is_latest"),
    )
    op.create_index("ix_code_block_conversation_id", "code_block", ["conversation_id"])
    op.create_index("ix_code_block_message_id", "code_block", ["message_id"])
    op.create_index(
        "ix_code_block_parent_version_id",
        "code_block",
        ["parent_version_id"],
        postgresql_where=sa.text("parent_version_id IS NOT NULL"),
    )
    op.create_index(
        "ix_code_block_search_vector",
        "code_block",
        ["search_vector"],
        postgresql_using="gin",
        postgresql_where=sa.text("is_latest"),
    )
    for column in ("title", "description", "code"):
        op.create_index(
            f"ix_code_block_{column}_trgm",
            "code_block",
            [column],
            postgresql_using="gin",
            postgresql_ops={column: "gin_trgm_ops"},
            postgresql_where=sa.text("is_latest"),
        )


def downgrade() -> None:
    # The table's indexes go with it. pg_trgm stays: other objects of the database may use it.
    op.drop_table("code_block")
    op.execute(
        "DROP FUNCTION code_block_search_vector(text, text, text[], text[], text[], text[], text)"
    )
