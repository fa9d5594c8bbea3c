"""The worker's life: restarts after it dies, many runs at once, refusals, holders coming and going."""

import asyncio
import os
import signal
import uuid
from pathlib import Path

import pandas as pd

from app.execution.client import Sandbox
from app.execution.isolation import Isolation
from app.execution.schemas import Dataset
from tests.execution.conftest import TEST_CONFIG, MakeDataset, started_sandbox, with_limits
from tests.execution.containment import (
    alive,
    assert_no_run_processes_left,
    descendants,
    sandbox_processes,
)


async def test_the_worker_is_restarted_after_it_is_killed(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    first_pid = strict_sandbox.worker_pid
    assert first_pid is not None
    os.kill(first_pid, signal.SIGKILL)
    await asyncio.sleep(0.2)

    result = await strict_sandbox.run("result = len(df)", [sales])

    assert result.status == "succeeded", result.error
    assert strict_sandbox.worker_pid not in (None, first_pid)


async def test_a_run_under_way_when_the_worker_dies_fails_clearly(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    await assert_no_run_processes_left()  # so the child seen below is this run's
    run = asyncio.create_task(strict_sandbox.run("import time\ntime.sleep(30)", [sales]))
    for _ in range(500):  # until the run's child is up
        if sandbox_processes():
            break
        await asyncio.sleep(0.02)
    assert sandbox_processes()
    assert strict_sandbox.worker_pid is not None
    os.kill(strict_sandbox.worker_pid, signal.SIGKILL)

    result = await run

    assert result.status == "failed"
    assert result.error is not None
    assert result.error.kind == "SandboxCrashed"
    await assert_no_run_processes_left()
    assert (await strict_sandbox.run("result = 1", [sales])).status == "succeeded"


async def test_twenty_concurrent_runs_all_succeed(
    strict_sandbox: Sandbox, make_dataset: MakeDataset
) -> None:
    datasets = [make_dataset(pd.DataFrame({"n": range(100 + i)})) for i in range(5)]

    results = await asyncio.gather(
        *(strict_sandbox.run("result = int(df['n'].sum())", [datasets[i % 5]]) for i in range(20))
    )

    assert [result.status for result in results] == ["succeeded"] * 20
    assert [result.result["value"] for result in results if result.result] == [
        sum(range(100 + i % 5)) for i in range(20)
    ]


async def test_code_is_refused_when_isolation_is_missing(sales: Dataset) -> None:
    sandbox = Sandbox(TEST_CONFIG)
    sandbox.isolation = Isolation("partial", ("seccomp",))

    result = await sandbox.run("result = 1", [sales])

    assert result.status == "refused"
    assert result.error is not None
    assert result.error.kind == "IsolationUnavailable"
    assert "partial (missing: seccomp)" in result.error.message
    assert sandbox.worker_pid is None  # nothing was even started


async def test_allow_unisolated_runs_code_without_full_isolation(sales: Dataset) -> None:
    sandbox = await started_sandbox(with_limits(TEST_CONFIG, allow_unisolated=True))
    try:
        sandbox.isolation = Isolation("partial", ("seccomp",))

        result = await sandbox.run("result = len(df)", [sales])
    finally:
        await sandbox.stop()

    assert result.status == "succeeded"


async def test_files_that_cannot_be_loaded_fail_clearly(
    strict_sandbox: Sandbox, tmp_path: Path
) -> None:
    missing = Dataset("gone", tmp_path / "data.parquet", uuid.uuid4(), "0" * 64)
    broken_path = tmp_path / "broken.parquet"
    broken_path.write_bytes(b"not parquet")
    broken = Dataset("broken", broken_path, uuid.uuid4(), "1" * 64)

    for dataset, words in ((missing, "missing"), (broken, "could not be read")):
        result = await strict_sandbox.run("result = len(df)", [dataset])

        assert result.status == "failed"
        assert result.error is not None
        assert result.error.kind == "DataUnavailable"
        assert words in result.error.message


async def test_holders_over_the_memory_budget_are_stopped(make_dataset: MakeDataset) -> None:
    # Each holder alone is over this budget: an idle one is stopped as soon as another loads, and
    # the last one once its run has ended (the worker checks the budget at least every second).
    sandbox = await started_sandbox(with_limits(TEST_CONFIG, cache_bytes=1))
    try:
        holders: set[int] = set()
        for size in (1000, 2000, 3000):
            dataset = make_dataset(pd.DataFrame({"n": range(size)}))
            assert (await sandbox.run("result = len(df)", [dataset])).status == "succeeded"
            assert sandbox.worker_pid is not None
            holders |= set(descendants(sandbox.worker_pid))
        assert holders
        for _ in range(150):
            if not any(alive(pid) for pid in holders):
                break
            await asyncio.sleep(0.02)

        assert [pid for pid in holders if alive(pid)] == []
    finally:
        await sandbox.stop()


async def test_warming_loads_the_files_before_the_first_run(
    strict_sandbox: Sandbox, make_dataset: MakeDataset
) -> None:
    dataset = make_dataset(pd.DataFrame({"n": range(10)}))
    assert strict_sandbox.worker_pid is not None
    before = set(descendants(strict_sandbox.worker_pid))

    await strict_sandbox.warm([dataset])
    await asyncio.sleep(0.5)

    assert len(set(descendants(strict_sandbox.worker_pid)) - before) == 1
    assert (await strict_sandbox.run("result = len(df)", [dataset])).status == "succeeded"
    assert len(set(descendants(strict_sandbox.worker_pid)) - before) == 1


async def test_stopping_the_sandbox_ends_every_process(make_dataset: MakeDataset) -> None:
    sandbox = await started_sandbox()
    dataset = make_dataset(pd.DataFrame({"n": range(10)}))
    await sandbox.run("result = 1", [dataset])
    worker = sandbox.worker_pid
    assert worker is not None
    holders = descendants(worker)

    await sandbox.stop()

    for _ in range(100):
        if not any(alive(pid) for pid in [worker, *holders]):
            break
        await asyncio.sleep(0.03)
    assert [pid for pid in [worker, *holders] if alive(pid)] == []


async def test_the_worker_and_its_holders_are_single_threaded(
    strict_sandbox: Sandbox, sales: Dataset
) -> None:
    # Forking a process with other threads could leave a child with locks no thread will release.
    assert (await strict_sandbox.run("result = len(df)", [sales])).status == "succeeded"
    assert strict_sandbox.worker_pid is not None
    processes = [strict_sandbox.worker_pid, *descendants(strict_sandbox.worker_pid)]

    threads = {pid: len(os.listdir(f"/proc/{pid}/task")) for pid in processes}

    assert len(threads) >= 2
    assert set(threads.values()) == {1}
