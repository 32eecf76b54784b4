"""Payment crash test: a paying station killed with SIGKILL at every payment step, just before a call
reaches the provider and just after the provider applied it (its answer lost with the process), over
more than 100 paid sessions; afterwards every session is captured exactly once for its cost or
cancelled, no hold is left open, nothing is refunded twice, and the provider's records and the
ledger agree one to one."""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import figures
import pytest
from crash_process import StationProcess
from sqlalchemy import func, select

from app.db.engine import make_engine, read_only, session_factory
from app.db.models import ChargingSession, Payment, PaymentCall, Receipt, Refund
from app.db.schema_guard import check_and_migrate
from hal.sim.fake_stripe import FakeStripe, Record, default_spec_path

CHARGERS = 10
PAID_WANTED = 100
TIME_LIMIT_S = 180.0
# (method, path ending, phase): every call the card flow makes, killed on its way in and after it
# was applied.
KILL_POINTS = [
    (method, ending, phase)
    for method, ending in (
        ("POST", "/v1/payment_intents"),
        ("POST", "/set_reader_display"),
        ("POST", "/process_payment_intent"),
        ("GET", "/v1/terminal/readers/"),
        ("GET", "/v1/payment_intents/"),
        ("POST", "/capture"),
        ("POST", "/cancel"),
        ("POST", "/cancel_action"),
    )
    for phase in ("received", "applied")
]

# The first round's order. A reader action is cancelled mostly when the station restarts and recovers a
# card payment that was killed while the terminal waited (app/payments/recovery.py): each cancel_action
# point follows the process_payment_intent point of its phase, whose kill leaves such a payment.
FIRST_ROUND = [point for point in KILL_POINTS if point[1] != "/cancel_action"]
for _phase in ("received", "applied"):
    FIRST_ROUND.insert(
        FIRST_ROUND.index(("POST", "/process_payment_intent", _phase)) + 1, ("POST", "/cancel_action", _phase)
    )


class Killer:
    """Kills the station process at the armed point, from inside the fake provider."""

    def __init__(self, fake: FakeStripe) -> None:
        self.fake = fake
        self.pid: int | None = None
        self.armed: tuple[str, str, str] | None = None
        self.fired = threading.Event()
        self.lock = threading.Lock()

    def matches(self, record: Record, point: tuple[str, str, str]) -> bool:
        method, ending, _ = point
        if record.method != method:
            return False
        if ending.endswith("/"):  # a retrieve of one object: the path has its id after the prefix
            return record.path.startswith(ending) and record.path.count("/") == ending.count("/")
        return record.path.endswith(ending)

    def __call__(self, record: Record, phase: str) -> bool:
        if record.method == "POST" and record.path.endswith("/process_payment_intent") and phase == "applied":
            # The driver taps the card a moment after the terminal asks for it.
            reader = record.path.split("/")[4]
            threading.Timer(0.2, self._present, args=(reader,)).start()
        with self.lock:
            point = self.armed
            if point is None or point[2] != phase or not self.matches(record, point) or self.pid is None:
                return False
            self.armed = None
            os.kill(self.pid, signal.SIGKILL)
            self.fired.set()
        return phase == "received"  # killed on its way in: the call never reaches the provider

    def _present(self, reader: str) -> None:
        # The action may have been cancelled meanwhile (the station restarted): no card to take then.
        with contextlib.suppress(Exception):
            self.fake.present_card(reader)


async def car_cycles(sim, index: int, tags: Path, rng: random.Random, running: asyncio.Event) -> None:
    number = 0
    while running.is_set():
        number += 1
        tag = f"P{index:02d}-{number}"
        (tags / f"{index}.tmp").write_text(tag)
        os.replace(tags / f"{index}.tmp", tags / str(index))
        await sim.ctl.call("plug", charger=index, soc_pct=rng.randint(10, 80))
        await asyncio.sleep(rng.uniform(3.0, 6.0))
        await sim.ctl.call("unplug", charger=index)
        await asyncio.sleep(rng.uniform(0.6, 1.2))


