"""Whether another process has the SQLite ledger open (the station), read from the locks SQLite holds.

There is no station-wide lock file to ask, so the restore asks SQLite's own locks instead, without
opening the database (it may be the damaged file being replaced). SQLite's unix VFS takes POSIX
advisory locks (os_unix.c): every connection of a WAL database holds a read lock on the
"dead man switch" byte of the -shm file (offset 128) for as long as it is open, and a connection
holds a SHARED lock on the database file's shared-lock range (PENDING_BYTE 0x40000000 + 2, 510
bytes) while it reads (in WAL mode, for as long as it is open). The station's engine keeps pooled
connections open while it runs, so a running station always holds both. F_GETLK asks the kernel
whether a write lock could be placed there, and answers with the process that prevents it,
without taking any lock itself.
"""

from __future__ import annotations

import fcntl
import os
import struct
import time
from dataclasses import dataclass
from pathlib import Path

PENDING_BYTE = 0x40000000
SHARED_FIRST = PENDING_BYTE + 2
SHARED_SIZE = 510
SHM_DMS_OFFSET = 128  # UNIX_SHM_BASE (120) + SQLITE_SHM_NLOCK (8)
# struct flock on 64-bit Linux (and 32-bit with a 64-bit off_t): short type, short whence, off_t start,
# off_t len, pid_t pid, padded to 32 bytes.
FLOCK = "@hhqqi4x"
PROBE_FOR_S = (
    2.0  # a technician's brief sqlite3 query may hold a lock for a moment; the station holds it always
)
PROBE_EVERY_S = 0.1


@dataclass(frozen=True)
class Holder:
    """A process that holds a lock on the ledger."""

    pid: int
    command: str


def _holder(path: Path, start: int, length: int) -> int | None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        request = struct.pack(FLOCK, fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
        kind, _whence, _start, _length, pid = struct.unpack(FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, request))
    finally:
        os.close(fd)
    return None if kind == fcntl.F_UNLCK else pid


def _command(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    return raw.replace(b"\0", b" ").decode(errors="replace").strip() or "?"


def holders_now(ledger: Path) -> list[Holder]:
    """The processes holding a lock on the ledger or its -shm right now (at most one each is reported)."""
    pids = {
        pid
        for pid in (
            _holder(ledger, SHARED_FIRST, SHARED_SIZE),
            _holder(ledger.with_name(ledger.name + "-shm"), SHM_DMS_OFFSET, 1),
        )
        if pid is not None
    }
    return [Holder(pid, _command(pid)) for pid in sorted(pids)]


def ledger_holders(ledger: Path, probe_for_s: float = PROBE_FOR_S) -> list[Holder]:
    """The processes that keep the ledger open: empty as soon as one probe finds it free."""
    deadline = time.monotonic() + probe_for_s
    while True:
        found = holders_now(ledger)
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(PROBE_EVERY_S)
