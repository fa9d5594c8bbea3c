"""Provider SDK exceptions turned into our `ProviderFailure`s, with a sentence a user understands.

The provider's own message is kept as a hint (it often names the model or the limit), with the API key
removed: some providers echo the key they were sent. The SDK exception is not chained (`from None`), so a
traceback cannot carry the key into a log either. Only the failure's kind and HTTP status are logged.
"""

import logging
import re
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
import anthropic
import httpx2
import openai

from app.core.sentry import scrub
from app.llm.base import (
    ContextTooLong,
    InvalidApiKey,
    ModelNotFound,
    ProviderFailure,
    ProviderRateLimited,
    ProviderTimeout,
    ProviderUnreachable,
    QuotaExhausted,
    StreamInterrupted,
)
from app.models.base import utc_now

logger = logging.getLogger(__name__)

MAX_HINT_CHARACTERS = 300
REDACTED = "[key hidden]"
_CONTEXT_WORDS = re.compile(
    r"context[ _]length|context window|prompt is too long|too many tokens|maximum context|"
    r"input is too long|reduce the length",
    re.IGNORECASE,
)
_MISSING_MODEL = re.compile(r"model.*(not found|does not exist|not exist|unknown)", re.IGNORECASE)
_QUOTA_WORDS = re.compile(
    r"credit balance|insufficient_quota|exceeded your current quota|billing", re.I
)


def redact(text: str, secret: str) -> str:
    """`text` without `secret` (nor anything shaped like an API key or bearer token)."""
    if secret:
        text = text.replace(secret, REDACTED)
    return str(scrub(text))


def retry_after_seconds(headers: httpx2.Headers) -> float | None:
    """The wait a 429 asks for: `retry-after-ms`, `retry-after` in seconds or as an HTTP date."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds:
        try:
            return max(float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max((parsedate_to_datetime(value) - utc_now()).total_seconds(), 0.0)
    except (TypeError, ValueError):
        return None


def from_openai(error: openai.OpenAIError, *, secret: str, streaming: bool) -> ProviderFailure:
    """An OpenAI SDK error (OpenAI or an OpenAI-compatible server); `streaming`: text had arrived."""
    if isinstance(error, openai.APITimeoutError) and _timed_out(error):
        return _logged(ProviderTimeout(), "openai")
    if isinstance(error, openai.APIConnectionError):
        return _logged(StreamInterrupted() if streaming else ProviderUnreachable(), "openai")
    if isinstance(error, openai.APIStatusError):
        code = " ".join(str(part) for part in (error.code, error.type) if part)
        return _logged(
            _from_status(
                error.status_code,
                code=code,
                message=_body_message(error.body) or error.message,
                headers=error.response.headers,
                secret=secret,
            ),
            "openai",
            error.status_code,
        )
    message = error.message if isinstance(error, openai.APIError) else str(error)
    return _logged(_generic(message, secret=secret), "openai")


def from_anthropic(
    error: anthropic.AnthropicError, *, secret: str, streaming: bool
) -> ProviderFailure:
    """An Anthropic SDK error; `streaming`: text had arrived."""
    if isinstance(error, anthropic.APITimeoutError) and _timed_out(error):
        return _logged(ProviderTimeout(), "anthropic")
    if isinstance(error, anthropic.APIConnectionError):
        return _logged(StreamInterrupted() if streaming else ProviderUnreachable(), "anthropic")
    if isinstance(error, anthropic.APIStatusError):
        status_code = error.status_code
        if status_code < 400:
            # An `error` event inside a stream that had started fine: its type says what happened.
            status_code = _ANTHROPIC_STREAM_ERRORS.get(str(error.type), 500)
        return _logged(
            _from_status(
                status_code,
                code=" ".join(str(part) for part in (error.type, error.error_code) if part),
                message=error.api_message or error.message,
                headers=error.response.headers,
                secret=secret,
            ),
            "anthropic",
            status_code,
        )
    message = error.message if isinstance(error, anthropic.APIError) else str(error)
    return _logged(_generic(message, secret=secret), "anthropic")


def from_transport(
    error: httpx2.TransportError, *, provider: str, streaming: bool
) -> ProviderFailure:
    """A network failure the SDK let through (mid-stream)."""
    if isinstance(error, httpx2.TimeoutException) and _timed_out(error):
        return _logged(ProviderTimeout(), provider)
    return _logged(StreamInterrupted() if streaming else ProviderUnreachable(), provider)


def _timed_out(error: BaseException) -> bool:
    """Whether a failure reported as a timeout was one. The aiohttp transport (app.llm.http) reports
    every failed connection, refused or reset, as httpx2.ConnectTimeout; the aiohttp error it chains
    says what happened, and only aiohttp's timeouts are timeouts."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, aiohttp.ClientError):
            return isinstance(cause, aiohttp.ServerTimeoutError)
        cause = cause.__cause__
    return True


