"""The sandbox's wire formats: JSON, never pickle, with every size checked before it is read.

Control channels (app <-> worker <-> holders) are AF_UNIX SOCK_SEQPACKET socket pairs: one message is
one JSON object (at most CONTROL_MESSAGE_BYTES), optionally carrying file descriptors (SCM_RIGHTS).
Messages carry ids, paths and limits only, never code, data or results.

A run has its own SOCK_STREAM socket pair: the app keeps one end and sends the other, through the
worker and the holder, to the run child. Code and results travel only there, so neither the worker nor
a holder ever holds them (and so no later child can find them in memory it inherited):
- request (app -> child): 4-byte big-endian length, then JSON {"code", "names"};
- response (child -> app): 4-byte length, then the JSON header (RunResult fields), then exactly
  header["csv_bytes"] bytes of CSV. The child is untrusted: the app checks both lengths against caps.
"""

import array
import contextlib
import json
import os
import socket
import struct
from typing import Any

# How the app starts the worker: `python -I -c BOOTSTRAP <backend folder> <control socket fd>`.
BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from app.execution.sandbox.worker import main; main(int(sys.argv[2]))"
)
CONTROL_MESSAGE_BYTES = 64 * 1024
MAX_FDS = 4
LENGTH = struct.Struct(">I")


class ProtocolError(Exception):
    """A peer sent something that is not a valid message."""


def control_pair() -> tuple[socket.socket, socket.socket]:
    return socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)


def encode(message: dict[str, Any]) -> bytes:
    data = json.dumps(message, separators=(",", ":")).encode()
    if len(data) > CONTROL_MESSAGE_BYTES:
        raise ProtocolError(f"control message of {len(data)} bytes is too large")
    return data


def decode(data: bytes) -> dict[str, Any]:
    try:
        message = json.loads(data)
    except ValueError as error:
        raise ProtocolError("control message is not JSON") from error
    if not isinstance(message, dict) or not isinstance(message.get("op"), str):
        raise ProtocolError("control message has no op")
    return message


def ancillary(fds: tuple[int, ...]) -> list[tuple[int, int, bytes]]:
    if not fds:
        return []
    return [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds).tobytes())]


def send(sock: socket.socket, message: dict[str, Any], fds: tuple[int, ...] = ()) -> None:
    """Send one message (blocking sockets only)."""
    sock.sendmsg([encode(message)], ancillary(fds))


def receive(sock: socket.socket) -> tuple[dict[str, Any], list[int]] | None:
    """One message and the descriptors it carried; None when the peer has gone."""
    room = socket.CMSG_SPACE(MAX_FDS * array.array("i").itemsize)
    try:
        data, ancillary, flags, _ = sock.recvmsg(CONTROL_MESSAGE_BYTES, room)
    except ConnectionResetError:
        # A peer that exits with messages it never read makes the next read fail once, even though
        # messages it sent before exiting are still queued here: read on, they come next.
        data, ancillary, flags, _ = sock.recvmsg(CONTROL_MESSAGE_BYTES, room)
    fds = received_fds(ancillary)
    if not data:
        for fd in fds:
            _close(fd)
        return None
    if flags & (socket.MSG_TRUNC | socket.MSG_CTRUNC):
        for fd in fds:
            _close(fd)
        raise ProtocolError("control message was truncated")
    return decode(data), fds


def received_fds(ancillary: list[tuple[int, int, bytes]]) -> list[int]:
    fds = array.array("i")
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            usable = len(data) - len(data) % fds.itemsize
            fds.frombytes(data[:usable])
    return list(fds)


def frame(payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, separators=(",", ":"), allow_nan=False).encode()
    return LENGTH.pack(len(data)) + data


def _close(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
