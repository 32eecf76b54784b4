"""The SQLite ledger's online backup: one consistent snapshot while a writer commits, a checked, gzipped
file under its final name only when complete, and clear refusals that leave nothing behind."""

from __future__ import annotations

import gzip
import os
import resource
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import figures
import pytest
from backup_support import (
    REPO,
    Outcome,
    app_main,
    committed_sessions,
    ledger_counts,
    new_ledger,
    run_app,
    session_rows,
    sqlite_url,
    write_site,
)

from app.backup import BackupError, restore_backup, take_backup

WRITER = Path(__file__).with_name("backup_writer_process.py")
BACKUP_NAME = r"ledger-\d{8}T\d{6}Z\.sqlite3\.gz"


def _listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != ".lock")


def _wait_for_sessions(ledger: Path, count: int, timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while committed_sessions(ledger) < count:
        assert time.monotonic() < deadline, f"the writer did not commit {count} sessions"
        time.sleep(0.02)


def test_a_backup_taken_while_a_process_commits_is_one_consistent_snapshot(tmp_path: Path) -> None:
    ledger = tmp_path / "state" / "ledger.sqlite3"
    ledger.parent.mkdir()
    connector = new_ledger(ledger, sessions=5, samples=150_000)  # about 6 MB
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), sqlite_url(ledger), str(connector), "6", str(stop)],
        env={**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests' / 'support'}"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_sessions(ledger, 25)
        before = committed_sessions(ledger)
        started = time.monotonic()
        # Small steps with pauses: the copy takes long enough for the writer to commit during it.
        run = take_backup(
            sqlite_url(ledger), tmp_path / "backups", keep_days=14, gzip=True, step_pages=32, pause_s=0.01
        )
        seconds = time.monotonic() - started
        after = committed_sessions(ledger)
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=30)
    assert writer.returncode == 0
    last_ref, longest_ms = out.split()
    # The station's writer is never held up by the copy (WAL: a reader blocks no writer); the bound is
    # far below the ledger's 5 s busy timeout, and far above an fsync on a slow CI disk.
    assert float(longest_ms) < 1000
    assert after - before >= 5, f"only {after - before} commits during the backup: the test proves nothing"

    restored = tmp_path / "restored" / "ledger.sqlite3"
    restore_backup(
        sqlite_url(restored), run.backup.path, tmp_path / "backups", say=print, confirm=lambda _q: True
    )
    sessions, transitions, counter = ledger_counts(sqlite_url(restored))
    # Complete: every session committed before the backup began; never one committed after it ended.
    assert before <= sessions <= after
    # Consistent: each session came with the transition and the counter of its own transaction.
    assert transitions == sessions and counter == sessions
    assert session_rows(sqlite_url(restored)) == session_rows(sqlite_url(ledger))[:sessions]
    with closing(sqlite3.connect(restored)) as connection:
        assert connection.execute("SELECT count(*) FROM meter_samples").fetchone()[0] == 150_000
    figures.report(
        "Ledger backup",
        f"online SQLite backup of a {run.backup.source_size / 1e6:.1f} MB ledger in 32-page steps: "
        f"{seconds:.2f} s while a writer process committed {after - before} sessions "
        f"(longest commit {longest_ms} ms, {last_ref} in all); the backup holds {sessions}, one snapshot; "
        f"gzip: {run.backup.size / 1e6:.2f} MB",
    )


def test_the_backup_is_a_checked_gzip_of_the_ledger_under_a_final_name_only(tmp_path: Path) -> None:
    # As the timer runs it: a child process.
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger, sessions=3)
    backups = tmp_path / "backups"
    site = write_site(tmp_path, sqlite_url(ledger), backups)
    result = run_app("backup", "--config", str(site))
    assert result.returncode == 0, result.stderr
    (name,) = _listing(backups)
    assert __import__("re").fullmatch(BACKUP_NAME, name)
    assert "schema 0008_phone_links (this release's), 3 sessions" in result.stdout
    assert f"to {backups / name}" in result.stdout
    backup = backups / name
    assert backup.stat().st_mode & 0o777 == 0o640  # it holds the ledger: owner and group only
    plain = tmp_path / "unpacked.sqlite3"
    plain.write_bytes(gzip.decompress(backup.read_bytes()))  # what a technician's gunzip gives
    with closing(sqlite3.connect(plain)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        assert connection.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3


def test_compress_false_writes_a_plain_sqlite_file(tmp_path: Path, capsys) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger, sessions=2)
    site = write_site(tmp_path, sqlite_url(ledger), tmp_path / "backups", "compress = false\n")
    result = app_main(capsys, "backup", "--config", str(site))
    assert result.returncode == 0, result.stderr
    (name,) = _listing(tmp_path / "backups")
    assert name.endswith(".sqlite3")
    with closing(sqlite3.connect(tmp_path / "backups" / name)) as connection:
        assert connection.execute("SELECT count(*) FROM sessions").fetchone()[0] == 2


