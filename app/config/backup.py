"""The [backup] section: where the nightly ledger backups go, how long they are kept, whether compressed."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import setting


@dataclass(frozen=True, kw_only=True)
class BackupSettings:
    """The ledger's backups (docs/backup.md), taken by `python -m app backup` from the nightly timer."""

    dir: str = setting(
        "",
        pattern=r"^(|/.*)$",
        doc="Where backups are written, an absolute path; empty: backups/ under the state directory "
        "(/var/lib/evse-station/backups under systemd)",
    )
    keep_days: int = setting(
        14,
        minimum=0,
        maximum=3650,
        doc="Backups older than this many days are deleted after each new backup, never the newest "
        "one; 0 = kept for ever",
    )
    compress: bool = setting(
        True,
        doc="gzip SQLite backups (a fraction of the size on the SD card; `gunzip -k` gives a file the "
        "sqlite3 tool opens); PostgreSQL dumps are compressed by pg_dump either way",
    )
