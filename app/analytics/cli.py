"""`python -m app report`: the monthly PDF report and the CSVs of sessions and connector days from the ledger.

Reads the site's configuration and opens its ledger read-only; it never migrates: a ledger whose schema
is not at this software's head is refused (the station migrates at its start, with a backup). Every
refusal (a bad month, an unwritable path, no database) is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.analytics.periods import month_period
from app.analytics.report_csv import save_days, save_sessions
from app.analytics.report_pdf import render_monthly_report
from app.analytics.report_texts import LANGUAGES, text
from app.analytics.service import Analytics
from app.config import ConfigError, StationConfig, load_config
from app.db import current_revision, head_revision, make_engine, sqlite_path

EXIT_REFUSED = 2


class ReportError(Exception):
    """A refusal the operator can act on: printed as one line, exit code 2."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write the monthly report (PDF) and the CSVs of sessions and days",
        description=__doc__.split("\n")[0] if __doc__ else None,
    )
    parser.add_argument("--month", required=True, help="the local month, YYYY-MM (e.g. 2026-11)")
    parser.add_argument("--pdf", type=Path, help="write the monthly report to this PDF file")
    parser.add_argument("--csv-sessions", type=Path, help="write one row per session to this CSV file")
    parser.add_argument("--csv-days", type=Path, help="write one row per connector and day to this CSV file")
    parser.add_argument("--language", choices=LANGUAGES, default="en", help="the PDF's language")
    parser.add_argument("--config", type=Path, help="the site's TOML configuration file")
    parser.set_defaults(run=run)


def _writable(path: Path) -> None:
    """Refuses before any work a path whose folder is missing or read-only, or that is a folder."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ReportError(f"{path} is a folder, not a file")
    if not folder.is_dir():
        raise ReportError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReportError(f"cannot write {path}: permission denied")


def open_ledger(config: StationConfig) -> Engine:
    """The configured ledger, refused when missing or when its schema is not at this software's head."""
    url = config.database.resolved_url()
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        # make_engine would create an empty file: a report from no data is refused instead.
        raise ReportError(f"no ledger database at {path} (set [database] url in the configuration)")
    engine = make_engine(url)
    head = head_revision()
    try:
        with engine.connect() as connection:
            current = current_revision(connection)
    except SQLAlchemyError as err:
        engine.dispose()
        raise ReportError(f"cannot open the ledger database: {err.__class__.__name__}: {err}") from None
    if current != head:
        engine.dispose()
        state = "empty (no schema)" if current is None else f"at schema revision {current!r}"
        raise ReportError(
            f"the ledger database is {state}, not at this software's {head!r}: start the station once "
            "to migrate it (with a backup); the report command never changes the database"
        )
    return engine


def report(args: argparse.Namespace) -> list[str]:
    """Writes the files asked for; what was written, one line each."""
    outputs = [p for p in (args.pdf, args.csv_sessions, args.csv_days) if p is not None]
    if not outputs:
        raise ReportError("nothing to write: give --pdf, --csv-sessions or --csv-days")
    try:
        config = load_config(args.config)
    except ConfigError as err:
        raise ReportError(f"configuration refused: {err}") from None
    offset = config.ledger.utc_offset_h * 3600
    try:
        period = month_period(args.month, offset)
    except ValueError as err:
        raise ReportError(str(err)) from None
    for path in outputs:
        _writable(path)
    engine = open_ledger(config)
    analytics = Analytics.for_config(engine, config)
    currency = analytics.currency
    station = config.station_name or text(args.language, "station_fallback")
    done: list[str] = []
    try:
        if args.csv_sessions is not None:
            count = save_sessions(analytics.session_rows(period), offset, args.csv_sessions)
            done.append(f"wrote {args.csv_sessions}: {count} sessions of {args.month}")
        if args.csv_days is not None:
            count = save_days(analytics.day_rows(period), offset, args.csv_days, currency)
            done.append(f"wrote {args.csv_days}: {count} connector days of {args.month}")
        if args.pdf is not None:
            pdf = render_monthly_report(analytics, args.month, station, args.language)
            args.pdf.write_bytes(pdf)
            done.append(f"wrote {args.pdf}: the {args.month} report in {args.language} ({len(pdf)} bytes)")
    except SQLAlchemyError as err:
        raise ReportError(f"reading the ledger failed: {err.__class__.__name__}: {err}") from None
    except OSError as err:
        raise ReportError(f"cannot write: {err}") from None
    finally:
        engine.dispose()
    return done


def run(args: argparse.Namespace) -> int:
    try:
        lines = report(args)
    except ReportError as err:
        print(f"report: {err}", file=sys.stderr)
        return EXIT_REFUSED
    for line in lines:
        print(line)
    return 0
