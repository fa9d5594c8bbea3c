"""Outgoing e-mail over SMTP.

E-mails are sent after the response (the `Outbox` dependency queues them as background tasks): the
request does not wait on the mail server, and its timing does not reveal whether a message went out.
In local development without SMTP_HOST the whole message, links included, goes to the log instead, so a
developer can follow it.
"""

import logging
from email.message import EmailMessage
from email.utils import formataddr
from typing import Annotated

import aiosmtplib
from fastapi import BackgroundTasks, Depends

from app.core.config import Settings, settings

logger = logging.getLogger(__name__)


def build_email(*, to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((settings.EMAILS_FROM_NAME, settings.EMAILS_FROM_EMAIL))
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def _plain_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    return body.get_content() if isinstance(body, EmailMessage) else ""


async def send_email(message: EmailMessage, *, config: Settings = settings) -> None:
    """Deliver `message`; failures are logged (never with the content) rather than raised."""
    if not config.SMTP_HOST:
        if config.ENVIRONMENT == "local":
            logger.warning(
                "SMTP_HOST is empty, so this e-mail was not sent. Its content:\n"
                "To: %s\nSubject: %s\n\n%s",
                message["To"],
                message["Subject"],
                _plain_text(message),
            )
        else:
            logger.error("E-mail %r not sent: SMTP_HOST is not configured.", message["Subject"])
        return
    try:
        await aiosmtplib.send(
            message,
            hostname=config.SMTP_HOST,
            port=config.SMTP_PORT,
            username=config.SMTP_USER or None,
            password=config.SMTP_PASSWORD.get_secret_value() or None,
            use_tls=config.SMTP_SSL,
            start_tls=config.SMTP_TLS and not config.SMTP_SSL,
            timeout=config.SMTP_TIMEOUT_SECONDS,
        )
    except (aiosmtplib.SMTPException, OSError) as error:
        logger.error(
            "E-mail %r could not be sent through %s:%s: %s",
            message["Subject"],
            config.SMTP_HOST,
            config.SMTP_PORT,
            type(error).__name__,
        )


class Outbox:
    """Queue e-mails during a request; they are sent once the response is out."""

    def __init__(self, background_tasks: BackgroundTasks) -> None:
        self._background_tasks = background_tasks

    def send_later(self, message: EmailMessage) -> None:
        self._background_tasks.add_task(send_email, message)


OutboxDep = Annotated[Outbox, Depends()]
