"""The filesystem a run child sees: the Python runtime read-only and an empty private scratch folder.

The worker builds the view once, in a mount namespace of its own (so nothing shows on the host): a
small tmpfs holding read-only bind mounts of /usr, the interpreter's install and the virtualenv, at
their usual paths so imports still find them, plus /dev/null, /dev/zero, /dev/random, /dev/urandom.
Each child then enters a private copy of that namespace, mounts a fresh size-capped tmpfs as /tmp
(its scratch folder and working directory, owned by the run's uid; /scratch when the runtime itself
lives under /tmp) and pivots into the view. What is
absent is the point: /etc, /proc, /sys, /home, /root, the app's code and secrets, the uploaded files
(other users' data), other runs' scratch folders. The view's own folders are created mode 755 inside
the tmpfs, so an unprivileged uid can reach the interpreter even when it is installed under /root.
"""

import os
import sys
from pathlib import Path

from app.execution.sandbox import syscalls
from app.execution.sandbox.syscalls import (
    MNT_DETACH,
    MS_BIND,
    MS_NODEV,
    MS_NOEXEC,
    MS_NOSUID,
    MS_PRIVATE,
    MS_RDONLY,
    MS_REC,
    MS_REMOUNT,
)

DEVICES = ("null", "zero", "random", "urandom")
TOP_LEVEL_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")


def runtime_paths() -> list[str]:
    """Folders the interpreter and its packages live in, outermost first, without nested repeats."""
    candidates = ["/usr", sys.base_prefix, sys.base_exec_prefix, sys.prefix, sys.exec_prefix]
    paths: list[str] = []
    for path in sorted({os.path.realpath(candidate) for candidate in candidates}, key=len):
        if not any(path == kept or path.startswith(kept + "/") for kept in paths):
            paths.append(path)
    # The virtualenv is usually reached through its own path (sys.prefix), not its real one.
    for path in (sys.prefix, sys.exec_prefix):
        if path not in paths and os.path.realpath(path) in paths:
            paths.append(path)
    return paths


def _scratch_folder() -> str:
    # A private tmpfs inside the run's own mount namespace, at /tmp where code expects it; but a
    # runtime installed under /tmp (a checkout there) would be hidden by it, so then elsewhere
    # (TMPDIR says where either way).
    under_tmp = any(path == "/tmp" or path.startswith("/tmp/") for path in runtime_paths())  # noqa: S108
    return "/scratch" if under_tmp else "/tmp"  # noqa: S108


SCRATCH = _scratch_folder()


def build_root(root: str) -> None:
    """In the worker, as root: a private mount namespace with the view mounted at `root`."""
    syscalls.unshare(syscalls.CLONE_NEWNS)
    # Mounts made from here on stay in this namespace (and the namespaces copied from it).
    syscalls.mount(None, "/", None, MS_REC | MS_PRIVATE)
    syscalls.mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=755,size=1m")
    for path in runtime_paths():
        _bind(path, root + path, read_only=True)
    for name in TOP_LEVEL_LINKS:
        link = Path("/", name)
        if link.is_symlink():
            os.symlink(os.readlink(link), root + "/" + name)
        elif link.is_dir() and not any(("/" + name).startswith(p) for p in runtime_paths()):
            _bind(str(link), root + "/" + name, read_only=True)
    for name in DEVICES:
        _bind("/dev/" + name, f"{root}/dev/{name}", read_only=False)
    os.makedirs(root + SCRATCH, mode=0o755, exist_ok=True)
    syscalls.mount(None, root, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


def _bind(source: str, target: str, *, read_only: bool) -> None:
    if os.path.isdir(source):
        os.makedirs(target, mode=0o755, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        Path(target).touch()
    syscalls.mount(source, target, None, MS_BIND | MS_REC)
    # A bind mount takes its flags only on a remount. Devices must stay usable (no MS_NODEV).
    flags = MS_BIND | MS_REMOUNT | MS_NOSUID
    flags |= MS_RDONLY | MS_NODEV if read_only else MS_NOEXEC
    syscalls.mount(None, target, None, flags)


def enter_root(root: str, *, uid: int, scratch_bytes: int) -> None:
    """In a run child, as root, already in a new mount namespace: switch to the view for good."""
    syscalls.mount(
        "tmpfs",
        root + SCRATCH,
        "tmpfs",
        MS_NOSUID | MS_NODEV | MS_NOEXEC,
        f"size={scratch_bytes},nr_inodes=4096,mode=700,uid={uid},gid={uid}",
    )
    os.chdir(root)
    # pivot_root(".", ".") stacks the old root on top of the new one; detaching it drops every
    # host mount from this namespace, so nothing outside the view can be reached again.
    syscalls.pivot_root(".", ".")
    syscalls.umount(".", MNT_DETACH)
    os.chdir(SCRATCH)
