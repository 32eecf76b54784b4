"""What a backup file holds, told by its first bytes (not its name), and gzip packing of SQLite copies.

gzip (RFC 1952) ends every stream with a CRC-32 and the length of the data, so a flipped byte or a
cut file is found when the copy is unpacked, even in a part of the database that SQLite's own
integrity check cannot judge (the values inside rows).
"""

from __future__ import annotations

import gzip
import shutil
import zlib
from enum import Enum
from pathlib import Path

from app.backup.errors import BackupError

CHUNK = 1024 * 1024
GZIP_LEVEL = 1  # fastest: on meter data within a few per cent of level 6 at 60 % of its time (docs/backup.md)
SQLITE_MAGIC = b"SQLite format 3\x00"  # the database header (sqlite.org/fileformat.html, 1.3)
GZIP_MAGIC = b"\x1f\x8b"
PGDUMP_MAGIC = b"PGDMP"  # pg_dump's custom archive format


class BackupKind(Enum):
    SQLITE = "a SQLite database"
    SQLITE_GZIP = "a gzip-compressed SQLite database"
    PGDUMP = "a PostgreSQL dump (pg_dump custom format)"


def kind_of(path: Path) -> BackupKind:
    """The kind of backup file; refuses anything else with what it looks like."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise BackupError(f"cannot read the backup {path}: {err.strerror or err}") from None
    if head.startswith(SQLITE_MAGIC):
        return BackupKind.SQLITE
    if head.startswith(GZIP_MAGIC):
        return BackupKind.SQLITE_GZIP
    if head.startswith(PGDUMP_MAGIC):
        return BackupKind.PGDUMP
    shown = "an empty file" if not head else f"a file starting with {head[:8]!r}"
    raise BackupError(f"{path} is not a ledger backup: it is {shown}")


def compress(source: Path, target: Path, name: str) -> None:
    """gzip `source` into `target`, recording `name` (what `gunzip -N` restores) in the header."""
    with (
        source.open("rb") as raw,
        target.open("wb") as out,
        gzip.GzipFile(filename=name, mode="wb", fileobj=out, compresslevel=GZIP_LEVEL, mtime=0) as packed,
    ):
        shutil.copyfileobj(raw, packed, CHUNK)


def unpack(source: Path, kind: BackupKind, target: Path) -> None:
    """Writes the SQLite database a backup file holds to `target`; a damaged gzip stream is refused."""
    if kind is BackupKind.SQLITE:
        with source.open("rb") as raw, target.open("wb") as out:
            shutil.copyfileobj(raw, out, CHUNK)
        return
    try:
        with gzip.open(source, "rb") as packed, target.open("wb") as out:
            shutil.copyfileobj(packed, out, CHUNK)
    except (gzip.BadGzipFile, zlib.error, EOFError) as err:
        reason = "it ends too early (cut short)" if isinstance(err, EOFError) else str(err)
        raise BackupError(f"the backup {source} is damaged: {reason}; choose another backup") from None
