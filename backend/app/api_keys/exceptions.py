from app.core.errors import AppError


class ApiKeyNotFound(AppError):
    status_code = 404
    default_message = "API key not found."


class BaseUrlNotAllowed(AppError):
    status_code = 422
    default_message = (
        "This base URL points at a private network address (such as localhost), which this server "
        "does not allow. Use a publicly reachable server."
    )


class BaseUrlNotApplicable(AppError):
    status_code = 422
    default_message = "A base URL can only be set on an openai_compatible key."
