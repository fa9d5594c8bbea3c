"""How much of the time to the first `delta` is the app's own: the app and its floor, side by side.

    uv run --project backend python bench/chat_floor.py
    uv run --project backend python bench/chat_floor.py --questions 80

The floor (bench/chat_floor_app.py) walks a question's path with the app's parts and none of its code:
uvicorn, a PostgreSQL read, the question committed while the openai SDK asks the provider, the chunks sent
on as events. One stream at a time, questions alternate between the real app (started as
bench/chat_stream.py starts it, with the same fake provider) and the floor, in blocks of ten with the
order swapped every block, so both see the same machine: its speed drifts by more than the changes worth
measuring. The difference of the two p50s is what the app's own code adds, a figure that compares across
machines and days where the plain ones do not.
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import BenchApp
from chat_stream import fake_provider, first_delta_seconds, question_path

BLOCK = 10


Ask = Callable[[], Awaitable[float]]


async def alternate(sides: dict[str, Ask], questions: int) -> dict[str, list[float]]:
    """`questions` timings per side, asked in alternating blocks whose order swaps every block."""
    timings: dict[str, list[float]] = {name: [] for name in sides}
    names = list(sides)
    for block in range(-(-questions // BLOCK)):
        for name in names if block % 2 == 0 else reversed(names):
            for _ in range(BLOCK):
                timings[name].append(await sides[name]())
    return timings


async def main_async(app: BenchApp, floor: BenchApp, provider_url: str, questions: int) -> None:
    token = app.new_user_token()
    async with (
        aiohttp.ClientSession(
            base_url=app.url, headers={"Authorization": f"Bearer {token}"}
        ) as app_client,
        aiohttp.ClientSession(base_url=floor.url) as floor_client,
    ):
        path = await app_question(app_client, provider_url)
        sides: dict[str, Ask] = {
            "app": lambda: first_delta_seconds(app_client, path),
            "floor": lambda: first_delta_seconds(floor_client, "/ask"),
        }
        await alternate(sides, BLOCK)  # warm-up: connections, SDK clients, prepared statements
        timings = await alternate(sides, questions)
    print_timings(timings)
    added = statistics.median(timings["app"]) - statistics.median(timings["floor"])
    print(f"the app's own code adds {added * 1000:.1f} ms to the p50")


async def app_question(client: aiohttp.ClientSession, provider_url: str) -> str:
    """The path to ask questions at: a key for the fake provider, a conversation that uses it."""
    key = {"provider": "openai_compatible", "api_key": "sk-bench", "base_url": provider_url}
    async with client.post("/api/v1/api-keys/", json=key, raise_for_status=True):
        pass
    async with client.post(
        "/api/v1/conversations/", json={"title": "bench"}, raise_for_status=True
    ) as created:
        return question_path((await created.json())["id"])


def print_timings(timings: dict[str, list[float]]) -> None:
    print(
        f"{'one stream':>10} {'questions':>10} {'p25 ms':>8} {'p50 ms':>8} {'p75 ms':>8} {'p95 ms':>8}"
    )
    for name, values in timings.items():
        values = sorted(values)
        p25, p50, p75 = statistics.quantiles(values, n=4)
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(
            f"{name:>10} {len(values):>10} {p25 * 1000:>8.1f} {p50 * 1000:>8.1f} {p75 * 1000:>8.1f}"
            f" {p95 * 1000:>8.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=60, help="questions asked of each side")
    args = parser.parse_args()
    with (
        fake_provider() as provider_url,
        tempfile.TemporaryDirectory(prefix="redpanda-bench-") as scratch,
        BenchApp(Path(scratch)) as app,
        BenchApp(
            Path(scratch),
            app="chat_floor_app:app",
            app_dir=Path(__file__).resolve().parent,
            health_path="/health",
            env={"FLOOR_PROVIDER_URL": provider_url},
        ) as floor,
    ):
        asyncio.run(main_async(app, floor, provider_url, args.questions))


if __name__ == "__main__":
    main()
