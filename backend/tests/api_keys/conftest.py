"""Helpers for the API keys tests: adding keys through the API, and checking no key ever leaks."""

from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from httpx import AsyncClient, Response

from tests.fakes import FakeAnthropic, FakeOpenAI

API_KEYS = "/api/v1/api-keys/"
OPENAI_KEY = "sk-proj-Zt7Qw2Lx9Vb4Nm6Kp1Rs8Hd3"
ANTHROPIC_KEY = "sk-ant-api03-Jf8Kd2Lq9Wm4Xn7Bv1Cz"
COMPATIBLE_KEY = "ollama-local-Pq4Rt8Yu2Io6"

AddKey = Callable[..., Coroutine[Any, Any, Response]]


@pytest.fixture
def add_key(
    client: AsyncClient,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    fake_anthropic: FakeAnthropic,
) -> AddKey:
    """POST a key as the user; defaults to a valid OpenAI key (the fakes accept any key)."""

    async def add(headers: dict[str, str] | None = None, **body: Any) -> Response:
        payload = {"provider": "openai", "api_key": OPENAI_KEY, **body}
        return await client.post(API_KEYS, headers=headers or user_headers, json=payload)

    return add


async def added(add_key: AddKey, **body: Any) -> dict[str, Any]:
    response = await add_key(**body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def assert_hidden(text: str, *secrets: str) -> None:
    """None of `secrets` (keys, ciphertexts), nor a long piece of one, appears in `text`."""
    for secret in secrets:
        assert secret not in text
        assert secret[:12] not in text
