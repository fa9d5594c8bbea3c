"""Create the execution table (code runs).

Revision ID: 0006_executions
Revises: 0005_code_blocks
Create Date: 2026-11-24

Indexes, one per way the app reads runs:
- `(lineage_id, created_at)`: an entry's run history newest first (read backwards, stops after the
  page), and the run counts of the library's entries (a page's lineages at a time).
- `(user_id, lineage_id)`: one user's reuse figures, grouped by entry; also deleting the user.
- `code_block_id`: deleting a version (or an entry) deletes its runs through ON DELETE CASCADE.
- `message_id` (partial): a reply's runs, and ON DELETE SET NULL when the message goes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006_executions"
down_revision: str | Sequence[str] | None = "0005_code_blocks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "execution",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("code_block_id", sa.Uuid(), nullable=False),
        sa.Column("lineage_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "file_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("message_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("stdout", sa.Text(), server_default="", nullable=False),
        sa.Column("result", postgresql.JSONB(), nullable=True),
        sa.Column(
            "figures", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=False
        ),
        sa.Column("figures_left_out", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("error", postgresql.JSONB(), nullable=True),
        sa.Column("result_csv", sa.LargeBinary(), nullable=True),
        sa.Column("result_csv_bytes", sa.Integer(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint("source IN ('chat', 'library')", name=op.f("ck_execution_source_known")),
        sa.CheckConstraint(
            "status IN ('succeeded', 'failed', 'timed_out', 'refused')",
            name=op.f("ck_execution_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_execution_user_id_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["code_block_id"],
            ["code_block.id"],
            name=op.f("fk_execution_code_block_id_code_block"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["message.id"],
            name=op.f("fk_execution_message_id_message"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_execution")),
    )
    op.create_index("ix_execution_lineage_id_created_at", "execution", ["lineage_id", "created_at"])
    op.create_index("ix_execution_user_id_lineage_id", "execution", ["user_id", "lineage_id"])
    op.create_index("ix_execution_code_block_id", "execution", ["code_block_id"])
    op.create_index(
        "ix_execution_message_id",
        "execution",
        ["message_id"],
        postgresql_where=sa.text("message_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_table("execution")
