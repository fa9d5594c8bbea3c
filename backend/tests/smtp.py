"""A real SMTP server on localhost that keeps what it receives, for e-mail flows in tests."""

import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.live_server import free_port


class _KeepMessages:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted"


class SmtpServer:
    def __init__(self) -> None:
        self._handler = _KeepMessages()
        self.host = "127.0.0.1"
        self.port = free_port()
        self._controller = Controller(self._handler, hostname=self.host, port=self.port)

    @property
    def messages(self) -> list[EmailMessage]:
        return self._handler.messages

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def wait_for(self, recipient: str, timeout_seconds: float = 10) -> EmailMessage:
        """The latest message to `recipient`, waiting for it: another process may still be sending it."""
        deadline = time.monotonic() + timeout_seconds
        while time.monotonic() < deadline:
            for candidate in self.messages[::-1]:
                if recipient.lower() in str(candidate["To"]).lower():
                    return candidate
            time.sleep(0.05)
        raise AssertionError(f"no e-mail reached {recipient} within {timeout_seconds} s")


def plain_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert isinstance(body, EmailMessage)
    return str(body.get_content())
