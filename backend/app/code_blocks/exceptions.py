"""What can go wrong in the code library, in words the person using it understands."""

from app.core.errors import AppError


class CodeBlockNotFound(AppError):
    status_code = 404
    default_message = "Code block not found."


class VersionNotFound(AppError):
    status_code = 404
    default_message = "This code block has no such version."

    def __init__(self, version: int) -> None:
        super().__init__(f"This code block has no version {version}.")


class SearchTimedOut(AppError):
    status_code = 503
    default_message = (
        "The search took too long and was stopped. Try more specific words or add a filter."
    )


class ExportNotSupported(AppError):
    status_code = 422
    default_message = "Only Python code can be exported as a script or a notebook."

    def __init__(self, language: str | None) -> None:
        written_in = f"written in {language}" if language else "not recognised as Python"
        super().__init__(
            f"Only Python code can be exported as a script or a notebook; this block is "
            f"{written_in}. Copy it instead."
        )


class NothingToExport(AppError):
    status_code = 409
    default_message = (
        "This conversation has no Python code blocks to export yet. Ask a question whose answer "
        "includes code, then export again."
    )
