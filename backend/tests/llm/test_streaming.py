"""Each real SDK against its fake server: text, usage and what was sent."""

import pytest

from app.core.config import settings
from app.llm.base import TextDelta, Usage
from app.llm.registry import provider_for
from tests.fakes import FakeAnthropic, FakeOpenAI
from tests.llm.conftest import API_KEY, ProviderCase, api_key_row, chat_request, collect


async def test_deltas_arrive_in_order_then_usage(case: ProviderCase) -> None:
    case.fake.behave(text="Revenue rose 12% in March.", input_tokens=120, output_tokens=9)

    collected = await collect(case.provider.stream(chat_request()))

    assert collected.texts == ["Revenue ", "rose ", "12% ", "in ", "March."]
    assert collected.usages == [Usage(input_tokens=120, output_tokens=9)]


async def test_usage_is_the_last_event(case: ProviderCase) -> None:
    events = [event async for event in case.provider.stream(chat_request())]

    assert isinstance(events[-1], Usage)
    assert all(isinstance(event, TextDelta) for event in events[:-1])


async def test_openai_request_carries_the_prompt_key_and_usage_option(
    fake_openai: FakeOpenAI,
) -> None:
    await collect(provider_for(api_key_row("openai")).stream(chat_request("Top 5 products?")))

    sent = fake_openai.chat_requests[-1]
    assert sent.path == "/v1/chat/completions"
    assert sent.api_key == API_KEY
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    assert sent.json["model"] == "fake-model-large"
    assert sent.json["stream"] is True
    assert sent.json["stream_options"] == {"include_usage": True}
    assert sent.json["messages"] == [
        {"role": "system", "content": "You analyse data. <dataset>untrusted</dataset>"},
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "Hi! Ask me about your data."},
        {"role": "user", "content": "Top 5 products?"},
    ]
    assert sent.json["max_completion_tokens"] == 4096


async def test_compatible_server_gets_max_tokens_at_its_own_base_url(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "OPENAI_API_BASE_URL", "http://127.0.0.1:9/v1")  # not used
    row = api_key_row("openai_compatible", base_url=fake_openai.base_url)

    await collect(provider_for(row).stream(chat_request()))

    sent = fake_openai.chat_requests[-1]
    assert sent.json["max_tokens"] == 4096
    assert "max_completion_tokens" not in sent.json


async def test_anthropic_request_carries_system_prompt_turns_and_key(
    fake_anthropic: FakeAnthropic,
) -> None:

    await collect(provider_for(api_key_row("anthropic")).stream(chat_request("Top 5 products?")))

    sent = fake_anthropic.chat_requests[-1]
    assert sent.path == "/v1/messages"
    assert sent.api_key == API_KEY
    assert sent.headers.get("anthropic-version")
    assert sent.json["system"] == "You analyse data. <dataset>untrusted</dataset>"
    assert sent.json["messages"] == [
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "Hi! Ask me about your data."},
        {"role": "user", "content": "Top 5 products?"},
    ]
    assert sent.json["max_tokens"] == 4096
    assert sent.json["stream"] is True


async def test_models_are_listed(case: ProviderCase) -> None:
    case.fake.models = ["model-b", "model-a"]

    models = await case.provider.list_models()

    assert sorted(models) == ["model-a", "model-b"]


async def test_openai_model_list_leaves_out_models_that_cannot_chat(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.models = ["gpt-5-mini", "text-embedding-3-small", "whisper-1", "tts-1", "gpt-5"]

    assert await provider_for(api_key_row("openai")).list_models() == ["gpt-5", "gpt-5-mini"]
    compatible = provider_for(api_key_row("openai_compatible", base_url=fake_openai.base_url))
    assert "text-embedding-3-small" in await compatible.list_models()
