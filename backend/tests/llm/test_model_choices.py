from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from tests.api_keys.conftest import ANTHROPIC_KEY, AddKey, added
from tests.conftest import auth_headers, make_user
from tests.fakes import FakeAnthropic, FakeOpenAI

MODELS = "/api/v1/llm/models"
BUILTIN = {
    "provider": "builtin",
    "api_key_id": None,
    "label": "Built-in assistant (offline)",
    "models": ["builtin"],
    "default_model": "builtin",
    "status": "valid",
}


async def test_without_keys_only_the_builtin_assistant_is_offered(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    response = await client.get(MODELS, headers=user_headers)

    assert response.status_code == 200
    assert response.json() == {"data": [BUILTIN]}


async def test_builtin_comes_first_then_the_keys_default_first(
    add_key: AddKey,
    client: AsyncClient,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    fake_anthropic: FakeAnthropic,
    db: AsyncSession,
) -> None:
    fake_openai.models = ["gpt-5", "gpt-5-mini"]
    fake_anthropic.models = ["claude-sonnet-5"]
    openai = await added(add_key, label="Mine", default_model="gpt-5-pro")
    anthropic = await added(add_key, provider="anthropic", api_key=ANTHROPIC_KEY)
    await added(add_key, headers=auth_headers(await make_user(db)), label="Not mine")

    response = await client.get(MODELS, headers=user_headers)

    assert response.json()["data"] == [
        BUILTIN,
        {
            "provider": "openai",
            "api_key_id": openai["id"],
            "label": "Mine",
            # A chosen default the check did not list still comes first, so it can be picked.
            "models": ["gpt-5-pro", "gpt-5", "gpt-5-mini"],
            "default_model": "gpt-5-pro",
            "status": "valid",
        },
        {
            "provider": "anthropic",
            "api_key_id": anthropic["id"],
            "label": "Anthropic",
            "models": ["claude-sonnet-5"],
            "default_model": "claude-sonnet-5",
            "status": "valid",
        },
    ]


async def test_model_choices_need_a_login(client: AsyncClient) -> None:
    assert (await client.get(MODELS)).status_code == 401
