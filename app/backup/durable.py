"""Files that survive a power cut: fsync before rename, the directory fsynced after, clear disk errors.

A backup or a restored ledger is written under a temporary name, fsynced, and only then renamed to
its final name: rename(2) is atomic, so a final name always holds a complete file, and the
directory's fsync makes the rename itself durable (POSIX leaves it in the page cache otherwise;
the ext4 and SQLite documentation both ask for it).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from pathlib import Path

from app.backup.errors import BackupError

MB = 1_000_000  # decimal, as df -H and docs/database.md count


def size_text(size: int) -> str:
    """`23.2 MB`, or `9 kB` for a small file."""
    return f"{size / MB:.1f} MB" if size >= MB // 10 else f"{size / 1000:.0f} kB"


def fsync_file(path: Path) -> None:
    """Forces the file's data and size to the storage."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Forces the directory's entries (a rename, a new or removed name) to the storage."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


BACKUP_MODE = 0o640  # backups hold the ledger: the station's user and its group only


def publish(temporary: Path, final: Path) -> None:
    """Renames a complete temporary backup file to its final name, fsynced, and makes the rename durable."""
    os.chmod(temporary, BACKUP_MODE)
    fsync_file(temporary)
    os.replace(temporary, final)
    fsync_dir(final.parent)


def remove_quietly(path: Path) -> None:
    """Removes a leftover temporary file, if there is one."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def free_bytes(directory: Path) -> int:
    """Space an unprivileged writer may still use on the directory's file system."""
    return shutil.disk_usage(directory).free


def require_space(directory: Path, needed: int, what: str) -> None:
    """Refuses before any writing when the file system cannot hold `needed` bytes."""
    free = free_bytes(directory)
    if free < needed:
        raise BackupError(
            f"not enough space in {directory}: {free / MB:.1f} MB free, {what} needs about "
            f"{needed / MB:.1f} MB; delete old backups there or set [backup] dir to a larger disk"
        )


def describe_os_error(err: OSError, where: Path) -> str:
    """One line for a failed write: disk full, read-only, permission, or the system's own words."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk holding {where} is full ({err.strerror}); nothing was kept under a final name"
    if err.errno == errno.EROFS:
        return f"{where} is on a read-only file system"
    if err.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied on {where} (run as the station's user, evse, or as root)"
    return f"{where}: {err.strerror or err}"


def prepare_directory(directory: Path) -> None:
    """Creates the backup directory (owner and group only: backups hold the ledger) and checks it is
    writable, so that an unwritable place is refused before the ledger is read."""
    try:
        directory.mkdir(mode=0o750, parents=True, exist_ok=True)
    except OSError as err:
        raise BackupError(
            f"cannot create the backup directory: {describe_os_error(err, directory)}"
        ) from None
    if not directory.is_dir():
        raise BackupError(f"the backup directory {directory} is not a directory")
    if os.statvfs(directory).f_flag & os.ST_RDONLY:
        raise BackupError(f"the backup directory {directory} is on a read-only file system")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise BackupError(
            f"the backup directory {directory} is not writable by this user (uid {os.geteuid()}); "
            "run as the station's user, evse, or choose another with --dir"
        )
