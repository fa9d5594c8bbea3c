"""Chat streaming benchmark: time from sending a question to the first `delta` event, with N streams open.

    uv run --project backend python bench/chat_stream.py
    uv run --project backend python bench/chat_stream.py --levels 1 50 200 --seconds 15

The real app runs in its own uvicorn process on a fresh database; the fake OpenAI-compatible provider (the
test suite's, in a process of its own) sends its first token at once and then paces the rest of a 40-word
reply like a real model (one word every 25 ms, about a second per reply). For each level N, N clients each
hold a conversation and ask question after question (the next as soon as the previous reply is done), their
starts spread over the first second, so about N streams are open at any moment. The benchmark prints how
many questions were asked in the measured window, how many failed, and p50 / p95 / max of the time to the
first `delta`, and the app's CPU time per question (its processes, sandbox included). The client, the
fake provider and the app share the machine's two cores, so the client is aiohttp, whose HTTP parser is
compiled: httpx's pure-Python one added 1-2 ms to every figure (docs/benchmarks.md).

Targets on a 2-core machine: p50 <= 10 ms for one stream, p95 <= 50 ms at 50 concurrent, no error at 200.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import BenchApp, app_cpu_seconds


@contextmanager
def fake_provider() -> Iterator[str]:
    """The fake provider in a process of its own, for the block's length; yields its base URL."""
    script = Path(__file__).with_name("fake_openai_process.py")
    fake = subprocess.Popen(  # noqa: S603 - our own script
        [sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert fake.stdout is not None
    try:
        yield fake.stdout.readline().strip()
    finally:
        fake.terminate()
        fake.wait(timeout=10)


def question_path(conversation_id: str) -> str:
    return f"/api/v1/conversations/{conversation_id}/messages"


async def first_delta_seconds(client: aiohttp.ClientSession, path: str) -> float:
    """Seconds from sending the question to the first delta event; the stream is then read to its end."""
    started = time.perf_counter()
    first: float | None = None
    async with client.post(path, json={"content": "Busiest region?"}) as response:
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {(await response.read())[:300]!r}")
        async for line in response.content:
            if line.startswith(b"event:"):
                event = line.removeprefix(b"event:").strip()
                if event == b"delta" and first is None:
                    first = time.perf_counter() - started
                if event == b"error":
                    raise RuntimeError("the stream ended with an error event")
    if first is None:
        raise RuntimeError("the stream had no delta")
    return first


class Results:
    def __init__(self) -> None:
        self.timings: list[float] = []
        self.failures: list[str] = []


async def client_loop(
    client: aiohttp.ClientSession,
    conversation_id: str,
    *,
    start_delay: float,
    until: float,
    results: Results,
) -> None:
    await asyncio.sleep(start_delay)
    while time.perf_counter() < until:
        try:
            results.timings.append(
                await first_delta_seconds(client, question_path(conversation_id))
            )
        except (aiohttp.ClientError, TimeoutError, RuntimeError) as failure:
            results.failures.append(f"{type(failure).__name__}: {failure}")


async def run_level(
    app: BenchApp,
    client: aiohttp.ClientSession,
    conversations: list[str],
    level: int,
    seconds: float,
) -> None:
    results = Results()
    cpu_before = app_cpu_seconds(app.pid)
    until = time.perf_counter() + seconds
    await asyncio.gather(
        *(
            client_loop(
                client, conversations[i], start_delay=i / level, until=until, results=results
            )
            for i in range(level)
        )
    )
    asked = len(results.timings) + len(results.failures)
    cpu_ms = (app_cpu_seconds(app.pid) - cpu_before) * 1000 / max(asked, 1)
    timings = sorted(results.timings)
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))] if timings else float("nan")
    median = statistics.median(timings) if timings else float("nan")
    print(
        f"{level:>11} {asked:>9} {len(results.failures):>7} "
        f"{median * 1000:>8.1f} {p95 * 1000:>8.1f} {max(timings, default=float('nan')) * 1000:>8.1f}"
        f" {cpu_ms:>13.1f}"
    )
    for failure in sorted(set(results.failures))[:5]:
        print(f"    failure: {failure}")


async def main_async(app: BenchApp, fake_base_url: str, levels: list[int], seconds: float) -> None:
    token = app.new_user_token()
    async with aiohttp.ClientSession(
        base_url=app.url,
        headers={"Authorization": f"Bearer {token}"},
        timeout=aiohttp.ClientTimeout(total=60),
        connector=aiohttp.TCPConnector(limit=max(levels) + 10),
    ) as client:
        key = {"provider": "openai_compatible", "api_key": "sk-bench", "base_url": fake_base_url}
        async with client.post("/api/v1/api-keys/", json=key, raise_for_status=True):
            pass
        conversations = []
        for _ in range(max(levels)):
            async with client.post(
                "/api/v1/conversations/", json={"title": "bench"}, raise_for_status=True
            ) as created:
                conversations.append((await created.json())["id"])
        # Warm-up: connections, SDK client, caches.
        await first_delta_seconds(client, question_path(conversations[0]))
        print(
            f"{'concurrency':>11} {'streams':>8} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
            f" {'app CPU ms/q':>13}"
        )
        for level in levels:
            await run_level(app, client, conversations, level, seconds)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 50, 200])
    parser.add_argument("--seconds", type=float, default=15, help="measured window per level")
    args = parser.parse_args()
    with (
        fake_provider() as fake_base_url,
        tempfile.TemporaryDirectory(prefix="redpanda-bench-") as scratch,
        BenchApp(Path(scratch)) as app,
    ):
        asyncio.run(main_async(app, fake_base_url, args.levels, args.seconds))


if __name__ == "__main__":
    main()
