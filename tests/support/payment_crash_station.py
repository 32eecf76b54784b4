"""A paying station process for the payment crash test: sessions paid by card at a terminal per charger.

Run by tests/system/test_payment_crash.py, which kills it with SIGKILL at every payment step (the
fake provider in the test process kills it just before or just after it handles a chosen call) and
starts it again. Each car's plug cycle has a tag the harness writes to <tags>/<charger index>
before plugging; the driver pays by card for a plugged car once per tag (the tag is the session's
idTag, so a tag already in the ledger is not paid again), and stops each session with "Local" a
few seconds after it started. Lines on stdout: "ready", "paid <tag>".
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

from app.config import CardTerminal, PaymentSettings
from app.db.engine import make_engine, read_only, session_factory
from app.db.models import ChargingSession, Payment
from app.db.schema_guard import check_and_migrate
from app.payments import PaymentService, PaymentStatus, PaymentUnavailableError
from app.sessions.ledger import SessionRefusedError
from app.sessions.service import SessionService, SessionTiming
from app.sessions.states import RUNNING_STATES
from app.station.site import Station
from hal.payments.stripe_provider import StripeProvider

TIMING = SessionTiming(
    sample_interval_s=0.5,
    flush_interval_s=1.0,
    plug_timeout_s=5.0,
    stop_timeout_s=3.0,
    suspend_debounce_s=1.0,
)
HOLD = "20.00"


class _Ports:
    def __init__(self, host: str, ports: list[int]) -> None:
        self.host, self.ports, self.chargers = host, ports, len(ports)

    def charger_port(self, index: int) -> int:
        return self.ports[index]


def say(line: str) -> None:
    print(line, flush=True)


def tag_in_ledger(engine: object, tag: str) -> bool:
    with session_factory(read_only(engine))() as db:  # type: ignore[arg-type]
        if db.scalar(select(ChargingSession.id).where(ChargingSession.id_tag == tag)) is not None:
            return True
    return False


async def drive(
    service: PaymentService, sessions: SessionService, tags_dir: Path, rng: random.Random
) -> None:
    """Pays for every plugged car once per plug cycle; stops sessions after a random time."""
    engine = sessions.engine
    used: set[str] = set()
    paying: dict[str, int] = {}  # connector -> payment id
    authorised: dict[int, asyncio.Event] = {}
    stop_at: dict[int, float] = {}
    tasks: set[asyncio.Task[object]] = set()

    def on_event(event: object) -> None:
        if isinstance(event, PaymentStatus) and event.payment_id in authorised:
            if event.status == "authorised":
                authorised[event.payment_id].set()
            elif event.status in ("declined", "cancelled", "expired", "unavailable", "failed"):
                authorised.pop(event.payment_id).set()

    service.subscribe(on_event)

    async def pay(connector_id: str, tag: str) -> None:
        try:
            payment_id = await service.pay_by_card(connector_id)
        except PaymentUnavailableError:
            return
        paying[connector_id] = payment_id
        done = authorised.setdefault(payment_id, asyncio.Event())
        try:
            await asyncio.wait_for(done.wait(), 15)
            if payment_id not in authorised:
                return  # declined or failed: the next round pays again
            with contextlib.suppress(SessionRefusedError):
                await sessions.authorise(connector_id, tag, with_session=service.bind_session(payment_id))
                used.add(tag)
                say(f"paid {tag}")
        finally:
            authorised.pop(payment_id, None)
            paying.pop(connector_id, None)

    while True:
        await asyncio.sleep(0.1)
        now = time.monotonic()
        for index, (connector_id, view) in enumerate(sessions.station.manager.connectors().items()):
            open_session = sessions.open_session(connector_id)
            if open_session is None:
                if connector_id in paying or not (view.available and view.vehicle_present):
                    continue
                tag_file = tags_dir / str(index)
                tag = tag_file.read_text().strip() if tag_file.exists() else ""
                if not tag or tag in used:
                    continue
                if await asyncio.to_thread(tag_in_ledger, engine, tag):
                    used.add(tag)
                    continue
                paying[connector_id] = 0
                task = asyncio.create_task(pay(connector_id, tag))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
            elif open_session[1] in RUNNING_STATES:
                session_id = open_session[0]
                deadline = stop_at.setdefault(session_id, now + rng.uniform(1.0, 3.0))
                if now >= deadline:
                    stop_at[session_id] = float("inf")
                    task = asyncio.create_task(sessions.stop(connector_id, "Local"))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db-url", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--ports", required=True, help="charger ports, comma-separated")
    parser.add_argument(
        "--readers", required=True, help="one terminal reader id per charger, comma-separated"
    )
    parser.add_argument("--api-base", required=True)
    parser.add_argument("--tags", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-driver", action="store_true", help="only recover and settle")
    args = parser.parse_args()
    engine = make_engine(args.db_url)
    check_and_migrate(engine)
    ports = [int(p) for p in args.ports.split(",")]
    config = station_config(_Ports(args.host, ports))
    station = Station(config)
    sessions = SessionService(station, engine, TARIFF, timing=TIMING)
    readers = args.readers.split(",")
    names = list(config.chargers)
    settings = PaymentSettings(
        provider="stripe",
        api_base=args.api_base,
        hold=HOLD,
        qr=False,
        terminals=tuple(
            CardTerminal(reader_id=reader, connectors=(f"{charger.id}/1",))
            for reader, charger in zip(readers, names, strict=True)
        ),
        card_timeout_s=20.0,
    )
    provider = StripeProvider("sk_test_crash", api_base=args.api_base, timeout_s=5.0)
    service = PaymentService(sessions, provider, settings, station_id="CRASH", poll_s=0.1)
    await sessions.start()
    await station.start()
    await service.start()
    say("ready")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    driver = None
    if not args.no_driver:
        driver = asyncio.create_task(drive(service, sessions, args.tags, random.Random(args.seed)))
    await service.recovery_done.wait()
    say("recovered")
    await stop.wait()
    if driver is not None:
        driver.cancel()
    await service.close()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(station.stop(), 3.0)
    await sessions.close()
    with session_factory(read_only(engine))() as db:
        open_payments = db.scalars(select(Payment.state)).all()
    say("payments " + " ".join(sorted(open_payments)))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
