"""One upload, from bytes on disk to a Parquet copy and a profile (runs in a worker thread).

Steps: text.py decides compression and encoding and yields UTF-8 text; layout.py finds the delimiter
and the column names; parse.py reads the rows; then the Parquet copy is written while the profile is
computed (pyarrow releases the GIL, so the two use both cores). A file whose start looked like UTF-8
but whose later bytes are not is read again as Windows-1252.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from app.files.exceptions import NoDataRows, UnknownEncoding
from app.files.ingest.columns import for_parquet, normalise_types, pandas_dtypes
from app.files.ingest.layout import NotUtf8, read_layout
from app.files.ingest.limits import IngestLimits
from app.files.ingest.parquet import write_parquet
from app.files.ingest.parse import SkippedRows, parse_csv
from app.files.ingest.profile import profile_column
from app.files.ingest.scan import ByteScan
from app.files.ingest.text import TextSource, prepare_text, transcode
from app.files.ingest.values import json_rows
from app.files.schemas import Compression, Delimiter, Encoding, FileProfile

SAMPLE_ROWS = 5
PARQUET_NAME = "data.parquet"


@dataclass(frozen=True)
class IngestResult:
    parquet_path: Path
    encoding: Encoding
    delimiter: Delimiter
    compression: Compression | None
    row_count: int
    column_count: int
    profile: FileProfile


def ingest(
    original: Path, scan: ByteScan, *, filename: str, workdir: Path, limits: IngestLimits
) -> IngestResult:
    try:
        return _ingest_file(original, scan, filename=filename, workdir=workdir, limits=limits)
    finally:
        # Hand the parser's memory back to the system: a large upload should not keep the server big.
        pa.default_memory_pool().release_unused()


def _ingest_file(
    original: Path, scan: ByteScan, *, filename: str, workdir: Path, limits: IngestLimits
) -> IngestResult:
    source = prepare_text(original, scan, workdir=workdir, limits=limits)
    prefer_tab = filename.lower().removesuffix(".gz").endswith(".tsv")
    try:
        return _ingest_text(source, prefer_tab=prefer_tab, workdir=workdir, limits=limits)
    except NotUtf8 as error:
        # Only a guess can be wrong: files with a byte-order mark are what the mark says.
        if source.encoding != "utf-8":
            raise UnknownEncoding from error
    source = transcode(source, "windows-1252", workdir=workdir, limits=limits)
    return _ingest_text(source, prefer_tab=prefer_tab, workdir=workdir, limits=limits)


def _ingest_text(
    source: TextSource, *, prefer_tab: bool, workdir: Path, limits: IngestLimits
) -> IngestResult:
    layout = read_layout(source.path, prefer_tab=prefer_tab, limits=limits)
    parsed = parse_csv(
        source.path,
        layout=layout,
        longest_line_bytes=source.scan.longest_line_bytes,
        limits=limits,
    )
    table = normalise_types(parsed.table)
    if table.num_rows == 0:
        raise NoDataRows(_no_rows_message(parsed.skipped))
    parquet_table = for_parquet(table)
    parquet_path = workdir / PARQUET_NAME
    with ThreadPoolExecutor(max_workers=1) as writer:
        written = writer.submit(write_parquet, parquet_table, parquet_path)
        dtypes = pandas_dtypes(parquet_table)
        columns = [
            profile_column(column, name=name, position=position, dtype=dtype)
            for position, (name, column, dtype) in enumerate(
                zip(table.column_names, table.columns, dtypes, strict=True)
            )
        ]
        written.result()
    profile = FileProfile(
        columns=columns,
        sample_rows=json_rows(table.slice(0, SAMPLE_ROWS), [column.type for column in columns]),
        warnings=_warnings(parsed.skipped),
        renamed_columns=layout.renamed_columns,
        skipped_rows=parsed.skipped.count,
    )
    return IngestResult(
        parquet_path=parquet_path,
        encoding=source.encoding,
        delimiter=layout.delimiter,
        compression=source.compression,
        row_count=table.num_rows,
        column_count=table.num_columns,
        profile=profile,
    )


def _warnings(skipped: SkippedRows) -> list[str]:
    if not skipped.count:
        return []
    if skipped.count == 1:
        warning = "1 row had the wrong number of fields and was skipped"
    else:
        warning = f"{skipped.count:,} rows had the wrong number of fields and were skipped"
    if skipped.first_lines:
        noun = "line" if len(skipped.first_lines) == 1 else "lines"
        more = ", …" if skipped.count > len(skipped.first_lines) else ""
        warning += f" ({noun} {', '.join(map(str, skipped.first_lines))}{more})"
    return [warning + "."]


def _no_rows_message(skipped: SkippedRows) -> str | None:
    if not skipped.count:
        return None
    return (
        "None of the rows has as many fields as the header row, so there is no data to read. "
        "Check the delimiter and the quoting of the file."
    )
