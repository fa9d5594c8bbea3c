"""The app's sandbox: `await sandbox.run(code, datasets)` -> RunResult. See the package docstring.

One Sandbox per app process. It owns the worker (started with the app, restarted when it dies),
lets SANDBOX_CONCURRENCY runs go at once (the others wait their turn), enforces each run's
wall-clock deadline by having the child killed, and refuses to run code when the isolation this host
gives is not "full" (unless SANDBOX_ALLOW_UNISOLATED).
"""

import asyncio
import contextlib
import logging
import shutil
import socket
import tempfile
import time
import uuid
from dataclasses import dataclass, replace
from typing import Any

from app.core.config import Settings
from app.execution import answers, isolation, precheck
from app.execution.isolation import Isolation
from app.execution.sandbox.limits import RunLimits
from app.execution.sandbox.protocol import frame
from app.execution.schemas import Dataset, RunResult
from app.execution.worker_process import WorkerGone, WorkerProcess

logger = logging.getLogger(__name__)

# How long to wait for the worker's word on a run that ended without answering, or was killed.
REPORT_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class SandboxConfig:
    limits: RunLimits
    concurrency: int
    allow_unisolated: bool
    cache_bytes: int
    cache_idle_seconds: float

    @classmethod
    def from_settings(cls, settings: Settings) -> "SandboxConfig":
        return cls(
            limits=RunLimits(
                timeout_seconds=settings.SANDBOX_TIMEOUT_SECONDS,
                memory_bytes=settings.SANDBOX_MEMORY_BYTES,
                cpu_seconds=settings.SANDBOX_CPU_SECONDS,
                max_processes=settings.SANDBOX_MAX_PROCESSES,
                max_open_files=settings.SANDBOX_MAX_OPEN_FILES,
                max_write_bytes=settings.SANDBOX_MAX_WRITE_BYTES,
                max_output_bytes=settings.SANDBOX_MAX_OUTPUT_BYTES,
                max_csv_bytes=settings.SANDBOX_MAX_CSV_BYTES,
            ),
            concurrency=settings.SANDBOX_CONCURRENCY,
            allow_unisolated=settings.SANDBOX_ALLOW_UNISOLATED,
            cache_bytes=settings.SANDBOX_CACHE_BYTES,
            cache_idle_seconds=settings.SANDBOX_CACHE_IDLE_SECONDS,
        )


