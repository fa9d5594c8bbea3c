"""The shape of a CSV file read from a sample: its delimiter and its (normalised) column names.

The delimiter is the candidate that splits the header and under which the sampled records most
consistently have as many fields as the header (ties go to more fields, then to the preferred order:
tab first for .tsv files); when none splits the header, the file has a single column. Column names
are kept as written unless they must change: a blank name becomes "column_<n>" (1-based position) and a
repeated one "<name>_2", "<name>_3"..., each change recorded so the profile can show it.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from app.files.exceptions import EmptyFile, TooManyColumns
from app.files.ingest.limits import IngestLimits
from app.files.schemas import Delimiter, RenamedColumn

SAMPLE_BYTES = 1024 * 1024
SAMPLE_RECORDS = 200
DELIMITERS: tuple[Delimiter, ...] = (",", ";", "\t", "|")

# The csv module refuses fields over 128 KiB by default; a field may be as long as a line may.
csv.field_size_limit(2**31 - 1)


class NotUtf8(Exception):
    """The text is not valid UTF-8 after all (the sample checked before did not reach this far)."""


@dataclass(frozen=True)
class CsvLayout:
    delimiter: Delimiter
    column_names: list[str]
    renamed_columns: list[RenamedColumn]


def read_layout(path: Path, *, prefer_tab: bool, limits: IngestLimits) -> CsvLayout:
    text, complete = _read_sample(path, max_line_bytes=limits.max_line_bytes)
    candidates = ("\t", ",", ";", "|") if prefer_tab else DELIMITERS
    delimiter, header = _choose_delimiter(text, complete=complete, candidates=candidates)
    if header is None:
        raise EmptyFile
    if len(header) > limits.max_columns:
        raise TooManyColumns(column_count=len(header), limit=limits.max_columns)
    names, renamed = normalise_column_names(header)
    return CsvLayout(delimiter=delimiter, column_names=names, renamed_columns=renamed)


def normalise_column_names(header: list[str]) -> tuple[list[str], list[RenamedColumn]]:
    names = [
        name if name.strip() else f"column_{position + 1}" for position, name in enumerate(header)
    ]
    taken = set(names)
    seen: set[str] = set()
    for position, name in enumerate(names):
        if name in seen:
            suffix = 2
            while f"{name}_{suffix}" in taken:
                suffix += 1
            names[position] = f"{name}_{suffix}"
            taken.add(names[position])
        seen.add(names[position])
    renamed = [
        RenamedColumn(position=position, original=original, name=name)
        for position, (original, name) in enumerate(zip(header, names, strict=True))
        if original != name
    ]
    return names, renamed


def _read_sample(path: Path, *, max_line_bytes: int) -> tuple[str, bool]:
    """The start of the file as text: the whole first line plus about SAMPLE_BYTES more."""
    data = bytearray()
    with path.open("rb") as reader:
        data += reader.read(SAMPLE_BYTES)
        # A very wide header can be longer than the sample: read on to its end (it fits the line limit).
        while b"\n" not in data and len(data) <= max_line_bytes:
            more = reader.read(SAMPLE_BYTES)
            if not more:
                break
            data += more
        if 0 <= data.find(b"\n") and len(data) - data.find(b"\n") < SAMPLE_BYTES:
            data += reader.read(SAMPLE_BYTES)
        complete = not reader.read(1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if complete or error.reason != "unexpected end of data":
            raise NotUtf8 from error
        text = data[: error.start].decode("utf-8-sig")
    return text, complete


def _choose_delimiter(
    text: str, *, complete: bool, candidates: tuple[Delimiter, ...]
) -> tuple[Delimiter, list[str] | None]:
    scored: list[tuple[Delimiter, list[str], float]] = []
    for delimiter in candidates:
        records = _sample_records(text, delimiter=delimiter, complete=complete)
        if not records:
            return candidates[0], None
        header, rows = records[0], records[1:]
        consistency = sum(len(row) == len(header) for row in rows) / len(rows) if rows else 1.0
        scored.append((delimiter, header, consistency))

    def score(candidate: tuple[Delimiter, list[str], float]) -> tuple[float, int]:
        return candidate[2], len(candidate[1])

    # Any delimiter splits a single-column file "consistently": one that splits the header wins,
    # the one under which most rows agree with the header (ties: more columns, then the first).
    several = [candidate for candidate in scored if len(candidate[1]) > 1]
    delimiter, header, _ = max(several or scored, key=score)
    return delimiter, header


def _sample_records(text: str, *, delimiter: Delimiter, complete: bool) -> list[list[str]]:
    records: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text), delimiter=delimiter):
            if record:  # a blank line holds no record (the parser skips them too)
                records.append(record)
            if len(records) > SAMPLE_RECORDS:
                return records
    except csv.Error:
        pass  # a quote left open where the sample was cut: the records before it still count
    if not complete and len(records) > 1:
        records.pop()  # the sample may have cut the last record short
    return records
