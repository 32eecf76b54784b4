"""Retention: backups older than keep_days are deleted by the age in their names, never the newest one,
never a file that is not a backup; and one backup run at a time per directory."""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from backup_support import app_main, new_ledger, sqlite_url, write_site

from app.backup import BackupError, prune, take_backup
from app.backup.naming import backup_name

NOW = datetime(2026, 12, 4, 3, 17, 40, tzinfo=UTC)
OTHERS = (
    "notes.txt",
    "ledger-before-restore-20260101T000000Z.pgdump",  # a restore's copy of the database it replaced
    "ledger-20260101T000000Z.sqlite3.gz.keep",  # renamed by the operator to keep it
    "ledger.sqlite3",
)


def _backups(directory: Path, ages_days: list[float], suffix: str = ".sqlite3.gz") -> list[Path]:
    paths = []
    for age in ages_days:
        path = directory / backup_name(NOW - timedelta(days=age), suffix)
        path.write_bytes(b"backup")
        paths.append(path)
    return paths


def test_backups_older_than_keep_days_go_and_everything_else_stays(tmp_path: Path) -> None:
    fresh = _backups(tmp_path, [0, 1, 13.9])
    old = (
        _backups(tmp_path, [14.1, 30])
        + _backups(tmp_path, [400], ".pgdump")
        + _backups(tmp_path, [20], ".sqlite3")
    )
    for name in OTHERS:
        (tmp_path / name).write_text("keep me")
    # The age is the name's, not the file's: a fresh copy of an old backup is still old, and back.
    os.utime(old[0], (NOW.timestamp(), NOW.timestamp()))
    os.utime(fresh[2], (0, 0))
    removed = prune(tmp_path, 14, NOW)
    assert sorted(removed) == sorted(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([p.name for p in fresh] + list(OTHERS))


def test_the_newest_backup_is_kept_however_old_and_zero_keeps_all(tmp_path: Path) -> None:
    newest, *older = _backups(tmp_path, [30, 40, 50])
    assert prune(tmp_path, 0, NOW) == []
    assert sorted(prune(tmp_path, 14, NOW)) == sorted(older)
    assert [p.name for p in tmp_path.iterdir()] == [newest.name]
    assert prune(tmp_path, 1, NOW) == []


def test_a_backup_run_prunes_after_writing_and_clears_a_killed_run_s_leftovers(
    tmp_path: Path, capsys
) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger, sessions=1)
    backups = tmp_path / "backups"
    backups.mkdir()
    now = datetime.now(UTC)
    old = [backups / backup_name(now - timedelta(days=days), ".sqlite3.gz") for days in (8, 9)]
    kept = backups / backup_name(now - timedelta(days=6), ".sqlite3.gz")
    leftover = backups / f".{backup_name(now - timedelta(days=1), '.sqlite3')}.partial"
    for path in [*old, kept, leftover]:
        path.write_bytes(b"x")
    result = app_main(
        capsys,
        "backup",
        "--config",
        str(write_site(tmp_path, sqlite_url(ledger), backups)),
        "--keep-days",
        "7",
    )
    assert result.returncode == 0, result.stderr
    for path in old:
        assert f"deleted {path.name}: older than 7 days" in result.stdout
    assert "backups in" in result.stdout
    names = sorted(p.name for p in backups.iterdir() if p.name != ".lock")
    assert len(names) == 2 and names[0] == kept.name and names[1].startswith("ledger-")
    assert not leftover.exists()


def test_a_second_backup_into_the_same_directory_is_refused_while_one_runs(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite3"
    new_ledger(ledger)
    backups = tmp_path / "backups"
    backups.mkdir()
    fd = os.open(backups / ".lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a running backup holds it
        with pytest.raises(BackupError, match=r"another backup into .* is running"):
            take_backup(sqlite_url(ledger), backups, keep_days=14, gzip=True)
    finally:
        os.close(fd)
    assert take_backup(sqlite_url(ledger), backups, keep_days=14, gzip=True).backup.path.exists()


def test_keep_days_on_the_command_line_is_checked(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app_main(capsys, "backup", "--keep-days", "-1")
    assert exit_info.value.code == 2
    assert "between 0 (keep all) and 3650" in capsys.readouterr().err
