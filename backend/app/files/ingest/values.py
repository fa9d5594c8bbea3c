"""Arrow values as JSON for the profile, sample rows and preview pages.

Dates and times become ISO strings (a date column shows dates, though its Parquet copy holds
timestamps), NaN and infinities become null, and long text is cut to MAX_TEXT_CHARS for display.
"""

import datetime
import math
from typing import Any

import pyarrow as pa
from pydantic import JsonValue

from app.files.schemas import ColumnType

MAX_TEXT_CHARS = 1000


def json_value(value: Any, column_type: ColumnType) -> JsonValue:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT_CHARS else value[:MAX_TEXT_CHARS] + "…"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if column_type == "date" else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def json_column(
    values: "pa.ChunkedArray[Any] | pa.Array[Any]", column_type: ColumnType
) -> list[JsonValue]:
    return [json_value(value, column_type) for value in values.to_pylist()]


def json_rows(table: pa.Table, column_types: list[ColumnType]) -> list[list[JsonValue]]:
    columns = [
        json_column(column, column_type)
        for column, column_type in zip(table.columns, column_types, strict=True)
    ]
    return [list(row) for row in zip(*columns, strict=True)] if columns else []
