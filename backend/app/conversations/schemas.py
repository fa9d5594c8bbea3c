"""Request and response bodies of the conversations API (the stream's events: conversations.streaming)."""

import uuid
from datetime import datetime
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.core.schemas import RequestModel
from app.execution.runs.schemas import ExecutionPublic
from app.files.schemas import FileSummary
from app.llm.base import ProviderName
from app.llm.builtin import BUILTIN_MODEL
from app.models.message import MessageRole, MessageStatus

MAX_MESSAGE_CHARS = 20_000
MAX_TITLE_CHARS = 200
MAX_MODEL_CHARS = 200
MAX_ATTACHED_FILES = 20

Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_CHARS)
]
ModelName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MODEL_CHARS),
    Field(description=f'A model of the chosen key; "{BUILTIN_MODEL}" picks the offline assistant.'),
]
ApiKeyId = Annotated[uuid.UUID, Field(description="One of the user's API keys.")]

# Every field is always present in responses, defaults included: the generated client relies on it.
_ALWAYS_PRESENT = ConfigDict(from_attributes=True, json_schema_serialization_defaults_required=True)


class ConversationCreate(RequestModel):
    title: Title | None = None
    file_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_ATTACHED_FILES)
    api_key_id: ApiKeyId | None = None
    model: ModelName | None = None


class ConversationUpdate(RequestModel):
    """Only the fields sent change; `api_key_id: null` goes back to the user's default key."""

    title: Title | None = None
    api_key_id: ApiKeyId | None = None
    model: ModelName | None = None

    @model_validator(mode="after")
    def _title_not_null(self) -> Self:
        if "title" in self.model_fields_set and self.title is None:
            raise ValueError("title: cannot be null; send a new title, or leave it out")
        return self


class MessageCreate(RequestModel):
    """A question. Without `api_key_id` the conversation's key is used, then the user's default key,
    then the built-in assistant; `model` defaults the same way, then to the key's default model."""

    content: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MESSAGE_CHARS)
    ]
    api_key_id: ApiKeyId | None = None
    model: ModelName | None = None


class CodeBlockPublic(BaseModel):
    """A fenced block of a reply, and the library entry it was saved as."""

    model_config = _ALWAYS_PRESENT

    index: int = Field(description="0-based position of the block in its message.")
    language: str | None = Field(description="The fence's language tag, lower-cased, if any.")
    code: str
    id: uuid.UUID | None = Field(
        default=None,
        description="The library entry's first version (GET /code-blocks/{id}); null for a block "
        "not saved (the reply was cut off inside it).",
    )
    version: int | None = None
    title: str | None = None
    runs: list[ExecutionPublic] = Field(
        default_factory=list, description="Its runs in the chat, oldest first (then its fix's)."
    )
    fixed_version: "FixedVersion | None" = Field(
        default=None, description="The version an automatic fix saved after a failed run."
    )


class FixedVersion(BaseModel):
    model_config = _ALWAYS_PRESENT

    id: uuid.UUID
    version: int
    code: str


class MessagePublic(BaseModel):
    model_config = _ALWAYS_PRESENT

    id: uuid.UUID
    conversation_id: uuid.UUID
    role: MessageRole
    content: str
    status: MessageStatus
    error_kind: str | None = None
    error: str | None = None
    provider: ProviderName | None = None
    model: str | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    created_at: datetime
    code_blocks: list[CodeBlockPublic] = Field(
        default_factory=list, description="The fenced code blocks of an assistant reply."
    )


class MessagesPublic(BaseModel):
    data: list[MessagePublic]
    count: int


class ConversationSummary(BaseModel):
    model_config = _ALWAYS_PRESENT

    id: uuid.UUID
    title: str | None = Field(description="Null until the first exchange names the conversation.")
    created_at: datetime
    updated_at: datetime
    message_count: int
    last_message_preview: str | None
    provider: ProviderName | None = Field(
        default=None, description="The provider of the last choice of key; null before any."
    )
    model: str | None = None


class ConversationDetail(ConversationSummary):
    api_key_id: uuid.UUID | None
    files: list[FileSummary]


class ConversationsPublic(BaseModel):
    data: list[ConversationSummary]
    count: int = Field(description="Number of conversations matching the search, across all pages.")
