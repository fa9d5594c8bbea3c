"""Hostile code arrives two ways, as an LLM's reply and as a user's saved snippet, and is contained
the same way: each snippet here gets past the friendly pre-check, so the sandbox itself stops it."""

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import User
from tests.conversations.conftest import ask, make_key, new_conversation
from tests.execution.runs.library import run, snippet, upload
from tests.fakes.openai_server import FakeOpenAI


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP server the code will try to reach: it must never see a connection."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield server


@pytest.fixture
def host_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "host-secret.txt"
    secret.write_text("not for the sandbox")
    return secret


def hostile_snippets(port: int, secret: Path) -> dict[str, str]:
    return {
        "host files": "result = pd.read_csv('/etc/passwd', sep=':', header=None)",
        "the server's secrets": "result = pd.read_csv('../../.local/secrets.env', sep='=')",
        "the network": f"result = pd.read_csv('http://127.0.0.1:{port}/data.csv')",
        "os through pandas": f"result = pd.io.common.os.read(pd.io.common.os.open('{secret}', 0), 100)",
    }


HOSTILE = ["host files", "the server's secrets", "the network", "os through pandas"]


def assert_contained(execution: dict[str, Any], listener: socket.socket) -> None:
    assert execution["status"] in ("failed", "refused"), execution
    assert execution["error"]["message"]
    with pytest.raises(BlockingIOError):
        listener.accept()  # nothing ever connected


@pytest.mark.parametrize(
    "name", ["host files", "the server's secrets", "the network", "os through pandas"]
)
async def test_hostile_code_saved_as_a_snippet_is_contained(
    client: AsyncClient,
    user_headers: dict[str, str],
    listener: socket.socket,
    host_secret: Path,
    name: str,
) -> None:
    code = hostile_snippets(listener.getsockname()[1], host_secret)[name]
    sales = await upload(client, user_headers)
    block = await snippet(client, user_headers, code)

    [execution] = await run(client, user_headers, block["id"], sales["id"])

    assert_contained(execution, listener)


@pytest.mark.parametrize(
    "name", ["host files", "the server's secrets", "the network", "os through pandas"]
)
async def test_hostile_code_written_by_the_llm_is_contained(
    client: AsyncClient,
    db: AsyncSession,
    user: User,
    user_headers: dict[str, str],
    fake_openai: FakeOpenAI,
    listener: socket.socket,
    host_secret: Path,
    name: str,
) -> None:
    code = hostile_snippets(listener.getsockname()[1], host_secret)[name]
    await make_key(db, user)
    fake_openai.enqueue(text=f"Here you go:\n```python\n{code}\n```\n")
    fake_openai.behave(text="Nothing to add.")  # the fix attempt, the interpretation, the title
    sales = await upload(client, user_headers)
    conversation = await new_conversation(client, user_headers, file_ids=[sales["id"]])

    events = await ask(client, user_headers, conversation["id"])

    results = [event.data["execution"] for event in events if event.name == "execution_result"]
    assert results
    assert_contained(results[0], listener)
    assert events[-1].name == "done"
