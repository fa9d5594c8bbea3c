"""Helpers for the provider tests: a request, a stream collector, providers pointed at the fakes."""

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest

from app.core.encryption import encrypt_secret
from app.llm.base import ChatRequest, ChatTurn, LLMProvider, StreamEvent, TextDelta, Usage
from app.llm.registry import provider_for
from app.models import ApiKey

# Adding keys through the API, for the model picker's tests.
from tests.api_keys.conftest import add_key  # noqa: F401
from tests.fakes import FakeAnthropic, FakeOpenAI, FakeProviderServer

API_KEY = "sk-test-Kq3vT9xLm2Rz8WpB4nYc7HdJ"


def chat_request(
    question: str = "How many rows are there?", model: str = "fake-model-large"
) -> ChatRequest:
    return ChatRequest(
        model=model,
        system_prompt="You analyse data. <dataset>untrusted</dataset>",
        turns=[
            ChatTurn("user", "Hello"),
            ChatTurn("assistant", "Hi! Ask me about your data."),
            ChatTurn("user", question),
        ],
        datasets=[],
    )


def api_key_row(provider: str, *, secret: str = API_KEY, base_url: str | None = None) -> ApiKey:
    """An unsaved key row, as the registry receives it."""
    return ApiKey(
        user_id=uuid.uuid4(),
        provider=provider,
        label="test",
        base_url=base_url,
        encrypted_key=encrypt_secret(secret),
        key_last4=secret[-4:],
    )


@dataclass
class Collected:
    texts: list[str]
    usages: list[Usage]

    @property
    def text(self) -> str:
        return "".join(self.texts)


async def collect(events: AsyncIterator[StreamEvent]) -> Collected:
    collected = Collected([], [])
    async for event in events:
        if isinstance(event, TextDelta):
            collected.texts.append(event.text)
        else:
            collected.usages.append(event)
    return collected


@dataclass
class ProviderCase:
    fake: FakeProviderServer
    provider: LLMProvider


MakeProvider = Callable[..., LLMProvider]


@pytest.fixture(params=["openai", "openai_compatible", "anthropic"])
def case(
    request: pytest.FixtureRequest, fake_openai: FakeOpenAI, fake_anthropic: FakeAnthropic
) -> ProviderCase:
    """Each provider against its fake: OpenAI (settings' base URL), OpenAI-compatible (the key's base
    URL) and Anthropic."""
    name: str = request.param
    if name == "anthropic":
        return ProviderCase(fake_anthropic, provider_for(api_key_row("anthropic")))
    if name == "openai_compatible":
        row = api_key_row("openai_compatible", base_url=fake_openai.base_url)
        return ProviderCase(fake_openai, provider_for(row))
    return ProviderCase(fake_openai, provider_for(api_key_row("openai")))
