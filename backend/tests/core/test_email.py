import pytest

from app.core.config import settings
from app.core.email import build_email, send_email
from tests.smtp import SmtpServer, plain_text


async def test_email_is_delivered_over_smtp_with_text_and_html(smtp_server: SmtpServer) -> None:
    await send_email(
        build_email(to="ann@example.com", subject="Hello", text="Body", html="<p>Body</p>")
    )

    delivered = smtp_server.messages[0]
    assert delivered["To"] == "ann@example.com"
    assert delivered["From"] == f"{settings.EMAILS_FROM_NAME} <{settings.EMAILS_FROM_EMAIL}>"
    assert plain_text(delivered).strip() == "Body"


async def test_outside_local_without_smtp_the_email_is_not_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    production = settings.model_copy(update={"ENVIRONMENT": "production", "SMTP_HOST": ""})

    await send_email(
        build_email(to="ann@example.com", subject="Hello", text="http://app.test/?token=T0KEN"),
        config=production,
    )

    assert "not sent" in caplog.text
    assert "T0KEN" not in caplog.text


async def test_an_unreachable_mail_server_is_logged_without_the_content(
    caplog: pytest.LogCaptureFixture,
) -> None:
    unreachable = settings.model_copy(
        update={"SMTP_HOST": "127.0.0.1", "SMTP_PORT": 1, "SMTP_TLS": False}
    )

    await send_email(
        build_email(to="ann@example.com", subject="Hello", text="http://app.test/?token=T0KEN"),
        config=unreachable,
    )

    assert "could not be sent" in caplog.text
    assert "T0KEN" not in caplog.text