def test_no_ledger_an_unreadable_one_and_a_damaged_one_are_refused_without_a_file(
    tmp_path: Path, capsys
) -> None:
    backups = tmp_path / "backups"

    def run_app(*args: str) -> Outcome:
        return app_main(capsys, *args)

    missing = run_app(
        "backup", "--config", str(write_site(tmp_path, sqlite_url(tmp_path / "none.sqlite3"), backups))
    )
    assert missing.returncode == 2
    assert "no ledger database at" in missing.stderr and "none.sqlite3" in missing.stderr
    assert not (tmp_path / "none.sqlite3").exists()  # never created by the attempt

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 500)
    result = run_app("backup", "--config", str(write_site(tmp_path, sqlite_url(garbage), backups)))
    assert result.returncode == 2 and "file is not a database" in result.stderr, result.stderr

    damaged = tmp_path / "damaged.sqlite3"
    new_ledger(damaged, sessions=50)
    _damage_an_index_page(damaged)
    result = run_app("backup", "--config", str(write_site(tmp_path, sqlite_url(damaged), backups)))
    assert result.returncode == 2
    assert (
        "failed SQLite's integrity check" in result.stderr and "the ledger itself is damaged" in result.stderr
    )
    assert _listing(backups) == []  # no partial file, no backup


def _damage_an_index_page(path: Path) -> None:
    """Overwrites the cells of the sessions table's first leaf page: the b-tree no longer holds together."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 100 : start + page_size] = b"\xa5" * (page_size - 100)
    path.write_bytes(bytes(data))


def test_an_unwritable_directory_is_refused_before_the_ledger_is_read(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger)
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("")
    with pytest.raises(BackupError, match="cannot create the backup directory"):
        take_backup(sqlite_url(ledger), not_a_dir / "backups", keep_days=14, gzip=True)
    result, _left = _in_small_filesystem(tmp_path, ledger, size_kb=4096, read_only=True)
    assert result.returncode == 2
    assert "is on a read-only file system" in result.stderr, result.stderr


LEFT_MARK = "--- left in the backup directory:"


def _in_small_filesystem(
    tmp_path: Path, ledger: Path, *, size_kb: int, read_only: bool = False
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`python -m app backup --dir MNT` with a fresh tmpfs of `size_kb` mounted on MNT, in a private mount
    namespace (as root: unshare --mount; otherwise as the root of a new user namespace); the command's
    result and the files it left there (listed inside: the tmpfs ends with the namespace)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir(exist_ok=True)
    options = f"size={size_kb}k" + (",ro" if read_only else "")
    namespace = (
        ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    )
    script = (
        f'mnt="$1"; shift; mount -t tmpfs -o {options} tmpfs "$mnt" || exit 99; "$@"; rc=$?; '
        f'echo "{LEFT_MARK}"; ls -A "$mnt"; exit $rc'
    )
    site = write_site(tmp_path, sqlite_url(ledger))
    command = [*namespace, "sh", "-c", script, "sh", str(mount_point), sys.executable, "-m", "app", "backup"]
    command += ["--config", str(site), "--dir", str(mount_point)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    if result.returncode == 99 or LEFT_MARK not in result.stdout:
        pytest.fail(f"cannot mount a tmpfs for the disk-full case here: {result.stderr}")
    left = result.stdout.split(LEFT_MARK, 1)[1].split()
    return result, [name for name in left if name != ".lock"]


def test_a_full_disk_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger)
    with closing(sqlite3.connect(ledger)) as connection, connection:  # 2 MB that gzip cannot shrink
        connection.execute("CREATE TABLE filler (b BLOB)")
        connection.executemany("INSERT INTO filler VALUES (?)", ((os.urandom(4000),) for _ in range(500)))
    size_kb = ledger.stat().st_size // 1024
    # Smaller than the ledger: refused before anything is written.
    result, left = _in_small_filesystem(tmp_path, ledger, size_kb=size_kb // 2)
    assert result.returncode == 2
    assert "not enough space in" in result.stderr and "MB free" in result.stderr, result.stderr
    assert left == []
    # Room for the copy but not for the copy and its gzip: the disk fills up half-way through the gzip.
    result, left = _in_small_filesystem(tmp_path, ledger, size_kb=size_kb * 3 // 2)
    assert result.returncode == 2
    assert "is full (No space left on device); nothing was kept under a final name" in result.stderr, (
        result.stderr
    )
    assert left == []  # neither the copy nor the half-written gzip


def test_a_write_that_fails_half_way_leaves_no_file_and_no_partial(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger, samples=60_000)
    backups = tmp_path / "backups"
    site = write_site(tmp_path, sqlite_url(ledger), backups)
    limit = 1024 * 1024  # any file written beyond 1 MiB fails (EFBIG): the copy breaks off in the middle

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "app", "backup", "--config", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limited,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("backup: copying the ledger") and "failed" in result.stderr, result.stderr
    assert _listing(backups) == []
