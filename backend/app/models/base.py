"""Column helpers shared by every table."""

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, func
from sqlmodel import SQLModel

# Deterministic constraint names, so migrations can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Set before any table class is defined: names are given as constraints attach to their tables.
SQLModel.metadata.naming_convention = NAMING_CONVENTION


def utc_now() -> datetime:
    return datetime.now(UTC)


def created_at_column() -> Column[datetime]:
    return Column(
        DateTime(timezone=True), nullable=False, default=utc_now, server_default=func.now()
    )


def updated_at_column() -> Column[datetime]:
    return Column(
        DateTime(timezone=True),
        nullable=False,
        default=utc_now,
        onupdate=utc_now,
        server_default=func.now(),
    )
