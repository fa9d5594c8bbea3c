"""Sandbox benchmark: what a run costs over the code itself, against a cold `python` doing the same.

    uv run --project backend python bench/sandbox.py                     # 10 MB and 100 MB, 60 runs each
    uv run --project backend python bench/sandbox.py --sizes-mb 10 --runs 200

For each size it writes a sales CSV (csv_factory), turns it into the Parquet copy the way an upload
does (files.ingest), starts the app's real sandbox (app.execution, default settings) and times
trivial code (`result = len(df)`) from `sandbox.run(...)` to its RunResult: that is all overhead. The
first run on a file also loads it (a holder starts); it is reported apart. Between sandbox runs, the
same work in a cold process (`python -c`: import pandas, read the Parquet copy, run the code, print)
is timed, so both are measured side by side under the same machine load. Last, 20 runs at once.

Targets on a 2-core machine: p50 overhead <= 25 ms (10 MB) and <= 60 ms (100 MB), at least 20 times
faster than the cold process, no error with 20 concurrent runs.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from csv_factory import write_sales_csv

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from app.core.config import settings
from app.execution.client import Sandbox, SandboxConfig
from app.execution.schemas import Dataset
from app.files.dependencies import get_ingest_limits
from app.files.ingest.pipeline import ingest
from app.files.ingest.scan import ByteScan

TRIVIAL_CODE = "result = len(df)"
COLD_SCRIPT = (
    "import sys, pandas as pd\ndf = pd.read_parquet(sys.argv[1])\nresult = len(df)\nprint(result)\n"
)
COLD_EVERY = 10  # one cold process after every this many sandbox runs
CONCURRENT_RUNS = 20


def parquet_copy(size_mb: int, folder: Path) -> Dataset:
    """A CSV of `size_mb` MB turned into its Parquet copy, as the upload pipeline does."""
    csv = write_sales_csv(folder / f"sales-{size_mb}mb.csv", size_bytes=size_mb * 1024 * 1024)
    limits = get_ingest_limits()
    scan = ByteScan(line_limit=limits.max_line_bytes)
    with csv.open("rb") as source:
        while chunk := source.read(1024 * 1024):
            scan.feed(chunk)
    workdir = folder / f"work-{size_mb}"
    workdir.mkdir()
    result = ingest(csv, scan, filename=csv.name, workdir=workdir, limits=limits)
    return Dataset(
        name="sales",
        parquet_path=result.parquet_path,
        file_id=uuid.uuid4(),
        sha256=uuid.uuid4().hex,
    )


def cold_run_ms(dataset: Dataset) -> float:
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", COLD_SCRIPT, str(dataset.parquet_path)],
        capture_output=True,
        check=True,
    )
    elapsed = (time.perf_counter() - started) * 1000
    assert done.stdout.strip().isdigit(), done.stdout
    return elapsed


async def timed_run(sandbox: Sandbox, dataset: Dataset) -> tuple[float, int]:
    """Milliseconds from the call to the answer, and the row count the code found."""
    started = time.perf_counter()
    result = await sandbox.run(TRIVIAL_CODE, [dataset])
    elapsed = (time.perf_counter() - started) * 1000
    if result.status != "succeeded" or result.result is None:
        raise SystemExit(f"run failed: {result.error}")
    return elapsed, int(result.result["value"])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def measure_size(
    sandbox: Sandbox, dataset: Dataset, size_mb: int, runs: int
) -> dict[str, float]:
    first, rows = await timed_run(sandbox, dataset)
    sandbox_ms: list[float] = []
    cold_ms: list[float] = []
    for index in range(runs):
        sandbox_ms.append((await timed_run(sandbox, dataset))[0])
        if index % COLD_EVERY == 0:
            cold_ms.append(await asyncio.to_thread(cold_run_ms, dataset))
    return {
        "size_mb": size_mb,
        "rows": rows,
        "first": first,
        "p50": statistics.median(sandbox_ms),
        "p95": percentile(sandbox_ms, 0.95),
        "max": max(sandbox_ms),
        "cold_p50": statistics.median(cold_ms),
        "runs": len(sandbox_ms),
        "cold_runs": len(cold_ms),
    }


async def measure_concurrency(sandbox: Sandbox, dataset: Dataset) -> dict[str, float]:
    """20 runs started at once on one (loaded) file; SANDBOX_CONCURRENCY of them run at a time."""
    started = time.perf_counter()
    results = await asyncio.gather(
        *(sandbox.run(TRIVIAL_CODE, [dataset]) for _ in range(CONCURRENT_RUNS))
    )
    wall = (time.perf_counter() - started) * 1000
    errors = [result for result in results if result.status != "succeeded"]
    durations = [float(result.duration_ms) for result in results]
    return {
        "errors": len(errors),
        "wall": wall,
        "p50": statistics.median(durations),
        "max": max(durations),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes-mb", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()

    sandbox = Sandbox(SandboxConfig.from_settings(settings))
    await sandbox.start()
    try:
        await sandbox.run("result = 1", [])
        print(
            f"isolation: {sandbox.isolation.describe()}, concurrency {sandbox.config.concurrency}"
        )
        with tempfile.TemporaryDirectory(prefix="redpanda-bench-sandbox-") as scratch:
            rows = []
            datasets = []
            for size_mb in args.sizes_mb:
                datasets.append(parquet_copy(size_mb, Path(scratch)))
                rows.append(await measure_size(sandbox, datasets[-1], size_mb, args.runs))
            concurrent = await measure_concurrency(sandbox, datasets[0])
    finally:
        await sandbox.stop()

    print(
        "\n| dataset | first run (loads it) | p50 | p95 | max | cold python p50 | cold / sandbox | runs |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['size_mb']} MB, {row['rows']:,} rows | {row['first']:.0f} ms "
            f"| {row['p50']:.1f} ms | {row['p95']:.1f} ms "
            f"| {row['max']:.1f} ms | {row['cold_p50']:.0f} ms | {row['cold_p50'] / row['p50']:.0f}x "
            f"| {row['runs']:.0f} + {row['cold_runs']:.0f} cold |"
        )
    print(
        f"\n{CONCURRENT_RUNS} concurrent runs: {concurrent['errors']:.0f} errors, all done in "
        f"{concurrent['wall']:.0f} ms, per run p50 {concurrent['p50']:.0f} ms, max {concurrent['max']:.0f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
