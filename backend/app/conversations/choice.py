"""Which key and model answer a question.

The key: the one the question names, else the conversation's, else the user's default key, else the
built-in assistant. A conversation whose stored choice is the built-in assistant (no key, model
"builtin") keeps it, and a question naming the model "builtin" without a key picks it.
The model: the one the question names, else the conversation's (when the key is the conversation's),
else the key's default model, else the first model its last check listed.
"""

import uuid
from dataclasses import dataclass
from typing import Protocol, cast

from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys import service as api_keys_service
from app.conversations.asker import Asker
from app.conversations.exceptions import NoModelAvailable
from app.llm.base import ProviderName
from app.llm.builtin import BUILTIN_MODEL
from app.llm.registry import CallableKey


class UsableKey(CallableKey, Protocol):
    """What a reply uses of a key: an ApiKey, or the conversation's (conversations.asker)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def models(self) -> list[str]: ...
    @property
    def default_model(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class LLMChoice:
    api_key: UsableKey | None  # None: the built-in assistant
    model: str

    @property
    def provider(self) -> ProviderName:
        if self.api_key is None:
            return "builtin"
        # One of the provider names: the database checks it.
        return cast(ProviderName, self.api_key.provider)


BUILTIN = LLMChoice(api_key=None, model=BUILTIN_MODEL)


async def choose(
    session: AsyncSession,
    *,
    asker: Asker,
    api_key_id: uuid.UUID | None,
    model: str | None,
) -> LLMChoice:
    owner, conversation, conversation_key = asker.user, asker.conversation, asker.conversation_key
    key: UsableKey
    if api_key_id is not None:
        key = await api_keys_service.get_api_key(session, owner=owner, api_key_id=api_key_id)
    elif model == BUILTIN_MODEL:
        return BUILTIN
    elif conversation_key is not None and conversation_key.id == conversation.api_key_id:
        key = conversation_key
    elif conversation.api_key_id is not None:
        key = await api_keys_service.get_api_key(
            session, owner=owner, api_key_id=conversation.api_key_id
        )
    elif conversation.model == BUILTIN_MODEL:
        return BUILTIN
    else:
        default_key = await api_keys_service.get_default_api_key(session, owner=owner)
        if default_key is None:
            return BUILTIN
        key = default_key
    conversation_model = conversation.model if conversation.api_key_id == key.id else None
    candidates = [model, conversation_model, key.default_model, *key.models[:1]]
    chosen = next((name for name in candidates if name and name != BUILTIN_MODEL), None)
    if chosen is None:
        raise NoModelAvailable
    return LLMChoice(api_key=key, model=chosen)
