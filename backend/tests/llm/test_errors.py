"""Details of turning provider errors into messages: waits, redaction."""

from datetime import timedelta

import httpx2
import pytest

from app.llm.errors import redact, retry_after_seconds
from app.models.base import utc_now


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_is_read_in_seconds(headers: dict[str, str], seconds: float | None) -> None:
    assert retry_after_seconds(httpx2.Headers(headers)) == seconds


def test_retry_after_as_an_http_date() -> None:
    when = (utc_now() + timedelta(seconds=90)).strftime("%a, %d %b %Y %H:%M:%S GMT")

    wait = retry_after_seconds(httpx2.Headers({"retry-after": when}))

    assert wait is not None
    assert 80 < wait <= 90


def test_redaction_removes_the_key_and_key_shaped_values() -> None:
    message = "Incorrect key my-own-key-1234; also saw sk-ant-api03-abcdefgh12345 and Bearer xyz"

    redacted = redact(message, "my-own-key-1234")

    assert "my-own-key-1234" not in redacted
    assert "sk-ant-api03-abcdefgh12345" not in redacted
    assert "Bearer xyz" not in redacted
    assert redacted.startswith("Incorrect key [key hidden]")
