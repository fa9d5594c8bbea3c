"""Which provider answers: `provider_for(api_key)` (None is the built-in assistant)."""

from typing import Protocol

from app.core.config import settings
from app.core.encryption import decrypt_secret
from app.llm.anthropic_provider import AnthropicProvider
from app.llm.base import LLMProvider
from app.llm.builtin import BuiltinProvider
from app.llm.openai_provider import OpenAIProvider


class CallableKey(Protocol):
    """What a call needs of a key: an ApiKey, or only these columns of its row."""

    @property
    def provider(self) -> str: ...
    @property
    def base_url(self) -> str | None: ...
    @property
    def encrypted_key(self) -> str: ...


def provider_for(api_key: CallableKey | None) -> LLMProvider:
    """A provider client for `api_key` (decrypted here, kept only by the client)."""
    if api_key is None:
        return BuiltinProvider()
    secret = decrypt_secret(api_key.encrypted_key)
    if api_key.provider == "anthropic":
        return AnthropicProvider(api_key=secret, base_url=settings.ANTHROPIC_API_BASE_URL)
    if api_key.provider == "openai_compatible":
        if not api_key.base_url:
            raise ValueError("An openai_compatible key needs a base URL")
        return OpenAIProvider(
            name="openai_compatible",
            api_key=secret,
            base_url=api_key.base_url,
            check_private_addresses=True,
        )
    return OpenAIProvider(
        name="openai",
        api_key=secret,
        base_url=settings.OPENAI_API_BASE_URL,
        check_private_addresses=False,
    )
