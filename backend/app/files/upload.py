"""Receiving an upload: the multipart body is parsed as it streams in, never held whole in memory.

The `file` part goes straight to a file in the staging folder, hashed (SHA-256) and scanned on the way
(ingest.scan.ByteScan), and the upload is refused the moment it passes MAX_UPLOAD_BYTES: 413 before
the rest is read. The file's name and declared type are checked as soon as its part headers arrive,
so a PNG is refused before a byte of it is stored. Other parts are read past and ignored.
"""

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import anyio
from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header
from starlette.requests import ClientDisconnect

from app.files.exceptions import FileTooLarge, MissingFile, UnsupportedFileType, UploadIncomplete
from app.files.filenames import clean_filename, supported_extension
from app.files.ingest.scan import ByteScan

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

FILE_FIELD = b"file"
DEFAULT_FILENAME = "upload.csv"
# Room for the multipart framing and small extra fields around the file itself.
MULTIPART_OVERHEAD_BYTES = 1024 * 1024
# Received data is handed to a worker thread (write, hash, scan) in pieces of about this size.
WRITE_BATCH_BYTES = 1024 * 1024
# What browsers and tools send for CSV and gzip files; anything else plainly is not one.
ACCEPTED_CONTENT_TYPES = frozenset(
    {
        "",
        "application/octet-stream",
        "application/csv",
        "application/x-csv",
        "application/vnd.ms-excel",
        "application/gzip",
        "application/x-gzip",
    }
)
NOT_MULTIPART = (
    "The upload must be sent as multipart/form-data with the file in a field named 'file'."
)


@dataclass(frozen=True)
class IncomingUpload:
    """The parts of the HTTP request an upload is read from."""

    content_type: str
    content_length: int | None
    body: AsyncIterator[bytes]


@dataclass
class ReceivedFile:
    filename: str
    path: Path
    sha256: str
    scan: ByteScan

    @property
    def size_bytes(self) -> int:
        return self.scan.size_bytes


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    field_name: bytes = b""
    value: bytes = b""


class _FileSink:
    """Writes, hashes and scans the file part's bytes; used from a worker thread."""

    def __init__(self, path: Path, *, line_limit: int) -> None:
        self.path = path
        self.hash = hashlib.sha256()
        self.scan = ByteScan(line_limit=line_limit)
        self._handle: BinaryIO = path.open("wb")

    def write(self, data: bytes) -> None:
        self._handle.write(data)
        self.hash.update(data)
        self.scan.feed(data)

    def close(self) -> None:
        self._handle.close()


class _MultipartReceiver:
    def __init__(self, *, max_file_bytes: int) -> None:
        self.max_file_bytes = max_file_bytes
        self.filename: str | None = None
        self.pending = bytearray()
        self.file_bytes = 0
        self.file_complete = False
        self._part = _Part()
        self._in_file_part = False

    def callbacks(self) -> "MultipartCallbacks":
        return {
            "on_part_begin": self._on_part_begin,
            "on_header_field": self._on_header_field,
            "on_header_value": self._on_header_value,
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished,
            "on_part_data": self._on_part_data,
            "on_part_end": self._on_part_end,
        }

    def _on_part_begin(self) -> None:
        self._part = _Part()

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._part.field_name += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._part.value += data[start:end]

    def _on_header_end(self) -> None:
        self._part.headers[self._part.field_name.lower()] = self._part.value
        self._part.field_name = self._part.value = b""

    def _on_headers_finished(self) -> None:
        # Header bytes are decoded as Latin-1 (byte for byte), then the file name as the UTF-8 browsers send.
        disposition = self._part.headers.get(b"content-disposition", b"").decode("latin-1")
        _, options = parse_options_header(disposition)
        self._in_file_part = options.get(b"name") == FILE_FIELD and self.filename is None
        if not self._in_file_part:
            return
        raw_name = options.get(b"filename", b"").decode("utf-8", errors="replace")
        self.filename = clean_filename(raw_name) or DEFAULT_FILENAME
        content_type = self._part.headers.get(b"content-type", b"").decode("latin-1")
        _check_file_type(self.filename, content_type)

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        if not self._in_file_part:
            return
        self.file_bytes += end - start
        if self.file_bytes > self.max_file_bytes:
            raise FileTooLarge(self.max_file_bytes)
        self.pending += data[start:end]

    def _on_part_end(self) -> None:
        if self._in_file_part:
            self.file_complete = True
            self._in_file_part = False


def _check_file_type(filename: str, content_type: str) -> None:
    mime_type = parse_options_header(content_type)[0].decode("latin-1")
    plausible_type = mime_type.startswith("text/") or mime_type in ACCEPTED_CONTENT_TYPES
    if supported_extension(filename) is None or not plausible_type:
        raise UnsupportedFileType


async def receive_upload(
    upload: IncomingUpload, *, destination: Path, max_file_bytes: int, line_limit: int
) -> ReceivedFile:
    """Stream the multipart body's `file` part into `destination`."""
    mime_type, options = parse_options_header(upload.content_type)
    boundary = options.get(b"boundary")
    if mime_type != b"multipart/form-data" or not boundary:
        raise MissingFile(NOT_MULTIPART)
    # A body declared larger than any acceptable upload is refused before a byte is read.
    if (upload.content_length or 0) > max_file_bytes + MULTIPART_OVERHEAD_BYTES:
        raise FileTooLarge(max_file_bytes)
    receiver = _MultipartReceiver(max_file_bytes=max_file_bytes)
    try:
        parser = MultipartParser(boundary, receiver.callbacks())
    except FormParserError as error:
        raise MissingFile(NOT_MULTIPART) from error
    sink = await anyio.to_thread.run_sync(lambda: _FileSink(destination, line_limit=line_limit))
    try:
        await _feed(parser, receiver, sink, upload.body, max_body_bytes=max_file_bytes)
    finally:
        await anyio.to_thread.run_sync(sink.close)
    if receiver.filename is None:
        raise MissingFile
    if not receiver.file_complete:
        raise UploadIncomplete
    return ReceivedFile(
        filename=receiver.filename, path=destination, sha256=sink.hash.hexdigest(), scan=sink.scan
    )


async def _feed(
    parser: MultipartParser,
    receiver: _MultipartReceiver,
    sink: _FileSink,
    body: AsyncIterator[bytes],
    *,
    max_body_bytes: int,
) -> None:
    body_bytes = 0
    try:
        async for chunk in body:
            body_bytes += len(chunk)
            # Also bounds bodies that never send a file part, or pad it with other fields.
            if body_bytes > max_body_bytes + MULTIPART_OVERHEAD_BYTES:
                raise FileTooLarge(max_body_bytes)
            parser.write(chunk)
            if len(receiver.pending) >= WRITE_BATCH_BYTES:
                await _flush(receiver, sink)
        parser.finalize()
    except ClientDisconnect as error:
        raise UploadIncomplete from error
    except FormParserError as error:
        raise MissingFile(NOT_MULTIPART) from error
    await _flush(receiver, sink)


async def _flush(receiver: _MultipartReceiver, sink: _FileSink) -> None:
    data = bytes(receiver.pending)
    receiver.pending.clear()
    if data:
        await anyio.to_thread.run_sync(sink.write, data)
