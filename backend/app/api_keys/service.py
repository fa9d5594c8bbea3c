"""API keys: stored encrypted, checked by a real call that lists their models, one default per user.

The plaintext key exists only in the request that brings it and in the provider client built for a call
(llm.registry decrypts it); everything else sees `encrypted_key` and `key_last4`.
"""

import uuid
from typing import Protocol
from urllib.parse import urlsplit

import anyio
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.api_keys.exceptions import ApiKeyNotFound, BaseUrlNotAllowed, BaseUrlNotApplicable
from app.api_keys.schemas import ApiKeyCreate, ApiKeysPublic, ApiKeyUpdate, KeyStatus
from app.core.config import settings
from app.core.encryption import encrypt_secret
from app.llm.base import InvalidApiKey, ProviderFailure, ProviderTimeout
from app.llm.base_urls import non_public_address
from app.llm.registry import provider_for
from app.models import ApiKey, User
from app.models.base import utc_now

PROVIDER_LABELS = {"openai": "OpenAI", "anthropic": "Anthropic"}
# Chosen as the default model when the key offers them, in this order; else the first model listed.
PREFERRED_MODELS = {
    "openai": ("gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1", "gpt-4o"),
    "anthropic": ("sonnet", "haiku", "opus"),
}
MAX_STATUS_MESSAGE = 1000


class KeyOwner(Protocol):
    """Whose keys: a User, or only its id (conversations.asker.AskingUser)."""

    @property
    def id(self) -> uuid.UUID: ...


async def get_api_key(session: AsyncSession, *, owner: KeyOwner, api_key_id: uuid.UUID) -> ApiKey:
    query = select(ApiKey).where(ApiKey.id == api_key_id, ApiKey.user_id == owner.id)
    api_key = (await session.exec(query)).first()
    if api_key is None:
        raise ApiKeyNotFound
    return api_key


async def list_user_api_keys(session: AsyncSession, *, owner: User) -> list[ApiKey]:
    """The user's keys, the default first, then oldest first."""
    query = (
        select(ApiKey)
        .where(ApiKey.user_id == owner.id)
        .order_by(col(ApiKey.is_default).desc(), col(ApiKey.created_at), col(ApiKey.id))
    )
    return list((await session.exec(query)).all())


async def list_api_keys(session: AsyncSession, *, owner: User) -> ApiKeysPublic:
    keys = await list_user_api_keys(session, owner=owner)
    return ApiKeysPublic.model_validate({"data": keys, "count": len(keys)})


async def get_default_api_key(session: AsyncSession, *, owner: KeyOwner) -> ApiKey | None:
    """The key a conversation uses when none is chosen (None: the built-in assistant)."""
    return await _current_default(session, user_id=owner.id)


async def create_api_key(session: AsyncSession, *, owner: User, data: ApiKeyCreate) -> ApiKey:
    if data.base_url is not None:
        await _ensure_base_url_allowed(data.base_url)
    api_key = ApiKey(
        user_id=owner.id,
        provider=data.provider,
        label=data.label or _default_label(data.provider, data.base_url),
        base_url=data.base_url,
        encrypted_key=encrypt_secret(data.api_key),
        key_last4=data.api_key[-4:],
        default_model=data.default_model,
        is_default=await get_default_api_key(session, owner=owner) is None,
    )
    await check_api_key(session, api_key=api_key)
    try:
        async with session.begin_nested():
            session.add(api_key)
    except IntegrityError:
        # Another request made a first key default at the same moment: this one is not.
        api_key.is_default = False
        session.add(api_key)
        await session.flush()
    return api_key


async def update_api_key(session: AsyncSession, *, api_key: ApiKey, data: ApiKeyUpdate) -> ApiKey:
    recheck = False
    if data.label is not None:
        api_key.label = data.label
    if data.base_url is not None and data.base_url != api_key.base_url:
        if api_key.provider != "openai_compatible":
            raise BaseUrlNotApplicable
        await _ensure_base_url_allowed(data.base_url)
        api_key.base_url = data.base_url
        recheck = True
    if data.api_key is not None:
        api_key.encrypted_key = encrypt_secret(data.api_key)
        api_key.key_last4 = data.api_key[-4:]
        recheck = True
    if "default_model" in data.model_fields_set:
        api_key.default_model = data.default_model
    if data.is_default is not None and data.is_default != api_key.is_default:
        await _set_default(session, api_key=api_key, is_default=data.is_default)
    if recheck:
        await check_api_key(session, api_key=api_key)
    elif api_key.default_model is None:
        api_key.default_model = _pick_default_model(api_key.provider, api_key.models)
    await session.flush()
    return api_key


async def delete_api_key(session: AsyncSession, *, api_key: ApiKey) -> None:
    was_default = api_key.is_default
    await session.delete(api_key)
    await session.flush()
    if was_default:
        # The newest remaining key takes over, so a user with keys keeps using one.
        query = (
            select(ApiKey)
            .where(ApiKey.user_id == api_key.user_id)
            .order_by(col(ApiKey.created_at).desc(), col(ApiKey.id))
            .limit(1)
        )
        successor = (await session.exec(query)).first()
        if successor is not None:
            successor.is_default = True
            await session.flush()


async def check_api_key(session: AsyncSession, *, api_key: ApiKey) -> ApiKey:
    """List the key's models with a real call; set the outcome as its status (not flushed)."""
    status: KeyStatus
    try:
        with anyio.fail_after(settings.LLM_VALIDATION_TIMEOUT_SECONDS):
            models = await provider_for(api_key).list_models()
    except TimeoutError:
        status, message, models = "unchecked", ProviderTimeout.default_message, []
    except InvalidApiKey as failure:
        status, message, models = "invalid", failure.message, []
    except ProviderFailure as failure:
        status, message, models = "unchecked", failure.message, []
    else:
        status = "valid"
        count = f"{len(models)} model{'s' if len(models) != 1 else ''}"
        message = f"The key works: {count} available."
    api_key.status = status
    api_key.status_message = message[:MAX_STATUS_MESSAGE]
    api_key.checked_at = utc_now()
    if status == "valid":
        api_key.models = models
    if api_key.default_model is None:
        api_key.default_model = _pick_default_model(api_key.provider, models)
    return api_key


async def validate_api_key(session: AsyncSession, *, api_key: ApiKey) -> ApiKey:
    await check_api_key(session, api_key=api_key)
    await session.flush()
    return api_key


async def _current_default(session: AsyncSession, *, user_id: uuid.UUID) -> ApiKey | None:
    query = select(ApiKey).where(ApiKey.user_id == user_id, col(ApiKey.is_default).is_(True))
    return (await session.exec(query)).first()


async def _set_default(session: AsyncSession, *, api_key: ApiKey, is_default: bool) -> None:
    if is_default:
        current = await _current_default(session, user_id=api_key.user_id)
        if current is not None:
            current.is_default = False
            # Flushed first: the unique index allows one default at any moment.
            await session.flush()
    api_key.is_default = is_default
    await session.flush()


async def _ensure_base_url_allowed(base_url: str) -> None:
    if settings.allow_private_base_urls:
        return
    if await non_public_address(base_url) is not None:
        raise BaseUrlNotAllowed


def _default_label(provider: str, base_url: str | None) -> str:
    if base_url is not None:
        return (urlsplit(base_url).netloc or base_url)[:100]
    return PROVIDER_LABELS.get(provider, provider)


def _pick_default_model(provider: str, models: list[str]) -> str | None:
    for preferred in PREFERRED_MODELS.get(provider, ()):
        for model in models:
            if preferred in model:
                return model
    return models[0] if models else None
