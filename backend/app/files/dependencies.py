import uuid
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import CurrentUser
from app.core.config import settings
from app.core.db import SessionDep
from app.files import service
from app.files.ingest.limits import IngestLimits
from app.files.storage import FileStorage
from app.models import File


# Dependencies are `async def` even when they do not await: FastAPI runs a plain `def` dependency in its
# thread pool, a hand-off each way that every request would pay (see docs/benchmarks.md, chat streaming).
async def get_file_storage(request: Request) -> FileStorage:
    storage: FileStorage = request.app.state.file_storage
    return storage


FileStorageDep = Annotated[FileStorage, Depends(get_file_storage)]


async def get_ingest_limits() -> IngestLimits:
    # Read per request, so an operator's (or a test's) change to the settings applies at once.
    return IngestLimits(
        max_upload_bytes=settings.MAX_UPLOAD_BYTES,
        max_uncompressed_bytes=settings.MAX_UNCOMPRESSED_BYTES,
        max_columns=settings.MAX_COLUMNS,
        max_line_bytes=settings.MAX_LINE_BYTES,
    )


IngestLimitsDep = Annotated[IngestLimits, Depends(get_ingest_limits)]


async def get_owned_file(session: SessionDep, user: CurrentUser, file_id: uuid.UUID) -> File:
    return await service.get_file(session, owner=user, file_id=file_id)


OwnedFile = Annotated[File, Depends(get_owned_file)]
