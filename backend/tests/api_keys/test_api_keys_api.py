import uuid

import pytest
from httpx import AsyncClient
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import ApiKey, User
from tests.api_keys.conftest import (
    ANTHROPIC_KEY,
    API_KEYS,
    COMPATIBLE_KEY,
    OPENAI_KEY,
    AddKey,
    added,
    assert_hidden,
)
from tests.conftest import auth_headers, make_user
from tests.fakes import FakeAnthropic, FakeOpenAI
from tests.live_server import free_port

PUBLIC_FIELDS = {
    "id",
    "provider",
    "label",
    "base_url",
    "key_last4",
    "status",
    "status_message",
    "checked_at",
    "models",
    "default_model",
    "is_default",
    "created_at",
}


async def test_valid_openai_key_is_checked_and_lists_its_models(
    add_key: AddKey, fake_openai: FakeOpenAI
) -> None:
    fake_openai.models = ["gpt-4.1", "gpt-4o-mini", "text-embedding-3-small"]

    key = await added(add_key)

    assert set(key) == PUBLIC_FIELDS
    assert key["provider"] == "openai"
    assert key["label"] == "OpenAI"
    assert key["base_url"] is None
    assert key["key_last4"] == "8Hd3"
    assert key["status"] == "valid"
    assert key["status_message"] == "The key works: 2 models available."
    assert key["checked_at"] is not None
    assert key["models"] == ["gpt-4.1", "gpt-4o-mini"]
    assert key["default_model"] == "gpt-4o-mini"
    assert key["is_default"] is True
    assert fake_openai.requests[-1].path == "/v1/models"
    assert fake_openai.requests[-1].api_key == OPENAI_KEY


async def test_valid_anthropic_key(add_key: AddKey, fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.models = ["claude-opus-5", "claude-sonnet-5", "claude-haiku-5"]

    key = await added(add_key, provider="anthropic", api_key=ANTHROPIC_KEY, label="Work")

    assert key["status"] == "valid"
    assert key["label"] == "Work"
    assert key["models"] == ["claude-opus-5", "claude-sonnet-5", "claude-haiku-5"]
    assert key["default_model"] == "claude-sonnet-5"
    assert fake_anthropic.requests[-1].api_key == ANTHROPIC_KEY


async def test_openai_compatible_server_key(add_key: AddKey, fake_openai: FakeOpenAI) -> None:
    fake_openai.models = ["llama3.2", "qwen2.5-coder"]

    key = await added(
        add_key,
        provider="openai_compatible",
        api_key=COMPATIBLE_KEY,
        base_url=fake_openai.base_url + "/",
        default_model="qwen2.5-coder",
    )

    assert key["status"] == "valid"
    assert key["base_url"] == fake_openai.base_url
    assert key["label"] == f"127.0.0.1:{fake_openai.port}"
    assert key["models"] == ["llama3.2", "qwen2.5-coder"]
    assert key["default_model"] == "qwen2.5-coder"


async def test_rejected_key_is_kept_as_invalid_with_the_reason(
    add_key: AddKey, fake_openai: FakeOpenAI
) -> None:
    fake_openai.accepted_keys = {"sk-some-other-key"}

    key = await added(add_key)

    assert key["status"] == "invalid"
    assert key["status_message"].startswith("The provider rejected this API key.")
    assert "Incorrect API key provided" in key["status_message"]
    assert_hidden(key["status_message"], OPENAI_KEY)
    assert key["models"] == []


async def test_unreachable_server_is_kept_unchecked(add_key: AddKey) -> None:
    key = await added(
        add_key,
        provider="openai_compatible",
        api_key=COMPATIBLE_KEY,
        base_url=f"http://127.0.0.1:{free_port()}/v1",
    )

    assert key["status"] == "unchecked"
    assert "could not be reached" in key["status_message"]


async def test_model_list_outage_is_kept_unchecked(
    add_key: AddKey, fake_openai: FakeOpenAI
) -> None:
    fake_openai.behave(models_error="server_error")

    key = await added(add_key)

    assert key["status"] == "unchecked"
    assert "HTTP 500" in key["status_message"]


async def test_base_url_without_a_model_list_says_to_check_it(
    add_key: AddKey, fake_openai: FakeOpenAI
) -> None:
    key = await added(
        add_key,
        provider="openai_compatible",
        api_key=COMPATIBLE_KEY,
        base_url=fake_openai.origin,  # missing /v1
    )

    assert key["status"] == "unchecked"
    assert "ends in /v1" in key["status_message"]


async def test_slow_check_is_kept_unchecked(
    add_key: AddKey, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "LLM_VALIDATION_TIMEOUT_SECONDS", 0.2)
    fake_openai.behave(models_delay_seconds=5)

    key = await added(add_key)

    assert key["status"] == "unchecked"
    assert "took too long" in key["status_message"]


async def test_list_shows_the_users_keys_default_first(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str], db: AsyncSession
) -> None:
    first = await added(add_key, label="First")
    second = await added(add_key, provider="anthropic", api_key=ANTHROPIC_KEY, label="Second")
    someone_else = await make_user(db)
    await added(add_key, headers=auth_headers(someone_else), label="Not mine")

    response = await client.get(API_KEYS, headers=user_headers)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [key["id"] for key in body["data"]] == [first["id"], second["id"]]
    await client.patch(f"{API_KEYS}{second['id']}", headers=user_headers, json={"is_default": True})
    listed = (await client.get(API_KEYS, headers=user_headers)).json()["data"]
    assert [key["label"] for key in listed] == ["Second", "First"]


