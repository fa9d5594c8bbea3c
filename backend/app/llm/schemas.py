"""Response bodies of GET /usage and GET /llm/models."""

import uuid
from typing import Literal

from pydantic import BaseModel, Field

ChoiceProvider = Literal["builtin", "openai", "anthropic", "openai_compatible"]


class UsageMonth(BaseModel):
    month: str = Field(description="YYYY-MM (UTC).", examples=["2026-11"])
    provider: ChoiceProvider
    model: str
    input_tokens: int
    output_tokens: int
    calls: int


class Usage(BaseModel):
    months: list[UsageMonth] = Field(description="Newest month first, then provider and model.")
    total_input_tokens: int
    total_output_tokens: int


class ModelChoice(BaseModel):
    provider: ChoiceProvider
    api_key_id: uuid.UUID | None = Field(description="null for the built-in assistant.")
    label: str
    models: list[str]
    default_model: str | None
    status: Literal["valid", "invalid", "unchecked"]


class ModelChoices(BaseModel):
    data: list[ModelChoice] = Field(
        description="The built-in assistant first, then the user's keys."
    )
