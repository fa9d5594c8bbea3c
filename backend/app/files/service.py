"""Files: upload (receive, parse, profile, store), listing, preview, download, rename and delete.

Stored bytes follow the database: an upload's stored objects are removed if its transaction rolls
back, and a deleted file's (or user's) objects only once the deletion is committed.
"""

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

import anyio
from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.db import after_commit, after_rollback
from app.core.search import contains_pattern
from app.files.exceptions import FileNotFound
from app.files.ingest.limits import IngestLimits
from app.files.ingest.pipeline import ingest
from app.files.preview import read_page
from app.files.schemas import FilePreview, FilesPublic, SortField, SortOrder
from app.files.storage import (
    ORIGINAL,
    PARQUET,
    FileStorage,
    StoredObjectMissing,
    file_key,
    user_prefix,
)
from app.files.upload import IncomingUpload, receive_upload
from app.models import File, User

# Parsing a large file takes a lot of memory for a moment: a few at a time, however many arrive.
INGEST_SLOTS = anyio.CapacityLimiter(2)
MEDIA_TYPES = {".tsv": "text/tab-separated-values", ".txt": "text/plain"}
CHARSETS = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "utf-16-le": "utf-16le",
    "utf-16-be": "utf-16be",
    "windows-1252": "windows-1252",
}
DATA_GONE = "The data of this file is no longer available. Delete it and upload it again."


@dataclass(frozen=True)
class Download:
    chunks: AsyncIterator[bytes]
    filename: str
    media_type: str
    size_bytes: int


async def get_file(session: AsyncSession, *, owner: User, file_id: uuid.UUID) -> File:
    query = select(File).where(File.id == file_id, File.user_id == owner.id)
    file = (await session.exec(query)).first()
    if file is None:
        raise FileNotFound
    return file


async def upload_file(
    session: AsyncSession,
    *,
    owner: User,
    upload: IncomingUpload,
    storage: FileStorage,
    limits: IngestLimits,
) -> File:
    staging = await storage.create_staging_dir()
    try:
        received = await receive_upload(
            upload,
            destination=staging / ORIGINAL,
            max_file_bytes=limits.max_upload_bytes,
            line_limit=limits.max_line_bytes,
        )
        parse_and_profile = partial(
            ingest, filename=received.filename, workdir=staging, limits=limits
        )
        result = await anyio.to_thread.run_sync(
            parse_and_profile, received.path, received.scan, limiter=INGEST_SLOTS
        )
        file_id = uuid.uuid4()
        file = File(
            id=file_id,
            user_id=owner.id,
            filename=received.filename,
            storage_key=file_key(user_id=owner.id, file_id=file_id),
            size_bytes=received.size_bytes,
            mime_type=_media_type(received.filename, compressed=result.compression is not None),
            sha256=received.sha256,
            row_count=result.row_count,
            column_count=result.column_count,
            encoding=result.encoding,
            delimiter=result.delimiter,
            compression=result.compression,
            profile=result.profile.model_dump(mode="json"),
        )
        after_rollback(session, partial(storage.delete_prefix, file.storage_key))
        await storage.store(file.storage_key, ORIGINAL, received.path)
        await storage.store(file.storage_key, PARQUET, result.parquet_path)
        session.add(file)
        await session.flush()
        return file
    finally:
        with anyio.CancelScope(shield=True):  # even when the request is cancelled
            await storage.discard_staging_dir(staging)


async def list_files(
    session: AsyncSession,
    *,
    owner: User,
    skip: int,
    limit: int,
    sort: SortField,
    order: SortOrder,
    search: str | None,
) -> FilesPublic:
    conditions: list[ColumnElement[bool]] = [col(File.user_id) == owner.id]
    pattern = contains_pattern(search)
    if pattern is not None:
        conditions.append(col(File.filename).ilike(pattern, escape="\\"))
    total = (await session.exec(select(func.count()).select_from(File).where(*conditions))).one()
    sort_key = {
        "uploaded_at": col(File.uploaded_at),
        "filename": func.lower(col(File.filename)),
        "size_bytes": col(File.size_bytes),
    }[sort]
    # The id breaks ties, so pages never overlap or skip a file.
    ordering = [sort_key, col(File.id)]
    page_query = (
        select(File)
        .where(*conditions)
        # Summaries never need the profile (large for wide files); reading it by mistake raises.
        .options(defer(cast(QueryableAttribute[Any], File.profile), raiseload=True))
        .order_by(*(key.desc() if order == "desc" else key.asc() for key in ordering))
        .offset(skip)
        .limit(limit)
    )
    files = (await session.exec(page_query)).all()
    return FilesPublic.model_validate({"data": files, "count": total}, from_attributes=True)


async def preview_file(file: File, *, storage: FileStorage, skip: int, limit: int) -> FilePreview:
    try:
        path = await storage.local_path(file.storage_key, PARQUET)
    except StoredObjectMissing as error:
        raise FileNotFound(DATA_GONE) from error
    column_types = [column["type"] for column in file.profile["columns"]]
    columns, rows = await anyio.to_thread.run_sync(
        partial(read_page, path, skip=skip, limit=limit, column_types=column_types)
    )
    return FilePreview(
        columns=columns, rows=rows, skip=skip, limit=limit, total_rows=file.row_count
    )


async def open_download(file: File, *, storage: FileStorage) -> Download:
    try:
        chunks = await storage.open_chunks(file.storage_key, ORIGINAL)
    except StoredObjectMissing as error:
        raise FileNotFound(DATA_GONE) from error
    media_type = file.mime_type
    if media_type.startswith("text/"):
        # The bytes as uploaded, so in their own encoding.
        media_type += f"; charset={CHARSETS[file.encoding]}"
    return Download(
        chunks=chunks, filename=file.filename, media_type=media_type, size_bytes=file.size_bytes
    )


async def rename_file(session: AsyncSession, *, file: File, filename: str) -> File:
    file.filename = filename
    await session.flush()
    return file


async def delete_file(session: AsyncSession, *, file: File, storage: FileStorage) -> None:
    await session.delete(file)
    await session.flush()
    after_commit(session, partial(storage.delete_prefix, file.storage_key))


def remove_files_with_user(session: AsyncSession, *, owner: User, storage: FileStorage) -> None:
    """Remove the user's stored files once their deletion is committed (the rows go by cascade)."""
    after_commit(session, partial(storage.delete_prefix, user_prefix(owner.id)))


def _media_type(filename: str, *, compressed: bool) -> str:
    if compressed:
        return "application/gzip"
    extension = filename.lower()[filename.rfind(".") :]
    return MEDIA_TYPES.get(extension, "text/csv")
