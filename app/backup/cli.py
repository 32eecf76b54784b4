"""`python -m app backup` and `python -m app restore`: the ledger's online backup and its restore.

    python -m app backup [--config SITE.toml] [--dir D] [--keep-days N]
    python -m app restore FILE [--config SITE.toml] [--yes]

The backup runs while the station runs (the nightly evse-backup.timer starts it); the restore
refuses while the station runs. Both print what they did; a refusal or failure is one line on stderr
and exit code 2 (docs/backup.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.backup.errors import BackupError
from app.backup.naming import backups_in
from app.backup.restore import restore_backup
from app.backup.take import take_backup
from app.config import ConfigError, StationConfig, load_config, state_path

EXIT_REFUSED = 2


def _days(value: str) -> int:
    days = int(value)
    if not 0 <= days <= 3650:
        raise argparse.ArgumentTypeError("between 0 (keep all) and 3650")
    return days


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="back up the ledger now, while the station runs, and prune old backups",
        description="An online backup of the ledger (SQLite backup API or pg_dump), then old backups pruned.",
    )
    backup.add_argument("--config", type=Path, help="the site's TOML configuration file")
    backup.add_argument(
        "--dir",
        type=Path,
        help="the backup directory (default: [backup] dir, or backups/ in the state directory)",
    )
    backup.add_argument(
        "--keep-days",
        type=_days,
        help="delete backups older than this, never the newest (default: [backup] keep_days)",
    )
    backup.set_defaults(run=run_backup)
    restore = subparsers.add_parser(
        "restore",
        help="replace the ledger by a backup (the station must be stopped)",
        description="Replaces the ledger by a backup, after checking it; the current ledger is kept aside.",
    )
    restore.add_argument(
        "file", type=Path, help="the backup file (its bare name is looked up in the backup directory)"
    )
    restore.add_argument("--config", type=Path, help="the site's TOML configuration file")
    restore.add_argument("--yes", action="store_true", help="replace without asking")
    restore.set_defaults(run=run_restore)


def _config(path: Path | None) -> StationConfig:
    try:
        return load_config(path)
    except ConfigError as err:
        raise BackupError(f"configuration refused: {err}") from None


def _directory(config: StationConfig, given: Path | None) -> Path:
    return (given or state_path(config.backup.dir, "backups")).absolute()


def _refused(command: str, err: BackupError) -> int:
    print(f"{command}: {err}", file=sys.stderr)
    return EXIT_REFUSED


def run_backup(args: argparse.Namespace) -> int:
    try:
        config = _config(args.config)
        directory = _directory(config, args.dir)
        keep_days = config.backup.keep_days if args.keep_days is None else args.keep_days
        run = take_backup(
            config.database.resolved_url(), directory, keep_days=keep_days, gzip=config.backup.compress
        )
    except BackupError as err:
        return _refused("backup", err)
    print(run.backup.line())
    for path in run.pruned:
        print(f"deleted {path.name}: older than {keep_days} days")
    print(f"{len(backups_in(directory))} backups in {directory}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    def say(line: str) -> None:
        print(line, flush=True)

    def confirm(question: str) -> bool:
        if args.yes:
            return True
        if not sys.stdin.isatty():
            raise BackupError(
                "restore replaces the ledger: add --yes to confirm (there is no terminal to ask on)"
            )
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")

    try:
        config = _config(args.config)
        restore_backup(
            config.database.resolved_url(), args.file, _directory(config, None), say=say, confirm=confirm
        )
    except BackupError as err:
        return _refused("restore", err)
    print("start the station again: systemctl start evse-station")
    return 0
