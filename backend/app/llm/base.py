"""The one interface every LLM provider speaks: stream text for a chat, report token usage, list models.

Providers: `openai` (official SDK; with a base URL it is `openai_compatible`), `anthropic` (official SDK) and
`builtin` (the offline assistant: no key, no network). Conversations only ever see this module's types, so a
provider can be added without touching the chat code.

A provider's `stream` yields `TextDelta`s as tokens arrive and exactly one `Usage` at the end (zeros when
the provider reports none). Failures are raised as the `ProviderFailure` subclasses below, each with a
sentence a user understands; cancelling the consuming task cancels the upstream call.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from app.core.errors import AppError

ProviderName = Literal["openai", "anthropic", "openai_compatible", "builtin"]
Role = Literal["user", "assistant"]


@dataclass(frozen=True, slots=True)
class ChatTurn:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class DatasetColumn:
    name: str
    type: str  # the profile's type: integer, float, boolean, date, datetime, text, categorical
    dtype: str  # the pandas dtype the sandbox will see
    null_count: int
    top_values: list[Any] | None = None


@dataclass(frozen=True, slots=True)
class Dataset:
    """An attached file as the model may see it: never the data itself, only its shape and a few rows."""

    name: str  # the key in `dfs`
    filename: str
    row_count: int
    columns: list[DatasetColumn]
    sample_rows: list[list[Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ChatRequest:
    model: str
    system_prompt: str
    turns: list[ChatTurn]  # oldest first, ending with the user's new question
    # Structured form of what the system prompt describes (the builtin assistant reads it).
    datasets: list[Dataset]
    max_output_tokens: int = 4096


@dataclass(frozen=True, slots=True)
class TextDelta:
    text: str


@dataclass(frozen=True, slots=True)
class Usage:
    input_tokens: int
    output_tokens: int


StreamEvent = TextDelta | Usage


class LLMProvider(Protocol):
    name: ProviderName

    def stream(self, request: ChatRequest) -> AsyncIterator[StreamEvent]:
        """Stream the reply to `request`; raises ProviderFailure subclasses."""
        ...

    async def list_models(self) -> list[str]:
        """The models this key can use (a cheap real call); raises ProviderFailure subclasses."""
        ...


class ProviderFailure(AppError):
    """The LLM provider could not answer.

    Status codes describe our answer to the client, not the provider's.
    """

    status_code = 502
    default_message = "The language model provider returned an error. Please try again."


class InvalidApiKey(ProviderFailure):
    status_code = 400
    default_message = (
        "The provider rejected this API key. Check it, or replace it in Settings → API keys."
    )


class ProviderRateLimited(ProviderFailure):
    status_code = 429
    default_message = "The provider is rate-limiting this key. Please wait a moment and try again."

    def __init__(
        self, message: str | None = None, *, retry_after_seconds: float | None = None
    ) -> None:
        self.retry_after_seconds = retry_after_seconds
        headers = (
            {"Retry-After": str(round(retry_after_seconds))}
            if retry_after_seconds is not None
            else None
        )
        super().__init__(message, headers=headers)


class QuotaExhausted(ProviderFailure):
    status_code = 402
    default_message = "This key has run out of credit or quota with its provider."


class ModelNotFound(ProviderFailure):
    status_code = 400
    default_message = "The provider does not offer this model to this key. Pick another model."


class ContextTooLong(ProviderFailure):
    status_code = 400
    default_message = (
        "The conversation is too long for this model. Start a new chat or pick a larger model."
    )


class ProviderUnreachable(ProviderFailure):
    status_code = 502
    default_message = "The provider could not be reached. Check the base URL and your connection."


class StreamInterrupted(ProviderFailure):
    status_code = 502
    default_message = (
        "The connection to the provider was lost before the reply was complete. Please try again."
    )


class ProviderTimeout(ProviderFailure):
    status_code = 504
    default_message = "The provider took too long to answer. Please try again."
