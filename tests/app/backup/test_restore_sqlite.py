"""Restoring the SQLite ledger: the round trip, the old ledger kept aside with its WAL, and the refusals
(a damaged backup, a newer schema, a ledger in use, no confirmation) that leave the ledger untouched."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from backup_support import (
    REPO,
    Outcome,
    add_sessions,
    app_main,
    digest,
    ledger_counts,
    new_ledger,
    run_app,
    session_rows,
    sqlite_url,
    write_site,
)

from app.backup import take_backup
from app.db.engine import make_engine


@pytest.fixture
def station(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A ledger with 10 sessions, its site file, and one backup of it; then 5 more sessions in the ledger."""
    ledger = tmp_path / "state" / "ledger.sqlite3"
    ledger.parent.mkdir()
    connector = new_ledger(ledger, sessions=10)
    site = write_site(tmp_path, sqlite_url(ledger), tmp_path / "backups")
    backup = take_backup(sqlite_url(ledger), tmp_path / "backups", keep_days=14, gzip=True).backup.path
    engine = make_engine(sqlite_url(ledger))
    add_sessions(engine, connector, 11, 5)
    engine.dispose()
    return ledger, site, backup


@pytest.fixture
def restore(capsys: pytest.CaptureFixture[str]) -> Callable[..., Outcome]:
    """`python -m app restore BACKUP --config SITE EXTRA...` in this process."""

    def run(site: Path, backup: Path, *extra: str) -> Outcome:
        return app_main(capsys, "restore", str(backup), "--config", str(site), *extra)

    return run


def _aside(ledger: Path) -> Path:
    (aside,) = ledger.parent.glob("ledger.sqlite3.before-restore-*[0-9]Z")
    return aside


def test_a_restore_brings_back_the_backup_and_keeps_the_old_ledger_aside(station, restore) -> None:
    ledger, site, backup = station
    before = session_rows(sqlite_url(ledger))
    result = run_app("restore", str(backup), "--config", str(site), "--yes")  # as the technician runs it
    assert result.returncode == 0, result.stderr
    rows = session_rows(sqlite_url(ledger))
    assert rows == before[:10] and len(before) == 15
    aside = _aside(ledger)
    assert session_rows(sqlite_url(aside)) == before  # the ledger it replaced, all 15 sessions
    assert not ledger.with_name("ledger.sqlite3-wal").exists() or _opens_clean(ledger)
    out = result.stdout
    assert (
        f"checked the backup {backup}: integrity ok, schema 0008_phone_links (this release's), 10 sessions"
        in out
    )
    assert f"kept the current ledger as {aside}" in out
    assert f"restored {ledger} from {backup}" in out
    assert "systemctl start evse-station" in out
    # A bare name is found in the backup directory.
    assert restore(site, Path(backup.name), "--yes").returncode == 0


