"""The system-call filter of a run child: compiled once in the worker, loaded in each child.

A deny list on top of "allow": pandas, numpy, pyarrow and matplotlib use a wide and changing set of
calls, so an allow list would break on a library update, while the calls an escape needs are few and
known. Denied calls fail with EPERM (a Python exception with a clear message, not a dead process):
- no sockets at all (the network namespace has no route out; this also closes abstract Unix sockets);
- no new programs and no new processes: execve, fork, vfork, and clone unless it makes a thread
  (clone3 answers ENOSYS so glibc falls back to clone, whose flags a filter can read);
- nothing that reaches into other processes (ptrace, process_vm_*, pidfd_getfd, kcmp);
- nothing that changes namespaces, mounts or the kernel (unshare, setns, mount, bpf, modules, ...);
- io_uring (its operations are not seen by seccomp) and SysV IPC.
The compiled program is raw BPF, so a child loads it with one prctl call (no libseccomp work per run).
"""

import ctypes
import errno
import tempfile

from app.execution.sandbox import syscalls

DENIED = (
    # network
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
    # programs and processes
    "execve", "execveat", "fork", "vfork",
    # other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_open", "pidfd_getfd",
    "pidfd_send_signal", "kcmp",
    # namespaces, mounts, roots
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "open_tree", "move_mount",
    "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr", "name_to_handle_at",
    "open_by_handle_at",
    # the kernel itself
    "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key", "init_module",
    "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot", "swapon",
    "swapoff", "syslog", "acct", "quotactl", "personality", "iopl", "ioperm",
    # io_uring runs operations seccomp never sees; SysV IPC outlives the process
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    "shmget", "msgget", "semget",
)  # fmt: skip


class Program:
    """A compiled BPF program kept in memory, ready for prctl(PR_SET_SECCOMP)."""

    def __init__(self, bpf: bytes) -> None:
        class SockFprog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

        # Each BPF instruction is 8 bytes; the buffer must live as long as the program.
        self._buffer = ctypes.create_string_buffer(bpf, len(bpf))
        self._fprog = SockFprog(len(bpf) // 8, ctypes.cast(self._buffer, ctypes.c_void_p))

    def load(self) -> None:
        """Apply the filter to the calling process, for good (needs no-new-privs first)."""
        syscalls.prctl(
            syscalls.PR_SET_SECCOMP, syscalls.SECCOMP_MODE_FILTER, ctypes.byref(self._fprog)
        )


def compile_program() -> Program:
    """Build the filter with libseccomp (raises OSError when the library or kernel lacks support)."""
    import pyseccomp as seccomp  # only the worker needs libseccomp: imported where it is used

    deny = seccomp.ERRNO(errno.EPERM)
    rules = seccomp.SyscallFilter(seccomp.ALLOW)
    for name in DENIED:
        try:
            rules.add_rule(deny, name)
        except (OSError, ValueError):
            continue  # a call this architecture does not have
    rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    rules.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, syscalls.CLONE_THREAD, 0))
    with tempfile.TemporaryFile() as exported:
        rules.export_bpf(exported)
        exported.seek(0)
        return Program(exported.read())
