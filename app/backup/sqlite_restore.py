"""Restoring a SQLite ledger from a backup: refused while in use, checked, the old one kept, one rename.

1. Refused while another process has the ledger open (app/backup/in_use.py: the station holds
   SQLite's locks for as long as it runs).
2. The backup is unpacked into `.ledger.sqlite3.restore-<stamp>.partial` beside the ledger (the same
   file system, so the final rename is atomic) and checked there: integrity, and a schema revision
   this release knows. A damaged or newer backup is refused before the ledger is touched.
3. The old ledger's WAL is checkpointed into it (best effort: it may be the damaged file), the old
   ledger gets a second name, `ledger.sqlite3.before-restore-<stamp>` (a hard link), and its -wal
   (if one is left) goes with it as `...before-restore-<stamp>-wal`, where SQLite looks for it. Its
   -shm is removed: it is only an index of the WAL, rebuilt on open. A WAL left beside the new ledger
   would be replayed into it and corrupt it (sqlite.org/walformat.html).
4. The checked copy is renamed over `ledger.sqlite3` and the directory fsynced.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.backup.durable import describe_os_error, fsync_dir, fsync_file, remove_quietly
from app.backup.errors import BackupError
from app.backup.formats import BackupKind, unpack
from app.backup.in_use import Holder, ledger_holders
from app.backup.naming import aside_path, stamp
from app.backup.revisions import describe, require_restorable
from app.backup.sqlite_check import LedgerFacts, check_copy
from app.backup.sqlite_copy import open_existing

STOP_HINT = "stop the station first: systemctl stop evse-station"


def _refuse_if_in_use(ledger: Path) -> None:
    holders = ledger_holders(ledger)
    if holders:
        raise BackupError(
            f"the ledger {ledger} is in use by {_who(holders)}: {STOP_HINT}; nothing was changed"
        )


def _who(holders: list[Holder]) -> str:
    return ", ".join(f"process {h.pid} ({h.command[:80]})" for h in holders)


def _unpack_checked(backup: Path, kind: BackupKind, copy: Path) -> tuple[LedgerFacts, str]:
    """The unpacked copy's contents and schema revision; BackupError when it is damaged or newer."""
    try:
        unpack(backup, kind, copy)
    except OSError as err:
        raise BackupError(f"unpacking the backup failed: {describe_os_error(err, copy.parent)}") from None
    facts = check_copy(copy, f"the backup {backup}")
    return facts, require_restorable(facts.revision, f"the backup {backup}")


def _match_owner(copy: Path, ledger: Path) -> None:
    """The restored ledger gets the old one's owner and mode (the station runs as evse; a restore run as
    root must not leave it a file it cannot write)."""
    if ledger.exists():
        info = ledger.stat()
        os.chmod(copy, stat.S_IMODE(info.st_mode))
    else:
        info = ledger.parent.stat()
        os.chmod(copy, 0o640)
    if os.geteuid() == 0:
        os.chown(copy, info.st_uid, info.st_gid)


def _checkpoint(ledger: Path) -> str | None:
    """Moves the old ledger's WAL into it, so that its kept copy is one file; a note when it cannot."""
    try:
        connection = open_existing(ledger, timeout_s=2.0)
        try:
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as err:
        return f"the old ledger could not be checkpointed ({err}); its write-ahead log is kept beside it"
    if busy:
        raise BackupError(f"the ledger {ledger} is in use (its checkpoint was blocked): {STOP_HINT}")
    return None


def _keep_aside(ledger: Path, aside: Path) -> list[str]:
    """Gives the old ledger its before-restore name, its WAL with it; removes its -shm."""
    done: list[str] = []
    wal, shm = (ledger.with_name(ledger.name + suffix) for suffix in ("-wal", "-shm"))
    if ledger.exists():
        note = _checkpoint(ledger)
        if note:
            done.append(note)
        try:
            os.link(ledger, aside)
        except OSError:  # a file system without hard links: a full copy instead
            shutil.copy2(ledger, aside)
            fsync_file(aside)
        done.append(f"kept the current ledger as {aside}")
    if wal.exists():
        os.replace(wal, aside.with_name(aside.name + "-wal"))
        done.append(f"moved the old ledger's write-ahead log to {aside.name}-wal")
    if shm.exists():
        shm.unlink()
        done.append(f"removed the old ledger's {shm.name}")
    fsync_dir(ledger.parent)
    return done


def restore_sqlite(
    backup: Path,
    kind: BackupKind,
    ledger: Path,
    moment: datetime,
    *,
    say: Callable[[str], None],
    confirm: Callable[[str], bool],
) -> None:
    """Replaces the ledger by the backup's database, saying each step."""
    _refuse_if_in_use(ledger)
    try:
        ledger.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BackupError(f"cannot create {ledger.parent}: {describe_os_error(err, ledger.parent)}") from None
    copy = ledger.with_name(f".{ledger.name}.restore-{stamp(moment)}.partial")
    try:
        facts, revision = _unpack_checked(backup, kind, copy)
        say(f"checked the backup {backup}: integrity ok, {describe(revision)}, {facts.summary()}")
        current = "the current ledger" if ledger.exists() else "an empty place (there is no ledger yet)"
        if not confirm(f"Replace {current} {ledger} with it?"):
            raise BackupError("not confirmed; nothing was changed")
        _refuse_if_in_use(ledger)
        _match_owner(copy, ledger)
        fsync_file(copy)
        for line in _keep_aside(ledger, aside_path(ledger, moment)):
            say(line)
        os.replace(copy, ledger)
        fsync_dir(ledger.parent)
    except OSError as err:
        raise BackupError(f"restoring failed: {describe_os_error(err, ledger.parent)}") from None
    finally:
        with contextlib.suppress(OSError):
            remove_quietly(copy)
            remove_quietly(copy.with_name(copy.name + "-journal"))
    say(f"restored {ledger} from {backup}")
