from app.core.errors import AppError


class UserNotFound(AppError):
    status_code = 404
    default_message = "User not found."


class EmailAlreadyRegistered(AppError):
    status_code = 409
    default_message = "A user with this email address already exists."


class LastAdmin(AppError):
    status_code = 409
    default_message = (
        "This is the last active administrator: make another user an administrator first."
    )
