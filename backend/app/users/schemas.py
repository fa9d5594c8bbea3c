import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from app.core.schemas import RequestModel

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128


def _require_letter_and_digit_or_symbol(password: str) -> str:
    has_letter = any(character.isalpha() for character in password)
    has_other = any(not character.isalpha() and not character.isspace() for character in password)
    if not (has_letter and has_other):
        raise ValueError("must contain at least one letter and at least one digit or symbol")
    return password


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


# Addresses are stored and compared lower-cased: "Ann@Example.com" and "ann@example.com" are one account.
EmailAddress = Annotated[EmailStr, Field(max_length=255), AfterValidator(str.lower)]
Password = Annotated[
    str,
    Field(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH),
    AfterValidator(_require_letter_and_digit_or_symbol),
]
FullName = Annotated[str, Field(max_length=255)]
# A blank name is no name.
OptionalFullName = Annotated[FullName | None, AfterValidator(_blank_to_none)]


class UserSettings(BaseModel):
    auto_run: bool = True
    default_provider: str | None = None
    default_model: str | None = None


class UserSettingsUpdate(RequestModel):
    auto_run: bool | None = None
    default_provider: Annotated[str, Field(min_length=1, max_length=50)] | None = None
    default_model: Annotated[str, Field(min_length=1, max_length=200)] | None = None


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str | None
    is_active: bool
    is_superuser: bool
    settings: UserSettings
    created_at: datetime


class UsersPublic(BaseModel):
    data: list[UserPublic]
    count: int = Field(description="Number of users matching the search, across all pages.")


class UserRegister(RequestModel):
    email: EmailAddress
    password: Password
    full_name: OptionalFullName = None


class UserUpdateMe(RequestModel):
    """Fields left out are unchanged; `email: null` is ignored, `full_name: null` clears the name."""

    email: EmailAddress | None = None
    full_name: OptionalFullName = None
    settings: UserSettingsUpdate | None = None


class UpdatePassword(RequestModel):
    current_password: Annotated[str, Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)]
    new_password: Password


class UserCreate(RequestModel):
    email: EmailAddress
    password: Password
    full_name: OptionalFullName = None
    is_active: bool = True
    is_superuser: bool = False


class UserUpdate(RequestModel):
    """Fields left out (or null, except `full_name`) are unchanged."""

    email: EmailAddress | None = None
    password: Password | None = None
    full_name: OptionalFullName = None
    is_active: bool | None = None
    is_superuser: bool | None = None
