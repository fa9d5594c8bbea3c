"""What the sandbox takes (Dataset) and gives back (RunResult, RunError); JSON-able throughout."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict

# succeeded: the code ran to its end. failed: it raised, crashed or hit a limit, or its files could not
# be loaded. timed_out: it was killed at the wall-clock deadline. refused: it never ran (the pre-check
# found something, or the isolation this host needs is missing).
RunStatus = Literal["succeeded", "failed", "timed_out", "refused"]


@dataclass(frozen=True)
class Dataset:
    """One attached file: `name` is its key in `dfs` (see conversations.prompt.dataset_names)."""

    name: str
    parquet_path: Path
    file_id: UUID
    sha256: str


class RunError(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str
    message: str
    # Only the user's own lines: "line 3, in <module>: total = df['x'].sum()".
    traceback: list[str] = []


class RunResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    status: RunStatus
    duration_ms: int
    # results.describe: {"kind": "dataframe" | "series" | "scalar" | "json" | "text" | "figure" | "none", ...}
    result: dict[str, Any] | None = None
    figures: list[str] = []  # PNG, base64
    figures_left_out: int = 0
    stdout: str = ""
    error: RunError | None = None
    # The whole DataFrame or Series result for download; None when there is none or it passed the cap.
    result_csv: bytes | None = None
