"""Running hostile code and checking, from the host side, that it stayed contained."""

import asyncio
import itertools
import time
from pathlib import Path

from app.execution.client import Sandbox
from app.execution.sandbox.filesystem import SCRATCH
from app.execution.sandbox.worker import UID_BASE, UID_SPAN
from app.execution.schemas import Dataset, RunResult

TICK_SECONDS = 0.01
# The event loop may be late on a busy machine, but never by as long as a run lasts.
MAX_LOOP_GAP_SECONDS = 0.5


def sandbox_processes() -> list[int]:
    """Pids of processes running as a run child's uid (none should outlive its run)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        uid_line = next(line for line in status.splitlines() if line.startswith("Uid:"))
        if UID_BASE <= int(uid_line.split()[1]) < UID_BASE + UID_SPAN:
            pids.append(int(entry.name))
    return pids


async def assert_no_run_processes_left() -> None:
    # An answered run's child exits a moment after answering; a killed one is already gone.
    for _ in range(150):
        if not sandbox_processes():
            return
        await asyncio.sleep(0.02)
    assert sandbox_processes() == []


async def run_contained(
    sandbox: Sandbox,
    code: str,
    datasets: list[Dataset] | None = None,
    *,
    timeout_seconds: float | None = None,
) -> RunResult:
    """Run with the pre-check off (the OS boundary is under test), the event loop watched.

    Snippets write to /tmp, the scratch folder; when the runtime itself lives under /tmp (a checkout
    there), the scratch folder is elsewhere (filesystem.SCRATCH), and the snippets follow it."""
    code = code.replace("/tmp", SCRATCH)  # noqa: S108 - paths inside the sandbox
    ticks: list[float] = [time.monotonic()]

    async def tick() -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            ticks.append(time.monotonic())

    ticker = asyncio.create_task(tick())
    try:
        result = await sandbox.run(
            code, datasets or [], timeout_seconds=timeout_seconds, precheck_code=False
        )
    finally:
        ticker.cancel()
    ticks.append(time.monotonic())
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert max(gaps) < MAX_LOOP_GAP_SECONDS, f"the event loop stalled for {max(gaps):.2f} s"
    await assert_no_run_processes_left()
    return result


def assert_failed(result: RunResult, kind: str, *words: str) -> None:
    assert result.status == "failed", result
    assert result.error is not None
    assert result.error.kind == kind, result.error
    for word in words:
        assert word in result.error.message, result.error.message


def worker_environment(sandbox: Sandbox) -> bytes:
    assert sandbox.worker_pid is not None
    return Path(f"/proc/{sandbox.worker_pid}/environ").read_bytes()


def descendants(pid: int) -> list[int]:
    """Children of `pid`, oldest first."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid:
                found.append((int(fields[19]), int(entry.name)))  # start time, pid
    return [child for _, child in sorted(found)]


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for its parent to collect it does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def memory_contains(pid: int, needle: bytes) -> bool:
    """Whether the heap or anonymous memory of process `pid` holds `needle` (read as root from the host).

    Mapped files (the libraries) are skipped: loaded data and Python objects live in anonymous memory.
    """
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as memory:
        for line in maps:
            fields = line.split()
            if "r" not in fields[1] or (len(fields) > 5 and fields[5] != "[heap]"):
                continue
            start, end = (int(part, 16) for part in fields[0].split("-"))
            try:
                memory.seek(start)
                chunk = memory.read(end - start)
            except (OSError, OverflowError, ValueError):
                continue
            if chunk and needle in chunk:
                return True
    return False
