"""Usage and revenue of a scope over a period, from the sessions, their payments and the timeline."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import func, or_, select

from app.analytics.daily import STATE_COLUMNS
from app.analytics.figures import (
    Granularity,
    MethodRevenue,
    Period,
    Revenue,
    Scope,
    SessionRow,
    Usage,
    UsageBucket,
)
from app.analytics.periods import bucket_start, next_bucket, overlap
from app.db import ChargingSession, ConnectorStateSpan, Db, Payment, Refund, SessionCostLine, epoch_s

CARD_METHODS = ("card_present", "card")
METHODS = ("rfid", "card_present", "card", "fpx", "grabpay")


@dataclass(frozen=True, slots=True)
class SessionFacts:
    id: int
    transaction_ref: int
    connector_id: int
    id_tag: str | None
    started_s: int
    stopped_s: int | None
    energy_Wh: int
    gross_minor: int | None
    tax_minor: int | None
    currency: str
    stop_reason: str | None
    method: str
    card: tuple[str, str] | None  # (brand, last 4) of a card payment


def _dt(ts_s: int) -> datetime:
    return datetime.fromtimestamp(ts_s, UTC)


def _started_in(connector_ids: list[int], period: Period) -> list[Any]:
    c = ChargingSession
    return [
        c.connector_id.in_(connector_ids),
        c.started_at >= _dt(period.start_s),
        c.started_at < _dt(period.end_s),
    ]


def sessions(db: Db, connector_ids: list[int], period: Period) -> list[SessionFacts]:
    """The sessions whose transaction started in the period, with their payment's method and card."""
    c, p = ChargingSession, Payment
    # One payment per session is bound; should a session ever hold two, the captured one speaks.
    payment = (
        select(p.session_id, p.method, p.card_brand, p.card_last4, p.state)
        .where(p.session_id.is_not(None))
        .subquery()
    )
    rows = db.execute(
        select(
            c.id,
            c.transaction_ref,
            c.connector_id,
            c.id_tag,
            epoch_s(c.started_at).label("started_s"),
            epoch_s(c.stopped_at).label("stopped_s"),
            c.energy_Wh,
            c.cost_total_minor,
            c.cost_tax_minor,
            c.currency,
            c.stop_reason,
            payment.c.method,
            payment.c.card_brand,
            payment.c.card_last4,
            payment.c.state,
        )
        .outerjoin(payment, payment.c.session_id == c.id)
        .where(*_started_in(connector_ids, period))
        .order_by(c.started_at, c.id)
    )
    facts: dict[int, SessionFacts] = {}
    # Plain tuples: a year of sessions is tens of thousands of rows, and Row attribute access adds up.
    for (
        session_id, ref, connector_id, id_tag, started_s, stopped_s, energy, gross, tax, currency, reason,
        paid_by, brand, last4, state,
    ) in rows.all():  # fmt: skip
        if state != "captured" and session_id in facts:
            continue
        method = paid_by or "rfid"
        card = (brand or "", last4) if last4 and method in CARD_METHODS else None
        facts[session_id] = SessionFacts(
            session_id, ref, connector_id, id_tag, started_s, stopped_s, energy or 0, gross, tax, currency,
            reason, method, card,
        )  # fmt: skip
    return list(facts.values())


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: the value at rank ceil(fraction x n) of the ascending list (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    exact = Fraction(str(fraction))  # 0.9 is 9/10 exactly, so 0.9 x 110 ranks 99, not 100
    rank = -(-exact.numerator * len(ordered) // exact.denominator)
    return float(ordered[max(1, rank) - 1])


def _charging_spans(db: Db, connector_ids: list[int], period: Period, now_s: int) -> list[tuple[int, int]]:
    s = ConnectorStateSpan
    spans = db.execute(
        select(s.started_s, s.ended_s).where(
            s.connector_id.in_(connector_ids),
            s.state == "charging",
            s.started_s < period.end_s,
            or_(s.ended_s.is_(None), s.ended_s > period.start_s),
        )
    ).all()
    return [
        (max(a, period.start_s), min(b if b is not None else now_s, period.end_s))
        for a, b in spans
        if min(b if b is not None else now_s, period.end_s) > max(a, period.start_s)
    ]


def _series(
    facts: list[SessionFacts],
    spans: list[tuple[int, int]],
    period: Period,
    granularity: Granularity,
    offset: int,
) -> tuple[UsageBucket, ...]:
    starts: list[int] = []
    at = bucket_start(period.start_s, granularity, offset)
    while at < period.end_s:
        starts.append(at)
        at = next_bucket(at, granularity, offset)
    # Buckets found by bisection of their starts: no calendar arithmetic per session.
    bounds = [*starts, at]
    sessions_in: Counter[int] = Counter()
    energy_in: Counter[int] = Counter()
    for fact in facts:
        key = starts[bisect_right(starts, fact.started_s) - 1]
        sessions_in[key] += 1
        energy_in[key] += fact.energy_Wh
    charging: Counter[int] = Counter()
    for a, b in spans:
        index = bisect_right(starts, a) - 1
        while index < len(starts) and bounds[index] < b:
            charging[starts[index]] += overlap(a, b, bounds[index], bounds[index + 1])
            index += 1
    return tuple(UsageBucket(s, sessions_in[s], energy_in[s], charging[s]) for s in starts)


def usage(
    db: Db,
    scope: Scope,
    connector_ids: list[int],
    period: Period,
    totals: dict[str, int],
    *,
    granularity: Granularity | None,
    offset: int,
    now_s: int,
) -> Usage:
    facts = sessions(db, connector_ids, period)
    ended = [f for f in facts if f.stopped_s is not None]
    lengths = [float(f.stopped_s - f.started_s) for f in ended if f.stopped_s is not None]
    energies = [float(f.energy_Wh) for f in ended]
    charging_s = totals["charging_s"]
    idle_s = totals["occupied_s"]
    known_s = sum(totals[column] for column in STATE_COLUMNS.values())
    series: tuple[UsageBucket, ...] = ()
    if granularity is not None:
        spans = _charging_spans(db, connector_ids, period, now_s)
        series = _series(facts, spans, period, granularity, offset)
    return Usage(
        scope=scope,
        period=period,
        sessions=len(facts),
        energy_Wh=sum(f.energy_Wh for f in facts),
        charging_s=charging_s,
        idle_s=idle_s,
        known_s=known_s,
        occupancy_percent=100.0 * (charging_s + idle_s) / known_s if known_s else 0.0,
        length_mean_s=sum(lengths) / len(lengths) if lengths else 0.0,
        length_p90_s=percentile(lengths, 0.9),
        energy_mean_Wh=sum(energies) / len(energies) if energies else 0.0,
        energy_p90_Wh=percentile(energies, 0.9),
        unique_cards=len({f.id_tag for f in facts if f.method == "rfid" and f.id_tag}),
        unique_payers=len({f.card for f in facts if f.card is not None}),
        series=series,
    )


def _operator_refunds(db: Db, connector_ids: list[int], period: Period) -> int:
    """Refunds of session revenue an operator made in the period (the station's own refunds give back
    unused prepaid credit or a late payment, which never was revenue)."""
    r, p, c = Refund, Payment, ChargingSession
    total = db.execute(
        select(func.coalesce(func.sum(r.amount_minor), 0))
        .join(p, p.id == r.payment_id)
        .join(c, c.id == p.session_id)
        .where(
            r.state == "succeeded",
            r.requested_by != "station",
            r.requested_at >= _dt(period.start_s),
            r.requested_at < _dt(period.end_s),
            c.connector_id.in_(connector_ids),
        )
    ).scalar_one()
    return int(total)


def idle_fees(db: Db, connector_ids: list[int], period: Period) -> dict[int, int]:
    """Idle-fee lines per session started in the period."""
    line = SessionCostLine
    rows = db.execute(
        select(line.session_id, func.sum(line.amount_minor))
        .join(ChargingSession, ChargingSession.id == line.session_id)
        .where(line.kind == "idle", *_started_in(connector_ids, period))
        .group_by(line.session_id)
    ).all()
    return {session_id: int(amount) for session_id, amount in rows}


def revenue(db: Db, scope: Scope, connector_ids: list[int], period: Period, currency: str) -> Revenue:
    ended = [f for f in sessions(db, connector_ids, period) if f.stopped_s is not None]
    by_method: dict[str, list[int]] = {m: [0, 0, 0] for m in METHODS}
    for fact in ended:
        figures = by_method.setdefault(fact.method, [0, 0, 0])
        figures[0] += 1
        figures[1] += fact.energy_Wh
        figures[2] += fact.gross_minor or 0
    gross = sum(f.gross_minor or 0 for f in ended)
    tax = sum(f.tax_minor or 0 for f in ended)
    refunds = _operator_refunds(db, connector_ids, period)
    energy = sum(f.energy_Wh for f in ended)
    fees = idle_fees(db, connector_ids, period)
    idle = sum(fees.get(f.id, 0) for f in ended)
    currencies = Counter(f.currency for f in ended)
    return Revenue(
        scope=scope,
        period=period,
        currency=currencies.most_common(1)[0][0] if currencies else currency,
        sessions=len(ended),
        energy_Wh=energy,
        gross_minor=gross,
        tax_minor=tax,
        net_minor=gross - tax,
        refunds_minor=refunds,
        price_per_kWh_minor=(gross - refunds) * 1000 / energy if energy else 0.0,
        idle_fee_minor=idle,
        by_method=tuple(MethodRevenue(m, *v) for m, v in by_method.items()),
    )


def session_rows(db: Db, names: dict[int, str], period: Period) -> list[SessionRow]:
    facts = sessions(db, list(names), period)
    idle = idle_fees(db, list(names), period)
    r, p = Refund, Payment
    refunded = dict(
        db.execute(
            select(p.session_id, func.sum(r.amount_minor))
            .join(p, p.id == r.payment_id)
            .join(ChargingSession, ChargingSession.id == p.session_id)
            .where(r.state == "succeeded", *_started_in(list(names), period))
            .group_by(p.session_id)
        ).all()
    )
    return [
        SessionRow(
            session_id=f.id,
            transaction_ref=f.transaction_ref,
            connector=names[f.connector_id],
            started_at_s=f.started_s,
            stopped_at_s=f.stopped_s,
            id_tag=f.id_tag if f.method == "rfid" else None,
            method=f.method,
            energy_Wh=f.energy_Wh,
            gross_minor=f.gross_minor or 0,
            tax_minor=f.tax_minor or 0,
            idle_fee_minor=idle.get(f.id, 0),
            refunded_minor=int(refunded.get(f.id, 0)),
            currency=f.currency,
            stop_reason=f.stop_reason,
        )
        for f in facts
    ]
