"""The app's end of the sandbox worker: starting it, talking to it, noticing when it dies.

The worker is started with a clean environment (no secret ever enters its memory, so none can be
inherited by a run) in a session of its own, with one control socket (sandbox/protocol.py). The app
never forks itself: it is threaded (uvicorn, asyncio, thread pools).
"""

import asyncio
import contextlib
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from app.execution.sandbox import protocol
from app.execution.sandbox.protocol import BOOTSTRAP
from app.execution.sandbox.warmup import THREAD_ENVIRONMENT

BACKEND_DIR = str(Path(__file__).resolve().parents[2])
START_TIMEOUT_SECONDS = 120.0


class WorkerGone(Exception):
    """The worker ended or could not start."""


def clean_environment() -> dict[str, str]:
    # Only what an interpreter needs; matplotlib keeps its font cache under HOME.
    keep = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    base = {"LANG": "C.UTF-8", "TZ": "UTC", "PYTHONDONTWRITEBYTECODE": "1"}
    return {**keep, **base, **THREAD_ENVIRONMENT}


class WorkerProcess:
    def __init__(self, process: asyncio.subprocess.Process, sock: socket.socket) -> None:
        self.process = process
        self.pid = process.pid
        self._sock = sock
        self._loop = asyncio.get_running_loop()
        self._ready: asyncio.Future[dict[str, Any]] = self._loop.create_future()
        self._reports: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self.closed = asyncio.Event()
        self._loop.add_reader(sock.fileno(), self._on_readable)
        self._watcher = asyncio.ensure_future(self._watch())

    @classmethod
    async def start(cls, configuration: dict[str, Any]) -> tuple["WorkerProcess", dict[str, Any]]:
        """Start a worker, configure it and wait until it is ready; its ready message is returned."""
        mine, theirs = protocol.control_pair()
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-I", "-c", BOOTSTRAP, BACKEND_DIR, str(theirs.fileno()),
                pass_fds=(theirs.fileno(),),
                env=clean_environment(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                start_new_session=True,
                cwd="/",
            )  # fmt: skip
        finally:
            theirs.close()
        mine.setblocking(False)
        worker = cls(process, mine)
        try:
            await worker.send({"op": "configure", **configuration})
            async with asyncio.timeout(START_TIMEOUT_SECONDS):
                ready = await worker._ready
        except BaseException:
            await worker.kill()
            raise
        return worker, ready

    async def send(self, message: dict[str, Any], fds: tuple[int, ...] = ()) -> None:
        if self.closed.is_set():
            raise WorkerGone
        data = protocol.encode(message)
        ancillary = protocol.ancillary(fds)
        while True:
            try:
                self._sock.sendmsg([data], ancillary)
                return
            except BlockingIOError:
                await asyncio.sleep(0.001)
            except OSError as error:
                # Its end is closed: it has died, even if its exit has not been noticed yet.
                self._close()
                raise WorkerGone from error

    def expect_report(self, run: str) -> "asyncio.Future[dict[str, Any]]":
        """How run `run` ended, as the worker tells it (exited or failed)."""
        future = self._loop.create_future()
        if self.closed.is_set():
            future.set_result({"op": "exited", "run": run, "lost": True})
        else:
            self._reports[run] = future
        return future

    def forget_report(self, run: str) -> None:
        self._reports.pop(run, None)

    async def kill(self) -> None:
        """End the worker and everything it started (its holders and their children)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        await self.process.wait()
        await self.closed.wait()

    def _on_readable(self) -> None:
        while True:
            try:
                received = protocol.receive(self._sock)
            except BlockingIOError:
                return
            except (OSError, protocol.ProtocolError):
                received = None
            if received is None:
                self._close()
                return
            message, fds = received
            for fd in fds:
                os.close(fd)  # the worker never sends descriptors: drop any
            if message["op"] == "ready" and not self._ready.done():
                self._ready.set_result(message)
            elif message["op"] in ("exited", "failed"):
                future = self._reports.pop(str(message.get("run")), None)
                if future and not future.done():
                    future.set_result(message)

    async def _watch(self) -> None:
        await self.process.wait()
        self._close()

    def _close(self) -> None:
        if self.closed.is_set():
            return
        self.closed.set()
        self._loop.remove_reader(self._sock.fileno())
        self._sock.close()
        if not self._ready.done():
            self._ready.set_exception(WorkerGone("the sandbox worker ended while starting"))
        for run, future in self._reports.items():
            if not future.done():
                future.set_result({"op": "exited", "run": run, "lost": True})
        self._reports.clear()
