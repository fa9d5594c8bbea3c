"""Building blocks shared by every domain's request and response schemas."""

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator


class RequestModel(BaseModel):
    """Base of request bodies."""

    # Unknown fields are an error rather than silently ignored (a typo, or an attempt at is_superuser).
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_nul_characters(cls, value: Any) -> Any:
        # PostgreSQL cannot store NUL in text or JSONB: say so here instead of failing in the database.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


class Message(BaseModel):
    """A plain confirmation for actions that return nothing else."""

    message: str
