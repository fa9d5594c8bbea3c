"""The worker's holders: one per set of files, started on demand, kept warm within a memory budget.

A holder is keyed by its files (id and content hash, in order), so it only ever holds files of the
one user those files belong to. Idle holders are stopped after `idle_seconds`, and when the holders
together take more than `budget_bytes`, the least recently used idle ones go first.
"""

import contextlib
import os
import socket
import time
from dataclasses import dataclass, field
from typing import Any

from app.execution.sandbox import protocol
from app.execution.sandbox.holder import holder_main
from app.execution.sandbox.seccomp import Program


@dataclass
class Holder:
    key: str
    pid: int
    sock: socket.socket
    loaded: bool = False
    bytes: int = 0
    last_used: float = field(default_factory=time.monotonic)
    runs: set[str] = field(default_factory=set)

    def send(self, message: dict[str, Any], fds: tuple[int, ...] = ()) -> None:
        # A dead holder's end of file is noticed, and its runs reported, by the worker's loop.
        with contextlib.suppress(OSError):
            protocol.send(self.sock, message, fds)


@dataclass
class Holders:
    root: str
    program: Program | None
    strict: bool
    budget_bytes: int
    idle_seconds: float
    keep_open: list[socket.socket]  # sockets a holder must not inherit (the app's channel)
    by_key: dict[str, Holder] = field(default_factory=dict)
    by_fd: dict[int, Holder] = field(default_factory=dict)
    runs: dict[str, Holder] = field(default_factory=dict)  # runs under way, by id

    def get_or_start(self, datasets: list[dict[str, Any]]) -> Holder:
        key = "|".join(f"{item['file_id']}:{item['sha256']}" for item in datasets)
        holder = self.by_key.get(key)
        if holder is None:
            holder = self._start(key, [str(item["path"]) for item in datasets])
            self.by_key[key] = holder
            self.by_fd[holder.sock.fileno()] = holder
        holder.last_used = time.monotonic()
        return holder

    def _start(self, key: str, paths: list[str]) -> Holder:
        mine, theirs = protocol.control_pair()
        worker_pid = os.getpid()
        pid = os.fork()
        if pid == 0:
            # A holder keeps nothing of the worker's: not the app's channel, not other holders'
            # sockets, and not even their keys (other users' file ids) or run ids, since a child
            # could find the worker's objects by walking frames or the garbage collector.
            for sock in [mine, *self.keep_open, *(h.sock for h in self.by_fd.values())]:
                sock.close()
            self.by_key.clear()
            self.by_fd.clear()
            self.runs.clear()
            holder_main(
                theirs,
                paths=paths,
                root=self.root,
                program=self.program,
                strict=self.strict,
                worker_pid=worker_pid,
            )
        theirs.close()
        return Holder(key=key, pid=pid, sock=mine)

    def detach(self, holder: Holder) -> None:
        """No new runs go to it (its socket stays watched until it ends)."""
        if self.by_key.get(holder.key) is holder:
            del self.by_key[holder.key]

    def forget(self, holder: Holder) -> None:
        """It has ended."""
        self.detach(holder)
        self.by_fd.pop(holder.sock.fileno(), None)

    def retire(self, holder: Holder) -> None:
        """It ends once its running children have."""
        self.detach(holder)
        holder.send({"op": "stop"})

    def trim(self, *, keep: Holder | None = None) -> None:
        now = time.monotonic()
        for holder in list(self.by_key.values()):
            if not holder.runs and now - holder.last_used > self.idle_seconds:
                self.retire(holder)
        idle = sorted(
            (h for h in self.by_key.values() if h.loaded and not h.runs and h is not keep),
            key=lambda h: h.last_used,
        )
        total = sum(h.bytes for h in self.by_key.values() if h.loaded)
        for holder in idle:
            if total <= self.budget_bytes:
                break
            total -= holder.bytes
            self.retire(holder)
