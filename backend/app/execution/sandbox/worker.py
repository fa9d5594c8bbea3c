"""The sandbox worker: a single-threaded process that pre-imports the analysis stack and forks.

Started by the app (client.py) with a clean environment and one control socket. It never reads the
app's settings, secrets or database, and never sees code, data or results (protocol.py): it routes
run requests to holders (holders.py) and reports how runs ended. Messages from the app:
- {"op": "configure", ...} first: the view's mount point, the holders' budget, strictness;
- {"op": "run", "run", "datasets": [{"file_id", "sha256", "path"}], "limits"} + the run's socket;
- {"op": "warm", "datasets"}: start the holder for those files ahead of a run;
- {"op": "kill", "run"}.
It answers {"op": "ready", "setup_failed": [...]} once, then {"op": "exited", "run", "exit_code" |
"signal" | "lost"} and {"op": "failed", "run", "message"} (the files could not be loaded).
Each message is handled in its own function call, so no local variable outlives it: a holder forked
while handling one message holds no reference to another user's request.
"""

import gc
import os
import secrets
import selectors
import socket
import sys
import time
from typing import Any

from app.execution.sandbox import filesystem, protocol, syscalls, warmup
from app.execution.sandbox.holders import Holder, Holders
from app.execution.sandbox.seccomp import Program, compile_program

# Each run gets its own uid in a range no real account uses, so no two live runs share one. Each
# worker starts at a random point of the range: app processes side by side each have a worker.
UID_BASE = 1_900_000_000
UID_SPAN = 10_000_000


def main(fd: int) -> None:
    warmup.prepare()
    app = socket.socket(fileno=fd)
    received = protocol.receive(app)
    if received is None or received[0]["op"] != "configure":
        sys.exit(1)
    config = received[0]
    setup_failed: list[str] = []
    program: Program | None = None
    try:
        filesystem.build_root(config["root"])
    except OSError:
        setup_failed.append("filesystem")
    try:
        program = compile_program()
    except (OSError, ImportError, AttributeError):
        setup_failed.append("seccomp")
    try:
        # The worker and its holders need no network either.
        syscalls.unshare(syscalls.CLONE_NEWNET)
    except OSError:
        setup_failed.append("network")
    gc.collect()
    gc.freeze()
    holders = Holders(
        root=config["root"],
        program=program,
        strict=bool(config["strict"]),
        budget_bytes=int(config["cache_bytes"]),
        idle_seconds=float(config["idle_seconds"]),
        keep_open=[app],
    )
    protocol.send(app, {"op": "ready", "setup_failed": setup_failed})
    Worker(app, holders).serve()


class Worker:
    def __init__(self, app: socket.socket, holders: Holders) -> None:
        self.app = app
        self.holders = holders
        self.selector = selectors.DefaultSelector()
        self.selector.register(app, selectors.EVENT_READ)
        self.runs_started = secrets.randbelow(UID_SPAN)

    def serve(self) -> None:
        while True:
            for key, _ in self.selector.select(timeout=1.0):
                if key.fileobj is self.app:
                    self._from_app()
                else:
                    self._from_holder(self.holders.by_fd[key.fd])
            self.holders.trim()
            _reap()

    def _from_app(self) -> None:
        received = protocol.receive(self.app)
        if received is None:
            os._exit(0)  # the app has gone: holders and children follow (parent-death signal)
        message, fds = received
        try:
            if message["op"] == "run" and fds:
                self._run(message, fds[0])
            elif message["op"] == "warm":
                self._holder_for(message["datasets"])
            elif message["op"] == "kill" and message.get("run") in self.holders.runs:
                self.holders.runs[message["run"]].send({"op": "kill", "run": message["run"]})
        finally:
            for fd in fds:
                os.close(fd)

    def _run(self, message: dict[str, Any], run_fd: int) -> None:
        holder = self._holder_for(message["datasets"])
        run = str(message["run"])
        self.runs_started += 1
        uid = UID_BASE + self.runs_started % UID_SPAN
        holder.send({"op": "run", "run": run, "uid": uid, "limits": message["limits"]}, (run_fd,))
        holder.runs.add(run)
        self.holders.runs[run] = holder

    def _holder_for(self, datasets: list[dict[str, Any]]) -> Holder:
        known = set(self.holders.by_fd)
        holder = self.holders.get_or_start(datasets)
        if holder.sock.fileno() not in known:
            self.selector.register(holder.sock, selectors.EVENT_READ)
        return holder

    def _from_holder(self, holder: Holder) -> None:
        try:
            received = protocol.receive(holder.sock)
        except (OSError, protocol.ProtocolError):
            received = None
        if received is None:  # the holder has ended: whatever still ran there is lost
            self.selector.unregister(holder.sock)
            self.holders.forget(holder)
            holder.sock.close()
            self._end_runs(holder, {"op": "exited", "lost": True})
            return
        message, fds = received
        for fd in fds:
            os.close(fd)
        if message["op"] == "loaded":
            holder.loaded = True
            holder.bytes = int(message["bytes"])
            self.holders.trim(keep=holder)
        elif message["op"] == "load_failed":
            self.holders.detach(holder)  # the next run on these files tries a new holder
            self._end_runs(holder, {"op": "failed", "message": message["message"]})
        elif message["op"] == "exited":
            run = str(message["run"])
            holder.runs.discard(run)
            self.holders.runs.pop(run, None)
            holder.last_used = time.monotonic()
            protocol.send(self.app, message)

    def _end_runs(self, holder: Holder, report: dict[str, Any]) -> None:
        for run in holder.runs:
            self.holders.runs.pop(run, None)
            protocol.send(self.app, {**report, "run": run})
        holder.runs.clear()


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