class Sandbox:
    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.isolation: Isolation = isolation.STARTING
        self._slots = asyncio.Semaphore(config.concurrency)
        self._worker: WorkerProcess | None = None
        self._worker_lock = asyncio.Lock()
        self._starting: asyncio.Task[None] | None = None
        self._root: str | None = None
        self._setup_failed: list[str] = []

    @property
    def worker_pid(self) -> int | None:
        return self._worker.pid if self._worker and not self._worker.closed.is_set() else None

    async def start(self) -> None:
        """Say at once what the host lacks; start the worker and probe it in the background."""
        missing = isolation.probe_host()
        if missing:
            logger.warning(
                "Sandbox isolation is missing on this host: %s. Code will not run%s.",
                "; ".join(missing),
                ""
                if not self.config.allow_unisolated
                else " isolated (SANDBOX_ALLOW_UNISOLATED=true)",
            )
        self._starting = asyncio.create_task(self._start_and_probe())

    async def stop(self) -> None:
        if self._starting:
            self._starting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._starting
        if self._worker:
            await self._worker.kill()
            self._worker = None
        if self._root:
            shutil.rmtree(self._root, ignore_errors=True)

    async def warm(self, datasets: list[Dataset]) -> None:
        """Load these files ahead of a run (e.g. when they are attached to a conversation)."""
        with contextlib.suppress(WorkerGone):
            worker = await self._ensure_worker()
            await worker.send({"op": "warm", "datasets": _datasets(datasets)})

    async def run(
        self,
        code: str,
        datasets: list[Dataset],
        *,
        timeout_seconds: float | None = None,
        precheck_code: bool = True,
    ) -> RunResult:
        """Run `code` with `df` (the first dataset) and `dfs` (all, by name); never raises for the code.

        The deadline and duration_ms count from when the run gets its turn (SANDBOX_CONCURRENCY),
        and include loading its files when no holder has them yet.
        """
        findings = precheck.check(code) if precheck_code else []
        if findings:
            message = "This code was not run: " + "; ".join(str(finding) for finding in findings)
            return answers.failure("CodeRefused", message, duration_ms=0, status="refused")
        await self._probed()
        if not self.isolation.allows_runs(allow_unisolated=self.config.allow_unisolated):
            message = f"Code cannot run: the sandbox isolation is {self.isolation.describe()}."
            return answers.failure("IsolationUnavailable", message, duration_ms=0, status="refused")
        limits = self.config.limits
        if timeout_seconds is not None:
            limits = replace(limits, timeout_seconds=timeout_seconds)
        async with self._slots:
            started = time.perf_counter()
            # A worker that died while idle is only noticed when the run is handed to it: nothing
            # has run yet then, so the run goes to a fresh worker.
            for _ in range(2):
                try:
                    worker = await self._ensure_worker()
                except (WorkerGone, OSError, TimeoutError):
                    break
                try:
                    result, _ = await self._exchange(worker, code, datasets, limits, started)
                except WorkerGone:
                    continue
                return result
            return answers.failure(
                "SandboxUnavailable", "The sandbox could not start.", duration_ms=_ms(started)
            )

    async def _exchange(
        self,
        worker: WorkerProcess,
        code: str,
        datasets: list[Dataset],
        limits: RunLimits,
        started: float,
    ) -> tuple[RunResult, list[str]]:
        """One run on `worker`; raises WorkerGone only when the worker could not take the run."""
        run = uuid.uuid4().hex
        report = worker.expect_report(run)
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        writer: asyncio.StreamWriter | None = None
        try:
            order = {"op": "run", "run": run, "datasets": _datasets(datasets)}
            await worker.send({**order, "limits": limits.to_json()}, (theirs.fileno(),))
        except WorkerGone:
            mine.close()
            worker.forget_report(run)
            raise
        finally:
            theirs.close()  # the child's end now lives in the worker, then the child
        try:
            async with asyncio.timeout(limits.timeout_seconds):
                reader, writer = await asyncio.open_unix_connection(sock=mine)
                request = {"code": code, "names": [dataset.name for dataset in datasets]}
                with contextlib.suppress(ConnectionError):
                    # A child that refused to run answers without reading: its answer still counts.
                    writer.write(frame(request))
                    await writer.drain()
                answer, csv = await answers.read_answer(reader, limits)
        except TimeoutError:
            await self._kill(worker, run, report)
            late = f"The code did not finish within {limits.timeout_seconds:g} s and was stopped."
            return answers.failure(
                "TimeLimitExceeded", late, duration_ms=_ms(started), status="timed_out"
            ), []
        except (asyncio.IncompleteReadError, ConnectionError):
            kind, why = answers.without_answer(await _wait(report), limits)
            return answers.failure(kind, why, duration_ms=_ms(started)), []
        except answers.InvalidAnswer as error:
            await self._kill(worker, run, report)
            sent = f"The code's process sent {error}."
            return answers.failure("InvalidAnswer", sent, duration_ms=_ms(started)), []
        finally:
            worker.forget_report(run)
            if writer is not None:
                writer.close()
            else:
                mine.close()
        return answers.to_result(answer, csv, duration_ms=_ms(started)), answer.isolation_failed

    async def _kill(self, worker: WorkerProcess, run: str, report: "asyncio.Future[Any]") -> None:
        with contextlib.suppress(WorkerGone):
            await worker.send({"op": "kill", "run": run})
        if await _wait(report) is None:
            # The worker did not confirm the kill: it cannot be trusted to have done it.
            logger.error("Sandbox worker did not confirm a kill; restarting it")
            await worker.kill()

    async def _ensure_worker(self) -> WorkerProcess:
        async with self._worker_lock:
            if self._worker is None or self._worker.closed.is_set():
                if self._worker is not None:
                    logger.warning(
                        "Sandbox worker ended (exit %s); restarting it",
                        self._worker.process.returncode,
                    )
                self._root = self._root or tempfile.mkdtemp(prefix="redpanda-sandbox-")
                self._worker, ready = await WorkerProcess.start(self._configuration())
                self._setup_failed = list(ready.get("setup_failed", []))
            return self._worker

    def _configuration(self) -> dict[str, Any]:
        return {
            "root": self._root,
            "strict": not self.config.allow_unisolated,
            "cache_bytes": self.config.cache_bytes,
            "idle_seconds": self.config.cache_idle_seconds,
        }

    async def _probed(self) -> None:
        """Wait for the start-up probe; after a failed start (or none), start and probe again."""
        if self.isolation.level not in ("starting", "unavailable"):
            return
        if self._starting is None or self._starting.done():
            self._starting = asyncio.create_task(self._start_and_probe())
        with contextlib.suppress(Exception):
            await asyncio.shield(self._starting)

    async def _start_and_probe(self) -> None:
        try:
            worker = await self._ensure_worker()
            probe, failed_steps = await self._exchange(
                worker, isolation.PROBE_CODE, [], self.config.limits, time.perf_counter()
            )
        except (WorkerGone, OSError, TimeoutError):
            logger.exception("Sandbox worker could not start")
            self.isolation = Isolation("unavailable")
            return
        self.isolation = isolation.assess(probe, setup_failed=[*self._setup_failed, *failed_steps])
        if self.isolation.level == "full":
            logger.info("Sandbox ready (worker pid %s): isolation full", worker.pid)
        else:
            logger.warning("Sandbox isolation is %s", self.isolation.describe())


def _datasets(datasets: list[Dataset]) -> list[dict[str, str]]:
    return [
        {"file_id": str(item.file_id), "sha256": item.sha256, "path": str(item.parquet_path)}
        for item in datasets
    ]


async def _wait(report: "asyncio.Future[Any]") -> Any:
    try:
        async with asyncio.timeout(REPORT_WAIT_SECONDS):
            return await asyncio.shield(report)
    except TimeoutError:
        return None


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
