"""Provider failures through the real SDKs: each becomes the right ProviderFailure with a clear message,
and the key never shows, even when the provider echoes it."""

import asyncio
import logging

import pytest

from app.core.config import settings
from app.llm.base import (
    ContextTooLong,
    InvalidApiKey,
    ModelNotFound,
    ProviderFailure,
    ProviderRateLimited,
    ProviderTimeout,
    ProviderUnreachable,
    QuotaExhausted,
    StreamInterrupted,
    TextDelta,
)
from app.llm.registry import provider_for
from tests.fakes import FakeError
from tests.live_server import free_port
from tests.llm.conftest import API_KEY, ProviderCase, api_key_row, chat_request, collect

FAILURES: list[tuple[FakeError, type[ProviderFailure], str]] = [
    ("unauthorized", InvalidApiKey, "rejected this API key"),
    ("rate_limited", ProviderRateLimited, "Try again in 7 seconds"),
    ("quota_exhausted", QuotaExhausted, "run out of credit or quota"),
    ("model_not_found", ModelNotFound, "does not offer this model"),
    ("context_too_long", ContextTooLong, "too long for this model"),
    ("server_error", ProviderFailure, "internal error (HTTP 500)"),
]


@pytest.mark.parametrize(("error", "failure", "message"), FAILURES)
async def test_error_answers_become_clear_failures(
    case: ProviderCase,
    caplog: pytest.LogCaptureFixture,
    error: FakeError,
    failure: type[ProviderFailure],
    message: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    case.fake.behave(error=error)

    with pytest.raises(ProviderFailure) as raised:
        await collect(case.provider.stream(chat_request()))

    assert type(raised.value) is failure
    assert message in raised.value.message
    assert API_KEY not in raised.value.message
    assert raised.value.__cause__ is None
    assert all(API_KEY not in record.getMessage() for record in caplog.records)
    assert any(failure.__name__ in record.getMessage() for record in caplog.records)


async def test_rate_limit_carries_the_wait(case: ProviderCase) -> None:
    case.fake.behave(error="rate_limited", retry_after_seconds=42)

    with pytest.raises(ProviderRateLimited) as raised:
        await collect(case.provider.stream(chat_request()))

    assert raised.value.retry_after_seconds == 42
    assert raised.value.headers == {"Retry-After": "42"}
    assert raised.value.status_code == 429


async def test_invalid_key_message_hides_the_echoed_key(case: ProviderCase) -> None:
    case.fake.accepted_keys = {"sk-another-key-entirely"}

    with pytest.raises(InvalidApiKey) as raised:
        await case.provider.list_models()

    # The fakes echo the key they were sent ("Incorrect API key provided: sk-...").
    assert API_KEY not in str(raised.value)
    assert API_KEY[-8:] not in str(raised.value)


async def test_stream_cut_half_way_keeps_what_arrived_then_fails(case: ProviderCase) -> None:
    case.fake.behave(text="one two three four five six", cut_after_chunks=3)
    received: list[str] = []

    async def consume() -> None:
        async for event in case.provider.stream(chat_request()):
            if isinstance(event, TextDelta):
                received.append(event.text)

    with pytest.raises(StreamInterrupted) as raised:
        await consume()

    assert received == ["one ", "two ", "three "]
    assert "lost before the reply was complete" in raised.value.message


async def test_slow_first_token_times_out(
    case: ProviderCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "LLM_FIRST_TOKEN_TIMEOUT_SECONDS", 0.3)
    case.fake.behave(first_token_delay_seconds=5)

    with pytest.raises(ProviderTimeout) as raised:
        await collect(case.provider.stream(chat_request()))

    assert "did not start answering within 0.3 seconds" in raised.value.message
    assert raised.value.status_code == 504
    # Giving up closes the connection: the provider stops working on the reply.
    assert await asyncio.to_thread(case.fake.wait_for_disconnect)


async def test_slow_first_token_within_the_deadline_is_fine(
    case: ProviderCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "LLM_FIRST_TOKEN_TIMEOUT_SECONDS", 5)
    case.fake.behave(text="late but fine", first_token_delay_seconds=0.3)

    collected = await collect(case.provider.stream(chat_request()))

    assert collected.text == "late but fine"


async def test_silence_mid_stream_times_out(
    case: ProviderCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "LLM_REQUEST_TIMEOUT_SECONDS", 0.3)
    case.fake.behave(text="one two three", chunk_delay_seconds=5)

    with pytest.raises(ProviderTimeout):
        await collect(case.provider.stream(chat_request()))


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
async def test_unreachable_provider(provider: str, monkeypatch: pytest.MonkeyPatch) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setattr(settings, "OPENAI_API_BASE_URL", f"{closed}/v1")
    monkeypatch.setattr(settings, "ANTHROPIC_API_BASE_URL", closed)
    client = provider_for(api_key_row(provider))

    with pytest.raises(ProviderUnreachable):
        await collect(client.stream(chat_request()))
    with pytest.raises(ProviderUnreachable):
        await client.list_models()


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
async def test_a_server_that_hangs_up_is_unreachable_not_slow(
    provider: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The connection is made, then closed before any answer: a failure to reach, not a timeout.
    async def hang_up(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    server = await asyncio.start_server(hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    monkeypatch.setattr(settings, "OPENAI_API_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setattr(settings, "ANTHROPIC_API_BASE_URL", f"http://127.0.0.1:{port}")
    client = provider_for(api_key_row(provider))
    async with server:
        with pytest.raises(ProviderUnreachable):
            await collect(client.stream(chat_request()))


async def test_cancelling_the_consumer_closes_the_upstream_connection(case: ProviderCase) -> None:
    case.fake.behave(text="word " * 200, chunk_delay_seconds=0.05)
    first_delta = asyncio.Event()

    async def consume() -> None:
        async for event in case.provider.stream(chat_request()):
            if isinstance(event, TextDelta):
                first_delta.set()

    task = asyncio.create_task(consume())
    await asyncio.wait_for(first_delta.wait(), timeout=5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert await asyncio.to_thread(case.fake.wait_for_disconnect)
    assert case.fake.streams_disconnected == 1
    assert case.fake.streams_completed == 0


async def test_closing_the_stream_early_closes_the_upstream_connection(case: ProviderCase) -> None:
    case.fake.behave(text="word " * 200, chunk_delay_seconds=0.05)
    stream = case.provider.stream(chat_request())

    first = await anext(stream)
    await stream.aclose()  # type: ignore[attr-defined]

    assert isinstance(first, TextDelta)
    assert await asyncio.to_thread(case.fake.wait_for_disconnect)


async def test_private_base_url_is_refused_at_call_time_outside_local(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "LLM_ALLOW_PRIVATE_BASE_URLS", False)
    client = provider_for(api_key_row("openai_compatible", base_url="http://127.0.0.1:11434/v1"))

    with pytest.raises(ProviderUnreachable) as raised:
        await collect(client.stream(chat_request()))

    assert "private network address" in raised.value.message
