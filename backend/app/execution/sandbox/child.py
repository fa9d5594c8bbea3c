"""A run child: forked from a holder, locked down, runs one piece of code, answers, exits.

Nothing in here trusts the code it runs: the code may replace sys.stdout, monkeypatch pandas, raise
BaseException, write to the run socket itself or never return. The worst it can do is spoil its own
answer (the app checks every answer) or run until the app kills it.
"""

import builtins
import gc
import json
import linecache
import os
import socket
import sys
from typing import Any, NoReturn

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from app.execution.sandbox import capture, filesystem, results
from app.execution.sandbox.hardening import HardeningFailed, harden
from app.execution.sandbox.limits import RunLimits
from app.execution.sandbox.protocol import LENGTH, ProtocolError, frame
from app.execution.sandbox.seccomp import Program

MAX_REQUEST_BYTES = 4 * 1024 * 1024
HINTS = {
    "MemoryError": "the sandbox stopped the code at its memory limit of {memory}",
    "PermissionError": "the sandbox allows no network, no new processes and no files outside {scratch}",
    "FileNotFoundError": "only the attached data (df, dfs) and the scratch folder {scratch} are available",
    "SystemExit": "the code called exit(); assign the answer to `result` instead",
}


def run_child(
    *,
    run_fd: int,
    uid: int,
    holder_pid: int,
    limits: RunLimits,
    root: str,
    program: Program | None,
    strict: bool,
    frames: list[pd.DataFrame],
) -> NoReturn:
    """Runs in the forked child; never returns."""
    try:
        _keep_only(run_fd)
        connection = socket.socket(fileno=run_fd)
        try:
            failed_steps = harden(
                root=root,
                uid=uid,
                parent_pid=holder_pid,
                limits=limits,
                program=program,
                strict=strict,
            )
        except HardeningFailed as error:
            # Never run code without the isolation it was promised.
            _answer(connection, _refusal(str(error)), None)
        request = _read_request(connection)
        header, csv = _execute(request, frames, limits)
        header["isolation_failed"] = failed_steps
        _answer(connection, header, csv)
    except BaseException:  # whatever happened, a child ends here, never back in the holder's code
        os._exit(70)


def _keep_only(run_fd: int) -> None:
    # The holder's control socket and any other descriptor stay behind; stdio points at /dev/null.
    os.closerange(3, run_fd)
    os.closerange(run_fd + 1, 1 << 16)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _read_request(connection: socket.socket) -> dict[str, Any]:
    size = LENGTH.unpack(_read_exactly(connection, LENGTH.size))[0]
    if size > MAX_REQUEST_BYTES:
        raise ProtocolError("request too large")
    request = json.loads(_read_exactly(connection, size))
    if not isinstance(request, dict):
        raise ProtocolError("request is not an object")
    return request


def _read_exactly(connection: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise ProtocolError("request ended early")
        data += chunk
    return bytes(data)


def _execute(
    request: dict[str, Any], frames: list[pd.DataFrame], limits: RunLimits
) -> tuple[dict[str, Any], bytes | None]:
    code = str(request["code"])
    names = [str(name) for name in request.get("names", [])]
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__builtins__": builtins,
        "pd": pd,
        "np": np,
        "plt": plt,
        "dfs": dict(zip(names, frames, strict=False)),
    }
    if frames:
        namespace["df"] = frames[0]
    # The user's lines appear in tracebacks with their text.
    linecache.cache[capture.CODE_FILENAME] = (
        len(code),
        None,
        code.splitlines(True),
        capture.CODE_FILENAME,
    )
    output = capture.CappedOutput(limits.max_output_bytes)
    error: dict[str, Any] | None = None
    sys.stdout = sys.stderr = output
    try:
        exec(compile(code, capture.CODE_FILENAME, "exec"), namespace)  # noqa: S102 - this is the sandbox
    except BaseException as raised:  # SystemExit and KeyboardInterrupt are the code's doing too
        error = _with_hint(capture.user_error(raised), limits)
        namespace.clear()  # free what a MemoryError left behind before building the answer
        gc.collect()
    value = namespace.get("result")
    result: dict[str, Any] | None = None
    csv: bytes | None = None
    if error is None:
        try:
            result, csv = results.describe(value, max_csv_bytes=limits.max_csv_bytes)
        except BaseException as raised:  # the result's own methods (__repr__...) are user code
            error = _with_hint(capture.user_error(raised), limits)
            error["message"] = "The result could not be shown: " + error["message"]
    try:
        images, left_out = capture.figures()
    except BaseException:  # pyplot itself may have been tampered with: no figures then
        images, left_out = [], 0
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    return {
        "status": "failed" if error else "succeeded",
        "result": result,
        "figures": images,
        "figures_left_out": left_out,
        "stdout": output.text(),
        "error": error,
        "csv_bytes": len(csv) if csv is not None else 0,
    }, csv


def _with_hint(error: dict[str, Any], limits: RunLimits) -> dict[str, Any]:
    hint = HINTS.get(error["kind"])
    if hint:
        memory = f"{limits.memory_bytes / 2**30:g} GiB"
        hint = hint.format(memory=memory, scratch=filesystem.SCRATCH)
        error["message"] = (
            f"{error['message']} ({hint})" if error["message"] else hint[0].upper() + hint[1:]
        )
    return error


def _refusal(message: str) -> dict[str, Any]:
    return {
        "status": "failed",
        "result": None,
        "figures": [],
        "figures_left_out": 0,
        "stdout": "",
        "error": {"kind": "IsolationFailed", "message": message, "traceback": []},
        "csv_bytes": 0,
    }


def _answer(connection: socket.socket, header: dict[str, Any], csv: bytes | None) -> NoReturn:
    try:
        data = frame(header) + (csv or b"")
    except (TypeError, ValueError, RecursionError):  # the code tampered with what we built
        broken = {"kind": "InvalidResult", "message": "The result could not be encoded as JSON."}
        data = frame({**_refusal(""), "error": {**broken, "traceback": []}})
    connection.sendall(data)
    os._exit(0)
