"""One error shape for every failure: `{"error": "<Kind>", "detail": "<human sentence>"}`.

Domain code raises subclasses of `AppError`; the kind is the class name. Framework errors (unknown
paths, wrong methods, validation, oversized bodies) and unexpected crashes are rendered the same way.
"""

import logging
from http import HTTPStatus
from typing import Any, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger(__name__)


class ErrorResponse(BaseModel):
    error: str
    detail: str


class AppError(Exception):
    """Base of every domain error. Subclasses set `status_code` and `default_message`."""

    status_code: int = 400
    default_message: str = "The request could not be completed."

    def __init__(
        self,
        message: str | None = None,
        status_code: int | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        if status_code is not None:
            self.status_code = status_code
        self.headers = headers or {}
        super().__init__(self.message)

    @property
    def kind(self) -> str:
        return type(self).__name__


# Kinds for errors raised by the framework itself, named like our domain errors.
_HTTP_KINDS = {
    401: "NotAuthenticated",
    404: "NotFound",
    405: "MethodNotAllowed",
    413: "PayloadTooLarge",
    429: "RateLimited",
}
_HTTP_DETAILS = {
    401: "Not authenticated.",
    404: "Nothing was found at this address.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
}

# The terse phrases Starlette uses by default, replaced by the sentences above.
_FRAMEWORK_PHRASES = {phrase.phrase for phrase in HTTPStatus} | {"Content Too Large"}


def error_body(kind: str, detail: str) -> dict[str, str]:
    return {"error": kind, "detail": detail}


def error_responses(*status_codes: int, validation: bool = True) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries so the generated client knows every error carries `ErrorResponse`.

    422 is listed unless `validation=False` (an endpoint without any input).
    """
    codes = (*status_codes, 422) if validation else status_codes
    return {
        code: {"model": ErrorResponse, "description": HTTPStatus(code).phrase} for code in codes
    }


def _http_kind(status_code: int) -> str:
    if status_code in _HTTP_KINDS:
        return _HTTP_KINDS[status_code]
    try:
        phrase = HTTPStatus(status_code).phrase
    except ValueError:
        return "HTTPError"
    return "".join(word.capitalize() for word in phrase.replace("-", " ").split())


def _field_name(location: tuple[int | str, ...]) -> str:
    # ("body", "email") -> "email"; ("query", "limit") -> "limit"; ("body",) -> "body"
    parts = [str(part) for part in location[1:]] or [str(part) for part in location]
    return ".".join(parts)


def describe_validation_errors(errors: list[dict[str, Any]]) -> str:
    """Turn pydantic errors into one readable sentence that names each field."""
    sentences: list[str] = []
    for error in errors:
        error_type = error.get("type", "")
        if error_type == "json_invalid":
            sentences.append("The request body is not valid JSON")
            continue
        location = tuple(error.get("loc", ()))
        message = str(error.get("msg", "is invalid")).removeprefix("Value error, ").rstrip(".")
        if error_type == "missing" and location == ("body",):
            sentences.append("A JSON request body is required")
        elif error_type in {"model_attributes_type", "dict_type"} and location == ("body",):
            sentences.append("The request body must be a JSON object")
        else:
            sentences.append(f"{_field_name(location)}: {message}")
    unique = list(dict.fromkeys(sentences))
    return "; ".join(unique) + "."


async def _handle_app_error(request: Request, exc: Exception) -> JSONResponse:
    error = cast(AppError, exc)
    return JSONResponse(
        error_body(error.kind, error.message),
        status_code=error.status_code,
        headers=error.headers or None,
    )


async def _handle_http_exception(request: Request, exc: Exception) -> JSONResponse:
    error = cast(StarletteHTTPException, exc)
    detail = str(error.detail)
    if error.status_code in _HTTP_DETAILS and detail in _FRAMEWORK_PHRASES:
        detail = _HTTP_DETAILS[error.status_code]
    return JSONResponse(
        error_body(_http_kind(error.status_code), detail),
        status_code=error.status_code,
        headers=error.headers,
    )


async def _handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    error = cast(RequestValidationError, exc)
    detail = describe_validation_errors(list(error.errors()))
    return JSONResponse(error_body("ValidationError", detail), status_code=422)


async def _handle_unstorable_value(request: Request, exc: Exception) -> JSONResponse:
    # The database refused a value the schemas let through (out of range, unrepresentable): that is
    # bad input, so the client hears about it. Logged (without the values) to tighten the schema.
    error = cast(DataError, exc)
    logger.warning(
        "The database refused a value (SQLSTATE %s) on %s",
        getattr(error.orig, "sqlstate", "unknown"),
        request.method,
    )
    detail = "A value in the request cannot be stored. Please check it and try again."
    return JSONResponse(error_body("ValidationError", detail), status_code=422)


async def _handle_database_error(request: Request, exc: Exception) -> JSONResponse:
    error = cast(DBAPIError, exc)
    if not error.connection_invalidated:
        # Handled here rather than by the catch-all, which alone gets the server's traceback log.
        logger.error("A database error on %s %s", request.method, request.url.path, exc_info=error)
        return await _handle_unexpected_error(request, exc)
    # The connection died under the request (the database restarted); the pool has been renewed.
    logger.warning("A database connection was lost during %s %s", request.method, request.url.path)
    detail = "The connection to the database was interrupted. Please try again."
    return JSONResponse(error_body("DatabaseUnavailable", detail), status_code=503)


async def _handle_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Starlette logs the traceback and re-raises after this response; we only shape the answer.
    return JSONResponse(
        error_body("InternalServerError", "Something went wrong on our side. It has been logged."),
        status_code=500,
    )


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _handle_app_error)
    app.add_exception_handler(StarletteHTTPException, _handle_http_exception)
    app.add_exception_handler(RequestValidationError, _handle_validation_error)
    app.add_exception_handler(DataError, _handle_unstorable_value)
    app.add_exception_handler(DBAPIError, _handle_database_error)
    app.add_exception_handler(Exception, _handle_unexpected_error)