def _opens_clean(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_stale_wal_of_a_crashed_station_goes_with_the_old_ledger_not_into_the_new(
    station, tmp_path, restore
) -> None:
    ledger, site, backup = station
    # A writer killed after its commits: they live only in its -wal, as after a power cut.
    script = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA wal_autocheckpoint=0'); "
        "c.execute(\"UPDATE sessions SET state = 'crashed'\"); os.kill(os.getpid(), 9)"
    )
    subprocess.run([sys.executable, "-c", script, str(ledger)], check=False)
    assert ledger.with_name("ledger.sqlite3-wal").stat().st_size > 0
    result = restore(site, backup, "--yes")
    assert result.returncode == 0, result.stderr
    states = {row[7] for row in session_rows(sqlite_url(ledger))}  # the restored ledger: no 'crashed' page
    assert "crashed" not in states and _opens_clean(ledger)
    aside = _aside(ledger)
    with closing(sqlite3.connect(aside)) as connection:  # the kept ledger has its last commit
        assert connection.execute("SELECT count(*) FROM sessions WHERE state = 'crashed'").fetchone()[0] == 15


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("flip", "is damaged:"),  # the CRC, or the deflate stream itself
        ("cut", "is damaged: it ends too early (cut short)"),
        ("plain-cut", "is damaged: database disk image is malformed"),
        ("plain-page", "is damaged: database disk image is malformed"),
    ],
)
def test_a_damaged_backup_is_refused_and_the_ledger_untouched(
    station, tmp_path, damage, expected, restore
) -> None:
    ledger, site, backup = station
    data = bytearray(backup.read_bytes())
    damaged = tmp_path / "damaged.sqlite3.gz"
    if damage == "flip":
        data[len(data) // 2] ^= 0x01  # one bit, somewhere in the compressed rows
        damaged.write_bytes(bytes(data))
    elif damage == "cut":
        damaged.write_bytes(bytes(data[: len(data) * 2 // 3]))
    else:
        plain = bytearray(gzip.decompress(bytes(data)))
        damaged = tmp_path / "damaged.sqlite3"
        if damage == "plain-cut":
            plain = plain[: len(plain) // 2]
        else:
            _overwrite_sessions_page(plain)
        damaged.write_bytes(bytes(plain))
    fingerprint = digest(ledger)
    result = restore(site, damaged, "--yes")
    assert result.returncode == 2
    assert expected in result.stderr, result.stderr
    assert digest(ledger) == fingerprint
    assert sorted(p.name for p in ledger.parent.iterdir() if not p.name.startswith("ledger.sqlite3-")) == [
        "ledger.sqlite3"
    ]  # nothing kept aside, no unpacked copy left


def _overwrite_sessions_page(database: bytearray) -> None:
    page_size = int.from_bytes(database[16:18], "big")
    copy = Path(os.environ.get("TMPDIR", "/tmp")) / f"page-probe-{os.getpid()}.sqlite3"
    copy.write_bytes(bytes(database))
    try:
        with closing(sqlite3.connect(copy)) as connection:
            root = connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"
            ).fetchone()[0]
    finally:
        copy.unlink()
    start = (root - 1) * page_size
    database[start : start + page_size] = b"\xa5" * page_size


def test_a_backup_of_a_newer_schema_is_refused(station, tmp_path, restore) -> None:
    ledger, site, backup = station
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(gzip.decompress(backup.read_bytes()))
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    fingerprint = digest(ledger)
    result = restore(site, newer, "--yes")
    assert result.returncode == 2
    assert "is at schema revision '0042_from_the_future', which this software does not know" in result.stderr
    assert (
        "made by a newer release" in result.stderr and "the current ledger was not touched" in result.stderr
    )
    assert digest(ledger) == fingerprint


def test_a_restore_is_refused_while_the_station_has_the_ledger_open(station, restore) -> None:
    ledger, site, backup = station
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from sqlalchemy import text; from app.db.engine import make_engine; "
            "c = make_engine(sys.argv[1]).connect(); c.execute(text('SELECT count(*) FROM sessions')); "
            "c.commit(); print('open', flush=True); time.sleep(60)",
            sqlite_url(ledger),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        fingerprint = digest(ledger)
        result = restore(site, backup, "--yes")
        assert result.returncode == 2
        assert f"is in use by process {holder.pid}" in result.stderr, result.stderr
        assert "systemctl stop evse-station" in result.stderr
        assert digest(ledger) == fingerprint
    finally:
        holder.send_signal(signal.SIGTERM)
        holder.wait(timeout=10)
    assert restore(site, backup, "--yes").returncode == 0  # stopped: now it goes ahead


def test_without_yes_and_without_a_terminal_nothing_is_replaced(station, restore) -> None:
    ledger, site, backup = station
    fingerprint = digest(ledger)
    result = restore(site, backup)
    assert result.returncode == 2 and "add --yes to confirm" in result.stderr
    assert digest(ledger) == fingerprint


def test_a_wrong_kind_of_file_is_refused(station, tmp_path, restore) -> None:
    _ledger, site, _backup = station
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    result = restore(site, other, "--yes")
    assert result.returncode == 2 and "is not a ledger backup" in result.stderr
    dump = tmp_path / "ledger.pgdump"
    dump.write_bytes(b"PGDMP\x01\x0e\x00")
    result = restore(site, dump, "--yes")
    assert result.returncode == 2 and "but the configured ledger is SQLite" in result.stderr
    assert restore(site, tmp_path / "absent.sqlite3.gz", "--yes").stderr.startswith("restore: no backup file")


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_a_restore_run_as_root_gives_the_ledger_its_owner_back(station, restore) -> None:
    ledger, site, backup = station
    os.chown(ledger, 65534, 65534)  # the station's user (nobody here)
    os.chmod(ledger, 0o600)
    assert restore(site, backup, "--yes").returncode == 0
    info = ledger.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o600)
    assert ledger_counts(sqlite_url(ledger))[0] == 10
