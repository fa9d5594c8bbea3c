"""ctypes wrappers for the Linux calls Python 3.11's `os` module lacks.

unshare(2), mount(2), umount2(2), pivot_root(2), prctl(2) and capset(2), each raising OSError with the
errno on failure. Only the sandbox's own processes call these (the worker, holders and run children).
"""

import ctypes
import os
import platform
from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
CLONE_THREAD = 0x00010000

MS_RDONLY = 0x1
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_NOEXEC = 0x8
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
MNT_DETACH = 0x2

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2

# glibc 2.36 exports no pivot_root or capset wrapper: call them by number.
_SYSCALL_NUMBERS = {
    "x86_64": {"pivot_root": 155, "capset": 126},
    "aarch64": {"pivot_root": 41, "capset": 91},
}
_LINUX_CAPABILITY_VERSION_3 = 0x20080522

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_ulong,
    ctypes.c_char_p,
]
_libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
_libc.unshare.argtypes = [ctypes.c_int]


def _check(result: int, what: str) -> None:
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"{what}: {os.strerror(number)}")


def _encode(value: str | None) -> bytes | None:
    return None if value is None else value.encode()


def syscall_number(name: str) -> int:
    try:
        return _SYSCALL_NUMBERS[platform.machine()][name]
    except KeyError:
        raise OSError(f"{name}: unsupported machine {platform.machine()}") from None


def unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    _check(
        _libc.mount(_encode(source), target.encode(), _encode(fstype), flags, data.encode()),
        f"mount {target}",
    )


def umount(target: str, flags: int = 0) -> None:
    _check(_libc.umount2(target.encode(), flags), f"umount {target}")


def pivot_root(new_root: str, put_old: str) -> None:
    number = syscall_number("pivot_root")
    _check(_libc.syscall(number, new_root.encode(), put_old.encode()), "pivot_root")


def prctl(option: int, argument: int, pointer: Any = None) -> None:
    """prctl(option, argument[, pointer]); the pointer is a ctypes byref() when the option needs one."""
    third = pointer if pointer is not None else ctypes.c_ulong(0)
    result = _libc.prctl(
        ctypes.c_int(option), ctypes.c_ulong(argument), third, ctypes.c_ulong(0), ctypes.c_ulong(0)
    )
    _check(result, f"prctl {option}")


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def drop_all_capabilities() -> None:
    """Empty the effective, permitted and inheritable sets of the calling thread."""
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    number = syscall_number("capset")
    _check(_libc.syscall(number, ctypes.byref(header), ctypes.byref(data)), "capset")
