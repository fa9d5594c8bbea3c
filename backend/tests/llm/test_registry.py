from app.llm.anthropic_provider import AnthropicProvider
from app.llm.builtin import BuiltinProvider
from app.llm.openai_provider import OpenAIProvider
from app.llm.registry import provider_for
from tests.llm.conftest import api_key_row


async def test_no_key_means_the_builtin_assistant() -> None:
    provider = provider_for(None)

    assert isinstance(provider, BuiltinProvider)
    assert provider.name == "builtin"
    assert await provider.list_models() == ["builtin"]


def test_each_key_gets_its_providers_client() -> None:
    openai = provider_for(api_key_row("openai"))
    compatible = provider_for(api_key_row("openai_compatible", base_url="http://localhost:1/v1"))
    anthropic = provider_for(api_key_row("anthropic"))

    assert isinstance(openai, OpenAIProvider)
    assert openai.name == "openai"
    assert isinstance(compatible, OpenAIProvider)
    assert compatible.name == "openai_compatible"
    assert isinstance(anthropic, AnthropicProvider)
    assert anthropic.name == "anthropic"