_ANTHROPIC_STREAM_ERRORS = {
    "rate_limit_error": 429,
    "overloaded_error": 529,
    "api_error": 500,
    "authentication_error": 401,
    "permission_error": 403,
    "not_found_error": 404,
    "invalid_request_error": 400,
    "billing_error": 402,
}


def _from_status(
    status_code: int, *, code: str, message: str, headers: httpx2.Headers, secret: str
) -> ProviderFailure:
    hint = _hint(message, secret=secret)
    if status_code in {401, 403}:
        return InvalidApiKey(_with_hint(InvalidApiKey.default_message, hint))
    if status_code == 402 or _QUOTA_WORDS.search(code) or _QUOTA_WORDS.search(message):
        return QuotaExhausted(_with_hint(QuotaExhausted.default_message, hint))
    if status_code == 429:
        wait = retry_after_seconds(headers)
        sentence = "The provider is rate-limiting this key."
        sentence += f" Try again in {_duration(wait)}." if wait is not None else " Wait a moment."
        return ProviderRateLimited(sentence, retry_after_seconds=wait)
    if status_code == 413 or "context_length" in code or _CONTEXT_WORDS.search(message):
        return ContextTooLong(_with_hint(ContextTooLong.default_message, hint))
    if status_code == 404 or "model_not_found" in code or _MISSING_MODEL.search(message):
        return ModelNotFound(_with_hint(ModelNotFound.default_message, hint))
    if status_code == 529 or "overloaded" in code:
        return ProviderFailure("The provider is overloaded right now. Please try again shortly.")
    if status_code >= 500:
        return ProviderFailure(
            f"The provider had an internal error (HTTP {status_code}). Please try again."
        )
    return _generic(message, secret=secret)


def _generic(message: str, *, secret: str) -> ProviderFailure:
    return ProviderFailure(
        _with_hint(ProviderFailure.default_message, _hint(message, secret=secret))
    )


def _body_message(body: Any) -> str | None:
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else None
        if isinstance(message, str):
            return message
    return None


def _hint(message: str, *, secret: str) -> str:
    text = " ".join(redact(message, secret).split())
    if len(text) > MAX_HINT_CHARACTERS:
        text = text[: MAX_HINT_CHARACTERS - 1] + "…"
    return text


def _with_hint(sentence: str, hint: str) -> str:
    return f"{sentence} (The provider said: {hint})" if hint else sentence


def _duration(seconds: float) -> str:
    whole = max(round(seconds), 1)
    if whole < 120:
        return f"{whole} second{'s' if whole != 1 else ''}"
    return f"{round(whole / 60)} minutes"


def _logged(
    failure: ProviderFailure, provider: str, status_code: int | None = None
) -> ProviderFailure:
    # Kind and status only: messages may quote what was sent.
    logger.warning(
        "%s call failed: %s%s",
        provider,
        failure.kind,
        f" (HTTP {status_code})" if status_code is not None else "",
    )
    return failure
