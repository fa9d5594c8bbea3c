from app.core.errors import AppError

# 401 answers tell HTTP clients which scheme to use.
_BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class IncorrectCredentials(AppError):
    status_code = 400
    default_message = "Incorrect email or password."


class InactiveUser(AppError):
    status_code = 403
    default_message = "This account has been deactivated."


class NotAuthenticated(AppError):
    status_code = 401
    default_message = "Not authenticated. Please log in."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, headers=_BEARER_CHALLENGE)


class InvalidToken(AppError):
    status_code = 401
    default_message = "Your session is invalid or has expired. Please log in again."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, headers=_BEARER_CHALLENGE)


class NotAdmin(AppError):
    status_code = 403
    default_message = "This action requires administrator rights."


class InvalidResetToken(AppError):
    status_code = 400
    default_message = (
        "This password reset link is invalid or has expired. Please request a new one."
    )
