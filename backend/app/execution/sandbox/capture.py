"""What a run prints, draws and raises, each cut to a cap.

Printed output (stdout and stderr, interleaved as printed) is kept up to SANDBOX_MAX_OUTPUT_BYTES;
the rest is counted, not stored, so a print loop costs CPU time but no memory. Every open matplotlib
figure comes back as a PNG (base64), up to MAX_FIGURES of at most MAX_FIGURE_BYTES each. An error
keeps its type, message and only the traceback lines of the user's own code (CODE_FILENAME), so
neither our frames nor library internals show.
"""

import base64
import io
import traceback
from types import TracebackType
from typing import Any

CODE_FILENAME = "<code>"
MAX_FIGURES = 10
MAX_FIGURE_BYTES = 2 * 1024 * 1024
FIGURE_DPI = 100
MESSAGE_CHARS = 2_000
TRACEBACK_LINES = 20


class CappedOutput(io.TextIOBase):
    """A text stream that keeps the first `limit` bytes written to it and counts the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept: list[str] = []
        self.kept_bytes = 0
        self.dropped_bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self.limit - self.kept_bytes
        if room <= 0:
            self.dropped_bytes += len(text)
            return len(text)
        data = text.encode("utf-8", "replace")
        if len(data) <= room:
            self.kept.append(text)
            self.kept_bytes += len(data)
        else:
            self.kept.append(data[:room].decode("utf-8", "ignore"))
            self.kept_bytes = self.limit
            self.dropped_bytes += len(data) - room
        return len(text)

    def text(self) -> str:
        output = "".join(self.kept)
        if self.dropped_bytes:
            output += f"\n… output truncated: {self.dropped_bytes:,} more bytes were not kept."
        return output


def figures() -> tuple[list[str], int]:
    """Every open figure as base64 PNG, and how many were left out (too many or too large)."""
    import matplotlib.pyplot as plt

    images: list[str] = []
    left_out = 0
    for number in plt.get_fignums():
        if len(images) >= MAX_FIGURES:
            left_out += 1
            continue
        buffer = io.BytesIO()
        try:
            plt.figure(number).savefig(buffer, format="png", dpi=FIGURE_DPI, bbox_inches="tight")
        except Exception:  # a figure the code broke: leave it out, keep the others
            left_out += 1
            continue
        if buffer.tell() > MAX_FIGURE_BYTES:
            left_out += 1
            continue
        images.append(base64.b64encode(buffer.getvalue()).decode("ascii"))
    plt.close("all")
    return images, left_out


def user_error(error: BaseException) -> dict[str, Any]:
    """Type, message and the user's own traceback lines of an exception raised by the run."""
    lines: list[str] = []
    if isinstance(error, SyntaxError) and error.filename == CODE_FILENAME:
        text = (error.text or "").rstrip()
        lines.append(f"line {error.lineno}: {text}" if text else f"line {error.lineno}")
    else:
        lines = _user_frames(error.__traceback__)
    return {"kind": type(error).__name__, "message": _message(error), "traceback": lines}


def _user_frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):
        if frame.filename == CODE_FILENAME:
            code = (frame.line or "").strip()
            lines.append(f"line {frame.lineno}, in {frame.name}: {code}")
    # A deep recursion repeats the same lines: keep the first and the last ones.
    if len(lines) > TRACEBACK_LINES:
        half = TRACEBACK_LINES // 2
        lines = [*lines[:half], f"… {len(lines) - TRACEBACK_LINES} more lines …", *lines[-half:]]
    return lines


def _message(error: BaseException) -> str:
    if isinstance(error, SyntaxError):
        text = error.msg or "invalid syntax"
    else:
        try:
            text = str(error)
        except Exception:  # the code's own exception class may break str()
            text = ""
    return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 1] + "…"
