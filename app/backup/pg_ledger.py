"""Backup and restore of a PostgreSQL ledger with pg_dump and pg_restore.

Backup: `pg_dump --format=custom` to `.ledger-<stamp>.pgdump.partial`, read through with pg_restore
(every block, and the schema revision in alembic_version), fsynced, renamed to `ledger-<stamp>.pgdump`.

Restore: refused while other clients (the station) are connected to the database; the dump is read
through and its revision checked first; the current database is dumped to
`ledger-before-restore-<stamp>.pgdump` in the backup directory; then `pg_restore --clean --if-exists
--single-transaction` replaces the dump's objects in one transaction (all or nothing). Tables the
dump does not have (added by a later migration than the backup's) are dropped afterwards, so the
database holds what the backup held and the station's start-up migration finds the schema it expects.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from app.backup.durable import describe_os_error, fsync_file, publish, remove_quietly
from app.backup.errors import BackupError
from app.backup.naming import PGDUMP_SUFFIX, backup_name, partial_path, pg_aside_name
from app.backup.pg_dump_file import DumpFacts, dump_database, read_dump
from app.backup.pg_tools import pg_target, run_pg
from app.backup.results import TakenBackup
from app.backup.revisions import describe, require_restorable
from app.db.engine import make_engine

STOP_HINT = "stop the station first: systemctl stop evse-station"


def backup_postgres(url: str, directory: Path, moment: datetime) -> TakenBackup:
    """Dumps the database into `directory` as `ledger-<stamp>.pgdump`."""
    started = time.monotonic()
    target = pg_target(url)
    final = directory / backup_name(moment, PGDUMP_SUFFIX)
    partial = partial_path(final)
    try:
        dump_database(target, partial)
        facts = read_dump(partial)
        if facts.revision is None:
            raise BackupError(
                f"{target.shown} holds no ledger schema (no alembic_version): not the station's ledger"
            )
        publish(partial, final)
    except OSError as err:
        raise BackupError(f"writing the backup failed: {describe_os_error(err, directory)}") from None
    finally:
        remove_quietly(partial)
    return TakenBackup(
        path=final,
        source=target.shown,
        revision=facts.revision,
        size=final.stat().st_size,
        source_size=None,
        contents=f"{len(facts.tables)} tables",
        seconds=time.monotonic() - started,
    )


def _other_clients(engine: Engine) -> list[str]:
    """The other client connections to this database (the station's, a console's), described."""
    query = text(
        "SELECT pid, usename, application_name, client_addr::text FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        f"pid {pid} (user {user}, {app or 'no application name'}, from {addr or 'a local socket'})"
        for pid, user, app, addr in rows
    ]


def _drop_extra_tables(engine: Engine, facts: DumpFacts) -> list[str]:
    """Drops the tables of the dump's schemas that the dump does not have; their names."""
    schemas = sorted({schema for schema, _table in facts.tables})
    dropped = []
    with engine.begin() as connection:
        rows = connection.execute(
            text("SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY(:schemas)"),
            {"schemas": schemas},
        ).all()
        quote = connection.dialect.identifier_preparer.quote
        for schema, table in rows:
            if (schema, table) not in facts.tables:
                connection.execute(text(f"DROP TABLE IF EXISTS {quote(schema)}.{quote(table)} CASCADE"))
                dropped.append(f"{schema}.{table}")
    return dropped


def restore_postgres(
    url: str,
    backup: Path,
    directory: Path,
    moment: datetime,
    *,
    say: Callable[[str], None],
    confirm: Callable[[str], bool],
) -> None:
    """Replaces the database's contents by the dump's, saying each step."""
    target = pg_target(url)
    engine = make_engine(url)
    try:
        _refuse_if_in_use(engine, target.shown)
        facts = read_dump(backup)
        revision = require_restorable(facts.revision, f"the backup {backup}")
        say(f"checked the backup {backup}: read through, {describe(revision)}, {len(facts.tables)} tables")
        if not confirm(f"Replace the contents of the database {target.shown} with it?"):
            raise BackupError("not confirmed; nothing was changed")
        _refuse_if_in_use(engine, target.shown)
        aside = directory / pg_aside_name(moment)
        partial = partial_path(aside)
        try:
            dump_database(target, partial)
            fsync_file(partial)
            partial.rename(aside)
        except OSError as err:
            raise BackupError(
                f"keeping the current database failed: {describe_os_error(err, directory)}"
            ) from None
        finally:
            remove_quietly(partial)
        say(f"kept the current database as {aside}")
        run_pg(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={target.conninfo}",
                str(backup),
            ],
            target,
            f"restoring {backup} into {target.shown} (the database was left as it was)",
        )
        dropped = _drop_extra_tables(engine, facts)
        if dropped:
            say(f"dropped the tables the backup does not have: {', '.join(dropped)}")
        say(f"restored {target.shown} from {backup}")
    except SQLAlchemyError as err:
        raise BackupError(f"the ledger database {target.shown}: {err.__class__.__name__}: {err}") from None
    finally:
        engine.dispose()


def _refuse_if_in_use(engine: Engine, shown: str) -> None:
    clients = _other_clients(engine)
    if clients:
        raise BackupError(
            f"the database {shown} is in use by {'; '.join(clients)}: {STOP_HINT}; nothing was changed"
        )
