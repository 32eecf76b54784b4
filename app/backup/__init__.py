"""The ledger's online backup, its retention and its restore (docs/backup.md).

    run = take_backup(url, directory, keep_days=14, gzip=True)     # while the station runs
    restore_backup(url, file, directory, say=print, confirm=...)  # refused while it runs

`python -m app backup` / `python -m app restore` (cli.py) are the operator's commands; the nightly
systemd timer (systemd/evse-backup.timer.in) runs the first.
"""

from __future__ import annotations

from app.backup.errors import BackupError
from app.backup.formats import BackupKind, kind_of
from app.backup.in_use import Holder, ledger_holders
from app.backup.naming import aside_path, backups_in, taken_at
from app.backup.restore import restore_backup
from app.backup.results import TakenBackup
from app.backup.retention import prune
from app.backup.take import BackupRun, take_backup

__all__ = [
    "BackupError",
    "BackupKind",
    "BackupRun",
    "Holder",
    "TakenBackup",
    "aside_path",
    "backups_in",
    "kind_of",
    "ledger_holders",
    "prune",
    "restore_backup",
    "take_backup",
    "taken_at",
]
