"""Ledger test fixtures: a real PostgreSQL server started once per run; `db_url`/`ledger` over both back-ends.

A test module loads them with `pytest_plugins = ["db_fixtures"]`; every test that takes `db_url` or
`ledger` runs twice, once per back-end.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.db.engine import make_engine, session_factory
from app.db.models import Charger, Connector
from app.db.schema_guard import check_and_migrate

PG_USER = "ledger"
_database_numbers = itertools.count(1)


@dataclass(frozen=True)
class PostgresServer:
    """A running throw-away PostgreSQL server on loopback (and a Unix socket in its directory)."""

    host: str
    port: int
    socket_dir: Path
    data_dir: Path

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host={self.host} port={self.port} user={PG_USER} dbname=postgres") as conn:
            conn.autocommit = True
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _pg_bin_dir() -> Path:
    """The newest installed server's binaries (Debian: /usr/lib/postgresql/<major>/bin)."""
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    pytest.fail("PostgreSQL server binaries not found: install Debian's postgresql package")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the postgres user then."""
    if os.geteuid() != 0:
        return args
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("running as root and there is no 'postgres' user to start the test server as")
    return ["runuser", "-u", "postgres", "--", *args]


def _run(args: list[str], what: str) -> None:
    result = subprocess.run(_as_server_user(args), capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        pytest.fail(
            f"PostgreSQL test server: {what} failed ({result.returncode}):\n{result.stderr}{result.stdout}"
        )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """initdb + pg_ctl start in a temporary directory; stopped and removed at the end of the run.

    fsync is off: these tests check the SQL, not PostgreSQL's durability, and a run must stay fast.
    The run fails (never skips) when the server cannot start, so a green run always covered PostgreSQL.
    """
    bin_dir = _pg_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="ledger-pg-"))
    data_dir, socket_dir = root / "data", root / "run"
    socket_dir.mkdir()
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        for path in (root, socket_dir):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    _run(
        [
            str(bin_dir / "initdb"),
            "-D",
            str(data_dir),
            "-U",
            PG_USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        "initdb",
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {socket_dir} -c fsync=off -c full_page_writes=off"
    _run(
        [
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data_dir),
            "-l",
            str(root / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        ],
        "pg_ctl start",
    )
    try:
        yield PostgresServer("127.0.0.1", port, socket_dir, data_dir)
    finally:
        with contextlib.suppress(Exception):
            _run([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop"], "pg_ctl stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty ledger database: a temporary SQLite file or a fresh database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(f"ledger_{os.getpid()}_{next(_database_numbers)}")


@pytest.fixture
def ledger(db_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to the newest revision."""
    engine = make_engine(db_url)
    check_and_migrate(engine)
    try:
        yield engine
    finally:
        engine.dispose()


def create_connectors(engine: Engine, count: int, *, per_charger: int = 1) -> list[int]:
    """Creates chargers CP-01.. with `per_charger` connectors each, `count` connectors in all; their ids."""
    with session_factory(engine).begin() as session:
        for number in range(1, (count + per_charger - 1) // per_charger + 1):
            session.add(Charger(id=f"CP-{number:02d}", link=f"tcp://10.0.0.{number + 1}:7000"))
        session.flush()
        connectors = [
            Connector(
                name=f"CP-{n // per_charger + 1:02d}/{n % per_charger + 1}",
                charger_id=f"CP-{n // per_charger + 1:02d}",
                connector_no=n % per_charger + 1,
                ocpp_connector_id=n + 1,
            )
            for n in range(count)
        ]
        session.add_all(connectors)
        session.flush()
        return [c.id for c in connectors]


@pytest.fixture
def add_connectors() -> Callable[..., list[int]]:
    """create_connectors, as a fixture: add_connectors(engine, count, per_charger=1) -> connector ids."""
    return create_connectors
