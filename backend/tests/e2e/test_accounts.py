"""Accounts in the browser: signup, login, profile, logout, wrong password, reset by e-mail, sessions."""

import re
import uuid

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.e2e.flows import log_in, log_out, sign_up
from tests.e2e.mailbox import first_link
from tests.smtp import SmtpServer


def _new_email() -> str:
    return f"analyst-{uuid.uuid4().hex[:10]}@example.com"


def test_signup_then_login_edit_profile_and_logout(page: Page) -> None:
    email = _new_email()
    sign_up(page, email=email, password="first-pass1", full_name="Ada Analyst")
    log_in(page, email=email, password="first-pass1")
    expect(page.get_by_role("heading", name="Welcome, Ada")).to_be_visible()

    page.get_by_role("button", name="Account menu for Ada Analyst").click()
    page.get_by_role("menuitem", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
    page.get_by_label("Full name").fill("Grace Analyst")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Profile saved")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Grace Analyst")
    log_out(page, name="Grace Analyst")
    page.goto("/settings")
    expect(page.get_by_role("heading", name="Log in to Red Panda")).to_be_visible()


def test_wrong_password_shows_a_clear_message(page: Page) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(ADMIN_EMAIL)
    page.get_by_label("Password", exact=True).fill("not-the-password1")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("Incorrect email or password")
    expect(page).to_have_url(re.compile(r"/login"))


def test_password_reset_through_the_emailed_link(page: Page, mailbox: SmtpServer) -> None:
    email = _new_email()
    sign_up(page, email=email, password="forgotten-pass1")

    page.goto("/login")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Forgot your password?")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_text("Check your inbox")).to_be_visible()

    link = first_link(mailbox.wait_for(email), "/reset-password")
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    page.get_by_label("New password").fill("remembered-pass2")
    page.get_by_label("Confirm password").fill("remembered-pass2")
    page.get_by_role("button", name="Reset password").click()
    expect(page.get_by_role("heading", name="Log in to Red Panda")).to_be_visible()

    log_in(page, email=email, password="forgotten-pass1", expect_success=False)
    expect(page.get_by_role("alert")).to_contain_text("Incorrect email or password")
    log_in(page, email=email, password="remembered-pass2")


def test_expired_session_returns_to_login_and_back(page: Page) -> None:
    log_in(page, email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    page.evaluate("localStorage.setItem('access_token', 'expired.or.forged')")
    page.goto("/settings?tab=password")
    expect(page.get_by_role("heading", name="Log in to Red Panda")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/login\?redirect=%2Fsettings"))

    log_in(page, email=ADMIN_EMAIL, password=ADMIN_PASSWORD, lands_on="/settings")
    expect(page.get_by_label("Current password")).to_be_visible()


def test_deep_link_survives_a_reload(page: Page) -> None:
    log_in(page, email=ADMIN_EMAIL, password=ADMIN_PASSWORD)
    page.goto("/settings?tab=appearance")
    page.reload()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()
