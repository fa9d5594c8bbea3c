"""A run's outcome in a few lines of text: what the model reads to fix code or interpret a result,
and what the built-in assistant says about a result (it has no model to ask).

The result is data computed from the user's file, so for the model it goes inside the same kind of
untrusted-data markers as the dataset in the system prompt, and it is cut short: never the whole
table.
"""

from typing import Any

from app.execution.schemas import RunResult

PREVIEW_ROWS = 10
SUMMARY_CHARS = 3000


def for_model(result: RunResult) -> str:
    """The outcome, for a prompt (inside untrusted-data markers)."""
    lines = [f"Status: {result.status}"]
    if result.error is not None:
        lines.append(f"Error: {result.error.kind}: {result.error.message}")
        lines += [f"  {line}" for line in result.error.traceback[-5:]]
    if result.result is not None:
        lines.append("Result: " + _result_text(result.result))
    if result.figures:
        lines.append(f"Charts drawn: {len(result.figures)}")
    if result.stdout.strip():
        lines.append("Printed output:\n" + result.stdout.strip()[:1000])
    text = "\n".join(lines)[:SUMMARY_CHARS]
    return f"<run_output>\n{text}\n</run_output>"


def plain_interpretation(results: list[RunResult]) -> str:
    """What the built-in assistant says after the runs: a plain description, never a guess."""
    sentences = [_sentence(result) for result in results]
    return " ".join(sentence for sentence in sentences if sentence)


def _sentence(result: RunResult) -> str:
    if result.status != "succeeded":
        reason = result.error.message if result.error is not None else result.status
        return f"The code did not run to the end ({reason}), so there is no result to read."
    described = result.result or {"kind": "none"}
    kind = described.get("kind")
    charts = " The chart is shown above." if result.figures else ""
    if kind == "dataframe":
        rows, columns = described.get("shape", [0, 0])
        first = _first_row(described)
        return f"The result is a table of {rows:,} rows and {columns:,} columns{first}.{charts}"
    if kind == "series":
        length = described.get("length", 0)
        top = _top_of_series(described)
        return f"The result lists {length:,} values{top}.{charts}"
    if kind == "scalar":
        return f"The result is {described.get('value')}.{charts}"
    if charts:
        return charts.strip()
    if kind in ("json", "text"):
        return "The result is shown above."
    return "The code ran without producing a `result`."


def _first_row(described: dict[str, Any]) -> str:
    rows, columns = described.get("rows") or [], described.get("columns") or []
    if not rows or not columns:
        return ""
    pairs = ", ".join(
        f"{name} {value}" for name, value in list(zip(columns, rows[0], strict=False))[:4]
    )
    return f"; its first row reads {pairs}"


def _top_of_series(described: dict[str, Any]) -> str:
    index, values = described.get("index") or [], described.get("values") or []
    if not index or not values:
        return ""
    return f"; the first is {index[0]} at {values[0]}"


def _result_text(described: dict[str, Any]) -> str:
    kind = described.get("kind")
    if kind == "dataframe":
        header = ", ".join(str(name) for name in described.get("columns", []))
        rows = described.get("rows", [])[:PREVIEW_ROWS]
        body = "\n".join(", ".join(str(item) for item in row) for row in rows)
        return f"a table of shape {described.get('shape')}; columns: {header}\n{body}"
    if kind == "series":
        pairs = zip(described.get("index", []), described.get("values", []), strict=False)
        body = "\n".join(f"{label}: {value}" for label, value in list(pairs)[:PREVIEW_ROWS])
        return f"a series of {described.get('length')} values\n{body}"
    if kind in ("scalar", "json"):
        return str(described.get("value"))[:1000]
    if kind == "text":
        return str(described.get("text", ""))[:1000]
    return str(kind)
