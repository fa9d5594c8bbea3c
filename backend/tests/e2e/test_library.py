"""The code library in the browser: a chat reply's block kept and found again; a snippet searched, tagged,
edited into a second version, compared, copied, exported, taken back to a chat and deleted."""

import json
import re
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.flows import log_in, sign_up_via_api

CSV = "region,amount\nNorth,10\nSouth,4\nNorth,7\nEast,3\n"
FIRST_CODE = "import pandas as pd\n\nresult = df.groupby('region')['amount'].sum()\n"
SECOND_CODE = "import pandas as pd\n\nresult = df.groupby('region')['amount'].mean()\n"
BLOCK_PAGE = re.compile(r"/library/[0-9a-f-]{36}(\?.*)?$")


def _token(app_url: str, email: str, password: str) -> str:
    response = httpx.post(
        f"{app_url}/api/v1/login/access-token", data={"username": email, "password": password}
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def _save_snippet(app_url: str, token: str, **body: object) -> dict[str, object]:
    response = httpx.post(
        f"{app_url}/api/v1/code-blocks/", headers={"Authorization": f"Bearer {token}"}, json=body
    )
    response.raise_for_status()
    snippet: dict[str, object] = response.json()
    return snippet


def test_a_chat_replys_block_is_kept_in_the_library_and_found_by_search(
    page: Page, app_url: str
) -> None:
    email, password = sign_up_via_api(app_url)
    httpx.post(
        f"{app_url}/api/v1/files/",
        headers={"Authorization": f"Bearer {_token(app_url, email, password)}"},
        files={"file": ("shop.csv", CSV.encode(), "text/csv")},
    ).raise_for_status()
    log_in(page, email=email, password=password)

    page.get_by_role("link", name="Chat", exact=True).click()
    page.get_by_role("button", name="Attach file").click()
    chooser = page.get_by_role("dialog", name="Attach files")
    chooser.get_by_role("button", name="shop.csv").click()
    chooser.get_by_role("button", name="Done").click()
    page.get_by_label("Message").fill("What is the total amount by region?")
    page.get_by_role("button", name="Send").click()
    reply = page.get_by_role("log").get_by_role("article").last
    code = reply.get_by_role("group", name="Python code")
    expect(code).to_contain_text("groupby")

    code.get_by_role("link", name="Open in library").click()
    page.wait_for_url(BLOCK_PAGE)
    expect(page.get_by_role("region", name="Code", exact=True)).to_contain_text("groupby")
    provenance = page.get_by_role("region", name="Where it comes from")
    expect(provenance.get_by_role("link", name="shop.csv")).to_be_visible()
    expect(provenance.get_by_role("link").first).to_have_attribute("href", re.compile(r"^/chat/"))
    title = page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("link", name="Library", exact=True).click()
    card = page.get_by_role("article", name=title)
    expect(card).to_be_visible()
    search = page.get_by_label("Search code")
    search.fill("no such analysis anywhere")
    expect(page.get_by_text("No code matches")).to_be_visible()
    search.fill("groupby")
    expect(card).to_be_visible()
    expect(card).to_contain_text("amount")


def test_a_snippet_is_tagged_edited_compared_copied_exported_and_deleted(
    page: Page, app_url: str
) -> None:
    email, password = sign_up_via_api(app_url)
    token = _token(app_url, email, password)
    _save_snippet(app_url, token, code=FIRST_CODE, title="Amount by region", tags=["sales"])
    _save_snippet(app_url, token, code="SELECT 1;", title="A query", language="sql")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    log_in(page, email=email, password=password)

    page.get_by_role("link", name="Library", exact=True).click()
    card = page.get_by_role("article", name="Amount by region")
    other = page.get_by_role("article", name="A query")
    expect(other).to_be_visible()
    page.get_by_label("Search code").fill("groupby")
    expect(other).to_have_count(0)
    expect(card).to_be_visible()

    card.get_by_role("button", name="Add a tag to Amount by region").click()
    new_tag = card.get_by_label("New tag for Amount by region")
    new_tag.fill("Regions")
    new_tag.press("Enter")
    expect(
        card.get_by_role("button", name="Remove tag regions from Amount by region")
    ).to_be_visible()
    page.get_by_role("radio", name="List").click(force=True)
    expect(page.get_by_role("table", name="Code blocks")).to_contain_text("Amount by region")
    page.reload()
    expect(page.get_by_role("table", name="Code blocks")).to_contain_text("regions")

    page.get_by_role("link", name="Amount by region").click()
    page.wait_for_url(BLOCK_PAGE)
    page.get_by_role("button", name="Edit code").click()
    page.get_by_role("textbox", name="Code").fill(SECOND_CODE)
    page.get_by_role("button", name="Save as version 2").click()
    code = page.get_by_role("region", name="Code", exact=True)
    expect(code).to_contain_text("Version 2")
    expect(code).to_contain_text(".mean()")

    page.get_by_role("tab", name="History (2)").click()
    diff = page.get_by_role("table", name="Changes from version 1 to version 2")
    expect(diff).to_contain_text("Removed:")
    expect(diff).to_contain_text(".sum()")
    expect(diff).to_contain_text("Added:")
    expect(diff).to_contain_text(".mean()")
    expect(page.get_by_text("+1 added")).to_be_visible()
    page.get_by_role("radio", name="Side by side").click(force=True)
    expect(diff.get_by_role("row").filter(has_text=".sum()")).to_contain_text(".mean()")

    page.get_by_role("button", name="Copy", exact=True).click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    copied: str = page.evaluate("navigator.clipboard.readText()")
    assert copied.rstrip("\n") == SECOND_CODE.rstrip("\n")

    with page.expect_download() as script_download:
        page.get_by_role("button", name="Export", exact=True).click()
        page.get_by_role("menuitem", name="Python script (.py)").click()
    script = script_download.value
    assert script.suggested_filename.endswith(".py")
    script_text = Path(script.path()).read_text()
    assert ".mean()" in script_text
    assert "argparse" in script_text

    with page.expect_download() as notebook_download:
        page.get_by_role("button", name="Export", exact=True).click()
        page.get_by_role("menuitem", name="Jupyter notebook (.ipynb)").click()
    notebook = json.loads(Path(notebook_download.value.path()).read_text())
    assert notebook["nbformat"] == 4
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert any(".mean()" in source for source in cells)

    page.get_by_role("button", name="Use in chat").click()
    page.wait_for_url(re.compile(r"/chat/?$"))
    expect(page.get_by_label("Message")).to_have_value(re.compile(r"\.mean\(\)"))

    page.go_back()
    page.wait_for_url(BLOCK_PAGE)
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete", exact=True).click()
    page.wait_for_url(re.compile(r"/library/?$"))
    # The list layout chosen earlier is remembered.
    remaining = page.get_by_role("table", name="Code blocks")
    expect(remaining).to_contain_text("A query")
    expect(remaining).not_to_contain_text("Amount by region")
