"""A key is never returned by any endpoint and never logged, not even when a provider echoes it."""

import logging
import uuid

import pytest
from httpx import AsyncClient, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import ApiKey
from tests.api_keys.conftest import ANTHROPIC_KEY, API_KEYS, OPENAI_KEY, AddKey, assert_hidden
from tests.fakes import FakeAnthropic, FakeOpenAI


async def _ciphertext(db: AsyncSession, key_id: str) -> str:
    stored = await db.get(ApiKey, uuid.UUID(key_id))
    assert stored is not None
    await db.refresh(stored)
    return stored.encrypted_key


async def test_no_response_or_log_line_contains_a_key(
    add_key: AddKey,
    client: AsyncClient,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    fake_anthropic: FakeAnthropic,
    db: AsyncSession,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    replacement = "sk-proj-Replacement0000Key1111"
    # Providers that reject the key echo it back in their error message.
    fake_openai.accepted_keys = {"sk-something-else"}
    fake_anthropic.accepted_keys = {"sk-something-else"}
    responses: list[Response] = []

    responses.append(openai := await add_key())
    responses.append(anthropic := await add_key(provider="anthropic", api_key=ANTHROPIC_KEY))
    openai_id, anthropic_id = openai.json()["id"], anthropic.json()["id"]
    responses.append(await client.get(API_KEYS, headers=user_headers))
    responses.append(await client.post(f"{API_KEYS}{openai_id}/validate", headers=user_headers))
    responses.append(await client.post(f"{API_KEYS}{anthropic_id}/validate", headers=user_headers))
    responses.append(
        await client.patch(
            f"{API_KEYS}{openai_id}", headers=user_headers, json={"api_key": replacement}
        )
    )
    responses.append(await client.get("/api/v1/llm/models", headers=user_headers))
    responses.append(await client.get("/api/v1/usage", headers=user_headers))
    ciphertexts = [await _ciphertext(db, openai_id), await _ciphertext(db, anthropic_id)]
    responses.append(await client.delete(f"{API_KEYS}{anthropic_id}", headers=user_headers))

    assert all(response.status_code < 300 for response in responses)
    assert openai.json()["status"] == "invalid"
    assert anthropic.json()["status"] == "invalid"
    for response in responses:
        assert_hidden(response.text, OPENAI_KEY, ANTHROPIC_KEY, replacement, *ciphertexts)
        assert_hidden(str(response.headers), OPENAI_KEY, ANTHROPIC_KEY, replacement)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged  # the request log and the failed checks were captured
    assert_hidden(logged, OPENAI_KEY, ANTHROPIC_KEY, replacement, *ciphertexts)


async def test_a_refused_request_does_not_echo_the_key(
    add_key: AddKey, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    response = await add_key(provider="openai_compatible")  # no base URL: refused

    assert response.status_code == 422
    assert_hidden(response.text, OPENAI_KEY)
    assert_hidden("\n".join(record.getMessage() for record in caplog.records), OPENAI_KEY)
