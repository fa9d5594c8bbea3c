"""Everything a run child would otherwise load lazily, done once in the worker before any fork.

Imports cost hundreds of milliseconds, and a child could not pay them anyway in some cases: after it
drops to an unprivileged uid, modules under a private folder (the interpreter under /root, say) are
out of reach. So the worker imports the analysis stack and the standard modules analyses use, and
runs a small analysis of each common kind once, so pandas' and matplotlib's lazy imports, caches and
fonts are in memory before the first fork.

THREAD_ENVIRONMENT keeps the worker single-threaded (forking a process with other threads risks locks
held by threads that do not exist in the child): one BLAS thread, no allocator background thread.
Libraries read it when they load, so the app starts the worker with it (worker_process.py).
"""

import importlib

THREAD_ENVIRONMENT = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "JE_ARROW_MALLOC_CONF": "background_thread:false",
    "MPLBACKEND": "Agg",
}
STANDARD_MODULES = (
    "collections", "csv", "datetime", "decimal", "fractions", "functools", "itertools", "json",
    "math", "operator", "random", "re", "statistics", "string", "textwrap", "calendar", "zoneinfo",
    "dataclasses", "typing", "warnings", "unicodedata", "difflib", "heapq", "bisect", "copy",
    "pprint", "numbers", "base64", "hashlib", "uuid",
)  # fmt: skip


def prepare() -> None:
    for name in STANDARD_MODULES:
        importlib.import_module(name)
    import matplotlib

    matplotlib.use("Agg")
    import pyarrow.parquet  # noqa: F401 - pulls in pyarrow, its allocator and Parquet reader

    import app.execution.sandbox.child  # noqa: F401 - pandas, numpy, pyplot and our own modules

    _exercise()


def _exercise() -> None:
    import matplotlib.pyplot as plt
    import numpy
    import pandas

    from app.execution.sandbox import capture, results

    frame = pandas.DataFrame(
        {
            "day": pandas.date_range("2024-01-01", periods=60, freq="D"),
            "region": ["North", "South", "East"] * 20,
            "amount": numpy.arange(60, dtype="float64"),
            "count": numpy.arange(60),
        }
    )
    frame["month"] = frame["day"].dt.to_period("M").astype(str)
    grouped = frame.groupby("region")["amount"].agg(["sum", "mean", "count"])
    pivot = frame.pivot_table(index="month", columns="region", values="amount", aggfunc="sum")
    frame["rolling"] = frame["amount"].rolling(7).mean()
    merged = frame.merge(grouped, left_on="region", right_index=True)
    frame["region"].str.lower().str.contains("o")
    frame.describe(include="all")
    frame["amount"].quantile([0.25, 0.5, 0.75])
    pandas.to_datetime(["2024-01-01", "2024-02-01"]).strftime("%Y-%m")
    pandas.cut(frame["amount"], 4).value_counts()
    frame.corr(numeric_only=True)
    frame.sort_values("amount").head().to_string()
    frame.set_index("day").resample("W")["amount"].sum()
    results.describe(merged, max_csv_bytes=1 << 20)
    results.describe(pivot["North"], max_csv_bytes=1 << 20)
    results.describe({"a": [1, 2.5, None]}, max_csv_bytes=1 << 20)
    # Charts: pandas' plotting module, the Agg renderer, fonts and the PNG writer load here.
    grouped["sum"].plot(kind="bar", title="warm-up")
    frame.plot(x="day", y="amount")
    plt.figure()
    plt.hist(frame["amount"], bins=10)
    plt.scatter(frame["amount"], frame["count"])
    plt.legend(["x"])
    capture.figures()
