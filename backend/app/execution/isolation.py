"""What isolation this host gives run children, and whether code may run with it.

Two looks: `probe_host` at start-up, in the app process, reads what the host offers (root, the
namespace files, libseccomp, pidfds) so the log can say at once what is missing. Then, once the
worker is up, PROBE_CODE runs through the real sandbox, like any user code, and checks from inside
what a run can actually do; `assess` turns that into the level GET /api/v1/health reports:
- "full": every layer works (namespaces, private filesystem, unprivileged uid, seccomp, rlimits);
- "partial": some layers are missing (listed); "none": no layer could be set up;
- "starting": not probed yet; "unavailable": the worker could not start.
Code runs only at "full", unless SANDBOX_ALLOW_UNISOLATED=true.
"""

import ctypes.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.execution.schemas import RunResult

IsolationLevel = Literal["full", "partial", "none", "starting", "unavailable"]

# Runs inside the sandbox; every check is True when the sandbox holds.
PROBE_CODE = """\
import os, socket
checks = {"unprivileged_uid": os.geteuid() != 0 and os.getuid() != 0}
try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    checks["no_network"] = False
except OSError:
    checks["no_network"] = True
try:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    checks["no_new_processes"] = False
except OSError:
    checks["no_new_processes"] = True
checks["no_host_files"] = not any(os.path.exists(p) for p in ("/etc/passwd", "/proc/self", "/home"))
try:
    open("/usr/redpanda-sandbox-probe", "w").close()
    checks["read_only_outside_scratch"] = False
except OSError:
    checks["read_only_outside_scratch"] = True
result = checks
"""


@dataclass(frozen=True)
class Isolation:
    level: IsolationLevel
    missing: tuple[str, ...] = ()

    def allows_runs(self, *, allow_unisolated: bool) -> bool:
        if self.level == "full":
            return True
        return allow_unisolated and self.level in ("partial", "none")

    def describe(self) -> str:
        if not self.missing:
            return self.level
        return f"{self.level} (missing: {', '.join(self.missing)})"


STARTING = Isolation("starting")


def probe_host() -> list[str]:
    """What the host plainly lacks for full isolation (cheap; no process is started)."""
    missing = []
    if os.geteuid() != 0:
        missing.append("root (to give each run its own uid, namespaces and filesystem view)")
    if not all(Path("/proc/self/ns", name).exists() for name in ("mnt", "net", "user", "ipc")):
        missing.append("namespaces")
    if ctypes.util.find_library("seccomp") is None:
        missing.append("libseccomp (apt-get install libseccomp2)")
    if not hasattr(os, "pidfd_open"):
        missing.append("pidfd (Linux 5.3 or newer)")
    return missing


def assess(probe: RunResult, *, setup_failed: list[str]) -> Isolation:
    """The level, from the probe's run and the worker's own set-up."""
    missing = list(setup_failed)
    checks = (
        probe.result.get("value") if probe.result and probe.result.get("kind") == "json" else None
    )
    if probe.status != "succeeded" or not isinstance(checks, dict):
        reason = probe.error.message if probe.error else probe.status
        return Isolation("none", (*missing, f"the probe run failed: {reason}"))
    missing += [name for name, held in checks.items() if held is not True]
    if not missing:
        return Isolation("full")
    level: IsolationLevel = "partial" if any(held is True for held in checks.values()) else "none"
    return Isolation(level, tuple(missing))
