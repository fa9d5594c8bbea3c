"""Parsing the UTF-8 CSV text into an Arrow table with pyarrow's multi-threaded reader.

Types are inferred over the whole file (integers, floats, booleans, ISO dates and timestamps, text);
the same words count as missing as in pandas' read_csv ("", "NA", "null", ...). Rows with the wrong
number of fields are skipped and counted. A block must hold a whole row, so blocks are sized from the
longest line seen while the file streamed in, and a row that does not fit even at MAX_LINE_BYTES is
refused as too long.
"""

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.csv as pa_csv

from app.files.exceptions import LineTooLong, NoDataRows, UnreadableCsv
from app.files.ingest.layout import CsvLayout, NotUtf8
from app.files.ingest.limits import IngestLimits

MIN_BLOCK_BYTES = 4 * 1024 * 1024
REPORTED_LINES = 5
_STRADDLING = "straddling object straddles two block boundaries"
_NO_ROWS = "Empty CSV file"  # a header without a line break after it

RowHandler = Callable[[pa_csv.InvalidRow], Literal["skip", "error"]]


@dataclass
class SkippedRows:
    count: int = 0
    first_lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ParsedCsv:
    table: pa.Table
    skipped: SkippedRows


def parse_csv(
    path: Path, *, layout: CsvLayout, longest_line_bytes: int, limits: IngestLimits
) -> ParsedCsv:
    table, skipped, block_size = _read_in_fitting_blocks(
        path, layout=layout, longest_line_bytes=longest_line_bytes, limits=limits
    )
    if table.num_columns != len(layout.column_names):
        raise UnreadableCsv("the header row could not be read consistently.")
    # Bytes that are not UTF-8 make pyarrow fall back to raw binary for their column.
    if any(pa.types.is_binary(column.type) for column in table.columns):
        raise NotUtf8
    if skipped.count:
        skipped.first_lines = _first_skipped_lines(path, layout=layout, block_size=block_size)
    return ParsedCsv(table=table.rename_columns(layout.column_names), skipped=skipped)


def _read_in_fitting_blocks(
    path: Path, *, layout: CsvLayout, longest_line_bytes: int, limits: IngestLimits
) -> tuple[pa.Table, SkippedRows, int]:
    # Blocks twice the longest line hold any row without line breaks in quoted values; a row
    # that has them may be longer, so a second try uses the largest blocks the line limit allows.
    first_size = max(MIN_BLOCK_BYTES, 2 * longest_line_bytes)
    largest_size = max(first_size, MIN_BLOCK_BYTES, 2 * limits.max_line_bytes)
    for block_size in dict.fromkeys((first_size, largest_size)):
        skipped = SkippedRows()
        try:
            table = _read(path, layout=layout, block_size=block_size, skipped=skipped)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as error:
            if _NO_ROWS in str(error):
                raise NoDataRows from error
            if _STRADDLING not in str(error):
                raise UnreadableCsv(_reason(error)) from error
            continue
        return table, skipped, block_size
    raise LineTooLong(limits.max_line_bytes)


def _read(path: Path, *, layout: CsvLayout, block_size: int, skipped: SkippedRows) -> pa.Table:
    lock = threading.Lock()  # the reader calls back from several threads at once

    def skip_row(row: pa_csv.InvalidRow) -> Literal["skip"]:
        with lock:
            skipped.count += 1
        return "skip"

    return pa_csv.read_csv(
        path,
        read_options=pa_csv.ReadOptions(block_size=block_size),
        parse_options=_parse_options(layout, skip_row),
        convert_options=pa_csv.ConvertOptions(strings_can_be_null=True),
    )


def _parse_options(layout: CsvLayout, handler: RowHandler) -> pa_csv.ParseOptions:
    return pa_csv.ParseOptions(
        delimiter=layout.delimiter, newlines_in_values=True, invalid_row_handler=handler
    )


def _first_skipped_lines(path: Path, *, layout: CsvLayout, block_size: int) -> list[int]:
    """Line numbers of the first skipped rows: only a single-threaded reader numbers rows, so read
    again that way, converting one column as text, until enough are found."""
    lines: list[int] = []

    def note_row(row: pa_csv.InvalidRow) -> Literal["skip"]:
        if row.number is not None and len(lines) < REPORTED_LINES:
            lines.append(row.number)
        return "skip"

    reader = pa_csv.open_csv(
        path,
        read_options=pa_csv.ReadOptions(
            block_size=block_size, use_threads=False, autogenerate_column_names=True
        ),
        parse_options=_parse_options(layout, note_row),
        convert_options=pa_csv.ConvertOptions(
            include_columns=["f0"], column_types={"f0": pa.string()}
        ),
    )
    with reader:
        for _ in reader:
            if len(lines) >= REPORTED_LINES:
                break
    return lines


def _reason(error: Exception) -> str:
    message = re.sub(r"^CSV parse error: ", "", str(error).strip())
    message = message.split("\n", 1)[0]
    if len(message) > 200:
        message = message[:200] + "…"
    return message.rstrip(".") + "."
