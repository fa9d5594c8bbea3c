"""Locking a freshly forked run child down, before it reads the code it will run.

Called as root in the child, in this order (each step needs the privileges the next one removes):
1. new mount, network, IPC and UTS namespaces; the filesystem view (filesystem.py): no host files,
   no /proc, a private size-capped /tmp as the working directory; no network interface but a down
   loopback, so nothing can be reached even if a socket could be made;
2. an unprivileged uid and gid of its own (a different one for every run, so runs cannot signal or
   trace each other), no supplementary groups; the parent-death signal, so it never outlives its holder;
3. a user namespace of its own with every capability dropped: even "root" tricks inside it map to
   nothing on the host;
4. rlimits: address space (the data it inherited plus SANDBOX_MEMORY_BYTES), CPU seconds, threads
   (NPROC counts them per uid), open files, bytes per written file, no core dumps;
5. not dumpable (no /proc/<pid>/mem or ptrace access from another process), no-new-privs, then the
   seccomp filter (seccomp.py);
6. an environment with no secrets (the worker was started with a clean one, so nothing is left in
   the process's original environment block either).
With `strict` (the default) any failure aborts the run; without it (SANDBOX_ALLOW_UNISOLATED) failed
steps are skipped and reported, so the app can say what is missing.
"""

import os
import resource
import signal
from collections.abc import Callable

from app.execution.sandbox import filesystem, syscalls
from app.execution.sandbox.limits import RunLimits
from app.execution.sandbox.seccomp import Program

SAFE_ENVIRONMENT = {
    "HOME": filesystem.SCRATCH,
    "TMPDIR": filesystem.SCRATCH,
    "LANG": "C.UTF-8",
    "TZ": "UTC",
    "MPLBACKEND": "Agg",
    "PATH": "/usr/bin:/bin",
}


class HardeningFailed(Exception):
    """A step of the lock-down failed while every step was required."""


def harden(
    *,
    root: str,
    uid: int,
    parent_pid: int,
    limits: RunLimits,
    program: Program | None,
    strict: bool,
) -> list[str]:
    """Apply every step; return the names of the steps that failed (only when not strict)."""
    failed: list[str] = []

    def step(name: str, action: Callable[[], None]) -> None:
        try:
            action()
        except OSError as error:
            if strict:
                raise HardeningFailed(f"{name}: {error}") from error
            failed.append(name)

    # Read before the view hides /proc: the data inherited from the holder is not the run's to pay for.
    inherited_bytes = _address_space_bytes()
    namespaces = (
        syscalls.CLONE_NEWNS | syscalls.CLONE_NEWNET | syscalls.CLONE_NEWIPC | syscalls.CLONE_NEWUTS
    )
    step("namespaces", lambda: syscalls.unshare(namespaces))
    step(
        "filesystem",
        lambda: filesystem.enter_root(root, uid=uid, scratch_bytes=limits.max_write_bytes),
    )
    step("unprivileged_uid", lambda: _become(uid))
    step("parent_death_signal", lambda: _die_with_parent(parent_pid))
    step("user_namespace", _own_user_namespace)
    step("rlimits", lambda: _set_rlimits(limits, inherited_bytes))
    step("not_dumpable", lambda: syscalls.prctl(syscalls.PR_SET_DUMPABLE, 0))
    step("no_new_privs", lambda: syscalls.prctl(syscalls.PR_SET_NO_NEW_PRIVS, 1))
    if program is None:
        step("seccomp", _seccomp_missing)
    else:
        step("seccomp", program.load)
    os.environ.clear()
    os.environ.update(SAFE_ENVIRONMENT)
    return failed


def _address_space_bytes() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _become(uid: int) -> None:
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


def _die_with_parent(parent_pid: int) -> None:
    # Set after the uid change, which clears it. The holder may have died just before: then go now.
    syscalls.prctl(syscalls.PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(1)


def _own_user_namespace() -> None:
    syscalls.unshare(syscalls.CLONE_NEWUSER)
    # The creator of a user namespace holds every capability inside it: give them all up.
    syscalls.drop_all_capabilities()


def _set_rlimits(limits: RunLimits, inherited_bytes: int) -> None:
    cpu = limits.cpu_seconds
    for kind, value in (
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NPROC, limits.max_processes),
        (resource.RLIMIT_NOFILE, limits.max_open_files),
        (resource.RLIMIT_FSIZE, limits.max_write_bytes),
        (resource.RLIMIT_AS, inherited_bytes + limits.memory_bytes),
    ):
        resource.setrlimit(kind, (value, value))
    # SIGXCPU at the soft limit, SIGKILL a second later if it is caught or ignored.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _seccomp_missing() -> None:
    raise OSError("libseccomp is not available")
