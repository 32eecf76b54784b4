"""Shared by the admin sessions tests: the paid station (the real Stripe SDK against the fake Stripe, one
simulated terminal) with the operator facade holding its payment service, staff accounts, and helpers
that make sessions the way drivers do (a card on the list, a card at the terminal) and rows of the
past written straight into the ledger."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from admin_station import PINS, SteppedClock, make_accounts
from paid_station import paid_station
from sessions_support import wait_until
from sqlalchemy import select

from app.admin import Operator, OperatorFacade
from app.analytics import Analytics
from app.config import AdminSettings
from app.db import ChargingSession, Connector, Payment, SessionTransition, recent_audit, session_factory
from app.payments import PaymentService
from hal.sim.fake_stripe import FakeStripe


@dataclass
class AdminPaidStation:
    runtime: Any
    driver: Any
    payments: PaymentService
    reader_id: str
    events: Any
    operators: OperatorFacade
    clock: SteppedClock
    accounts: dict[str, int]

    async def sign_in(self, role: str) -> Operator:
        result = await self.operators.sign_in(self.accounts[role], PINS[role])
        assert result.operator is not None, result
        return result.operator

    def audit(self, action: str) -> list[dict[str, Any]]:
        with session_factory(self.runtime.engine)() as db:
            return [row for row in reversed(recent_audit(db, limit=200)) if row["action"] == action]


@contextlib.asynccontextmanager
async def admin_paid_station(sim: Any, tmp_path: Path, fake: FakeStripe) -> AsyncIterator[AdminPaidStation]:
    settings = AdminSettings(pin_delay_s=1.0, max_pin_attempts=4, lockout_s=600.0)
    async with paid_station(sim, tmp_path, fake) as (runtime, driver, payments, reader_id, events):
        clock = SteppedClock()
        analytics = Analytics.for_config(runtime.engine, runtime.config)  # as the launcher builds it
        operators = OperatorFacade(
            runtime, settings=settings, payments=payments, now=clock, analytics=analytics
        )
        accounts = make_accounts(runtime.engine, settings)
        yield AdminPaidStation(runtime, driver, payments, reader_id, events, operators, clock, accounts)


def payment_statuses(events: Any, payment_id: int) -> list[str]:
    return [e.status for e in events.of("payment_update") if e.payment_id == payment_id]


async def card_session(
    station: AdminPaidStation, sim: Any, fake: FakeStripe, charger: int
) -> tuple[int, int]:
    """A hold at the terminal, a session charging under it, stopped and captured: (payment, session)."""
    driver, events = station.driver, station.events
    payment_id = await driver.pay_by_card()
    await wait_until(lambda: "waiting" in payment_statuses(events, payment_id), 10, "terminal waiting")
    fake.present_card(station.reader_id)
    await wait_until(lambda: "authorised" in payment_statuses(events, payment_id), 10, "authorised")
    session_id = await rfid_session(station, sim, charger, "PAID")
    return payment_id, session_id


async def rfid_session(
    station: AdminPaidStation, sim: Any, charger: int, id_tag: str, *, stop: bool = True
) -> int:
    """A session on the charger's connector for `id_tag` ("PAID" under a payment), charged a little."""
    driver = station.driver
    await sim.ctl.call("plug", charger=charger)
    await wait_until(lambda: driver.connectors()[charger].vehicle_present, 10, "car plugged")
    if id_tag != "PAID":
        outcome = await driver.present_card(id_tag)
        assert outcome.kind == "authorised", outcome
    session_id = await driver.start_session(f"CP{charger:02d}/1", id_tag)
    await wait_until(lambda: driver.connectors()[charger].energy_Wh > 100, 30, "charging")
    if stop:
        await driver.stop_session(f"CP{charger:02d}/1")
        await wait_until(lambda: session_state(station, session_id) == "ended", 15, "session ended")
        await sim.ctl.call("unplug", charger=charger)
    return session_id


def session_state(station: AdminPaidStation, session_id: int) -> str:
    with session_factory(station.runtime.engine)() as db:
        row = db.get(ChargingSession, session_id)
        assert row is not None
        return row.state


def past_session(
    engine: Any,
    *,
    connector: str,
    started: datetime,
    id_tag: str,
    energy_Wh: int = 5000,
    cost_minor: int = 450,
    method: str | None = None,
    ref: int,
) -> int:
    """An ended session of the past, written as the session service leaves one (with a captured
    payment when `method` is given): what a station that has run for months holds."""
    with session_factory(engine).begin() as db:
        connector_id = db.scalar(select(Connector.id).where(Connector.name == connector))
        row = ChargingSession(
            transaction_ref=ref,
            connector_id=connector_id,
            id_tag=id_tag,
            state="ended",
            stop_reason="Local",
            meter_start_Wh=1000,
            meter_stop_Wh=1000 + energy_Wh,
            energy_Wh=energy_Wh,
            tariff={},
            currency="MYR",
            cost_total_minor=cost_minor,
            cost_tax_minor=cost_minor // 13,
            created_at=started,
            started_at=started,
            stopped_at=started.replace(microsecond=0),
            ended_at=started.replace(microsecond=0),
        )
        db.add(row)
        db.flush()
        db.add(
            SessionTransition(session_id=row.id, seq=1, from_state=None, to_state="authorised", at=started)
        )
        db.add(
            SessionTransition(session_id=row.id, seq=2, from_state="authorised", to_state="ended", at=started)
        )
        if method is not None:
            db.add(
                Payment(
                    payment_ref=f"past-{ref}",
                    session_id=row.id,
                    provider="stripe",
                    method=method,
                    kind="prepaid" if method in ("fpx", "grabpay") else "hold",
                    state="captured",
                    currency="MYR",
                    amount_requested_minor=2000,
                    amount_authorised_minor=2000,
                    amount_captured_minor=cost_minor,
                    amount_refunded_minor=0,
                )
            )
        return row.id
