"""Upload benchmark: seconds from the last byte sent to the profile being ready, and the server's memory.

    uv run --project backend python bench/upload.py            # 10 MB and 100 MB, 3 rounds each
    uv run --project backend python bench/upload.py --sizes-mb 10 --rounds 5

It generates CSVs of realistic mixed columns, starts the real app (uvicorn, its own fresh database on
the project-local PostgreSQL or TEST_DATABASE_URL), uploads each file through the HTTP API as a streamed
multipart body and reports, per size: the median and worst time from the last byte sent to the 201 answer
(which carries the profile), and the server's peak resident memory growth over its idle baseline.

Targets on a 2-core machine: 10 MB ready in <= 0.3 s, 100 MB in <= 2 s, peak growth <= 600 MB for 100 MB.
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import BenchApp, MemoryWatcher
from csv_factory import write_sales_csv

CHUNK_BYTES = 1024 * 1024
BOUNDARY = "redpanda-bench-boundary"


def streamed_multipart(path: Path, sent: dict[str, float]) -> Iterator[bytes]:
    """The multipart body, read from disk in chunks; records when the last byte left."""
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK_BYTES):
            yield chunk
    yield f"\r\n--{BOUNDARY}--\r\n".encode()
    sent["last_byte"] = time.perf_counter()


def upload_once(
    app: BenchApp, token: str, path: Path, watcher: MemoryWatcher
) -> tuple[float, float, dict]:
    sent: dict[str, float] = {}
    watcher.reset()
    response = httpx.post(
        f"{app.url}/api/v1/files/",
        content=streamed_multipart(path, sent),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        },
        timeout=120,
    )
    answered = time.perf_counter()
    if response.status_code != 201:
        raise SystemExit(f"upload failed: {response.status_code} {response.text[:500]}")
    return answered - sent["last_byte"], watcher.peak_growth_mb(), response.json()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes-mb", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory(prefix="redpanda-bench-") as scratch,
        BenchApp(Path(scratch)) as app,
    ):
        token = app.new_user_token()
        watcher = MemoryWatcher(app.pid)
        print(
            f"{'file':>10} {'rows':>10} {'ready s median':>15} {'ready s worst':>14} {'peak growth MB':>15}"
        )
        for size_mb in args.sizes_mb:
            path = write_sales_csv(
                Path(scratch) / f"sales_{size_mb}mb.csv", size_bytes=size_mb * 1_000_000
            )
            timings, growths = [], []
            profile: dict = {}
            for _ in range(args.rounds):
                seconds, growth, profile = upload_once(app, token, path, watcher)
                timings.append(seconds)
                growths.append(growth)
            print(
                f"{size_mb:>8}MB {profile['row_count']:>10} {statistics.median(timings):>15.3f} "
                f"{max(timings):>14.3f} {max(growths):>15.0f}"
            )
            path.unlink()


if __name__ == "__main__":
    main()
