"""Code runs in the browser: the built-in assistant's chart and table appear under its block (and the table
downloads as CSV); a library block runs on other files, warned about a missing column first, then its result
and its run history shown."""

import re
from pathlib import Path

import httpx
from playwright.sync_api import Locator, Page, expect

from tests.e2e.flows import log_in, sign_up_via_api

SHOP_CSV = "region,amount\nNorth,10\nSouth,4\nNorth,7\nEast,3\n"
# Another market's file: the same analysis needs `region` and `amount`, which this one calls otherwise.
COUNTRIES_CSV = "country,sales\nFrance,3\nSpain,5\nFrance,2\n"
WEST_CSV = "region,amount,year\nWest,8,2024\nNorth,2,2024\nWest,1,2025\n"
SNIPPET = "result = df.groupby('region')['amount'].sum().reset_index()\n"
BLOCK_PAGE = re.compile(r"/library/[0-9a-f-]{36}(\?.*)?$")
# A run starts the sandbox's worker on first use; the assistant's reply also has to be written first.
RUN_TIMEOUT_MS = 30_000


def _token(app_url: str, email: str, password: str) -> str:
    response = httpx.post(
        f"{app_url}/api/v1/login/access-token", data={"username": email, "password": password}
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def _upload(app_url: str, token: str, filename: str, csv: str) -> None:
    httpx.post(
        f"{app_url}/api/v1/files/",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": (filename, csv.encode(), "text/csv")},
    ).raise_for_status()


def _ask_about_file(page: Page, filename: str, question: str) -> Locator:
    """A new chat with the file attached and the question sent; the reply's Python block."""
    page.get_by_role("link", name="Chat", exact=True).click()
    page.get_by_role("button", name="Attach file").click()
    chooser = page.get_by_role("dialog", name="Attach files")
    chooser.get_by_role("button", name=filename).click()
    chooser.get_by_role("button", name="Done").click()
    expect(page.get_by_role("button", name=f"Remove {filename}")).to_be_visible()
    page.get_by_label("Message").fill(question)
    page.get_by_role("button", name="Send").click()
    reply = page.get_by_role("log").get_by_role("article").last
    return reply.get_by_role("group", name="Python code")


def test_the_builtin_assistants_chart_appears_under_its_block(page: Page, app_url: str) -> None:
    email, password = sign_up_via_api(app_url)
    _upload(app_url, _token(app_url, email, password), "shop.csv", SHOP_CSV)
    log_in(page, email=email, password=password)

    block = _ask_about_file(page, "shop.csv", "Draw a bar chart of the total amount by region")
    chart = block.get_by_role("img", name="Chart drawn by the code")
    expect(chart).to_be_visible(timeout=RUN_TIMEOUT_MS)
    assert chart.evaluate("image => image.naturalWidth") > 100, "the chart is not a real image"
    expect(block.get_by_text("Succeeded")).to_be_visible()

    # The run is kept with the reply, and runs again on demand.
    page.reload()
    reply = page.get_by_role("log").get_by_role("article").last
    block = reply.get_by_role("group", name="Python code")
    expect(block.get_by_role("img", name="Chart drawn by the code")).to_be_visible()
    block.get_by_role("button", name="Run again").click()
    expect(block.get_by_text("latest of 2 runs")).to_be_visible(timeout=RUN_TIMEOUT_MS)
    expect(block.get_by_role("img", name="Chart drawn by the code")).to_be_visible()


def test_a_table_result_shows_under_its_block_and_downloads_as_csv(
    page: Page, app_url: str
) -> None:
    email, password = sign_up_via_api(app_url)
    _upload(app_url, _token(app_url, email, password), "shop.csv", SHOP_CSV)
    log_in(page, email=email, password=password)

    block = _ask_about_file(page, "shop.csv", "What is the total amount by region?")
    table = block.get_by_role("table", name="Result table")
    expect(table).to_be_visible(timeout=RUN_TIMEOUT_MS)
    north = table.get_by_role("row").filter(has_text="North")
    expect(north).to_contain_text("17")
    expect(table.get_by_role("row").filter(has_text="East")).to_contain_text("3")

    with page.expect_download() as download:
        block.get_by_role("button", name="Download CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
    lines = Path(download.value.path()).read_text().splitlines()
    assert any("North" in line and "17" in line for line in lines), lines
    assert len(lines) == 4, "a header and one line per region"


def test_a_library_block_runs_on_other_files_after_a_missing_column_warning(
    page: Page, app_url: str
) -> None:
    email, password = sign_up_via_api(app_url)
    token = _token(app_url, email, password)
    _upload(app_url, token, "countries.csv", COUNTRIES_CSV)
    _upload(app_url, token, "west.csv", WEST_CSV)
    httpx.post(
        f"{app_url}/api/v1/code-blocks/",
        headers={"Authorization": f"Bearer {token}"},
        json={"code": SNIPPET, "title": "Amount by region"},
    ).raise_for_status()
    log_in(page, email=email, password=password)

    page.get_by_role("link", name="Library", exact=True).click()
    page.get_by_role("link", name="Amount by region").click()
    page.wait_for_url(BLOCK_PAGE)
    page.get_by_role("button", name="Run on files").click()
    dialog = page.get_by_role("dialog")

    dialog.get_by_text("countries.csv", exact=True).click()
    expect(dialog.get_by_text("Missing columns:")).to_be_visible()
    expect(dialog).to_contain_text("region, amount")
    expect(dialog.get_by_text("Some columns are missing")).to_be_visible()
    dialog.get_by_role("button", name="Run anyway").click()
    failed = dialog.get_by_role("region", name="Run on countries.csv")
    expect(failed.get_by_role("alert")).to_contain_text("KeyError", timeout=RUN_TIMEOUT_MS)
    expect(failed.get_by_text("Failed")).to_be_visible()

    dialog.get_by_role("button", name="Run on other files").click()
    dialog.get_by_text("countries.csv", exact=True).click()  # picked no more
    dialog.get_by_text("west.csv", exact=True).click()
    expect(dialog.get_by_text("Has the 2 columns the code reads")).to_be_visible()
    expect(dialog.get_by_text("Some columns are missing")).to_have_count(0)
    dialog.get_by_role("button", name="Run", exact=True).click()
    result = dialog.get_by_role("region", name="Run on west.csv")
    table = result.get_by_role("table", name="Result table")
    expect(table).to_be_visible(timeout=RUN_TIMEOUT_MS)
    expect(table.get_by_role("row").filter(has_text="West")).to_contain_text("9")
    dialog.get_by_role("button", name="Done").click()

    page.get_by_role("tab", name="Runs (2)").click()
    history = page.get_by_role("region", name="Run history")
    runs = history.get_by_role("button")
    expect(runs).to_have_count(2)
    expect(runs.first).to_contain_text("Succeeded")
    expect(runs.first).to_contain_text("west.csv")
    expect(runs.last).to_contain_text("Failed")
    expect(runs.last).to_contain_text("countries.csv")
    runs.last.click()
    expect(history.get_by_role("alert")).to_contain_text("KeyError")

    page.get_by_role("link", name="Code library").click()
    expect(page.get_by_role("article", name="Amount by region")).to_contain_text(
        "Ran 2 times on 2 files"
    )
    reuse = page.get_by_role("region", name="Reuse")
    expect(reuse).to_contain_text("100%")
    expect(reuse).to_contain_text("2")
