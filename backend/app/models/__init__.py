"""Every table, imported here so Alembic and the app share one metadata."""

from sqlmodel import SQLModel

from app.models.api_key import ApiKey
from app.models.code_block import CodeBlock
from app.models.conversation import Conversation, ConversationFile
from app.models.execution import Execution
from app.models.file import File
from app.models.llm_usage import LLMUsage
from app.models.message import Message
from app.models.user import User

__all__ = [
    "ApiKey",
    "CodeBlock",
    "Conversation",
    "ConversationFile",
    "Execution",
    "File",
    "LLMUsage",
    "Message",
    "SQLModel",
    "User",
]
