"""Steps a person takes again and again in the browser tests, written once."""

import uuid
from urllib.parse import urlsplit

import httpx
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


def sign_up_via_api(app_url: str) -> tuple[str, str]:
    """A fresh account made through the API, for tests about what comes after signing up."""
    email = f"analyst-{uuid.uuid4().hex[:10]}@example.com"
    password = "analyst-pass1"
    response = httpx.post(
        f"{app_url}/api/v1/users/signup", json={"email": email, "password": password}
    )
    response.raise_for_status()
    return email, password
