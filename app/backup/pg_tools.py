"""PostgreSQL's client programs (pg_dump, pg_restore) for the ledger's URL: where they are, how to call them.

pg_dump must be at least as new as the server, so the newest installed client is used: Debian keeps
each major version's programs in /usr/lib/postgresql/<major>/bin (package postgresql-client-<major>);
otherwise the first on PATH. The URL's password goes to the child in PGPASSWORD, never on its
command line, where `ps` would show it (libpq's environment variables, PostgreSQL manual 34.15).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from sqlalchemy.engine import make_url

from app.backup.errors import BackupError

STDERR_LINES_SHOWN = 4
CONNECT_TIMEOUT_S = 15


def pg_program(name: str) -> Path:
    """The newest installed `name` (pg_dump, pg_restore); BackupError naming the package when none is."""
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1])
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    raise BackupError(
        f"{name} not found: install Debian's postgresql-client (apt-get install postgresql-client)"
    )


def _quote(value: str) -> str:
    """A libpq connection-string value: single quotes, with backslash and quote escaped (manual 34.1.1)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


@dataclass(frozen=True)
class PgTarget:
    """The ledger's database as libpq's programs take it."""

    conninfo: str
    password: str | None
    shown: str  # the URL without its password, for messages

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.password is not None:
            env["PGPASSWORD"] = self.password
        return env


def pg_target(url: str) -> PgTarget:
    """A SQLAlchemy URL (postgresql+psycopg://user:pw@host:port/db?...) as libpq's connection string."""
    parsed = make_url(url)
    words: dict[str, str] = {
        "connect_timeout": str(CONNECT_TIMEOUT_S),
        "application_name": "evse-station backup",
    }
    parts: tuple[tuple[str, str | None], ...] = (
        ("host", parsed.host),
        ("port", None if parsed.port is None else str(parsed.port)),
        ("user", parsed.username),
        ("dbname", parsed.database),
    )
    for key, value in parts:
        if value:
            words[key] = value
    for key, given in parsed.query.items():
        words[key] = given if isinstance(given, str) else given[-1]
    conninfo = " ".join(f"{key}={_quote(value)}" for key, value in words.items())
    return PgTarget(conninfo, parsed.password, parsed.render_as_string(hide_password=True))


def run_pg(program: str, args: list[str], target: PgTarget | None, what: str) -> str:
    """Runs a client program to its end; its stdout, or BackupError with the end of its stderr."""
    command = [str(pg_program(program)), *args]
    env = target.environment() if target is not None else dict(os.environ)
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        tail = " | ".join(line for line in result.stderr.strip().splitlines()[-STDERR_LINES_SHOWN:])
        raise BackupError(f"{what} failed ({program} exit {result.returncode}): {tail or 'no message'}")
    return result.stdout
