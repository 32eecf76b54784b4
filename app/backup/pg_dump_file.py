"""A pg_dump archive of the ledger: making one, reading it through, and what it holds (tables, revision).

The custom format (`pg_dump --format=custom`) is compressed, and is read back by pg_restore, which can
restore it table by table and with `--clean` (PostgreSQL manual, pg_dump and pg_restore). pg_dump
reads the whole database in one repeatable-read snapshot, so the dump is consistent while the station
writes; it takes ACCESS SHARE locks only, which block nothing but DDL (manual 13.3.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.backup.errors import BackupError
from app.backup.pg_tools import PgTarget, run_pg

LOCK_WAIT = "120s"  # a migration holding a table: fail clearly rather than wait for ever
_TABLE_ENTRY = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ")
_COPY_REVISION = re.compile(r"^COPY \S*alembic_version \(version_num\) FROM stdin;$")


@dataclass(frozen=True)
class DumpFacts:
    """What a dump holds."""

    revision: str | None
    tables: frozenset[tuple[str, str]]  # (schema, table)


def dump_database(target: PgTarget, file: Path) -> None:
    """pg_dump of the database into `file` (a new file)."""
    run_pg(
        "pg_dump",
        [
            "--format=custom",
            f"--lock-wait-timeout={LOCK_WAIT}",
            f"--file={file}",
            f"--dbname={target.conninfo}",
        ],
        target,
        f"dumping the ledger database {target.shown}",
    )


def _revision(file: Path) -> str | None:
    script = run_pg(
        "pg_restore",
        ["--data-only", "--table=alembic_version", "--file=-", str(file)],
        None,
        f"reading the schema revision in {file}",
    )
    lines = script.splitlines()
    for index, line in enumerate(lines):
        if _COPY_REVISION.match(line) and index + 1 < len(lines) and lines[index + 1] != "\\.":
            return lines[index + 1].strip()
    return None


def read_dump(file: Path) -> DumpFacts:
    """Reads the whole archive (every compressed block is inflated) and its table of contents;
    BackupError when pg_restore cannot."""
    where = f"the dump {file}"
    listing = run_pg("pg_restore", ["--list", str(file)], None, f"reading {where}")
    run_pg("pg_restore", ["--file=/dev/null", str(file)], None, f"reading {where} through")
    tables = frozenset(
        (match.group(1), match.group(2)) for match in map(_TABLE_ENTRY.match, listing.splitlines()) if match
    )
    if not tables:
        raise BackupError(f"{where} holds no tables: not a ledger backup")
    return DumpFacts(_revision(file), tables)
