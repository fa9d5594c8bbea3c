"""Steps a person takes again and again in the browser tests, written once."""

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect


def sign_up(page: Page, *, email: str, password: str, full_name: str = "") -> None:
    page.goto("/signup")
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    if full_name:
        page.get_by_label("Full name").fill(full_name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Confirm password").fill(password)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("Account created")).to_be_visible()
    expect(page.get_by_role("heading", name="Log in to Red Panda")).to_be_visible()


def log_in(
    page: Page, *, email: str, password: str, expect_success: bool = True, lands_on: str = "/"
) -> None:
    """Logs in from the login page (opening it unless already there)."""
    if "/login" not in page.url:
        page.goto("/login")
    expect(page.get_by_role("heading", name="Log in to Red Panda")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    if expect_success:
        page.wait_for_url(lambda url: urlsplit(url).path == lands_on)
        expect(page.get_by_role("banner")).to_be_visible()


def log_out(page: Page, *, name: str) -> None:
    page.get_by_role("button", name=f"Account menu for {name}").click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in to Red Panda")).to_be_visible()
