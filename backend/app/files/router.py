from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import StreamingResponse

from app.auth.dependencies import CurrentUser
from app.core.db import SessionDep
from app.core.errors import error_responses
from app.files import service
from app.files.dependencies import FileStorageDep, IngestLimitsDep, OwnedFile
from app.files.schemas import (
    FileDetail,
    FilePreview,
    FileRename,
    FilesPublic,
    SortField,
    SortOrder,
)
from app.files.upload import IncomingUpload

MAX_PAGE_SIZE = 100
MAX_PREVIEW_ROWS = 500
MAX_OFFSET = 2**31 - 1  # beyond any real table, and within what PostgreSQL's OFFSET accepts

# The upload handler reads the multipart stream itself (see files.upload), so FastAPI does not know
# the body: describe it here for the API docs and the generated client.
UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "title": "Body_upload_file",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "A .csv, .tsv or .txt file, optionally gzip-compressed (.gz).",
                        }
                    },
                }
            }
        },
    }
}
DOWNLOAD_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file exactly as uploaded.",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}

router = APIRouter(prefix="/files", tags=["files"])


@router.post(
    "/",
    status_code=status.HTTP_201_CREATED,
    openapi_extra=UPLOAD_BODY,
    responses=error_responses(400, 401, 403, 413, 415),
)
async def upload_file(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    storage: FileStorageDep,
    limits: IngestLimitsDep,
) -> FileDetail:
    """Upload a CSV file (multipart field `file`); answers once it is parsed and profiled."""
    declared_length = request.headers.get("content-length", "")
    upload = IncomingUpload(
        content_type=request.headers.get("content-type", ""),
        content_length=int(declared_length) if declared_length.isdigit() else None,
        body=request.stream(),
    )
    file = await service.upload_file(
        session, owner=user, upload=upload, storage=storage, limits=limits
    )
    return FileDetail.model_validate(file)


@router.get("/", responses=error_responses(401, 403))
async def list_files(
    session: SessionDep,
    user: CurrentUser,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = MAX_PAGE_SIZE,
    sort: SortField = "uploaded_at",
    order: SortOrder = "desc",
    q: Annotated[str | None, Query(max_length=255, description="Part of the file name")] = None,
) -> FilesPublic:
    """The logged-in user's files, newest first unless sorted otherwise."""
    return await service.list_files(
        session, owner=user, skip=skip, limit=limit, sort=sort, order=order, search=q
    )


@router.get("/{file_id}", responses=error_responses(401, 403, 404))
async def read_file(file: OwnedFile) -> FileDetail:
    """One file with its profile."""
    return FileDetail.model_validate(file)


@router.get("/{file_id}/preview", responses=error_responses(401, 403, 404))
async def preview_file(
    file: OwnedFile,
    storage: FileStorageDep,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PREVIEW_ROWS)] = 50,
) -> FilePreview:
    """A page of the file's rows, as parsed."""
    return await service.preview_file(file, storage=storage, skip=skip, limit=limit)


@router.get(
    "/{file_id}/download",
    response_class=StreamingResponse,
    responses={**DOWNLOAD_RESPONSE, **error_responses(401, 403, 404)},
)
async def download_file(file: OwnedFile, storage: FileStorageDep) -> StreamingResponse:
    """The file exactly as it was uploaded."""
    download = await service.open_download(file, storage=storage)
    headers = {
        "Content-Disposition": _attachment(download.filename),
        "Content-Length": str(download.size_bytes),
    }
    return StreamingResponse(download.chunks, media_type=download.media_type, headers=headers)


@router.patch("/{file_id}", responses=error_responses(401, 403, 404))
async def rename_file(session: SessionDep, file: OwnedFile, body: FileRename) -> FileDetail:
    """Rename a file (the name is cleaned up like an uploaded file's)."""
    renamed = await service.rename_file(session, file=file, filename=body.filename)
    return FileDetail.model_validate(renamed)


@router.delete(
    "/{file_id}", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(401, 403, 404)
)
async def delete_file(session: SessionDep, file: OwnedFile, storage: FileStorageDep) -> None:
    """Delete a file and its stored data."""
    await service.delete_file(session, file=file, storage=storage)


def _attachment(filename: str) -> str:
    # An ASCII fallback for old clients, and the exact name as RFC 5987 `filename*`.
    fallback = "".join(
        character
        if character.isascii() and character.isprintable() and character not in '"\\'
        else "_"
        for character in filename
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
