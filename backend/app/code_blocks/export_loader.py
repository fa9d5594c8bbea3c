"""How an exported script or notebook reads its CSV files: the way Red Panda reads an upload.

This module is copied, without this docstring, into every exported script and notebook, so it uses
nothing but the standard library and pandas, and runs on Python 3.10+. What it mirrors:
- gzip by its magic bytes; the encoding from a byte-order mark, else UTF-8, else Windows-1252;
- the delimiter (, ; tab |) under which the first records most consistently have the header's
  number of fields (ties: more fields), as app/files/ingest/layout.py chooses it;
- blank column names become column_<n>, repeated ones <name>_2...; ISO dates become datetimes;
- the `dfs` keys, as app/conversations/prompt.py names the files for the model.
Other types are pandas' own reading, which agrees with the app's on ordinary files.
"""

import codecs
import csv
import gzip
import io
import keyword
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

SAMPLE_BYTES = 1024 * 1024
SAMPLE_RECORDS = 200
DELIMITERS = (",", ";", "\t", "|")
ISO_DATE = r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?"
RESERVED_NAMES = frozenset({"df", "dfs", "result", "pd", "np", "plt"})


def load_frames(paths: Sequence[str | Path]) -> dict[str, pd.DataFrame]:
    """Every file as a DataFrame, by its name in `dfs` (the first file is also `df`)."""
    names = dataset_names([Path(path).name for path in paths])
    return {name: read_data_file(Path(path)) for name, path in zip(names, paths, strict=True)}


def read_data_file(path: Path) -> pd.DataFrame:
    with path.open("rb") as file:
        compressed = file.read(2) == b"\x1f\x8b"
    with gzip.open(path, "rb") if compressed else path.open("rb") as file:
        sample = file.read(SAMPLE_BYTES)
    encoding = text_encoding(sample)
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
    # As in the app, a .tsv file prefers tabs when two delimiters read it equally well.
    preferred = ("\t", ",", ";", "|") if ".tsv" in path.name.lower() else DELIMITERS
    delimiter, header = csv_layout(text, preferred)
    frame = pd.read_csv(
        path,
        sep=delimiter,
        encoding=encoding,
        compression="gzip" if compressed else None,
        header=0,
        names=column_names(header) if header else None,
    )
    for name in frame.columns:
        column = frame[name]
        values = column.dropna().astype(str)
        is_text = column.dtype == object or pd.api.types.is_string_dtype(column)
        if is_text and len(values) and values.str.fullmatch(ISO_DATE).all():
            frame[name] = pd.to_datetime(column, format="ISO8601")
    return frame


def text_encoding(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut by the end of the sample is no sign of another encoding.
        cut = len(sample) == SAMPLE_BYTES and error.reason == "unexpected end of data"
        return "utf-8" if cut else "cp1252"
    return "utf-8"


def csv_layout(text: str, candidates: tuple[str, ...] = DELIMITERS) -> tuple[str, list[str]]:
    """The delimiter, and the header it gives."""
    scored = []
    for delimiter in candidates:
        records = []
        try:
            for record in csv.reader(io.StringIO(text), delimiter=delimiter):
                if record:
                    records.append(record)
                if len(records) > SAMPLE_RECORDS:
                    break
        except csv.Error:
            pass  # a quote left open where the sample was cut
        if not records:
            return candidates[0], []
        header, rows = records[0], records[1:]
        agreeing = sum(len(row) == len(header) for row in rows) / len(rows) if rows else 1.0
        scored.append((agreeing, len(header), -candidates.index(delimiter), delimiter, header))
    several = [candidate for candidate in scored if candidate[1] > 1]
    best = max(several or scored)
    return best[3], best[4]


def column_names(header: list[str]) -> list[str]:
    names = [name if name.strip() else f"column_{n}" for n, name in enumerate(header, start=1)]
    taken, seen = set(names), set()
    for position, name in enumerate(names):
        if name in seen:
            suffix = 2
            while f"{name}_{suffix}" in taken:
                suffix += 1
            names[position] = f"{name}_{suffix}"
            taken.add(names[position])
        seen.add(names[position])
    return names


def dataset_names(filenames: list[str]) -> list[str]:
    names: list[str] = []
    for filename in filenames:
        stem = re.sub(r"(\.(csv|tsv|txt))?(\.gz)?$", "", filename, flags=re.IGNORECASE)
        base = re.sub(r"[^0-9a-z]+", "_", stem.lower()).strip("_")[:40].strip("_")
        if not base or base[0].isdigit():
            base = f"data_{base}".rstrip("_")
        if keyword.iskeyword(base) or keyword.issoftkeyword(base) or base in RESERVED_NAMES:
            base = f"{base}_data"
        name, suffix = base, 2
        while name in names:
            name, suffix = f"{base}_{suffix}", suffix + 1
        names.append(name)
    return names
