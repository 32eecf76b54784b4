"""One backup at a time per backup directory: an flock(2) on `<dir>/.lock` for the whole run.

The nightly timer and a technician's `python -m app backup` may start together; the second one is
refused rather than interleaved (each would prune what the other is about to count as the newest).
The kernel releases the lock when the process ends, so a killed backup never leaves it held.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.backup.durable import describe_os_error
from app.backup.errors import BackupError

LOCK_NAME = ".lock"


@contextmanager
def directory_lock(directory: Path) -> Iterator[None]:
    """Holds the backup directory's lock; BackupError when another backup holds it."""
    path = directory / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o640)
    except OSError as err:
        raise BackupError(f"cannot use the backup directory: {describe_os_error(err, path)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(
                f"another backup into {directory} is running; try again when it has finished"
            ) from None
        yield
    finally:
        os.close(fd)
