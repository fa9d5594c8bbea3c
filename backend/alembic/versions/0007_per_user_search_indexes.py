"""Search indexes led by user_id: a search reads only its owner's entries.

Revision ID: 0007_per_user_search_indexes
Revises: 0006_executions
Create Date: 2026-11-24

Revision 0005's GIN indexes (`search_vector`, and trigrams of title, description and code) hold every
user's entries. When the planner underestimates a query's matches it reads them through those
indexes and throws away the other users' rows. Measured with bench/library_search.py (100,000
entries of 1,000 users, 300 random searches of each kind, custom plans):
- identifiers such as `lead_time_days` become phrase queries estimated at 7 to 26 matches in the
  whole table; there are 250 to 2,600. 5 of 300 full-text searches read the global GIN index:
  up to 40 ms per statement, and 75 ms in the live app (6,164 buffers, 2,632 rows of other users
  removed by the user filter);
- 1 of 300 substring searches read the trigram indexes: 54 + 47 ms; in another survey
  `q=5_le` took 388 + 308 ms.

The same indexes led by user_id (btree_gin makes a uuid a GIN key) can only ever read the owner's
entries, whatever the estimate: with them, the slowest full-text statement of the survey took
3.2 ms and substring 2.7 / 6.7 ms (count / page). For a user with 100 entries they cost a little
more than the global ones when the planner picks them (1.1 against 0.7 ms, see 0005); it mostly
reads the listing index instead. btree_gin is a trusted contrib extension, like pg_trgm.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_per_user_search_indexes"
down_revision: str | Sequence[str] | None = "0006_executions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAM_COLUMNS = ("title", "description", "code")


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.create_index(
        "ix_code_block_user_id_search_vector",
        "code_block",
        ["user_id", "search_vector"],
        postgresql_using="gin",
        postgresql_where=sa.text("is_latest"),
    )
    for column in TRIGRAM_COLUMNS:
        op.create_index(
            f"ix_code_block_user_id_{column}_trgm",
            "code_block",
            ["user_id", column],
            postgresql_using="gin",
            postgresql_ops={column: "gin_trgm_ops"},
            postgresql_where=sa.text("is_latest"),
        )
    op.drop_index("ix_code_block_search_vector", table_name="code_block")
    for column in TRIGRAM_COLUMNS:
        op.drop_index(f"ix_code_block_{column}_trgm", table_name="code_block")


def downgrade() -> None:
    # Revision 0005's indexes again. btree_gin stays: other objects of the database may use it.
    op.create_index(
        "ix_code_block_search_vector",
        "code_block",
        ["search_vector"],
        postgresql_using="gin",
        postgresql_where=sa.text("is_latest"),
    )
    for column in TRIGRAM_COLUMNS:
        op.create_index(
            f"ix_code_block_{column}_trgm",
            "code_block",
            [column],
            postgresql_using="gin",
            postgresql_ops={column: "gin_trgm_ops"},
            postgresql_where=sa.text("is_latest"),
        )
    op.drop_index("ix_code_block_user_id_search_vector", table_name="code_block")
    for column in TRIGRAM_COLUMNS:
        op.drop_index(f"ix_code_block_user_id_{column}_trgm", table_name="code_block")
