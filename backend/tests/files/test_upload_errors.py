"""Bad input of every kind: a clear 4xx in the one error shape, nothing kept on disk or in the database."""

import codecs
import gzip
import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from httpx import AsyncClient
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from tests.files.conftest import (
    FILES,
    Upload,
    assert_nothing_kept,
    gzipped,
    multipart_body,
    multipart_headers,
)

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
)


@pytest.mark.parametrize(
    ("content", "status", "error"),
    [
        (b"", 422, "EmptyFile"),
        (b"\n\n\n", 422, "EmptyFile"),
        (codecs.BOM_UTF8, 422, "EmptyFile"),
        (b"id,name,price\n", 422, "NoDataRows"),
        (b"id,name,price", 422, "NoDataRows"),
        (b"a,b\n1\n2\n3,4,5\n", 422, "NoDataRows"),
        (PNG, 422, "BinaryFile"),
        (b"a,b\n1,2\x00\n", 422, "BinaryFile"),
        (random.Random(7).randbytes(20_000), 422, "BinaryFile"),
        (b"a,b\n\x81\x8d,\x90\n", 422, "UnknownEncoding"),
        (codecs.BOM_UTF8 + b"a,b\n\xe9,1\n", 422, "UnknownEncoding"),
        (codecs.BOM_UTF16_LE + b"a\x00,\x00b\x00\n\x00\x00\xdc", 422, "UnknownEncoding"),
        (codecs.BOM_UTF16_LE + "a,b\n1,\x00\n".encode("utf-16-le"), 422, "BinaryFile"),
        (b"\x1f\x8b\x08\x00 damaged gzip", 422, "UnreadableCsv"),
    ],
    ids=[
        "empty",
        "blank lines",
        "only a byte-order mark",
        "header only",
        "header without a line break",
        "only ragged rows",
        "png",
        "nul byte",
        "random bytes",
        "invalid in every encoding",
        "utf-8 byte-order mark with invalid bytes",
        "truncated utf-16",
        "utf-16 with nul characters",
        "damaged gzip",
    ],
)
async def test_bad_content_is_refused_and_nothing_is_kept(
    upload: Upload,
    data_dir: Path,
    db: AsyncSession,
    content: bytes,
    status: int,
    error: str,
) -> None:
    response = await upload(content)

    assert response.status_code == status
    assert response.json()["error"] == error
    assert response.json()["detail"].endswith(".")
    await assert_nothing_kept(data_dir, db)


async def test_an_unclosed_quote_takes_in_the_rest_of_the_file(upload: Upload) -> None:
    # As in pandas and spreadsheets: the quoted value runs on to the end of the file.
    response = await upload(b'a,b\n1,"never closed\n2,3\n')

    assert response.status_code == 201
    assert response.json()["profile"]["sample_rows"] == [[1, "never closed\n2,3\n"]]


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("data.csv", "image/png"),
        ("report.pdf", "application/pdf"),
        ("data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("data.json", "application/json"),
        ("archive.gz", "application/gzip"),
        ("data.csv.zip", "application/zip"),
    ],
)
async def test_other_file_types_are_415(
    upload: Upload, data_dir: Path, db: AsyncSession, filename: str, content_type: str
) -> None:
    response = await upload(b"a,b\n1,2\n", filename=filename, content_type=content_type)

    assert response.status_code == 415
    assert response.json()["error"] == "UnsupportedFileType"
    await assert_nothing_kept(data_dir, db)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/vnd.ms-excel", "application/octet-stream", ""]
)
async def test_usual_csv_content_types_are_accepted(upload: Upload, content_type: str) -> None:
    response = await upload(b"a,b\n1,2\n", content_type=content_type)

    assert response.status_code == 201


async def test_a_body_that_is_not_multipart_is_400(
    client: AsyncClient, user_headers: dict[str, str], data_dir: Path, db: AsyncSession
) -> None:
    response = await client.post(FILES, headers=user_headers, json={"file": "a,b\n1,2\n"})

    assert response.status_code == 400
    assert response.json()["error"] == "MissingFile"
    await assert_nothing_kept(data_dir, db)


async def test_multipart_without_a_boundary_is_400(
    client: AsyncClient, user_headers: dict[str, str]
) -> None:
    headers = {**user_headers, "Content-Type": "multipart/form-data"}

    response = await client.post(FILES, headers=headers, content=b"a,b\n")

    assert response.status_code == 400
    assert response.json()["error"] == "MissingFile"


async def test_multipart_without_a_file_part_is_400(
    client: AsyncClient, user_headers: dict[str, str], data_dir: Path, db: AsyncSession
) -> None:
    response = await client.post(
        FILES, headers=user_headers, files={"document": ("data.csv", b"a,b\n1,2\n", "text/csv")}
    )

    assert response.status_code == 400
    assert response.json() == {
        "error": "MissingFile",
        "detail": "No file was sent. Upload it as multipart/form-data in a field named 'file'.",
    }
    await assert_nothing_kept(data_dir, db)


async def test_a_body_cut_off_before_the_file_ends_is_400(
    client: AsyncClient, user_headers: dict[str, str], data_dir: Path, db: AsyncSession
) -> None:
    body = multipart_body(b"a,b\n1,2\n3,4\n", closed=False)

    response = await client.post(FILES, headers=multipart_headers(user_headers), content=body)

    assert response.status_code == 400
    assert response.json()["error"] == "UploadIncomplete"
    await assert_nothing_kept(data_dir, db)


