"""A station process for the crash test: Station + SessionService + a driver that authorises plugged cars.

Run by tests/system/test_session_crash.py, which kills it with SIGKILL at random points and starts it again.
Each car's plug cycle has a tag the harness writes to <tags>/<charger index> before plugging; the
driver authorises a plugged car once per tag (a tag already in the ledger is not authorised again) and
stops each session with "Local" a few seconds after it started. Lines on stdout tell the harness
where start-up is: "migrating", "migrated", "ready".
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import signal
import sys
import time
from pathlib import Path

from sessions_support import TARIFF, station_config
from sqlalchemy import select

from app.db.engine import make_engine, read_only, session_factory
from app.db.models import ChargingSession
from app.db.schema_guard import check_and_migrate
from app.sessions.ledger import SessionRefusedError
from app.sessions.service import SessionService, SessionTiming
from app.sessions.states import RUNNING_STATES
from app.station.site import Station

TIMING = SessionTiming(
    sample_interval_s=0.5,
    flush_interval_s=1.0,
    plug_timeout_s=5.0,
    stop_timeout_s=3.0,
    suspend_debounce_s=1.0,
)


class _Ports:
    def __init__(self, host: str, ports: list[int]) -> None:
        self.host, self.ports, self.chargers = host, ports, len(ports)

    def charger_port(self, index: int) -> int:
        return self.ports[index]


def say(line: str) -> None:
    print(line, flush=True)


async def drive(
    service: SessionService, tags_dir: Path, rng: random.Random, stop_after_s: tuple[float, float]
) -> None:
    """Authorises every plugged car once per plug cycle; stops sessions after a random time."""
    engine = read_only(service.engine)
    used: set[str] = set()
    stop_at: dict[int, float] = {}
    stopping: set[asyncio.Task[object]] = set()
    while True:
        await asyncio.sleep(0.1)
        now = time.monotonic()
        for index, (connector_id, view) in enumerate(service.station.manager.connectors().items()):
            open_session = service.open_session(connector_id)
            if open_session is None:
                if not (view.available and view.vehicle_present):
                    continue
                tag_file = tags_dir / str(index)
                tag = tag_file.read_text().strip() if tag_file.exists() else ""
                if not tag or tag in used:
                    continue
                with session_factory(engine)() as db:
                    if db.scalar(select(ChargingSession.id).where(ChargingSession.id_tag == tag)) is not None:
                        used.add(tag)
                        continue
                with contextlib.suppress(SessionRefusedError):
                    await service.authorise(connector_id, tag)
                    used.add(tag)
            elif open_session[1] in RUNNING_STATES:
                session_id = open_session[0]
                deadline = stop_at.setdefault(session_id, now + rng.uniform(*stop_after_s))
                if now >= deadline:
                    stop_at[session_id] = float("inf")
                    task = asyncio.create_task(service.stop(connector_id, "Local"))
                    stopping.add(task)
                    task.add_done_callback(stopping.discard)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db-url", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--ports", required=True, help="charger ports, comma-separated")
    parser.add_argument("--tags", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-driver", action="store_true", help="only recover and run (final clean recovery)"
    )
    args = parser.parse_args()
    say("migrating")
    engine = make_engine(args.db_url)
    check_and_migrate(engine)
    say("migrated")
    config = station_config(_Ports(args.host, [int(p) for p in args.ports.split(",")]))
    station = Station(config)
    service = SessionService(station, engine, TARIFF, timing=TIMING)
    await service.start()
    await station.start()
    say("ready")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    driver = None
    if not args.no_driver:
        driver = asyncio.create_task(drive(service, args.tags, random.Random(args.seed), (1.0, 3.0)))
    await stop.wait()
    if driver is not None:
        driver.cancel()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(station.stop(), 3.0)
    await service.close()
    say("counters " + " ".join(f"{k.replace(' ', '_')}={v}" for k, v in sorted(service.counters.items())))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
