"""Every table, imported here so Alembic and the app share one metadata."""

from sqlmodel import SQLModel

from app.models.file import File
from app.models.user import User

__all__ = ["File", "SQLModel", "User"]
