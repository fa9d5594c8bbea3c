"""A holder: one process per set of files, keeping them loaded so each run forks with its data ready.

Forked from the worker, it loads its files from their Parquet copies (single-threaded, so the process
stays single-threaded and safe to fork), freezes the heap (the garbage collector never walks these
objects in a child, which would copy every page), says how much memory it took, and then only forks
run children, watches them through pidfds, kills them when told (or past their deadline, as a
backstop to the app's own kill) and reports how each ended. It never sees code, data of another set
of files, or results: those travel on each run's own socket.
"""

import contextlib
import gc
import os
import selectors
import signal
import socket
import time
from dataclasses import dataclass
from typing import Any, NoReturn

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from app.execution.sandbox import protocol, syscalls
from app.execution.sandbox.child import run_child
from app.execution.sandbox.limits import RunLimits
from app.execution.sandbox.seccomp import Program

# Past its own deadline, a child the app has not killed yet is killed here.
BACKSTOP_GRACE_SECONDS = 5.0


@dataclass
class Child:
    run: str
    pid: int
    pidfd: int
    deadline: float


def holder_main(
    sock: socket.socket,
    *,
    paths: list[str],
    root: str,
    program: Program | None,
    strict: bool,
    worker_pid: int,
) -> NoReturn:
    """Runs in the process the worker forked; never returns."""
    try:
        syscalls.prctl(syscalls.PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != worker_pid:
            os._exit(0)
        before = _resident_bytes()
        try:
            frames = [load(path) for path in paths]
        except Exception as error:  # a missing or unreadable file is reported, not raised
            protocol.send(sock, {"op": "load_failed", "message": _load_error(error)})
            os._exit(0)
        gc.collect()
        gc.freeze()
        protocol.send(sock, {"op": "loaded", "bytes": max(0, _resident_bytes() - before)})
        _serve(sock, frames, root=root, program=program, strict=strict)
    except BaseException:  # a holder ends here whatever happened, never back in the worker's loop
        os._exit(70)
    os._exit(0)


def load(path: str) -> pd.DataFrame:
    # No thread pools: a holder must stay single-threaded to fork safely.
    table = pq.ParquetFile(path, pre_buffer=False).read(use_threads=False)
    frame = table.to_pandas(use_threads=False)
    del table
    pa.default_memory_pool().release_unused()
    return frame


def _serve(
    sock: socket.socket,
    frames: list[pd.DataFrame],
    *,
    root: str,
    program: Program | None,
    strict: bool,
) -> None:
    selector = selectors.DefaultSelector()
    selector.register(sock, selectors.EVENT_READ)
    children: dict[int, Child] = {}  # by pidfd
    stopping = False
    while not (stopping and not children):
        for key, _ in selector.select(timeout=1.0):
            if key.fileobj is sock:
                received = protocol.receive(sock)
                if received is None:  # the worker is gone: so are we, and our children
                    for child in children.values():
                        _kill(child)
                    return
                message, fds = received
                if message["op"] == "run" and fds and not stopping:
                    child = _fork(
                        message, fds[0], frames, root=root, program=program, strict=strict
                    )
                    children[child.pidfd] = child
                    selector.register(child.pidfd, selectors.EVENT_READ)
                elif message["op"] == "kill":
                    for child in children.values():
                        if child.run == message.get("run"):
                            _kill(child)
                elif message["op"] == "stop":
                    stopping = True
                for fd in fds[1:] if message["op"] == "run" else fds:
                    os.close(fd)
            else:
                child = children.pop(int(key.fd))
                selector.unregister(child.pidfd)
                _report_exit(sock, child)
        now = time.monotonic()
        for child in children.values():
            if now > child.deadline:
                _kill(child)


def _fork(
    message: dict[str, Any],
    run_fd: int,
    frames: list[pd.DataFrame],
    *,
    root: str,
    program: Program | None,
    strict: bool,
) -> Child:
    limits = RunLimits.from_json(message["limits"])
    holder_pid = os.getpid()
    pid = os.fork()
    if pid == 0:
        run_child(
            run_fd=run_fd,
            uid=int(message["uid"]),
            holder_pid=holder_pid,
            limits=limits,
            root=root,
            program=program,
            strict=strict,
            frames=frames,
        )
    os.close(
        run_fd
    )  # only the child may hold the run's socket: its end of file is the app's signal
    # The child cannot be reaped before we wait for it, so this pidfd is surely the child's.
    pidfd = os.pidfd_open(pid)
    deadline = time.monotonic() + limits.timeout_seconds + BACKSTOP_GRACE_SECONDS
    return Child(run=str(message["run"]), pid=pid, pidfd=pidfd, deadline=deadline)


def _kill(child: Child) -> None:
    with contextlib.suppress(ProcessLookupError):  # it has just ended on its own
        signal.pidfd_send_signal(child.pidfd, signal.SIGKILL)


def _report_exit(sock: socket.socket, child: Child) -> None:
    _, status = os.waitpid(child.pid, 0)
    os.close(child.pidfd)
    report: dict[str, Any] = {"op": "exited", "run": child.run}
    if os.WIFSIGNALED(status):
        report["signal"] = os.WTERMSIG(status)
    else:
        report["exit_code"] = os.waitstatus_to_exitcode(status)
    protocol.send(sock, report)


def _resident_bytes() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _load_error(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "A file's data is missing from storage."
    return f"A file's data could not be read ({type(error).__name__})."
