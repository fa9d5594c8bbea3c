"""Files in the browser: drop a CSV in, watch it upload, read its profile, page its preview, delete it."""

import re
import uuid

from playwright.sync_api import JSHandle, Locator, Page, expect

from tests.e2e.flows import log_in, sign_up_via_api

PREVIEW_PAGE_ROWS = 50


def _sales_csv(rows: int) -> str:
    lines = ["order_id,region,amount,ordered_on"]
    regions = ["North", "South", "East", "West"]
    lines += [
        f"{i},{regions[i % 4]},{i * 1.5:.2f},2024-01-{i % 28 + 1:02d}" for i in range(1, rows + 1)
    ]
    return "\n".join(lines) + "\n"


def _drop_files(page: Page, dropzone: Locator, files: list[tuple[str, str, str]]) -> None:
    """Drops (name, mime type, text) files onto `dropzone` the way a drag from the desktop does."""
    transfer: JSHandle = page.evaluate_handle(
        """(files) => {
            const transfer = new DataTransfer();
            for (const [name, type, text] of files) transfer.items.add(new File([text], name, { type }));
            return transfer;
        }""",
        files,
    )
    dropzone.dispatch_event("dragenter", {"dataTransfer": transfer})
    dropzone.dispatch_event("dragover", {"dataTransfer": transfer})
    dropzone.dispatch_event("drop", {"dataTransfer": transfer})


def _slow_uploads_down(page: Page) -> None:
    # Loopback is too fast to see a progress bar move; throttle the upload like a modest office line.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 400_000},
    )


def test_dropped_csv_uploads_with_progress_then_shows_profile_and_preview(
    page: Page, app_url: str
) -> None:
    email, password = sign_up_via_api(app_url)
    log_in(page, email=email, password=password)
    page.get_by_role("link", name="Files").click()
    expect(page.get_by_role("heading", name="Files")).to_be_visible()

    name = f"sales-{uuid.uuid4().hex[:6]}.csv"
    _slow_uploads_down(page)
    _drop_files(
        page, page.get_by_text("Drop CSV files here"), [(name, "text/csv", _sales_csv(40_000))]
    )
    progress = page.get_by_role("progressbar").first
    expect(progress).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=name)).to_be_visible(timeout=30_000)

    page.get_by_role("link", name=name).first.click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_text("40,000").first).to_be_visible()
    for column in ("order_id", "region", "amount", "ordered_on"):
        expect(page.get_by_role("cell", name=column, exact=True).first).to_be_visible()

    page.get_by_role("tab", name="Preview").click()
    expect(page.get_by_role("cell", name="North", exact=True).first).to_be_visible()
    page.get_by_role("button", name="Next page").click()
    expect(
        page.get_by_role("cell", name=str(PREVIEW_PAGE_ROWS + 1), exact=True).first
    ).to_be_visible()


def test_a_bad_file_explains_itself_and_delete_removes_a_file(page: Page, app_url: str) -> None:
    email, password = sign_up_via_api(app_url)
    log_in(page, email=email, password=password)
    page.goto("/files")
    expect(page.get_by_role("heading", name="Files")).to_be_visible()

    dropzone = page.get_by_text("Drop CSV files here")
    _drop_files(page, dropzone, [("empty.csv", "text/csv", "")])
    expect(
        page.get_by_role("alert").filter(has_text=re.compile("empty", re.IGNORECASE))
    ).to_be_visible()

    _drop_files(page, dropzone, [("keep-me.csv", "text/csv", _sales_csv(10))])
    row = page.get_by_role("row").filter(has_text="keep-me.csv")
    expect(row).to_be_visible()
    row.get_by_role("button").last.click()
    page.get_by_role("menuitem", name="Delete").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete file").click()
    expect(row).to_have_count(0)
    page.reload()
    expect(page.get_by_role("heading", name="Files")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="keep-me.csv")).to_have_count(0)
