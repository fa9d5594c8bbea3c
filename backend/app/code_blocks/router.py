from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from app.auth.dependencies import CurrentUser
from app.code_blocks import export_service, facets, search, service, versions
from app.code_blocks.dependencies import OwnedCodeBlock
from app.code_blocks.export_service import MEDIA_TYPES, Download
from app.code_blocks.schemas import (
    MAX_OFFSET,
    MAX_PAGE_SIZE,
    MAX_VERSION,
    CodeBlockCreate,
    CodeBlockDetail,
    CodeBlockFacets,
    CodeBlockSearch,
    CodeBlocksPublic,
    CodeBlockUpdate,
    CodeBlockVersionsPublic,
    ExportFormat,
    NotebookFormat,
)
from app.conversations.dependencies import OwnedConversation
from app.core.db import SessionDep
from app.core.errors import error_responses

DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file, as an attachment.",
        "content": {
            media_type: {"schema": {"type": "string"}} for media_type in MEDIA_TYPES.values()
        },
    }
}

router = APIRouter(prefix="/code-blocks", tags=["code-blocks"])
# The conversation's notebook belongs to the library's exports, at the conversation's address.
conversation_export_router = APIRouter(prefix="/conversations", tags=["conversations"])


@router.get("/", responses=error_responses(401, 403, 503))
async def list_code_blocks(
    session: SessionDep, user: CurrentUser, query: Annotated[CodeBlockSearch, Query()]
) -> CodeBlocksPublic:
    """The user's library, one entry per block (its latest version): search, filters, sorting."""
    return await search.search_code_blocks(session, owner=user, search=query)


@router.get("/facets", responses=error_responses(401, 403, 503, validation=False))
async def read_code_block_facets(session: SessionDep, user: CurrentUser) -> CodeBlockFacets:
    """The tags, languages and imports of the user's library, most frequent first."""
    return await facets.code_block_facets(session, owner=user)


@router.post("/", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 413))
async def create_code_block(
    session: SessionDep, user: CurrentUser, body: CodeBlockCreate
) -> CodeBlockDetail:
    """Save a snippet of the user's own; it is analysed, and titled when no title is given."""
    block = await service.create_code_block(session, owner=user, data=body)
    return await service.read_code_block(session, block=block)


@router.get("/{code_block_id}", responses=error_responses(401, 403, 404))
async def read_code_block(session: SessionDep, block: OwnedCodeBlock) -> CodeBlockDetail:
    """One version of an entry, in full (any version's id works)."""
    return await service.read_code_block(session, block=block)


@router.patch("/{code_block_id}", responses=error_responses(401, 403, 404, 413))
async def update_code_block(
    session: SessionDep, block: OwnedCodeBlock, body: CodeBlockUpdate
) -> CodeBlockDetail:
    """Edit an entry: new code makes a new version (returned); title, description and tags change
    on every version."""
    updated = await service.update_code_block(session, block=block, data=body)
    return await service.read_code_block(session, block=updated)


@router.delete(
    "/{code_block_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403, 404),
)
async def delete_code_block(session: SessionDep, block: OwnedCodeBlock) -> None:
    """Delete an entry with all its versions."""
    await service.delete_code_block(session, block=block)


@router.get("/{code_block_id}/versions", responses=error_responses(401, 403, 404))
async def list_code_block_versions(
    session: SessionDep,
    block: OwnedCodeBlock,
    skip: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = MAX_PAGE_SIZE,
) -> CodeBlockVersionsPublic:
    """Every version of the entry, newest first."""
    return await versions.list_versions(session, block=block, skip=skip, limit=limit)


@router.get(
    "/{code_block_id}/export",
    response_class=Response,
    responses={**DOWNLOAD, **error_responses(401, 403, 404)},
)
async def export_code_block(
    session: SessionDep,
    block: OwnedCodeBlock,
    file_format: Annotated[ExportFormat, Query(alias="format")],
    version: Annotated[
        int | None,
        Query(ge=1, le=MAX_VERSION, description="Another version of the entry; default: this one."),
    ] = None,
) -> Response:
    """Download a version as a runnable Python script (py) or a Jupyter notebook (ipynb)."""
    download = await export_service.export_code_block(
        session, block=block, file_format=file_format, version=version
    )
    return _attachment(download)


@conversation_export_router.get(
    "/{conversation_id}/export",
    response_class=Response,
    responses={**DOWNLOAD, **error_responses(401, 403, 404, 409)},
)
async def export_conversation(
    session: SessionDep,
    conversation: OwnedConversation,
    # Only notebooks hold several blocks; the parameter refuses anything else with a clear 422.
    file_format: Annotated[NotebookFormat, Query(alias="format")] = "ipynb",
) -> Response:
    """Download the conversation's Python code blocks as one Jupyter notebook."""
    download = await export_service.export_conversation(session, conversation=conversation)
    return _attachment(download)


def _attachment(download: Download) -> Response:
    # File names are ASCII letters, digits and underscores (export_service), safe as they are.
    headers = {"Content-Disposition": f'attachment; filename="{download.filename}"'}
    return Response(download.content, media_type=download.media_type, headers=headers)
