"""Operator commands on the station's data: `python -m app report --month 2026-11 --pdf out.pdf`,
`python -m app admin add-user --name N --role operator`, `python -m app backup`, `python -m app restore FILE`.

Each subcommand lives in its capability's package and registers its own options; this module only
dispatches. The station itself starts with `python -m launcher`.
"""

from __future__ import annotations

import argparse
import sys

from app.admin import cli as admin_cli
from app.analytics import cli as analytics_cli
from app.backup import cli as backup_cli


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app", description=__doc__.split("\n")[0] if __doc__ else ""
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analytics_cli.add_parser(subparsers)
    admin_cli.add_parser(subparsers)
    backup_cli.add_parser(subparsers)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
