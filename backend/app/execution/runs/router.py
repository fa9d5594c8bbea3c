import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from app.auth.dependencies import CurrentUser
from app.code_blocks.dependencies import OwnedCodeBlock
from app.code_blocks.schemas import MAX_OFFSET
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.execution.dependencies import SandboxDep
from app.execution.runs import compatibility, service, stats
from app.execution.runs.dependencies import OwnedExecution
from app.execution.runs.schemas import (
    DEFAULT_RUNS_PAGE,
    MAX_CHECKED_FILES,
    MAX_RUNS_PAGE,
    CodeBlockCompatibility,
    CodeBlockRunCreate,
    CodeBlockStats,
    ExecutionPublic,
    ExecutionsPublic,
)
from app.files.dependencies import FileStorageDep

CSV_DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The whole table result, as a CSV attachment.",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}

code_block_runs_router = APIRouter(prefix="/code-blocks", tags=["code-blocks"])
executions_router = APIRouter(prefix="/executions", tags=["executions"])
# Included before the code library's router: /code-blocks/stats must win over /code-blocks/{id}.
router = APIRouter()


@code_block_runs_router.get("/stats", responses=error_responses(401, 403, validation=False))
async def read_code_block_stats(session: SessionDep, user: CurrentUser) -> CodeBlockStats:
    """How much the library is reused: entries run, run more than once, distinct files per entry."""
    return await stats.code_block_stats(session, owner=user)


@code_block_runs_router.get(
    "/{code_block_id}/compatibility", responses=error_responses(401, 403, 404)
)
async def check_code_block_compatibility(
    session: SessionDep,
    block: OwnedCodeBlock,
    file_ids: Annotated[list[uuid.UUID], Query(min_length=1, max_length=MAX_CHECKED_FILES)],
) -> CodeBlockCompatibility:
    """Before a run: the columns this version reads that each file does not have."""
    return await compatibility.check_compatibility(session, block=block, file_ids=file_ids)


@code_block_runs_router.post(
    "/{code_block_id}/runs",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(401, 403, 404, 503),
)
async def run_code_block(
    session: SessionDep,
    block: OwnedCodeBlock,
    body: CodeBlockRunCreate,
    sandbox: SandboxDep,
    storage: FileStorageDep,
) -> ExecutionsPublic:
    """Run a version on each file, each its own run; answers when every run has finished."""
    return await service.run_code_block(
        session,
        block=block,
        version=body.version,
        file_ids=body.file_ids,
        sandbox=sandbox,
        storage=storage,
        message_id=body.message_id,
    )


@code_block_runs_router.get("/{code_block_id}/runs", responses=error_responses(401, 403, 404))
async def list_code_block_runs(
    session: SessionDep,
    block: OwnedCodeBlock,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_RUNS_PAGE)] = DEFAULT_RUNS_PAGE,
) -> ExecutionsPublic:
    """Every run of the entry, whichever version ran, newest first."""
    return await service.list_runs(session, block=block, skip=skip, limit=limit)


@executions_router.get("/{execution_id}", responses=error_responses(401, 403, 404))
async def read_execution(session: SessionDep, execution: OwnedExecution) -> ExecutionPublic:
    """One run, with what it produced."""
    return await service.read_execution(session, execution=execution)


@executions_router.get(
    "/{execution_id}/result.csv",
    response_class=Response,
    responses={**CSV_DOWNLOAD, **error_responses(401, 403, 404)},
)
async def download_execution_csv(session: SessionDep, execution: OwnedExecution) -> Response:
    """The run's whole table result as CSV."""
    csv = await service.result_csv(session, execution=execution)
    filename = f"result_{execution.id.hex[:8]}.csv"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(csv, media_type="text/csv; charset=utf-8", headers=headers)


router.include_router(code_block_runs_router)
router.include_router(executions_router)
