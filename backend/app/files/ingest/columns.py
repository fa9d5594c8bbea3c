"""Column types: what the profile calls them, and what the sandbox's pandas will see.

The Parquet copy differs from the parsed table in one way: dates are stored as timestamps, so pandas
loads them as datetime64 (the usual thing to work with) rather than as Python date objects. Times of
day and columns with no value at all are kept as text.
"""

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from app.files.schemas import ColumnType

# Text with at most this many distinct values, each repeated on average, is categorical.
CATEGORICAL_MAX_DISTINCT = 100


def normalise_types(table: pa.Table) -> pa.Table:
    """The parsed table with times of day and value-less columns as text."""
    columns = [
        pc.cast(column, pa.string())
        if pa.types.is_time(column.type) or pa.types.is_null(column.type)
        else column
        for column in table.columns
    ]
    return pa.Table.from_arrays(columns, names=table.column_names)


def for_parquet(table: pa.Table) -> pa.Table:
    columns = [
        pc.cast(column, pa.timestamp("ms")) if pa.types.is_date(column.type) else column
        for column in table.columns
    ]
    return pa.Table.from_arrays(columns, names=table.column_names)


def column_type(data_type: pa.DataType, *, distinct_count: int, value_count: int) -> ColumnType:
    if pa.types.is_boolean(data_type):
        return "boolean"
    if pa.types.is_integer(data_type):
        return "integer"
    if pa.types.is_floating(data_type):
        return "float"
    if pa.types.is_date(data_type):
        return "date"
    if pa.types.is_timestamp(data_type):
        return "datetime"
    if 0 < distinct_count <= CATEGORICAL_MAX_DISTINCT and distinct_count * 2 <= value_count:
        return "categorical"
    return "text"


def pandas_dtypes(table: pa.Table) -> list[str]:
    """The dtype of each column once pandas loads the table: converting one row is enough, if it
    holds a missing value wherever the column has one (an integer column with gaps becomes float64)."""
    first_row = [
        pa.nulls(1, column.type) if column.null_count else column.slice(0, 1)
        for column in table.columns
    ]
    frame: pd.DataFrame = pa.Table.from_arrays(first_row, names=table.column_names).to_pandas()
    return [str(dtype) for dtype in frame.dtypes]
