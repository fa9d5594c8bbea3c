"""What can go wrong around a run (what goes wrong in the code itself is the run's own result)."""

from app.core.errors import AppError


class ExecutionNotFound(AppError):
    status_code = 404
    default_message = "Run not found."


class ResultCsvNotFound(AppError):
    status_code = 404
    default_message = (
        "This run has no table to download: its result is not a table, or the table was too "
        "large to keep."
    )


class CodeNotRunnable(AppError):
    status_code = 422
    default_message = "Only Python code can run."

    def __init__(self, language: str | None) -> None:
        written_in = f"written in {language}" if language else "not recognised as Python"
        super().__init__(f"Only Python code can run; this block is {written_in}.")


class SandboxUnavailable(AppError):
    status_code = 503
    default_message = "Code cannot run right now: the sandbox is not available."


class NotFromThisReply(AppError):
    status_code = 404
    default_message = "This code block is not part of that reply."
