"""Request and response bodies of the API keys API. No response model has a field for the key itself."""

import uuid
from datetime import datetime
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from app.core.schemas import RequestModel
from app.llm.base_urls import MAX_BASE_URL_LENGTH, normalize_base_url

ApiKeyProvider = Literal["openai", "anthropic", "openai_compatible"]
KeyStatus = Literal["valid", "invalid", "unchecked"]

LABEL_MAX_LENGTH = 100
KEY_MAX_LENGTH = 1000
MODEL_MAX_LENGTH = 200


def _clean_key(value: str) -> str:
    key = value.strip()
    if not key:
        raise ValueError("must not be empty")
    # The key travels in an HTTP header: printable ASCII without spaces.
    if not all("!" <= character <= "~" for character in key):
        raise ValueError("must be printable ASCII without spaces (paste the key exactly)")
    return key


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


SecretKey = Annotated[str, Field(max_length=KEY_MAX_LENGTH), AfterValidator(_clean_key)]
Label = Annotated[str, Field(max_length=LABEL_MAX_LENGTH), AfterValidator(_blank_to_none)]
BaseUrl = Annotated[
    str,
    Field(max_length=MAX_BASE_URL_LENGTH, examples=["http://localhost:11434/v1"]),
    AfterValidator(normalize_base_url),
]
ModelName = Annotated[str, Field(max_length=MODEL_MAX_LENGTH), AfterValidator(_blank_to_none)]


class ApiKeyCreate(RequestModel):
    provider: ApiKeyProvider
    label: Label | None = Field(default=None, description="Defaults to the provider's name.")
    api_key: SecretKey = Field(description="Stored encrypted; never shown again.")
    base_url: BaseUrl | None = Field(
        default=None, description="Required for openai_compatible, e.g. http://localhost:11434/v1."
    )
    default_model: ModelName | None = Field(
        default=None, description="Defaults to a model found when the key is checked."
    )

    @model_validator(mode="after")
    def _base_url_only_for_compatible(self) -> Self:
        if self.provider == "openai_compatible" and self.base_url is None:
            raise ValueError("base_url is required for an openai_compatible server")
        if self.provider != "openai_compatible" and self.base_url is not None:
            raise ValueError(f"base_url is only for openai_compatible servers, not {self.provider}")
        return self


class ApiKeyUpdate(RequestModel):
    """Fields left out are unchanged. A new `api_key` replaces the stored one and is checked again."""

    label: Label | None = None
    api_key: SecretKey | None = None
    base_url: BaseUrl | None = Field(default=None, description="openai_compatible keys only.")
    default_model: ModelName | None = Field(
        default=None, description="`null` clears it (a model found by the check is used)."
    )
    is_default: bool | None = Field(
        default=None, description="`true` makes this the key new conversations use."
    )


class ApiKeyPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    provider: ApiKeyProvider
    label: str
    base_url: str | None
    key_last4: str = Field(description="The last 4 characters of the key: all that is ever shown.")
    status: KeyStatus
    status_message: str | None
    checked_at: datetime | None
    models: list[str] = Field(description="Models the last successful check found.")
    default_model: str | None
    is_default: bool
    created_at: datetime


class ApiKeysPublic(BaseModel):
    data: list[ApiKeyPublic]
    count: int
