"""The value a run left in `result`, as capped JSON (and, for tables, the whole table as CSV).

Kinds: "dataframe" (shape, columns, dtypes, the index and the first rows), "series", "scalar",
"json" (a dict, list or tuple), "text", "figure" (a matplotlib Figure or Axes: the chart itself
comes back with the figures), "none" (no `result`). Anything else is shown as text through repr(),
which runs the user's code too: a failing repr is reported, never raised. Every string, list and
table is cut to a cap, and whatever was cut is flagged, so the app never receives an unbounded value.
"""

import io
import math
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pandas as pd

PREVIEW_ROWS = 50
PREVIEW_COLUMNS = 100
CELL_CHARS = 200
TEXT_CHARS = 20_000
JSON_ITEMS = 1_000
JSON_DEPTH = 6
CSV_CHUNK_ROWS = 10_000


def describe(value: Any, *, max_csv_bytes: int) -> tuple[dict[str, Any], bytes | None]:
    """The JSON description of `value` and, for a DataFrame or Series, its CSV (None when too large)."""
    if value is None:
        return {"kind": "none"}, None
    if isinstance(value, pd.DataFrame | pd.Series):
        frame = value if isinstance(value, pd.DataFrame) else value.to_frame()
        described = _dataframe(value) if isinstance(value, pd.DataFrame) else _series(value)
        csv = _csv(frame, max_csv_bytes)
        # Too large to keep for download: the preview still shows, and says so.
        described["csv_too_large"] = csv is None
        return described, csv
    if _is_chart(value):
        return {"kind": "figure"}, None
    if isinstance(value, str):
        return {"kind": "text", **_text(value, TEXT_CHARS)}, None
    if isinstance(value, dict | list | tuple):
        return {"kind": "json", "value": json_value(value, depth=0, chars=CELL_CHARS * 5)}, None
    if _is_scalar(value):
        return {"kind": "scalar", "type": type(value).__name__, "value": cell(value)}, None
    return {"kind": "text", **_text(_safe_repr(value), TEXT_CHARS)}, None


def cell(value: Any, chars: int = CELL_CHARS) -> Any:
    """One value as JSON: numbers stay numbers (NaN and infinities become null), dates ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool | int):
        return value if abs(value) < 2**53 else str(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime | date | time | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, timedelta | pd.Timedelta):
        return str(value)
    text = value if isinstance(value, str) else _safe_repr(value)
    return text if len(text) <= chars else text[: chars - 1] + "…"


def json_value(value: Any, *, depth: int, chars: int) -> Any:
    if isinstance(value, dict):
        if depth >= JSON_DEPTH:
            return cell(value, chars)
        items = list(value.items())[:JSON_ITEMS]
        return {
            str(cell(key, CELL_CHARS)): json_value(item, depth=depth + 1, chars=chars)
            for key, item in items
        }
    if isinstance(value, list | tuple):
        if depth >= JSON_DEPTH:
            return cell(value, chars)
        return [json_value(item, depth=depth + 1, chars=chars) for item in value[:JSON_ITEMS]]
    return cell(value, chars)


def _dataframe(frame: pd.DataFrame) -> dict[str, Any]:
    shown = frame.iloc[:PREVIEW_ROWS, :PREVIEW_COLUMNS]
    return {
        "kind": "dataframe",
        "shape": list(frame.shape),
        "columns": [cell(name) for name in shown.columns],
        "dtypes": [str(dtype) for dtype in shown.dtypes],
        "index": [cell(label) for label in shown.index],
        "index_names": [cell(name) for name in frame.index.names],
        "rows": [[cell(item) for item in row] for row in shown.itertuples(index=False, name=None)],
        "truncated_rows": len(frame) > PREVIEW_ROWS,
        "truncated_columns": frame.shape[1] > PREVIEW_COLUMNS,
    }


def _series(series: pd.Series) -> dict[str, Any]:
    shown = series.iloc[:PREVIEW_ROWS]
    return {
        "kind": "series",
        "name": cell(series.name),
        "dtype": str(series.dtype),
        "length": len(series),
        "index": [cell(label) for label in shown.index],
        "index_names": [cell(name) for name in series.index.names],
        "values": [cell(item) for item in shown.tolist()],
        "truncated_rows": len(series) > PREVIEW_ROWS,
    }


def _csv(frame: pd.DataFrame, max_bytes: int) -> bytes | None:
    # Written in chunks so a huge result stops at the cap instead of being rendered whole.
    keep_index = not isinstance(frame.index, pd.RangeIndex)
    buffer = io.StringIO()
    size = 0
    for start in range(0, max(len(frame), 1), CSV_CHUNK_ROWS):
        chunk = frame.iloc[start : start + CSV_CHUNK_ROWS]
        text = chunk.to_csv(index=keep_index, header=start == 0)
        size += len(text.encode())
        if size > max_bytes:
            return None
        buffer.write(text)
    return buffer.getvalue().encode()


def _is_chart(value: Any) -> bool:
    from matplotlib.artist import Artist

    return isinstance(value, Artist) or (
        isinstance(value, np.ndarray)
        and value.dtype == object
        and value.size > 0
        and all(isinstance(item, Artist) for item in value.flat)
    )


def _is_scalar(value: Any) -> bool:
    return (
        isinstance(
            value,
            bool
            | int
            | float
            | complex
            | np.generic
            | datetime
            | date
            | time
            | timedelta
            | pd.Timestamp,
        )
        or value is pd.NA
        or value is pd.NaT
    )


def _text(text: str, chars: int) -> dict[str, Any]:
    return {"text": text[:chars], "truncated": len(text) > chars}


def _safe_repr(value: Any) -> str:
    try:
        text: object = repr(value)
    except Exception as error:  # the code's __repr__ may raise anything
        return f"<{type(value).__name__} object: its repr() failed with {type(error).__name__}>"
    # repr() of an object whose __repr__ returns no string raises: this only guards str subclasses.
    return str.__str__(text)[:TEXT_CHARS] if isinstance(text, str) else "<object>"
