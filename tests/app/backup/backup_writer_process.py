"""A stand-in for the station's ledger writer, as its own process: commits sessions one by one until told
to stop; prints the last session's reference and its longest commit in ms.
Usage: backup_writer_process.py LEDGER_URL CONNECTOR_ID FIRST_REF STOP_FILE"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from backup_support import add_sessions

from app.db.engine import make_engine


def main() -> None:
    url, connector, ref, stop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    engine = make_engine(url)  # the station's engine: WAL, synchronous=FULL, BEGIN IMMEDIATE
    longest = 0.0
    while not stop.exists():
        started = time.monotonic()
        add_sessions(engine, connector, ref, 1)
        longest = max(longest, time.monotonic() - started)
        ref += 1
    engine.dispose()
    print(ref - 1, round(longest * 1000, 1), flush=True)


if __name__ == "__main__":
    main()
