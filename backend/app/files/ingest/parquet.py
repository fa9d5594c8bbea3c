"""The Parquet copy: written once at upload, read by the sandbox and, a page at a time, by previews."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# Row groups are the unit a preview page reads: small enough to read one quickly, large enough to
# compress well. Wide tables get fewer rows per group so a group stays about the same size in memory.
ROW_GROUP_ROWS = 64 * 1024
ROW_GROUP_BYTES = 64 * 1024 * 1024


def write_parquet(table: pa.Table, path: Path) -> None:
    bytes_per_row = max(1, table.nbytes // max(1, table.num_rows))
    rows_per_group = max(1, min(ROW_GROUP_ROWS, ROW_GROUP_BYTES // bytes_per_row))
    pq.write_table(table, path, row_group_size=rows_per_group, compression="snappy")


def read_rows(path: Path, *, skip: int, limit: int) -> pa.Table:
    """Rows `skip` to `skip + limit` (fewer at the end), reading only the row groups that hold them."""
    parquet = pq.ParquetFile(path)
    groups: list[int] = []
    first_selected_row = 0
    group_start = 0
    for index in range(parquet.metadata.num_row_groups):
        group_rows = parquet.metadata.row_group(index).num_rows
        if group_start + group_rows > skip and group_start < skip + limit:
            if not groups:
                first_selected_row = group_start
            groups.append(index)
        group_start += group_rows
    if not groups:
        return parquet.schema_arrow.empty_table()
    return parquet.read_row_groups(groups).slice(skip - first_selected_row, limit)
