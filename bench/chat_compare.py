"""Is a change faster? The time to the first `delta`, the working tree's app beside another revision's.

    uv run --project backend python bench/chat_compare.py                  # against HEAD
    uv run --project backend python bench/chat_compare.py --base 1be1eb4 --questions 240

The base revision is checked out into a scratch git worktree and both apps are started as
bench/chat_stream.py starts one, each on a fresh database of its own, with the same fake provider. One
stream at a time, questions alternate between them in blocks of ten with the order swapped every block
(as in bench/chat_floor.py), so both see the same machine: its speed drifts over minutes by more than
most changes are worth. Run it with no change in the working tree first: the difference it then prints
is the comparison's own noise. The base runs on the working tree's Python packages and database schema.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import REPO, BenchApp
from chat_floor import BLOCK, Ask, alternate, app_question, print_timings
from chat_stream import fake_provider, first_delta_seconds


async def main_async(apps: dict[str, BenchApp], provider_url: str, questions: int) -> None:
    clients = {
        name: aiohttp.ClientSession(
            base_url=app.url, headers={"Authorization": f"Bearer {app.new_user_token()}"}
        )
        for name, app in apps.items()
    }
    try:
        paths = {name: await app_question(client, provider_url) for name, client in clients.items()}
        sides: dict[str, Ask] = {
            name: partial(first_delta_seconds, clients[name], paths[name]) for name in apps
        }
        await alternate(sides, BLOCK)  # warm-up: connections, SDK clients, prepared statements
        timings = await alternate(sides, questions)
    finally:
        for client in clients.values():
            await client.close()
    print_timings(timings)
    change = statistics.median(timings["changed"]) - statistics.median(timings["base"])
    print(f"the working tree changes the p50 by {change * 1000:+.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", default="HEAD", help="the git revision to compare with")
    parser.add_argument("--questions", type=int, default=120, help="questions asked of each side")
    args = parser.parse_args()
    with (
        fake_provider() as provider_url,
        tempfile.TemporaryDirectory(prefix="redpanda-bench-") as scratch_dir,
    ):
        scratch = Path(scratch_dir)
        (scratch / "base").mkdir()
        (scratch / "changed").mkdir()
        with (
            worktree(args.base, scratch / "tree") as base_tree,
            BenchApp(scratch / "base", app_dir=base_tree / "backend") as base,
            BenchApp(scratch / "changed") as changed,
        ):
            asyncio.run(
                main_async({"base": base, "changed": changed}, provider_url, args.questions)
            )


@contextmanager
def worktree(revision: str, path: Path) -> Iterator[Path]:
    """`revision` checked out at `path` (a git worktree of this repository) for the block's length."""
    git = ["git", "-C", str(REPO), "worktree"]
    # git, with the revision the user named.
    subprocess.run([*git, "add", "--detach", str(path), revision], check=True)  # noqa: S603
    try:
        yield path
    finally:
        subprocess.run([*git, "remove", "--force", str(path)], check=True)  # noqa: S603


if __name__ == "__main__":
    main()
