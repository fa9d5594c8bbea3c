"""Reading a run child's answer, which is untrusted, and naming how a run ended without one."""

import asyncio
import json
import signal
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from app.execution.sandbox.capture import MAX_FIGURES
from app.execution.sandbox.limits import RunLimits
from app.execution.sandbox.protocol import LENGTH
from app.execution.schemas import RunError, RunResult

# Figures (10 PNGs of up to 2 MiB, in base64), the output and the previews fit well within this.
MAX_HEADER_BYTES = 32 * 1024 * 1024
CRASH_SIGNALS = {signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGFPE, signal.SIGABRT}


class InvalidAnswer(Exception):
    """The child's answer broke the protocol (its code may have written to the socket itself)."""


class ChildAnswer(BaseModel):
    status: Literal["succeeded", "failed"]
    result: dict[str, Any] | None = None
    figures: list[str] = Field(default_factory=list, max_length=MAX_FIGURES)
    figures_left_out: int = Field(default=0, ge=0)
    stdout: str = ""
    error: RunError | None = None
    csv_bytes: int = Field(default=0, ge=0)
    isolation_failed: list[str] = Field(default_factory=list, max_length=20)


async def read_answer(
    reader: asyncio.StreamReader, limits: RunLimits
) -> tuple[ChildAnswer, bytes | None]:
    size = LENGTH.unpack(await reader.readexactly(LENGTH.size))[0]
    if size > MAX_HEADER_BYTES:
        raise InvalidAnswer(f"an answer of {size} bytes")
    try:
        answer = ChildAnswer.model_validate(json.loads(await reader.readexactly(size)))
    except (ValueError, RecursionError, ValidationError) as error:
        raise InvalidAnswer("an answer that is not valid JSON") from error
    # Slack for the truncation note the child appends.
    if (
        len(answer.stdout) > limits.max_output_bytes + 200
        or answer.csv_bytes > limits.max_csv_bytes
    ):
        raise InvalidAnswer("an answer over its caps")
    if answer.result is not None and not isinstance(answer.result.get("kind"), str):
        raise InvalidAnswer("a result without a kind")
    csv = await reader.readexactly(answer.csv_bytes) if answer.csv_bytes else None
    return answer, csv


def to_result(answer: ChildAnswer, csv: bytes | None, *, duration_ms: int) -> RunResult:
    return RunResult(
        status=answer.status,
        duration_ms=duration_ms,
        result=answer.result,
        figures=answer.figures,
        figures_left_out=answer.figures_left_out,
        stdout=answer.stdout,
        error=answer.error,
        result_csv=csv,
    )


def failure(kind: str, message: str, *, duration_ms: int, status: Any = "failed") -> RunResult:
    return RunResult(
        status=status, duration_ms=duration_ms, error=RunError(kind=kind, message=message)
    )


def without_answer(report: dict[str, Any] | None, limits: RunLimits) -> tuple[str, str]:
    """(kind, message) for a run whose child ended without answering, from the worker's report."""
    if report is None or report.get("lost"):
        return "SandboxCrashed", "The sandbox stopped while the code ran. Run it again."
    if report.get("op") == "failed":
        return "DataUnavailable", str(report.get("message", "The files could not be loaded."))
    number = report.get("signal")
    if number == signal.SIGXCPU:
        return "CpuLimitExceeded", f"The code used more than {limits.cpu_seconds} s of CPU time."
    if number == signal.SIGKILL:
        return (
            "Killed",
            "The operating system stopped the code (it used too much CPU time or memory).",
        )
    if number in CRASH_SIGNALS:
        return "Crashed", f"The code crashed the Python process ({signal.strsignal(number)})."
    if number is not None:
        return "Crashed", f"The code's process was ended by signal {number}."
    code = report.get("exit_code")
    return "NoResult", f"The code ended its process (exit code {code}) before it finished."
