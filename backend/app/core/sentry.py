"""Error reporting to Sentry, only when SENTRY_DSN is set, with secrets scrubbed before anything leaves.

Scrubbing works on key names (password, token, authorization, cookie, api key...) and on values that look
like secrets wherever they appear (JWTs, provider API keys), because a secret can end up inside an
exception message or a breadcrumb as easily as in a field named "password".
"""

import re
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.fastapi import FastApiIntegration
from sentry_sdk.integrations.starlette import StarletteIntegration

from app.core.config import Settings

FILTERED = "[Filtered]"

_SENSITIVE_KEY = re.compile(
    r"pass(word)?|pwd|secret|token|auth|cookie|session|api[-_]?key|credential|private|dsn|signature",
    re.IGNORECASE,
)
_SECRET_VALUE = re.compile(
    r"eyJ[\w-]+\.[\w-]+\.[\w-]+"  # a JWT
    r"|\bsk-[\w-]{8,}"  # OpenAI / Anthropic style API keys
    r"|\bBearer\s+\S+",
    re.IGNORECASE,
)


def scrub(value: Any) -> Any:
    """Return `value` with sensitive entries replaced by "[Filtered]", at any depth."""
    if isinstance(value, dict):
        return {
            key: FILTERED if isinstance(key, str) and _SENSITIVE_KEY.search(key) else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        # Header lists arrive as [name, value] pairs.
        if len(value) == 2 and isinstance(value[0], str) and _SENSITIVE_KEY.search(value[0]):
            return [value[0], FILTERED]
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return _SECRET_VALUE.sub(FILTERED, value)
    return value


def scrub_event(event: Any, hint: Any) -> Any:
    request = event.get("request")
    if isinstance(request, dict):
        # Query strings may hold reset tokens; request bodies may hold passwords.
        for field in ("query_string", "data", "cookies"):
            if request.get(field):
                request[field] = FILTERED
    return scrub(event)


def init_sentry(settings: Settings) -> bool:
    """Start the Sentry SDK when a DSN is configured; returns whether it did."""
    if not settings.SENTRY_DSN:
        return False
    sentry_sdk.init(
        dsn=settings.SENTRY_DSN,
        environment=settings.ENVIRONMENT,
        send_default_pii=False,
        max_request_body_size="never",
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        integrations=[StarletteIntegration(), FastApiIntegration()],
    )
    return True
