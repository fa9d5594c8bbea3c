"""The base URL rules of openai_compatible servers, and the private-address guard."""

import pytest

from app.core.config import Environment, Settings
from app.llm.base_urls import non_public_address, normalize_base_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://localhost:11434/v1/", "http://localhost:11434/v1"),
        ("  https://llm.example.com/openai/v1  ", "https://llm.example.com/openai/v1"),
        ("HTTPS://LLM.example.com/v1", "HTTPS://LLM.example.com/v1"),
    ],
)
def test_base_urls_are_trimmed(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/v1",
        "http://localhost/v1",
        "http://10.1.2.3/v1",
        "http://172.16.0.9/v1",
        "http://192.168.0.2/v1",
        "http://169.254.169.254/",
        "http://100.64.0.1/v1",
        "http://[::1]/v1",
        "http://[fd00::1]/v1",
        "http://[::ffff:10.0.0.1]/v1",
        "http://0.0.0.0/v1",
        "http://224.0.0.1/v1",
    ],
)
async def test_non_public_addresses_are_found(url: str) -> None:
    assert await non_public_address(url) is not None


@pytest.mark.parametrize("url", ["https://8.8.8.8/v1", "http://[2606:4700:4700::1111]/v1"])
async def test_public_addresses_pass(url: str) -> None:
    assert await non_public_address(url) is None


async def test_an_unresolvable_host_is_left_to_fail_as_unreachable() -> None:
    assert await non_public_address("http://no-such-host.invalid/v1") is None


@pytest.mark.parametrize(
    ("environment", "configured", "allowed"),
    [
        ("local", None, True),
        ("staging", None, False),
        ("production", None, False),
        ("production", True, True),
        ("local", False, False),
    ],
)
def test_private_base_urls_are_allowed_in_local_development_unless_configured(
    environment: Environment, configured: bool | None, allowed: bool
) -> None:
    settings = Settings.model_construct(
        ENVIRONMENT=environment, LLM_ALLOW_PRIVATE_BASE_URLS=configured
    )

    assert settings.allow_private_base_urls is allowed
