"""A year of a busy 16-connector station written straight into a ledger, for the analytics benchmark and
the report's screenshot: sessions with costs and payments, meter samples (5-minute period) with
temperatures, the state timeline, faults, contactor operations, balancer caps and link days, then the
real rollups. Deterministic (seeded); not the acceptance tests' data, which carry their own truth."""

from __future__ import annotations

import random
from dataclasses import dataclass
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
    SessionCostLine,
    insert_samples,
    roll_up,
    session_factory,
)
from app.db.meter_store import Sample

DAY_S = 86400
SAMPLE_S = 300
METHODS = ("card_present", "card", "fpx", "grabpay")


@dataclass(frozen=True)
class YearLedger:
    connectors: list[str]
    sessions: int
    samples: int
    sample_interval_s: int = SAMPLE_S


def _dt(ts_s: int) -> datetime:
    return datetime.fromtimestamp(ts_s, UTC)


def generate(
    engine: Engine, *, end_s: int, utc_offset_s: int, days: int = 365, connectors: int = 16, seed: int = 15
) -> YearLedger:
    """Writes `days` days ending at `end_s` (a local midnight) for `connectors` connectors (2 per charger)."""
    rng = random.Random(seed)
    create_connectors(engine, connectors, per_charger=2)
    with session_factory(engine)() as db:
        ids = dict(db.execute(select(Connector.id, Connector.name)).all())
    start_s = end_s - days * DAY_S
    sessions: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    spans: list[dict[str, Any]] = []
    faults: list[dict[str, Any]] = []
    operations: list[dict[str, Any]] = []
    caps: list[dict[str, Any]] = []
    samples: list[Sample] = []
    ref = 0
    for connector_id, name in sorted(ids.items()):
        t = start_s
        register = rng.randint(0, 10**6)
        cycles = rng.randint(100, 5000)
        while True:
            start = t + rng.randint(1, 6) * 3600 + rng.randint(0, 3599)
            plugged = start + rng.randint(1, 6) * SAMPLE_S
            stop = plugged + rng.randint(4, 30) * SAMPLE_S
            leave = stop + rng.randint(0, 6) * SAMPLE_S
            if leave >= end_s:
                break
            if rng.random() < 0.01:  # a fault now and then, before the car comes
                fault_end = min(start, t + rng.randint(10, 180) * 60)
                code = rng.choice(("GROUND_FAULT", "RCD_TRIP", "PILOT_FAULT", "OVERTEMPERATURE"))
                spans.append(_span(connector_id, "available", None, t, t + 60))
                spans.append(_span(connector_id, "faulted", code, t + 60, fault_end))
                faults.append(_fault(name, code, t + 60))
                t = fault_end
            spans.append(_span(connector_id, "available", None, t, start))
            spans.append(_span(connector_id, "occupied", None, start, plugged))
            spans.append(_span(connector_id, "charging", None, plugged, stop))
            spans.append(_span(connector_id, "occupied", None, stop, leave))
            amps = rng.choice((16, 24, 32))
            phases = rng.choice((1, 3))
            ambient = rng.randint(260, 330)
            energy = 0
            for ts in range(start, leave + 1, SAMPLE_S):
                flowing = plugged < ts <= stop
                step = 230 * amps * phases * SAMPLE_S // 3600 if flowing else 0
                energy += step
                heat = ambient + (amps * amps // 10 if flowing and ts - plugged >= 1200 else 0)
                current = amps * 1000 if flowing else 0
                samples.append(
                    Sample(
                        connector_id,
                        ts,
                        register + energy,
                        230 * amps * phases if flowing else 0,
                        current,
                        current if phases == 3 else 0,
                        current if phases == 3 else 0,
                        2300,
                        heat,
                    )
                )
            ref += 1
            cost = energy * 60 // 1000 + 100
            sessions.append(
                {
                    "id": ref,
                    "transaction_ref": ref,
                    "connector_id": connector_id,
                    "id_tag": f"CARD{rng.randint(1, 400):04d}",
                    "state": "ended",
                    "stop_reason": rng.choice(("EVDisconnected",) * 9 + ("Local", "Remote", "PowerLoss")),
                    "meter_start_Wh": register,
                    "meter_stop_Wh": register + energy,
                    "energy_Wh": energy,
                    "tariff": {},
                    "currency": "MYR",
                    "cost_total_minor": cost,
                    "cost_tax_minor": cost * 8 // 108,
                    "started_at": _dt(start),
                    "stopped_at": _dt(stop),
                    "ended_at": _dt(leave),
                }
            )
            lines.append(
                {
                    "session_id": ref,
                    "line_no": 1,
                    "kind": "energy",
                    "description": "energy",
                    "amount_minor": cost,
                }
            )
            if rng.random() < 0.4:
                method = rng.choice(METHODS)
                payments.append(_payment(ref, method, cost, rng))
            cycles += 1
            operations.append(
                {
                    "connector_id": connector_id,
                    "at_s": stop,
                    "cycles": cycles,
                    "break_current_mA": rng.choice((0, 0, 0, amps * 1000)),
                }
            )
            if rng.random() < 0.2:
                caps.append(
                    {
                        "connector_id": connector_id,
                        "started_s": plugged,
                        "ended_s": min(stop, plugged + 1800),
                        "wanted_mA": amps * 1000,
                        "offered_min_mA": 6000,
                    }
                )
            register += energy
            t = leave
        spans.append(_span(connector_id, "available", None, t, end_s))
    link_days = [
        {
            "charger_id": f"CP-{n:02d}",
            "day_s": day,
            "polls": 432000,
            "missed_polls": rng.randint(0, 50),
            "bad_frames": 0,
            "reconnects": rng.randint(0, 1),
        }
        for n in range(1, connectors // 2 + 1)
        for day in range(start_s, end_s, DAY_S)
    ]
    with session_factory(engine).begin() as db:
        for table, rows in (
            (ChargingSession, sessions),
            (SessionCostLine, lines),
            (Payment, payments),
            (ConnectorStateSpan, spans),
            (EventLogEntry, faults),
            (ContactorOperation, operations),
            (BalancerCap, caps),
            (LinkDay, link_days),
        ):
            for first in range(0, len(rows), 20000):
                db.execute(insert(table), rows[first : first + 20000])
        for first in range(0, len(samples), 50000):
            insert_samples(db, samples[first : first + 50000])
    with session_factory(engine).begin() as db:
        roll_up(db, end_s, utc_offset_s=utc_offset_s)
    return YearLedger(sorted(ids.values()), len(sessions), len(samples))


def _span(connector_id: int, state: str, detail: str | None, start: int, end: int) -> dict[str, Any]:
    return {
        "connector_id": connector_id,
        "state": state,
        "detail": detail,
        "started_s": start,
        "ended_s": end,
    }


def _fault(name: str, code: str, at_s: int) -> dict[str, Any]:
    return {
        "at": _dt(at_s),
        "kind": "fault",
        "severity": "error",
        "code": code,
        "charger_id": name.split("/", 1)[0],
        "connector_name": name,
        "message": f"{name}: fault {code} latched",
    }


def _payment(session_id: int, method: str, cost: int, rng: random.Random) -> dict[str, Any]:
    card = method in ("card_present", "card")
    return {
        "payment_ref": f"P{session_id:08d}",
        "session_id": session_id,
        "provider": "stripe",
        "method": method,
        "kind": "hold" if card else "prepaid",
        "state": "captured",
        "currency": "MYR",
        "amount_requested_minor": max(cost, 3000),
        "amount_authorised_minor": max(cost, 3000),
        "amount_captured_minor": cost,
        "card_brand": "visa" if card else None,
        "card_last4": f"{rng.randint(0, 9999):04d}" if card else None,
    }
