from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.core.schemas import RequestModel
from app.users.schemas import Password


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret


class NewPassword(RequestModel):
    token: Annotated[str, Field(min_length=1, max_length=2048)]
    new_password: Password
