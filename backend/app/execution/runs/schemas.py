"""Request and response bodies of code runs: running a library block, its history, one run, the
pre-run column check and the library's reuse figures."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.code_blocks.schemas import MAX_VERSION
from app.core.schemas import RequestModel
from app.execution.runs.results import ExecutionResult
from app.execution.schemas import RunError, RunStatus
from app.models.execution import ExecutionSource

MAX_RUN_FILES = 10
MAX_CHECKED_FILES = 100
DEFAULT_RUNS_PAGE = 20
MAX_RUNS_PAGE = 100

# Every field is always present in responses, defaults included: the generated client relies on it.
_ALWAYS_PRESENT = ConfigDict(json_schema_serialization_defaults_required=True)


def _unique(file_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    return list(dict.fromkeys(file_ids))


class CodeBlockRunCreate(RequestModel):
    """Run one version of a library entry on each of these files, each its own run."""

    file_ids: Annotated[
        list[uuid.UUID],
        Field(
            min_length=1,
            max_length=MAX_RUN_FILES,
            description="The user's files; the code sees each as `df`. Duplicates run once.",
        ),
        AfterValidator(_unique),
    ]
    version: int | None = Field(
        default=None, ge=1, le=MAX_VERSION, description="Default: the version of the id given."
    )
    message_id: uuid.UUID | None = Field(
        default=None,
        description="Run in the chat reply the block came from: one run with every file "
        "together (`df` the first, `dfs` all), kept with the reply.",
    )


class ExecutionFile(BaseModel):
    id: uuid.UUID
    filename: str


class ExecutionPublic(BaseModel):
    """One run of one code block version, with what it produced (every part capped)."""

    model_config = _ALWAYS_PRESENT

    id: uuid.UUID
    code_block_id: uuid.UUID = Field(description="The version that ran.")
    lineage_id: uuid.UUID = Field(description="Its library entry (the first version's id).")
    version: int
    source: ExecutionSource
    message_id: uuid.UUID | None = Field(description="The reply it ran in (chat runs).")
    status: RunStatus
    duration_ms: int
    stdout: str = Field(description="Printed output, capped.")
    result: ExecutionResult | None = Field(description="The value left in `result`.")
    figures: list[str] = Field(description="The matplotlib figures, as base64 PNG.")
    figures_left_out: int = Field(default=0, description="Figures beyond the cap, not kept.")
    error: RunError | None = Field(description="Why it failed, with the user's own lines only.")
    has_csv: bool = Field(description="The whole table result can be downloaded as CSV.")
    files: list[ExecutionFile] = Field(description="The run's files that still exist, in order.")
    file_ids: list[uuid.UUID] = Field(description="Every file of the run, in order (`df` first).")
    created_at: datetime


class ExecutionsPublic(BaseModel):
    data: list[ExecutionPublic]
    count: int


class FileCompatibility(BaseModel):
    file_id: uuid.UUID
    filename: str
    columns_referenced: list[str] = Field(description="The columns the code reads.")
    missing_columns: list[str] = Field(description="Those the file does not have.")
    compatible: bool = Field(description="No column is missing (the code may still fail).")


class CodeBlockCompatibility(BaseModel):
    data: list[FileCompatibility]


class CodeBlockStats(BaseModel):
    """How much the user's library is reused."""

    blocks: int = Field(description="Entries in the library.")
    blocks_run: int = Field(description="Entries that ran at least once.")
    blocks_run_more_than_once: int
    share_run_more_than_once: float = Field(
        ge=0, le=1, description="Of all entries: blocks_run_more_than_once / blocks."
    )
    average_distinct_files: float = Field(
        ge=0, description="Distinct files run on, on average per entry that ran."
    )