async def test_upload_needs_a_login(client: AsyncClient) -> None:
    response = await client.post(FILES, files={"file": ("data.csv", b"a,b\n1,2\n", "text/csv")})

    assert response.status_code == 401
    assert response.json()["error"] == "NotAuthenticated"


async def test_a_file_over_the_size_limit_is_413(
    upload: Upload, data_dir: Path, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MAX_UPLOAD_BYTES", 10_000)
    content = b"a,b\n" + b"1,2\n" * 5_000

    response = await upload(content)

    assert response.status_code == 413
    assert response.json()["error"] == "FileTooLarge"
    assert "limit" in response.json()["detail"]
    await assert_nothing_kept(data_dir, db)


async def test_a_file_at_the_size_limit_is_accepted(
    upload: Upload, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = b"a,b\n" + b"1,2\n" * 2_499
    monkeypatch.setattr(settings, "MAX_UPLOAD_BYTES", len(content))

    response = await upload(content)

    assert response.status_code == 201


async def test_a_streamed_body_without_length_is_cut_off_at_the_limit(
    client: AsyncClient,
    user_headers: dict[str, str],
    data_dir: Path,
    db: AsyncSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "MAX_UPLOAD_BYTES", 100_000)
    body = multipart_body(b"a,b\n" + b"1,2\n" * 2_500_000)  # 10 MB
    chunk_size = 64 * 1024
    sent_chunks = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent_chunks
        for start in range(0, len(body), chunk_size):
            sent_chunks += 1
            yield body[start : start + chunk_size]

    response = await client.post(FILES, headers=multipart_headers(user_headers), content=chunks())

    assert "content-length" not in {name.lower() for name in response.request.headers}
    assert response.status_code == 413
    assert response.json()["error"] == "FileTooLarge"
    # Refused as soon as the limit was passed, long before the body ended.
    assert sent_chunks < 10
    await assert_nothing_kept(data_dir, db)


async def test_a_body_declared_too_large_is_refused_before_it_is_read(
    client: AsyncClient,
    user_headers: dict[str, str],
    data_dir: Path,
    db: AsyncSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "MAX_UPLOAD_BYTES", 100_000)
    body = multipart_body(b"a,b\n" + b"1,2\n" * 1_000_000)
    sent_chunks = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent_chunks
        for start in range(0, len(body), 64 * 1024):
            sent_chunks += 1
            yield body[start : start + 64 * 1024]

    headers = {**multipart_headers(user_headers), "Content-Length": str(len(body))}
    response = await client.post(FILES, headers=headers, content=chunks())

    assert response.status_code == 413
    assert response.json()["error"] == "FileTooLarge"
    assert sent_chunks == 0
    await assert_nothing_kept(data_dir, db)


async def test_a_gzip_bomb_is_413(
    upload: Upload, data_dir: Path, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    bomb = gzip.compress(b"a,b\n" + b"1,2\n" * 2_000_000)  # 8 MB of text in a few kilobytes
    assert len(bomb) < 100_000

    response = await upload(bomb, filename="small.csv.gz", content_type="application/gzip")

    assert response.status_code == 413
    assert response.json()["error"] == "DecompressedTooLarge"
    await assert_nothing_kept(data_dir, db)


async def test_too_many_columns_is_422(upload: Upload, data_dir: Path, db: AsyncSession) -> None:
    header = ",".join(f"column{i}" for i in range(20_000))
    row = ",".join("1" for _ in range(20_000))

    response = await upload(f"{header}\n{row}\n".encode())

    assert response.status_code == 422
    assert response.json() == {
        "error": "TooManyColumns",
        "detail": (
            "The file has 20,000 columns; at most 5,000 are supported. "
            "Remove the columns you do not need and try again."
        ),
    }
    await assert_nothing_kept(data_dir, db)


async def test_one_enormous_line_is_422(
    upload: Upload, data_dir: Path, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MAX_LINE_BYTES", 1000)
    content = b"id,text\n1,short\n2," + b"x" * 5000 + b"\n3,short\n"

    response = await upload(content)

    assert response.status_code == 422
    assert response.json()["error"] == "LineTooLong"
    await assert_nothing_kept(data_dir, db)


async def test_an_enormous_line_inside_gzip_is_422(
    upload: Upload, data_dir: Path, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "MAX_LINE_BYTES", 1000)
    content = gzipped(b"id,text\n1," + b"x" * 5000 + b"\n")

    response = await upload(content, filename="data.csv.gz")

    assert response.status_code == 422
    assert response.json()["error"] == "LineTooLong"
    await assert_nothing_kept(data_dir, db)


async def test_a_quoted_row_longer_than_any_block_is_422(
    upload: Upload, data_dir: Path, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each physical line is short, but the quoted field spans 9 MB of them: one row, too long.
    monkeypatch.setattr(settings, "MAX_LINE_BYTES", 1024 * 1024)
    content = b'id,text\n1,"' + (b"y" * 1000 + b"\n") * 9000 + b'"\n'

    response = await upload(content)

    assert response.status_code == 422
    assert response.json()["error"] == "LineTooLong"
    await assert_nothing_kept(data_dir, db)


async def test_a_database_failure_after_storing_removes_the_stored_copy(
    upload: Upload, data_dir: Path, db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing_flush(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(AsyncSession, "flush", failing_flush)
    with pytest.raises(RuntimeError, match="went away"):
        await upload(b"a,b\n1,2\n")
    monkeypatch.undo()

    await assert_nothing_kept(data_dir, db)
