from app.core.errors import AppError


class DatabaseUnavailable(AppError):
    status_code = 503
    default_message = "The database is not reachable."
