"""Per-column statistics computed with pyarrow.compute: vectorised, and linear in the number of columns."""

from typing import Any, cast

import pyarrow as pa
import pyarrow.compute as pc

from app.files.ingest.columns import column_type
from app.files.ingest.values import json_value
from app.files.schemas import ColumnProfile, ColumnType, TopValue

TOP_VALUES = 10
# Columns with at most this many distinct values get top values whatever their type.
TOP_VALUES_MAX_DISTINCT = 20
_RANGED: set[ColumnType] = {"integer", "float", "date", "datetime"}
_NUMERIC: set[ColumnType] = {"integer", "float"}


def profile_column(
    column: "pa.ChunkedArray[Any]", *, name: str, position: int, dtype: str
) -> ColumnProfile:
    value_count = len(column) - column.null_count
    distinct_count = pc.count_distinct(column).as_py() if value_count else 0
    kind = column_type(column.type, distinct_count=distinct_count, value_count=value_count)
    profile = ColumnProfile(
        name=name,
        position=position,
        type=kind,
        dtype=dtype,
        null_count=column.null_count,
        distinct_count=distinct_count,
    )
    if not value_count:
        return profile
    if kind in _RANGED:
        extremes = pc.min_max(column)
        profile.min = json_value(extremes["min"].as_py(), kind)
        profile.max = json_value(extremes["max"].as_py(), kind)
    if kind in _NUMERIC:
        mean = json_value(pc.mean(column).as_py(), kind)
        profile.mean = mean if isinstance(mean, float) else None
    if kind in {"categorical", "boolean"} or distinct_count <= TOP_VALUES_MAX_DISTINCT:
        profile.top_values = _top_values(column, kind)
    return profile


def _top_values(column: "pa.ChunkedArray[Any]", kind: ColumnType) -> list[TopValue]:
    counted = pc.value_counts(column)
    counts = cast(list[int], counted.field("counts").to_pylist())  # counts are never null
    pairs = [
        (value, count)
        for value, count in zip(counted.field("values").to_pylist(), counts, strict=True)
        if value is not None
    ]
    # Most frequent first; equal counts in value order, so the answer does not depend on row order.
    pairs.sort(key=lambda pair: pair[0])
    pairs.sort(key=lambda pair: -pair[1])
    return [
        TopValue(value=json_value(value, kind), count=count) for value, count in pairs[:TOP_VALUES]
    ]
