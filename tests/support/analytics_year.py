"""A generated year of a 16-connector station (8 chargers x 2), written straight into a ledger, with its
ground truth: what was written, so a test can work every analytics figure out on its own.

Sessions with costs, idle fees, payments (terminal, QR card, FPX, GrabPay) and refunds; meter samples
at a 5-minute period with temperatures; the state timeline with faults, link losses and unavailable
stretches; uptime exclusions; contactor operations; balancer caps; link days; then the real rollups.
Injected degradations (docs/analytics.md "Predictive maintenance"): THERMAL's temperature rise per A^2
grows 30 % over the last 30 days, WORN's contactor reaches 85 % of its rated life, DRIFTING's meter
reads 6 % high, FLAKY_CHARGER reconnects often, TRIPPING has a burst of RCD trips. Deterministic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from db_fixtures import create_connectors
from sqlalchemy import Engine, insert, select

from app.db import (
    BalancerCap,
    ChargingSession,
    Connector,
    ConnectorStateSpan,
    ContactorOperation,
    EventLogEntry,
    LinkDay,
    Payment,
    Refund,
    SessionCostLine,
    UptimeExclusion,
    insert_samples,
    roll_up,
    session_factory,
)
from app.db.meter_store import Sample

DAY_S = 86400
SAMPLE_S = 300
THERMAL, WORN, DRIFTING, TRIPPING = "CP-02/1", "CP-03/2", "CP-05/1", "CP-07/2"
FLAKY_CHARGER = "CP-06"
HEALTHY_K = 0.01  # degC per A^2 of steady rise (10 milli-degC per A^2: 10 degC at 32 A)
SETTLE_S = 1200  # the rise is steady 20 minutes into a session ([analytics] thermal_settle_minutes)
WORN_START_CYCLES = 84700  # operations before the ledger knew the contactor (counted at rated wear)


@dataclass
class YearTruth:
    start_s: int
    end_s: int
    connectors: dict[int, str]
    sessions: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    refunds: list[dict[str, Any]] = field(default_factory=list)
    spans: list[dict[str, Any]] = field(default_factory=list)
    exclusions: list[dict[str, Any]] = field(default_factory=list)
    faults: list[dict[str, Any]] = field(default_factory=list)
    operations: list[dict[str, Any]] = field(default_factory=list)
    caps: list[dict[str, Any]] = field(default_factory=list)
    link_days: list[dict[str, Any]] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    sample_interval_s: int = SAMPLE_S


def _dt(ts_s: int) -> datetime:
    return datetime.fromtimestamp(ts_s, UTC)


class _Writer:
    """Generates one connector's year into the truth."""

    def __init__(self, truth: YearTruth, rng: random.Random, busy: float) -> None:
        self.truth, self.rng, self.busy = truth, rng, busy
        self.ref = 0

    def connector(self, connector_id: int, name: str) -> None:
        rng, truth = self.rng, self.truth
        t = truth.start_s
        register = rng.randint(0, 10**6)
        worn = name == WORN
        cycles = WORN_START_CYCLES if worn else rng.randint(100, 3000)
        gain = 1.06 if name == DRIFTING else 1.0
        while True:
            gap = int(rng.randint(3, 14) * 3600 / self.busy) + rng.randint(0, 3599)
            arrive = t + gap
            plugged = arrive + rng.randint(1, 3) * SAMPLE_S
            stop = plugged + rng.randint(6, 20) * SAMPLE_S
            leave = stop + rng.randint(0, 4) * SAMPLE_S
            if leave >= truth.end_s:
                break
            t = self._outage(connector_id, name, t, arrive)
            self._span(connector_id, "available", None, t, arrive)
            self._span(connector_id, "occupied", None, arrive, plugged)
            self._span(connector_id, "charging", None, plugged, stop)
            self._span(connector_id, "occupied", None, stop, leave)
            amps = rng.choice((16, 20, 24, 32))
            phases = 3 if connector_id % 2 else 1
            energy = self._samples(
                connector_id, name, arrive, plugged, stop, leave, amps, phases, register, gain
            )
            self._session(connector_id, arrive, plugged, stop, leave, register, energy)
            cycles += 1
            current = amps * 1000 if (worn or rng.random() < 0.1) else 0
            truth.operations.append(
                {"connector_id": connector_id, "at_s": stop, "cycles": cycles, "break_current_mA": current}
            )
            if rng.random() < 0.15:
                truth.caps.append(
                    {
                        "connector_id": connector_id,
                        "started_s": plugged,
                        "ended_s": min(stop, plugged + 1200),
                        "wanted_mA": amps * 1000,
                        "offered_min_mA": 6000,
                    }
                )
            register += energy
            t = leave
        self._span(connector_id, "available", None, t, truth.end_s)

    def _outage(self, connector_id: int, name: str, t: int, before: int) -> int:
        """Now and then a fault, a link loss or an operator's unavailable stretch before the next car."""
        rng, truth = self.rng, self.truth
        burst = name == TRIPPING and t >= truth.end_s - 30 * DAY_S
        if not burst and rng.random() > 0.03:
            return t
        length = rng.randint(5, 90) * 60
        if t + 60 + length >= before:
            return t
        kind = "faulted" if burst else rng.choice(("faulted", "offline", "unavailable"))
        detail = {
            "faulted": "RCD_TRIP"
            if burst
            else rng.choice(("GROUND_FAULT", "PILOT_FAULT", "OVERTEMPERATURE")),
            "offline": "link",
            "unavailable": "central_system",
        }[kind]
        self._span(connector_id, "available", None, t, t + 60)
        self._span(connector_id, kind, detail, t + 60, t + 60 + length)
        if kind == "faulted":
            truth.faults.append(
                {
                    "at": _dt(t + 60),
                    "kind": "fault",
                    "severity": "error",
                    "code": detail,
                    "charger_id": name.split("/", 1)[0],
                    "connector_name": name,
                    "message": f"{name}: fault {detail} latched",
                }
            )
        if kind == "unavailable" and rng.random() < 0.5:  # scheduled maintenance, recorded as excluded
            truth.exclusions.append(
                {
                    "connector_id": connector_id,
                    "reason": "scheduled_maintenance",
                    "started_s": t + 60,
                    "ended_s": t + 60 + length,
                    "created_by": "ops",
                }
            )
        return t + 60 + length

    def _samples(
        self,
        connector_id: int,
        name: str,
        arrive: int,
        plugged: int,
        stop: int,
        leave: int,
        amps: int,
        phases: int,
        register: int,
        gain: float,
    ) -> int:
        truth = self.truth
        ambient = self.rng.randint(250, 320)  # 25.0 .. 32.0 degC
        k = HEALTHY_K * self.rng.uniform(0.97, 1.03)
        if name == THERMAL and stop > truth.end_s - 30 * DAY_S:
            k *= 1 + 0.3 * (stop - (truth.end_s - 30 * DAY_S)) / (30 * DAY_S)
        energy = 0
        power = 230 * amps * phases
        for ts in range(arrive, leave + 1, SAMPLE_S):
            flowing = plugged < ts <= stop
            if flowing:
                energy += round(power * SAMPLE_S / 3600 * gain)
            steady = flowing and ts - plugged >= SETTLE_S
            temperature = ambient + (round(k * amps * amps * 10) if steady else 0)
            current = amps * 1000 if flowing else 0
            truth.samples.append(
                Sample(
                    connector_id,
                    ts,
                    register + energy,
                    power if flowing else 0,
                    current,
                    current if phases == 3 else 0,
                    current if phases == 3 else 0,
                    2300,
                    temperature,
                )
            )
        return energy

    def _session(
        self, connector_id: int, arrive: int, plugged: int, stop: int, leave: int, register: int, energy: int
    ) -> None:
        rng, truth = self.rng, self.truth
        self.ref += 1
        ref = self.ref
        cost = energy * 60 // 1000 + 100
        idle = 50 * ((leave - stop) // 600) if rng.random() < 0.2 else 0
        abnormal = rng.random() < 0.05
        truth.sessions.append(
            {
                "id": ref,
                "transaction_ref": ref,
                "connector_id": connector_id,
                "id_tag": f"CARD{rng.randint(1, 300):04d}",
                "state": "ended",
                "stop_reason": rng.choice(("PowerLoss", "EmergencyStop")) if abnormal else "EVDisconnected",
                "meter_start_Wh": register,
                "meter_stop_Wh": register + energy,
                "energy_Wh": energy,
                "tariff": {},
                "currency": "MYR",
                "cost_total_minor": cost + idle,
                "cost_tax_minor": (cost + idle) * 8 // 108,
                "started_at": _dt(plugged),
                "stopped_at": _dt(stop),
                "ended_at": _dt(leave),
            }
        )
        truth.lines.append(
            {"session_id": ref, "line_no": 1, "kind": "energy", "description": "energy", "amount_minor": cost}
        )
        if idle:
            truth.lines.append(
                {"session_id": ref, "line_no": 2, "kind": "idle", "description": "idle", "amount_minor": idle}
            )
        if rng.random() < 0.35:
            self._payment(ref, cost + idle)

    def _payment(self, session_id: int, amount: int) -> None:
        rng, truth = self.rng, self.truth
        method = rng.choice(("card_present", "card", "fpx", "grabpay"))
        card = method in ("card_present", "card")
        payment_id = len(truth.payments) + 1
        truth.payments.append(
            {
                "id": payment_id,
                "payment_ref": f"P{session_id:08d}",
                "session_id": session_id,
                "provider": "stripe",
                "method": method,
                "kind": "hold" if card else "prepaid",
                "state": "captured",
                "currency": "MYR",
                "amount_requested_minor": max(amount, 3000),
                "amount_authorised_minor": max(amount, 3000),
                "amount_captured_minor": amount if card else max(amount, 3000),
                "card_brand": rng.choice(("visa", "mastercard")) if card else None,
                "card_last4": f"{rng.randint(0, 40):04d}" if card else None,
                "amount_refunded_minor": 0,
            }
        )
        session = truth.sessions[-1]
        if not card and amount < 3000:  # the unused prepaid credit, given back by the station itself
            self._refund(payment_id, 3000 - amount, "station", session["stopped_at"])
        elif rng.random() < 0.05:  # an operator refunds part of a session
            self._refund(payment_id, amount // 2, "operator-1", session["ended_at"])

    def _refund(self, payment_id: int, amount: int, by: str, at: datetime) -> None:
        truth = self.truth
        number = len(truth.refunds) + 1
        truth.refunds.append(
            {
                "payment_id": payment_id,
                "amount_minor": amount,
                "reason": "requested_by_customer",
                "note": "",
                "requested_by": by,
                "state": "succeeded",
                "idempotency_key": f"refund-{number}",
                "requested_at": at,
            }
        )
        truth.payments[payment_id - 1]["amount_refunded_minor"] = amount

    def _span(self, connector_id: int, state: str, detail: str | None, start: int, end: int) -> None:
        if end > start:
            self.truth.spans.append(
                {
                    "connector_id": connector_id,
                    "state": state,
                    "detail": detail,
                    "started_s": start,
                    "ended_s": end,
                }
            )


def generate(
    engine: Engine, *, end_s: int, utc_offset_s: int, days: int = 365, busy: float = 1.0, seed: int = 15
) -> YearTruth:
    """Writes `days` local days ending at `end_s` (a local midnight) and returns what was written."""
    create_connectors(engine, 16, per_charger=2)
    with session_factory(engine)() as db:
        connectors = dict(db.execute(select(Connector.id, Connector.name)).all())
    truth = YearTruth(end_s - days * DAY_S, end_s, connectors)
    rng = random.Random(seed)
    writer = _Writer(truth, rng, busy)
    for connector_id, name in sorted(connectors.items()):
        writer.connector(connector_id, name)
    for charger in sorted({name.split("/", 1)[0] for name in connectors.values()}):
        for day in range(truth.start_s, end_s, DAY_S):
            flaky = charger == FLAKY_CHARGER and day >= end_s - 10 * DAY_S
            truth.link_days.append(
                {
                    "charger_id": charger,
                    "day_s": day,
                    "polls": 432000,
                    "missed_polls": rng.randint(0, 40),
                    "bad_frames": 0,
                    "reconnects": rng.randint(5, 9) if flaky else rng.randint(0, 1),
                }
            )
    _write(engine, truth, utc_offset_s)
    return truth


def _write(engine: Engine, truth: YearTruth, utc_offset_s: int) -> None:
    exclusions = [dict(row, created_at=_dt(truth.end_s)) for row in truth.exclusions]
    with session_factory(engine).begin() as db:
        for table, rows in (
            (ChargingSession, truth.sessions),
            (SessionCostLine, truth.lines),
            (Payment, truth.payments),
            (Refund, truth.refunds),
            (ConnectorStateSpan, truth.spans),
            (UptimeExclusion, exclusions),
            (EventLogEntry, truth.faults),
            (ContactorOperation, truth.operations),
            (BalancerCap, truth.caps),
            (LinkDay, truth.link_days),
        ):
            for first in range(0, len(rows), 10000):
                db.execute(insert(table), rows[first : first + 10000])
        for first in range(0, len(truth.samples), 50000):
            insert_samples(db, truth.samples[first : first + 50000])
    with session_factory(engine).begin() as db:
        roll_up(db, truth.end_s, utc_offset_s=utc_offset_s)
