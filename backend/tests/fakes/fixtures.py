"""Pytest fixtures for the fake providers (a plugin the root conftest loads).

`fake_openai` and `fake_anthropic` start once per run; each test gets them reset to defaults, with
OPENAI_API_BASE_URL / ANTHROPIC_API_BASE_URL pointing at them.
"""

from collections.abc import Iterator

import pytest

from app.core.config import settings
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.openai_server import FakeOpenAI


@pytest.fixture(scope="session")
def _fake_openai_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture(scope="session")
def _fake_anthropic_server() -> Iterator[FakeAnthropic]:
    with FakeAnthropic() as server:
        yield server


@pytest.fixture
def fake_openai(_fake_openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAI:
    """The fake OpenAI server, reset, with the app's OpenAI base URL pointing at it."""
    _fake_openai_server.reset()
    monkeypatch.setattr(settings, "OPENAI_API_BASE_URL", _fake_openai_server.base_url)
    return _fake_openai_server


@pytest.fixture
def fake_anthropic(
    _fake_anthropic_server: FakeAnthropic, monkeypatch: pytest.MonkeyPatch
) -> FakeAnthropic:
    """The fake Anthropic server, reset, with the app's Anthropic base URL pointing at it."""
    _fake_anthropic_server.reset()
    monkeypatch.setattr(settings, "ANTHROPIC_API_BASE_URL", _fake_anthropic_server.base_url)
    return _fake_anthropic_server
