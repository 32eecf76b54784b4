"""Lets the real smbus2 code drive the simulator's virtual I2C bus (no kernel I2C needed).

SimSMBus is an smbus2.SMBus whose file descriptor is a TCP socket to the simulator's i2c_port.
While at least one is open, smbus2's module-level ``ioctl`` is replaced by one that serves
I2C_RDWR on those sockets: it walks the i2c_rdwr_ioctl_data message array exactly as the kernel
would and exchanges each write+read pair with the simulator. Every other fd and request goes to
the original ioctl. An address without a device raises OSError(EREMOTEIO), as a real NACK does.

Virtual bus request: [addr u8][write_len u16 LE][write][read_len u16 LE];
reply: [status u8: 0 ACK, 1 NACK][read_len bytes if ACK].
"""

from __future__ import annotations

import ctypes
import errno
import socket
import struct
import threading
from collections.abc import Callable
from typing import Any

import smbus2.smbus2 as smbus2_module
from smbus2 import SMBus
from smbus2.smbus2 import I2C_M_RD, I2C_RDWR, i2c_msg, i2c_rdwr_ioctl_data

_U16 = struct.Struct("<H")
_STATUS_ACK = 0
_STATUS_NACK = 1

_patch_lock = threading.Lock()
_patch_users = 0
_original_ioctl: Callable[..., Any] | None = None
_sockets: dict[int, socket.socket] = {}  # fd -> socket to the simulator's I2C endpoint


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < n:
        chunk = sock.recv(n - len(chunks))
        if not chunk:
            raise OSError(errno.EIO, "simulator closed the I2C connection")
        chunks += chunk
    return bytes(chunks)


def exchange(sock: socket.socket, address: int, write: bytes, read_len: int) -> bytes | None:
    """One virtual-bus transaction; returns the bytes read, or None on NACK."""
    sock.sendall(bytes([address]) + _U16.pack(len(write)) + write + _U16.pack(read_len))
    status = _recv_exact(sock, 1)[0]
    if status == _STATUS_NACK:
        return None
    if status != _STATUS_ACK:
        raise OSError(errno.EIO, f"virtual I2C bus answered status {status}")
    return _recv_exact(sock, read_len) if read_len else b""


def _serve_rdwr(sock: socket.socket, data: i2c_rdwr_ioctl_data) -> int:
    msgs = ctypes.cast(data.msgs, ctypes.POINTER(i2c_msg))
    i = 0
    n = int(data.nmsgs)
    while i < n:
        msg = msgs[i]
        if msg.flags & I2C_M_RD:
            write, read_msg = b"", msg
            i += 1
        else:
            write = ctypes.string_at(msg.buf, msg.len)
            nxt = msgs[i + 1] if i + 1 < n else None
            # A write followed by a read of the same address is one transaction with a repeated start.
            if nxt is not None and nxt.flags & I2C_M_RD and nxt.addr == msg.addr:
                read_msg = nxt
                i += 2
            else:
                read_msg = None
                i += 1
        address = int(msg.addr)
        read_len = int(read_msg.len) if read_msg is not None else 0
        reply = exchange(sock, address, write, read_len)
        if reply is None:
            raise OSError(errno.EREMOTEIO, f"Remote I/O error (NACK at 0x{address:02x})")
        if read_msg is not None and read_len:
            ctypes.memmove(read_msg.buf, reply, read_len)
    return n


def _sim_ioctl(fd: Any, request: int, arg: Any = 0, *rest: Any) -> Any:
    sock = _sockets.get(fd) if isinstance(fd, int) else None
    if sock is not None and request == I2C_RDWR and isinstance(arg, i2c_rdwr_ioctl_data):
        return _serve_rdwr(sock, arg)
    assert _original_ioctl is not None
    return _original_ioctl(fd, request, arg, *rest)


class patched_smbus_ioctl:  # noqa: N801 - used like a function: `with patched_smbus_ioctl():`
    """Installs the simulator ioctl in smbus2 for the duration (reference counted, thread safe)."""

    def __enter__(self) -> patched_smbus_ioctl:
        global _patch_users, _original_ioctl
        with _patch_lock:
            if _patch_users == 0:
                _original_ioctl = smbus2_module.ioctl  # type: ignore[attr-defined]  # absent from smbus2.pyi
                smbus2_module.ioctl = _sim_ioctl  # type: ignore[attr-defined]  # absent from smbus2.pyi
            _patch_users += 1
        return self

    def __exit__(self, *exc: object) -> None:
        global _patch_users, _original_ioctl
        with _patch_lock:
            _patch_users -= 1
            if _patch_users == 0:
                smbus2_module.ioctl = _original_ioctl  # type: ignore[attr-defined]  # absent from smbus2.pyi
                _original_ioctl = None


class SimSMBus(SMBus):
    """An SMBus on the simulator's virtual I2C bus; the smbus2 ioctl patch lives as long as it does."""

    def __init__(self, host: str, port: int, timeout_s: float = 2.0) -> None:
        super().__init__()
        self._patch = patched_smbus_ioctl()
        self._sock: socket.socket | None = socket.create_connection((host, port), timeout=timeout_s)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._patch.__enter__()
        self.fd = self._sock.fileno()
        _sockets[self.fd] = self._sock

    def close(self) -> None:
        sock, self._sock = getattr(self, "_sock", None), None
        if sock is None:
            return
        _sockets.pop(sock.fileno(), None)
        self.fd = None
        sock.close()
        self._patch.__exit__(None, None, None)
