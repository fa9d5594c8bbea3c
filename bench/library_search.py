"""Code library benchmark: p50 / p95 of per-user search, filters and the first page, with 100,000 entries.

    uv run --project backend python bench/library_search.py
    uv run --project backend python bench/library_search.py --requests 500 --sample-users 300

The real app runs in its own uvicorn process on a fresh database. The benchmark writes the library
straight into that database (COPY; library_seed.py): 1,000 users with real rows and 100,000 entries
between them (library sizes spread like real users', 15% of entries with 2-4 versions), pandas
snippets from code_corpus.py analysed by the app's own analyser. Then VACUUM ANALYZE, logins through
the API, a warm-up of every kind of request, and for each kind `--requests` sequential requests over
one keep-alive connection, each as a random user of a sample with a query made from that user's own
entries (library_queries.py). Each time is the client's, for the whole request. Beside the times:
the CPU the app's process and the database's backends spent per request, and the load average,
since the machine is shared.

Last, the service's own SQL for a user of median library size is explained (EXPLAIN ANALYZE,
BUFFERS), unprepared and prepared, and the SQL of `--survey` random searches of each kind is explained
and grouped by the indexes its plans read (query_plans.py).

Targets on a 2-core machine: full-text and tag filter p95 <= 20 ms, substring p95 <= 50 ms, first page
p95 <= 20 ms.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil
import psycopg
from sqlalchemy import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import BenchApp
from library_queries import BASELINE, KINDS, Kind
from library_seed import PASSWORD, SeededUser, seed_library
from query_plans import plans_for, survey

WARM_UP_REQUESTS = 30


@dataclass
class Measured:
    timings: list[float] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    page_rows: list[int] = field(default_factory=list)
    slowest: tuple[float, dict[str, Any], int] = (0.0, {}, 0)  # seconds, query, user's entries
    app_cpu_ms: float = 0.0  # per request
    database_cpu_ms: float = 0.0
    load: float = 0.0

    def percentile_ms(self, fraction: float) -> float:
        ordered = sorted(self.timings)
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000


class CpuMeter:
    """CPU seconds used so far by the app's process and by the database's backends serving it."""

    def __init__(self, app_pid: int, libpq_url: str) -> None:
        self._app = psutil.Process(app_pid)
        self._monitor = psycopg.connect(libpq_url, autocommit=True)

    def read(self) -> tuple[float, float]:
        backends = self._monitor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
        database = 0.0
        for (pid,) in backends:
            try:
                times = psutil.Process(pid).cpu_times()
            except psutil.Error:
                continue  # a connection closed meanwhile
            database += times.user + times.system
        app = self._app.cpu_times()
        return app.user + app.system, database

    def close(self) -> None:
        self._monitor.close()


def log_in(app: BenchApp, users: list[SeededUser]) -> dict[str, str]:
    """Access tokens through the login API (Argon2 makes each login take a while)."""

    def token(user: SeededUser) -> str:
        response = httpx.post(
            f"{app.url}/api/v1/login/access-token",
            data={"username": user.email, "password": PASSWORD},
            timeout=60,
        )
        response.raise_for_status()
        return str(response.json()["access_token"])

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip((user.email for user in users), pool.map(token, users), strict=True))


def measure(
    client: httpx.Client,
    rng: random.Random,
    users: list[SeededUser],
    tokens: dict[str, str],
    kind: Kind,
    requests: int,
    meter: CpuMeter,
) -> Measured:
    measured = Measured()
    app_before, database_before = meter.read()
    for _ in range(requests):
        user = rng.choice(users)
        params = kind.query(rng, user)
        headers = {"Authorization": f"Bearer {tokens[user.email]}"}
        started = time.perf_counter()
        response = client.get(kind.path, params=params, headers=headers)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(
                f"{kind.path} {params}: HTTP {response.status_code} {response.text[:300]}"
            )
        body = response.json()
        measured.timings.append(elapsed)
        measured.counts.append(body.get("count", 1))
        measured.page_rows.append(len(body.get("data", [body])))
        if elapsed > measured.slowest[0]:
            measured.slowest = (elapsed, params, len(user.entries))
    app_after, database_after = meter.read()
    measured.app_cpu_ms = (app_after - app_before) / requests * 1000
    measured.database_cpu_ms = (database_after - database_before) / requests * 1000
    measured.load = os.getloadavg()[0]
    return measured


HEADER = (
    f"{'request':<28} {'reqs':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'count':>6} "
    f"{'w/ hits':>7} {'rows':>5} {'app CPU':>7} {'db CPU':>6} {'load':>5}  target"
)


def print_figures(kind: Kind, measured: Measured) -> None:
    p95 = measured.percentile_ms(0.95)
    if kind.target_p95_ms is None:
        target = "(info)"
    else:
        verdict = "met" if p95 <= kind.target_p95_ms else "MISSED"
        target = f"p95 <= {kind.target_p95_ms:.0f}: {verdict}"
    with_hits = sum(1 for count in measured.counts if count) / len(measured.counts)
    print(
        f"{kind.name:<28} {len(measured.timings):>5} {measured.percentile_ms(0.5):>7.1f} "
        f"{p95:>7.1f} {max(measured.timings) * 1000:>7.1f} {statistics.mean(measured.counts):>6.1f} "
        f"{with_hits:>7.0%} {statistics.mean(measured.page_rows):>5.1f} "
        f"{measured.app_cpu_ms:>7.1f} {measured.database_cpu_ms:>6.1f} {measured.load:>5.1f}  {target}"
    )


def print_slowest(measured: dict[str, Measured]) -> None:
    print("\nSlowest request of each kind (query, size of the user's library):")
    for name, figures in measured.items():
        seconds, params, entries = figures.slowest
        print(f"  {name:<28} {seconds * 1000:7.1f} ms  {params or '-'}, {entries} entries")


def print_plans(app: BenchApp, libpq_url: str, user: SeededUser, rng: random.Random) -> None:
    print(
        f"\nPlans for a user with {len(user.entries)} entries (EXPLAIN ANALYZE, BUFFERS; warm cache):"
    )
    for kind in KINDS:
        params = kind.query(rng, user)
        print(f"\n== {kind.name}: {params or 'no parameters'}")
        for statement, unprepared, prepared in plans_for(
            app.database_url, libpq_url, (user.id, params)
        ):
            for label, plan in (("unprepared", unprepared), ("prepared", prepared)):
                print(f"  {statement} {label}: {plan.headline()}")
                for line in plan.nodes:
                    print(f"      {line}")


def print_survey(
    app: BenchApp, libpq_url: str, users: list[SeededUser], rng: random.Random, count: int
) -> None:
    print(
        f"\nPlan survey: the SQL of {count} searches of each kind, random users and queries "
        "(custom plans, EXPLAIN ANALYZE), by the indexes read"
    )
    for kind in KINDS:
        searches = []
        for _ in range(count):
            user = rng.choice(users)
            searches.append((user.id, kind.query(rng, user)))
        print(f"\n== {kind.name}")
        for line in survey(app.database_url, libpq_url, searches):
            print(f"  {line}")


def run(app: BenchApp, args: argparse.Namespace) -> None:
    rng = random.Random(5)
    # psycopg's form of the app's database URL
    libpq = make_url(app.database_url).set(drivername="postgresql").render_as_string(False)
    started = time.perf_counter()
    library = seed_library(libpq, users=args.users, entries=args.entries)
    sizes = sorted(len(user.entries) for user in library.users)
    print(
        f"Seeded {args.entries:,} entries ({library.rows:,} versions) of {args.users:,} users in "
        f"{time.perf_counter() - started:.0f} s, then VACUUM ANALYZE; entries per user: "
        f"min {sizes[0]}, median {sizes[len(sizes) // 2]}, max {sizes[-1]}"
    )
    sample = rng.sample(library.users, min(args.sample_users, len(library.users)))
    tokens = log_in(app, sample)
    meter = CpuMeter(app.pid, libpq)
    results: dict[str, Measured] = {}
    try:
        with httpx.Client(base_url=app.url, timeout=30) as client:
            for kind in (BASELINE, *KINDS):
                measure(client, rng, sample, tokens, kind, WARM_UP_REQUESTS, meter)
            print(f"\n{len(sample)} users, requests one after another; CPU in ms per request\n")
            print(HEADER)
            for kind in (*KINDS, BASELINE):
                results[kind.name] = measure(
                    client, rng, sample, tokens, kind, args.requests, meter
                )
                print_figures(kind, results[kind.name])
    finally:
        meter.close()
    print_slowest(results)
    median_user = sorted(library.users, key=lambda user: len(user.entries))[len(sizes) // 2]
    print_plans(app, libpq, median_user, rng)
    print_survey(app, libpq, library.users, rng, args.survey)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400, help="measured requests per kind")
    parser.add_argument("--sample-users", type=int, default=200, help="users the requests act as")
    parser.add_argument("--survey", type=int, default=300, help="searches explained per kind")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="redpanda-bench-") as scratch,
        BenchApp(Path(scratch)) as app,
    ):
        run(app, args)


if __name__ == "__main__":
    main()