async def test_relabel_keeps_the_key_and_its_status(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str], fake_openai: FakeOpenAI
) -> None:
    key = await added(add_key)
    requests_before = len(fake_openai.requests)

    response = await client.patch(
        f"{API_KEYS}{key['id']}", headers=user_headers, json={"label": "  Team key  "}
    )

    assert response.status_code == 200
    assert response.json()["label"] == "Team key"
    assert response.json()["status"] == "valid"
    assert len(fake_openai.requests) == requests_before  # no new check


async def test_replacing_the_key_checks_the_new_one(
    add_key: AddKey,
    client: AsyncClient,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    db: AsyncSession,
) -> None:
    replacement = "sk-proj-NewKeyNewKeyNewKey9876"
    fake_openai.accepted_keys = {replacement}
    key = await added(add_key)
    assert key["status"] == "invalid"

    response = await client.patch(
        f"{API_KEYS}{key['id']}", headers=user_headers, json={"api_key": replacement}
    )

    assert response.status_code == 200
    assert response.json()["status"] == "valid"
    assert response.json()["key_last4"] == "9876"
    assert fake_openai.requests[-1].api_key == replacement
    stored = await db.get(ApiKey, uuid.UUID(key["id"]))
    assert stored is not None
    await db.refresh(stored)
    assert replacement not in stored.encrypted_key


async def test_check_again_updates_the_status(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str], fake_openai: FakeOpenAI
) -> None:
    key = await added(add_key)
    fake_openai.accepted_keys = set()  # the key was revoked at the provider

    response = await client.post(f"{API_KEYS}{key['id']}/validate", headers=user_headers)

    assert response.status_code == 200
    assert response.json()["status"] == "invalid"
    assert response.json()["checked_at"] > key["checked_at"]
    assert response.json()["models"] == key["models"]  # the last good list is kept


async def test_delete_removes_the_key(
    add_key: AddKey, client: AsyncClient, user_headers: dict[str, str], db: AsyncSession
) -> None:
    key = await added(add_key)

    response = await client.delete(f"{API_KEYS}{key['id']}", headers=user_headers)

    assert response.status_code == 204
    assert (await client.get(API_KEYS, headers=user_headers)).json()["count"] == 0
    assert (await db.exec(select(ApiKey).where(ApiKey.id == uuid.UUID(key["id"])))).first() is None


async def test_other_users_key_is_404_on_every_route(
    add_key: AddKey, client: AsyncClient, db: AsyncSession
) -> None:
    key = await added(add_key)
    intruder = auth_headers(await make_user(db))
    url = f"{API_KEYS}{key['id']}"

    responses = [
        await client.patch(url, headers=intruder, json={"label": "mine now"}),
        await client.patch(url, headers=intruder, json={"is_default": True}),
        await client.post(f"{url}/validate", headers=intruder),
        await client.delete(url, headers=intruder),
    ]

    for response in responses:
        assert response.status_code == 404
        assert response.json() == {"error": "ApiKeyNotFound", "detail": "API key not found."}
    assert (await client.get(API_KEYS, headers=intruder)).json() == {"data": [], "count": 0}
    stored = await db.get(ApiKey, uuid.UUID(key["id"]))
    assert stored is not None
    assert stored.label == "OpenAI"


async def test_unknown_key_id_is_404(client: AsyncClient, user_headers: dict[str, str]) -> None:
    response = await client.post(f"{API_KEYS}{uuid.uuid4()}/validate", headers=user_headers)

    assert response.status_code == 404


async def test_keys_need_a_login(client: AsyncClient) -> None:
    assert (await client.get(API_KEYS)).status_code == 401
    response = await client.post(API_KEYS, json={"provider": "openai", "api_key": OPENAI_KEY})
    assert response.status_code == 401


async def test_deleting_the_user_deletes_their_keys(
    add_key: AddKey, db: AsyncSession, user: User
) -> None:
    await added(add_key)

    await db.delete(user)
    await db.commit()

    assert (await db.exec(select(ApiKey))).all() == []
