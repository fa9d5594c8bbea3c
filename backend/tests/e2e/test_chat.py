"""Chat in the browser: a key for a local OpenAI-compatible server, a streamed answer, the conversation's life
(title, rename, search, delete), the built-in assistant with no key, and Stop keeping a partial reply."""

import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.flows import log_in, sign_up_via_api
from tests.fakes.openai_server import FakeOpenAI

REPLY = (
    "Revenue is highest in the **North** region.\n\n"
    "```python\nresult = df.groupby('region')['amount'].sum()\n```\n"
)


@pytest.fixture(scope="session")
def _local_llm_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def local_llm(_local_llm_server: FakeOpenAI) -> FakeOpenAI:
    """A fake OpenAI-compatible server (a local Ollama or vLLM, say), reset for each test."""
    _local_llm_server.reset()
    return _local_llm_server


def _add_local_key(page: Page, base_url: str) -> None:
    page.goto("/settings?tab=api-keys")
    page.get_by_role("button", name="Add key").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Provider").select_option("openai_compatible")
    dialog.get_by_label("Label").fill("Local server")
    dialog.get_by_label("Base URL").fill(base_url)
    dialog.get_by_label("API key", exact=True).fill("sk-local-test-7f3a")
    dialog.get_by_role("button", name="Save key").click()
    expect(dialog.get_by_text("Valid", exact=True)).to_be_visible()
    dialog.get_by_role("button", name="Done").click()
    expect(page.get_by_role("link", name="API key status: Local server key valid")).to_be_visible()


def _ask(page: Page, question: str) -> None:
    page.get_by_label("Message").fill(question)
    page.get_by_role("button", name="Send").click()


def test_a_local_server_key_streams_an_answer_into_a_conversation_we_rename_find_and_delete(
    page: Page, app_url: str, local_llm: FakeOpenAI
) -> None:
    email, password = sign_up_via_api(app_url)
    log_in(page, email=email, password=password)
    _add_local_key(page, local_llm.base_url)

    local_llm.enqueue(text=REPLY, chunk_delay_seconds=0.03)
    local_llm.enqueue(text="Revenue by region")  # the automatic title
    page.get_by_role("link", name="Chat", exact=True).click()
    _ask(page, "Which region sells the most?")
    reply = page.get_by_role("log").get_by_role("article").last
    expect(reply).to_contain_text("Revenue is highest in the North region.")
    expect(reply.get_by_role("button", name="Copy")).to_be_visible()
    expect(page.get_by_role("link", name="Revenue by region")).to_be_visible()
    assert any(request.api_key == "sk-local-test-7f3a" for request in local_llm.chat_requests)

    page.get_by_role("button", name="Actions for Revenue by region").click()
    page.get_by_role("menuitem", name="Rename").click()
    page.get_by_role("dialog").get_by_label("Title").fill(f"Regions {uuid.uuid4().hex[:4]} review")
    page.get_by_role("dialog").get_by_role("button", name="Save").click()
    renamed = page.get_by_role("link", name="review")
    expect(renamed).to_be_visible()

    search = page.get_by_label("Search conversations")
    search.fill("no such conversation")
    expect(renamed).to_have_count(0)
    search.fill("review")
    expect(renamed).to_be_visible()

    page.get_by_role("button", name="Actions for Regions").click()
    page.get_by_role("menuitem", name="Delete").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete conversation").click()
    expect(renamed).to_have_count(0)


def test_the_builtin_assistant_answers_about_an_uploaded_file_without_any_key(
    page: Page, app_url: str
) -> None:
    email, password = sign_up_via_api(app_url)
    token = httpx.post(
        f"{app_url}/api/v1/login/access-token", data={"username": email, "password": password}
    ).json()["access_token"]
    csv = "region,amount\nNorth,10\nSouth,4\nNorth,7\nEast,3\n"
    httpx.post(
        f"{app_url}/api/v1/files/",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": ("shop.csv", csv.encode(), "text/csv")},
    ).raise_for_status()
    log_in(page, email=email, password=password)
    expect(page.get_by_role("link", name="API key status: Built-in assistant")).to_be_visible()

    page.get_by_role("link", name="Chat", exact=True).click()
    page.get_by_role("button", name="Attach file").click()
    chooser = page.get_by_role("dialog", name="Attach files")
    chooser.get_by_role("button", name="shop.csv").click()
    chooser.get_by_role("button", name="Done").click()
    expect(page.get_by_role("button", name="Remove shop.csv")).to_be_visible()

    _ask(page, "What is the total amount by region?")
    reply = page.get_by_role("log").get_by_role("article").last
    expect(reply).to_contain_text("built-in", ignore_case=True)
    expect(reply.get_by_role("group", name="Python code")).to_contain_text("groupby")
    expect(reply).to_contain_text("amount")


def test_stop_keeps_the_partial_reply(page: Page, app_url: str, local_llm: FakeOpenAI) -> None:
    email, password = sign_up_via_api(app_url)
    log_in(page, email=email, password=password)
    _add_local_key(page, local_llm.base_url)

    words = " ".join(f"word{index}" for index in range(400))
    local_llm.behave(text=f"Counting slowly: {words}", chunk_delay_seconds=0.05)
    page.get_by_role("link", name="Chat", exact=True).click()
    _ask(page, "Count for me")
    reply = page.get_by_role("log").get_by_role("article").last
    expect(reply).to_contain_text("word5")
    page.get_by_role("button", name="Stop").click()
    expect(reply.get_by_text("Stopped")).to_be_visible()
    assert local_llm.wait_for_disconnect(), "the upstream call was not cancelled"

    page.reload()
    kept = page.get_by_role("log").get_by_role("article").last
    expect(kept).to_contain_text("Counting slowly: word0")
    expect(kept.get_by_text("Stopped")).to_be_visible()
    expect(kept).not_to_contain_text("word399")
