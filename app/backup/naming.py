"""The names of backup files, of their unfinished temporary copies and of a ledger kept aside by a restore.

A backup's name carries the UTC time it was taken (`ledger-20261204T031702Z.sqlite3.gz`), so retention
reads the age from the name: a copy brought back from a USB stick keeps its age although its mtime is
new. Unfinished files start with a dot and end in `.partial`; nothing ever treats them as a backup.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"  # ISO 8601 basic format, UTC: sorts as text in time order
PREFIX = "ledger-"
SQLITE_SUFFIX = ".sqlite3"
GZIP_SUFFIX = ".sqlite3.gz"
PGDUMP_SUFFIX = ".pgdump"
PARTIAL_SUFFIX = ".partial"
BACKUP_NAME = re.compile(r"^ledger-(\d{8}T\d{6}Z)(\.sqlite3|\.sqlite3\.gz|\.pgdump)$")
PARTIAL_NAME = re.compile(r"^\.ledger-\d{8}T\d{6}Z.*\.partial$")


def stamp(moment: datetime) -> str:
    """The UTC time as it appears in names."""
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def backup_name(moment: datetime, suffix: str) -> str:
    """`ledger-<stamp><suffix>`: the final name of a backup taken at `moment`."""
    return f"{PREFIX}{stamp(moment)}{suffix}"


def partial_path(final: Path, what: str = "") -> Path:
    """The temporary name a file is written under before it is renamed to `final`."""
    return final.with_name(f".{final.name}{what}{PARTIAL_SUFFIX}")


def taken_at(name: str) -> datetime | None:
    """When the backup of this file name was taken; None for a name that is not a backup's."""
    match = BACKUP_NAME.match(name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)


def backups_in(directory: Path) -> list[tuple[datetime, Path]]:
    """The backups in a directory, oldest first; other files are never listed (nor pruned)."""
    found = []
    for path in directory.iterdir():
        moment = taken_at(path.name)
        if moment is not None and path.is_file():
            found.append((moment, path))
    return sorted(found)


def aside_path(ledger: Path, moment: datetime) -> Path:
    """Where a restore keeps the ledger it replaces: `ledger.sqlite3.before-restore-<stamp>`."""
    return ledger.with_name(f"{ledger.name}.before-restore-{stamp(moment)}")


def pg_aside_name(moment: datetime) -> str:
    """The dump a PostgreSQL restore makes of the database it replaces (not matched by retention)."""
    return f"{PREFIX}before-restore-{stamp(moment)}{PGDUMP_SUFFIX}"
