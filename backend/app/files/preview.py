"""Preview pages, read from the Parquet copy and turned into JSON rows (in a worker thread)."""

from pathlib import Path

from pydantic import JsonValue

from app.files.ingest.parquet import read_rows
from app.files.ingest.values import json_rows
from app.files.schemas import ColumnType


def read_page(
    path: Path, *, skip: int, limit: int, column_types: list[ColumnType]
) -> tuple[list[str], list[list[JsonValue]]]:
    table = read_rows(path, skip=skip, limit=limit)
    return table.column_names, json_rows(table, column_types)