def settled_sessions(engine) -> int:
    with session_factory(read_only(engine))() as db:
        return (
            db.scalar(select(func.count()).select_from(Payment).where(Payment.session_id.is_not(None))) or 0
        )


def unfinished(engine) -> int:
    with session_factory(read_only(engine))() as db:
        final = ("captured", "cancelled", "expired", "failed")
        return db.scalar(select(func.count()).select_from(Payment).where(Payment.state.not_in(final))) or 0


@pytest.mark.sim(chargers=CHARGERS, realtime_factor=4)
def test_payments_survive_sigkill_at_every_step(realtime_sim, tmp_path):
    # SQLite, the station's default ledger: the session crash test runs both back-ends, and the payment
    # rows' transactions are the same code on PostgreSQL (tests/app/payments/test_payment_ledger.py).
    db_url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    sim, rng = realtime_sim, random.Random(20261204)
    tags = tmp_path / "tags"
    tags.mkdir()
    fake = FakeStripe(default_spec_path())
    fake.start()
    killer = Killer(fake)
    fake.hook = killer
    readers = [fake.register_reader(f"CP{i:02d}") for i in range(CHARGERS)]
    ports = ",".join(str(sim.charger_port(i)) for i in range(CHARGERS))
    base_args = [
        "--db-url", db_url, "--host", sim.host, "--ports", ports, "--tags", str(tags),
        "--readers", ",".join(readers), "--api-base", fake.url,
    ]  # fmt: skip
    engine = make_engine(db_url)
    check_and_migrate(engine)  # the session crash test kills migrations; this one kills payments
    kills: Counter[str] = Counter()

    async def scenario() -> str:
        running = asyncio.Event()
        running.set()
        cars = [
            asyncio.create_task(car_cycles(sim, i, tags, random.Random(i), running)) for i in range(CHARGERS)
        ]
        started = time.monotonic()
        launch = 0
        while True:
            launch += 1
            first_round = launch <= len(FIRST_ROUND)
            # After the first round, a point that did not fire in its turn (a cancel needs a car that
            # leaves at the right moment) is tried again before any other, armed from the start as in
            # the first round (the start's recovery makes some of these calls).
            missing = [p for p in KILL_POINTS if " ".join(p) not in kills]
            retry = not first_round and bool(missing)
            point = FIRST_ROUND[launch - 1] if first_round else rng.choice(missing or KILL_POINTS)
            paid_before = await asyncio.to_thread(settled_sessions, engine)
            killer.fired.clear()
            with killer.lock:
                # Armed from the start: a cancel or a capture is often the recovery of the last kill.
                killer.armed = point if first_round or retry else None
            station = StationProcess([*base_args, "--seed", str(launch)], script="payment_crash_station.py")
            await station.start()
            assert station.proc is not None
            killer.pid = station.proc.pid
            if not (first_round or retry):
                # Later kills are rarer: a handful of sessions are paid and settled between them.
                assert await station.wait_for("ready", 30), f"station did not start: {station.last_line}"
                until = time.monotonic() + 15
                while (
                    time.monotonic() < until
                    and await asyncio.to_thread(settled_sessions, engine) < paid_before + 8
                ):
                    await asyncio.sleep(0.3)
                with killer.lock:
                    killer.armed = point
            fired = await asyncio.to_thread(killer.fired.wait, 20.0)
            with killer.lock:
                killer.armed = None
            kills[" ".join(point) if fired else "at random"] += 1
            await station.kill()
            paid = await asyncio.to_thread(settled_sessions, engine)
            every_point = all(" ".join(p) in kills for p in KILL_POINTS)
            enough = paid >= PAID_WANTED and not first_round and every_point
            if enough or time.monotonic() - started > TIME_LIMIT_S:
                break
        running.clear()
        await asyncio.gather(*cars)
        # The final clean start: recovery settles and releases whatever the kills left.
        killer.pid = None
        final = StationProcess([*base_args, "--no-driver"], script="payment_crash_station.py")
        await final.start()
        assert await final.wait_for("recovered", 30)
        deadline = time.monotonic() + 30
        while await asyncio.to_thread(unfinished, engine) and time.monotonic() < deadline:
            await asyncio.sleep(0.3)
        assert await final.terminate() == 0
        return final.last_line

    try:
        last_line = asyncio.run(scenario())
    finally:
        fake.stop()
    assert last_line.startswith("payments")
    missed = [point for point in KILL_POINTS if " ".join(point) not in kills]
    assert not missed, f"kill points never reached: {missed} (kills: {dict(kills)})"

    with session_factory(read_only(engine))() as db:
        payments = list(db.scalars(select(Payment).order_by(Payment.id)))
        sessions = {s.id: s for s in db.scalars(select(ChargingSession))}
        receipts = list(db.scalars(select(Receipt).order_by(Receipt.seq)))
        refunds = list(db.scalars(select(Refund)))
        captures = db.scalars(select(PaymentCall).where(PaymentCall.operation == "capture")).all()
    paid = [p for p in payments if p.session_id is not None]
    assert len(paid) >= PAID_WANTED, f"only {len(paid)} paid sessions in {sum(kills.values())} kills"
    states = Counter(p.state for p in payments)
    assert set(states) <= {"captured", "cancelled", "failed", "expired"}, states
    assert states["expired"] == 0
    intents = fake.store.intents
    # One to one: every intent at the provider is one payment of the ledger, and the reverse.
    refs = Counter(i["metadata"].get("payment_ref") for i in intents.values())
    assert all(count == 1 for count in refs.values()), "a payment made two intents"
    by_ref = {i["metadata"]["payment_ref"]: i for i in intents.values()}
    for payment in payments:
        intent = by_ref.get(payment.payment_ref)
        if payment.provider_payment_id is not None:
            assert intent is not None and intent["id"] == payment.provider_payment_id
        if intent is not None:
            assert payment.provider_payment_id == intent["id"], f"payment {payment.id} lost its intent"
            # No hold left open, whatever the kills interrupted.
            assert intent["status"] in ("succeeded", "canceled"), (
                payment.id,
                payment.state,
                intent["status"],
            )
    for payment in paid:
        session = sessions[payment.session_id]
        intent = intents[payment.provider_payment_id]
        if payment.state == "captured":
            assert session.cost_total_minor and session.energy_Wh
            assert payment.amount_captured_minor == min(session.cost_total_minor, 2000)
            assert intent["amount_received"] == payment.amount_captured_minor
        else:
            assert payment.state == "cancelled" and intent["status"] == "canceled"
            assert not (session.energy_Wh and session.cost_total_minor), (
                "a delivered session was not captured"
            )
    for payment in payments:
        if payment.session_id is None and payment.provider_payment_id is not None:
            assert intents[payment.provider_payment_id]["status"] == "canceled"
    # Captured exactly once: one applied capture per intent at the provider (repeats are replays).
    applied = Counter(
        r.path.split("/")[3]
        for r in fake.records
        if r.path.endswith("/capture") and r.status == 200 and not r.replay
    )
    assert all(count == 1 for count in applied.values())
    assert set(applied) == {p.provider_payment_id for p in payments if p.state == "captured"}
    assert refunds == [] and not fake.store.refunds  # card holds are captured or released, never refunded
    assert [r.seq for r in receipts] == list(range(1, len(receipts) + 1)), "receipt numbers with a gap"
    assert {r.payment_id for r in receipts} == {p.id for p in payments if p.state == "captured"}
    assert fake.rejections == []
    figures.report(
        "payment crash test",
        f"{len(paid)} paid sessions, {sum(kills.values())} SIGKILLs over {len(KILL_POINTS)} kill points; "
        f"{states['captured']} captured, {states['cancelled']} cancelled, {states['failed']} failed; "
        f"{len(captures)} capture calls recorded, {sum(applied.values())} applied",
    )
