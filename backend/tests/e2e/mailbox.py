"""Following links from what the app e-mailed, as a person does from their inbox."""

import re
from email.message import EmailMessage

from tests.smtp import plain_text


def first_link(message: EmailMessage, path: str) -> str:
    """The first link in the e-mail whose path starts with `path` (e.g. "/reset-password")."""
    text = plain_text(message)
    match = re.search(rf"https?://[^\s\"'<>]+{re.escape(path)}[^\s\"'<>]*", text)
    assert match, f"no {path} link in the e-mail:\n{text}"
    return match.group(0)
