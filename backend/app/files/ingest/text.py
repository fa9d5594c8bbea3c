"""From the uploaded bytes to UTF-8 CSV text the parser can read.

Gzip is detected by its magic bytes and expanded to a staging file, capped at MAX_UNCOMPRESSED_BYTES.
The encoding is decided as the README documents: a byte-order mark first (UTF-8, UTF-16 LE/BE), else
UTF-8 when the bytes are valid UTF-8, else Windows-1252 (strict: its five undefined bytes are refused).
UTF-16 and Windows-1252 are transcoded to UTF-8 a chunk at a time. UTF-8 validity is checked on a
sample here and on everything else by the parser itself (see pipeline.py), so a UTF-8 file, the usual
case, is read once.
"""

import codecs
import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path

from app.files.exceptions import (
    BinaryFile,
    DecompressedTooLarge,
    EmptyFile,
    LineTooLong,
    UnknownEncoding,
    UnreadableCsv,
)
from app.files.ingest.limits import IngestLimits
from app.files.ingest.scan import ByteScan
from app.files.schemas import Compression, Encoding

CHUNK_BYTES = 1024 * 1024
UTF8_SAMPLE_BYTES = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
BYTE_ORDER_MARKS: tuple[tuple[bytes, Encoding], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Python codec for each encoding we transcode; the UTF-16 codec reads (and drops) the byte-order mark.
TRANSCODED: dict[Encoding, str] = {
    "utf-16-le": "utf-16",
    "utf-16-be": "utf-16",
    "windows-1252": "cp1252",
}


@dataclass(frozen=True)
class TextSource:
    """UTF-8 CSV text at `path` (a UTF-8 byte-order mark may lead), and where it came from."""

    path: Path
    scan: ByteScan
    encoding: Encoding
    compression: Compression | None


def prepare_text(
    original: Path, scan: ByteScan, *, workdir: Path, limits: IngestLimits
) -> TextSource:
    if scan.size_bytes == 0:
        raise EmptyFile
    path = original
    compression: Compression | None = None
    if _read_head(original, len(GZIP_MAGIC)) == GZIP_MAGIC:
        path, scan = _decompress(original, workdir / "decompressed.csv", limits=limits)
        compression = "gzip"
        if scan.size_bytes == 0:
            raise EmptyFile
    encoding = _detect_encoding(path, scan)
    source = TextSource(path=path, scan=scan, encoding=encoding, compression=compression)
    if encoding in TRANSCODED:
        source = transcode(source, encoding, workdir=workdir, limits=limits)
    if source.scan.longest_line_bytes > limits.max_line_bytes:
        raise LineTooLong(limits.max_line_bytes)
    return source


def transcode(
    source: TextSource, encoding: Encoding, *, workdir: Path, limits: IngestLimits
) -> TextSource:
    """The same text as UTF-8, from `source` read as `encoding`."""
    target = workdir / "utf8.csv"
    decoder = codecs.getincrementaldecoder(TRANSCODED[encoding])(errors="strict")
    scan = ByteScan(line_limit=limits.max_line_bytes)
    with source.path.open("rb") as reader, target.open("wb") as writer:
        while True:
            chunk = reader.read(CHUNK_BYTES)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                raise UnknownEncoding from error
            if "\x00" in text:
                raise BinaryFile
            encoded = text.encode("utf-8")
            writer.write(encoded)
            scan.feed(encoded)
            if not chunk:
                break
    return TextSource(path=target, scan=scan, encoding=encoding, compression=source.compression)


def _detect_encoding(path: Path, scan: ByteScan) -> Encoding:
    head = _read_head(path, UTF8_SAMPLE_BYTES)
    for mark, encoding in BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return encoding
    if scan.has_nul:
        raise BinaryFile
    return (
        "utf-8"
        if _looks_like_utf8(head, whole_file=len(head) == scan.size_bytes)
        else ("windows-1252")
    )


def _looks_like_utf8(head: bytes, *, whole_file: bool) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is not an error.
        return not whole_file and error.reason == "unexpected end of data"
    return True


def _decompress(source: Path, target: Path, *, limits: IngestLimits) -> tuple[Path, ByteScan]:
    scan = ByteScan(line_limit=limits.max_line_bytes)
    try:
        with gzip.open(source, "rb") as reader, target.open("wb") as writer:
            # Each read expands at most CHUNK_BYTES, so a bomb is stopped one chunk past the cap.
            while chunk := reader.read(CHUNK_BYTES):
                scan.feed(chunk)
                if scan.size_bytes > limits.max_uncompressed_bytes:
                    raise DecompressedTooLarge(limits.max_uncompressed_bytes)
                writer.write(chunk)
    except (OSError, EOFError, zlib.error) as error:
        raise UnreadableCsv("the compressed (.gz) data is damaged or incomplete.") from error
    return target, scan


def _read_head(path: Path, size: int) -> bytes:
    with path.open("rb") as reader:
        return reader.read(size)
