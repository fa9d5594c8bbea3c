"""Bad input gets a clear 4xx and stores nothing."""

from typing import Any

import pytest
from httpx import AsyncClient
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import ApiKey
from tests.api_keys.conftest import API_KEYS, AddKey, added


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"provider": "mistral"}, "provider: Input should be 'openai', 'anthropic' or"),
        ({"provider": "openai_compatible"}, "base_url is required for an openai_compatible"),
        ({"base_url": "https://api.example.com/v1"}, "base_url is only for openai_compatible"),
        ({"api_key": ""}, "api_key: Value error, must not be empty"),
        ({"api_key": "   "}, "api_key: Value error, must not be empty"),
        ({"api_key": "sk-two words"}, "api_key: Value error, must be printable ASCII"),
        ({"api_key": "sk-clé"}, "api_key: Value error, must be printable ASCII"),
        ({"api_key": "k" * 1001}, "api_key: String should have at most 1000 characters"),
        ({"label": "x" * 101}, "label: String should have at most 100 characters"),
        ({"label": "bad\x00label"}, "label: Value error, must not contain NUL"),
        ({"default_model": "m" * 201}, "default_model: String should have at most 200"),
        ({"is_default": True}, "is_default: Extra inputs are not permitted"),
        ({"encrypted_key": "x"}, "encrypted_key: Extra inputs are not permitted"),
    ],
)
async def test_bad_key_bodies_are_refused(
    add_key: AddKey, db: AsyncSession, body: dict[str, Any], detail: str
) -> None:
    response = await add_key(**body)

    assert response.status_code == 422
    assert response.json()["error"] == "ValidationError"
    assert detail.replace("Value error, ", "") in response.json()["detail"]
    assert (await db.exec(select(ApiKey))).all() == []


@pytest.mark.parametrize(
    ("base_url", "reason"),
    [
        ("ftp://models.example.com/v1", "must start with http:// or https://"),
        ("file:///etc/passwd", "must start with http:// or https://"),
        ("localhost:11434/v1", "must start with http:// or https://"),
        ("http:///v1", "must name a host"),
        ("http://user:secret@models.example.com/v1", "must not contain a user name or password"),
        ("http://models.example.com/v1?key=1", "must not contain a query string"),
        ("http://models.example.com:99999/v1", "is not a valid URL"),
        ("http://" + "a" * 2050, "at most 2048 characters"),
    ],
)
async def test_bad_base_urls_are_refused(
    add_key: AddKey, db: AsyncSession, base_url: str, reason: str
) -> None:
    response = await add_key(provider="openai_compatible", base_url=base_url)

    assert response.status_code == 422
    assert reason in response.json()["detail"]
    assert (await db.exec(select(ApiKey))).all() == []


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:11434/v1",
        "http://localhost:11434/v1",
        "http://10.0.0.5/v1",
        "http://192.168.1.20:8000/v1",
        "http://169.254.169.254/latest",
        "http://[::1]:8000/v1",
        "http://[::ffff:127.0.0.1]/v1",
        "http://0.0.0.0:8000/v1",
    ],
)
async def test_private_base_url_is_refused_outside_local(
    add_key: AddKey, db: AsyncSession, monkeypatch: pytest.MonkeyPatch, base_url: str
) -> None:
    monkeypatch.setattr(settings, "ENVIRONMENT", "production")

    response = await add_key(provider="openai_compatible", base_url=base_url)

    assert response.status_code == 422
    assert response.json()["error"] == "BaseUrlNotAllowed"
    assert (await db.exec(select(ApiKey))).all() == []


async def test_private_base_url_is_allowed_when_configured(
    add_key: AddKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "ENVIRONMENT", "production")
    monkeypatch.setattr(settings, "LLM_ALLOW_PRIVATE_BASE_URLS", True)

    key = await added(add_key, provider="openai_compatible", base_url="http://127.0.0.1:9/v1")

    assert key["status"] == "unchecked"


async def test_private_base_url_is_allowed_in_local_development(add_key: AddKey) -> None:
    assert settings.ENVIRONMENT == "local"

    key = await added(add_key, provider="openai_compatible", base_url="http://localhost:9/v1")

    assert key["base_url"] == "http://localhost:9/v1"


async def test_private_base_url_cannot_be_patched_in_outside_local(
    add_key: AddKey,
    client: AsyncClient,
    user_headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = await added(add_key, provider="openai_compatible", base_url="http://localhost:9/v1")
    monkeypatch.setattr(settings, "LLM_ALLOW_PRIVATE_BASE_URLS", False)

    response = await client.patch(
        f"{API_KEYS}{key['id']}", headers=user_headers, json={"base_url": "http://10.1.2.3/v1"}
    )

    assert response.status_code == 422
    assert response.json()["error"] == "BaseUrlNotAllowed"


async def test_base_url_cannot_be_set_on_an_openai_key(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str]
) -> None:
    key = await added(add_key)

    response = await client.patch(
        f"{API_KEYS}{key['id']}",
        headers=user_headers,
        json={"base_url": "https://proxy.example.com/v1"},
    )

    assert response.status_code == 422
    assert response.json()["error"] == "BaseUrlNotApplicable"


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"api_key": " "}, "api_key: must not be empty"),
        ({"label": "x" * 101}, "label: String should have at most 100 characters"),
        ({"base_url": "gopher://x"}, "base_url: must start with http:// or https://"),
        ({"provider": "anthropic"}, "provider: Extra inputs are not permitted"),
        ({"is_default": "maybe"}, "is_default: Input should be a valid boolean"),
    ],
)
async def test_bad_updates_are_refused_and_change_nothing(
    add_key: AddKey,
    client: AsyncClient,
    user_headers: dict[str, str],
    body: dict[str, Any],
    detail: str,
) -> None:
    key = await added(add_key, label="Original")

    response = await client.patch(f"{API_KEYS}{key['id']}", headers=user_headers, json=body)

    assert response.status_code == 422
    assert detail in response.json()["detail"]
    listed = (await client.get(API_KEYS, headers=user_headers)).json()["data"][0]
    assert listed == key


async def test_malformed_key_id_is_refused(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.patch(f"{API_KEYS}not-a-uuid", headers=user_headers, json={})

    assert response.status_code == 422
