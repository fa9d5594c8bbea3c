from typing import Any

import pytest
import sentry_sdk

from app.core.config import settings
from app.core.sentry import FILTERED, init_sentry, scrub_event

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"


def event_with_secrets() -> dict[str, Any]:
    return {
        "request": {
            "url": "http://app.test/api/v1/reset-password/",
            "query_string": "token=abc",
            "cookies": {"session": "s3cr3t"},
            "data": {"password": "hunter2-pass", "email": "ann@example.com"},
            "headers": {"Authorization": f"Bearer {JWT}", "User-Agent": "pytest"},
        },
        "extra": {
            "api_key": "sk-abcdefghijklmnop",
            "nested": [{"new_password": "p4ssword!"}, ["X-Api-Key", "k"]],
        },
        "exception": {"values": [{"value": f"could not decode {JWT} for sk-proj-1234567890"}]},
        "breadcrumbs": {"values": [{"message": "Authorization: Bearer abc.def"}]},
    }


def test_sentry_events_are_scrubbed_of_passwords_tokens_keys_and_cookies() -> None:
    scrubbed = scrub_event(event_with_secrets(), {})
    text = repr(scrubbed)

    for secret in (
        "hunter2-pass",
        "s3cr3t",
        JWT,
        "sk-abcdefghijklmnop",
        "p4ssword!",
        "token=abc",
        "sk-proj-1234567890",
        "abc.def",
    ):
        assert secret not in text
    assert scrubbed["request"]["headers"]["Authorization"] == FILTERED
    assert scrubbed["request"]["headers"]["User-Agent"] == "pytest"
    assert scrubbed["extra"]["nested"][1] == ["X-Api-Key", FILTERED]
    assert scrubbed["exception"]["values"][0]["value"].startswith("could not decode [Filtered]")


def test_sentry_is_not_started_without_a_dsn() -> None:
    assert init_sentry(settings) is False
    assert not sentry_sdk.is_initialized()


def test_sentry_starts_with_a_dsn_and_the_scrubber(monkeypatch: pytest.MonkeyPatch) -> None:
    captured: dict[str, Any] = {}
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: captured.update(options))

    started = init_sentry(
        settings.model_copy(update={"SENTRY_DSN": "https://public@sentry.example.com/1"})
    )

    assert started is True
    assert captured["before_send"] is scrub_event
    assert captured["send_default_pii"] is False
