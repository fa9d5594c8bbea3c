"""Helpers for the files tests: uploading through the HTTP API and checking what is left behind."""

import gzip
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient, Response
from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.files.storage import LocalFileStorage
from app.models import File

FILES = "/api/v1/files/"
Upload = Callable[..., Coroutine[Any, Any, Response]]


@pytest.fixture
def data_dir(app: FastAPI) -> Path:
    storage: LocalFileStorage = app.state.file_storage
    return storage.root


@pytest.fixture
def upload(client: AsyncClient, user_headers: dict[str, str]) -> Upload:
    """Upload `content` as the user's file, the way a browser form does."""

    async def send(
        content: bytes,
        filename: str = "data.csv",
        content_type: str = "text/csv",
        headers: dict[str, str] | None = None,
    ) -> Response:
        return await client.post(
            FILES,
            headers=headers or user_headers,
            files={"file": (filename, content, content_type)},
        )

    return send


def stored_files(data_dir: Path) -> list[Path]:
    """Every file under the storage root, staging included."""
    return sorted(path for path in data_dir.rglob("*") if path.is_file())


async def file_row_count(db: AsyncSession) -> int:
    return (await db.exec(select(func.count()).select_from(File))).one()


async def assert_nothing_kept(data_dir: Path, db: AsyncSession) -> None:
    assert stored_files(data_dir) == []
    assert list((data_dir / "staging").glob("*")) == []
    assert await file_row_count(db) == 0


def gzipped(content: bytes) -> bytes:
    return gzip.compress(content)


def multipart_body(
    content: bytes,
    *,
    filename: str = "data.csv",
    content_type: str = "text/csv",
    field: str = "file",
    boundary: str = "test-boundary-7d1f",
    closed: bool = True,
) -> bytes:
    """A multipart/form-data body written by hand (to stream it, or to cut it short)."""
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode() if closed else b""
    return head + content + tail


def multipart_headers(
    headers: dict[str, str], boundary: str = "test-boundary-7d1f"
) -> dict[str, str]:
    return {**headers, "Content-Type": f"multipart/form-data; boundary={boundary}"}
