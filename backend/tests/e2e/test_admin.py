"""Administration in the browser: an admin creates a user who can log in; non-admins never see the page."""

import uuid

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.e2e.flows import log_in, log_out, sign_up


def test_admin_creates_a_user_who_then_logs_in(page: Page) -> None:
    email = f"new-hire-{uuid.uuid4().hex[:10]}@example.com"
    log_in(page, email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    page.get_by_role("link", name="Admin").click()
    expect(page.get_by_role("heading", name="Users")).to_be_visible()

    page.get_by_role("button", name="Add user").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Full name").fill("New Hire")
    dialog.get_by_label("Password", exact=True).fill("welcome-pass1")
    dialog.get_by_role("button", name="Create user").click()
    expect(page.get_by_text("User created")).to_be_visible()

    page.get_by_label("Search users").fill("new-hire")
    expect(page.get_by_role("row").filter(has_text=email)).to_have_count(1)

    log_out(page, name=page_user_name(page))
    log_in(page, email=email, password="welcome-pass1")
    expect(page.get_by_role("heading", name="Welcome, New")).to_be_visible()


def test_non_admin_cannot_reach_the_admin_page(page: Page) -> None:
    email = f"plain-{uuid.uuid4().hex[:10]}@example.com"
    sign_up(page, email=email, password="plain-pass1", full_name="Plain User")
    log_in(page, email=email, password="plain-pass1")
    expect(page.get_by_role("link", name="Settings")).to_be_visible()
    expect(page.get_by_role("link", name="Admin")).to_have_count(0)

    page.goto("/admin")
    page.wait_for_url(lambda url: not url.rstrip("/").endswith("/admin"))
    expect(page.get_by_role("heading", name="Users")).to_have_count(0)
    expect(page.get_by_role("heading", name="Welcome, Plain")).to_be_visible()


def page_user_name(page: Page) -> str:
    """The signed-in user's display name, as the account menu button announces it."""
    label = page.get_by_role("button", name="Account menu for").get_attribute("aria-label") or ""
    return label.removeprefix("Account menu for ")
