"""Retention: after a new backup, the backups older than keep_days are deleted, never the newest one.

The age is read from the name (app/backup/naming.py), and only names of the backup pattern are
touched: a file a technician put in the directory, a before-restore copy, or a backup the operator
renamed to keep it, stays. The newest backup is kept whatever its age, so a station whose clock
jumped forward, or whose backups have failed for weeks, still has one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from app.backup.durable import describe_os_error, fsync_dir
from app.backup.errors import BackupError
from app.backup.naming import backups_in


def prune(directory: Path, keep_days: int, now: datetime) -> list[Path]:
    """Deletes the backups older than `keep_days` (0: none) except the newest; the deleted paths."""
    if keep_days == 0:
        return []
    backups = backups_in(directory)
    cutoff = now - timedelta(days=keep_days)
    removed = []
    for moment, path in backups[:-1]:
        if moment < cutoff:
            try:
                path.unlink()
            except OSError as err:
                raise BackupError(f"pruning old backups failed: {describe_os_error(err, path)}") from None
            removed.append(path)
    if removed:
        fsync_dir(directory)
    return removed
