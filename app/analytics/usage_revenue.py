"""Usage and revenue of a scope over a period, from the sessions, their payments and the timeline."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

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
from app.analytics.periods import DAY_S, bucket_start, next_bucket, overlap, utc
from app.db import ChargingSession, ConnectorStateSpan, Db, Payment, Refund, SessionCostLine, epoch_s

CARD_METHODS = ("card_present", "card")
METHODS = ("rfid", "card_present", "card", "fpx", "grabpay")


def _started_in(connector_ids: list[int], period: Period) -> list[Any]:
    c = ChargingSession
    return [
        c.connector_id.in_(connector_ids),
        c.started_at >= utc(period.start_s),
        c.started_at < utc(period.end_s),
    ]


def bound_payment() -> Any:
    """The payments table as the payment bound to each paid session: joined on `session_id` with
    `bound_to(session id column)`; the latest should a session ever hold two (a failed attempt, then a
    paid one). Both lookups use the index on payments.session_id."""
    return aliased(Payment, name="bound")


def bound_to(payment: Any, session_id: Any) -> Any:
    later = aliased(Payment, name="later")
    newer = select(later.id).where(later.session_id == payment.session_id, later.id > payment.id).exists()
    return and_(payment.session_id == session_id, ~newer)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: the value at rank ceil(fraction x n) of the ascending list (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    exact = Fraction(str(fraction))  # 0.9 is 9/10 exactly, so 0.9 x 110 ranks 99, not 100
    rank = -(-exact.numerator * len(ordered) // exact.denominator)
    return float(ordered[max(1, rank) - 1])


def _charging_spans(
    db: Db, connector_ids: list[int], period: Period, now_s: int
) -> list[tuple[int, int, int]]:
    s = ConnectorStateSpan
    spans = db.execute(
        select(s.started_s, s.ended_s).where(
            s.connector_id.in_(connector_ids),
            s.state == "charging",
            s.started_s < period.end_s,
            or_(s.ended_s.is_(None), s.ended_s > period.start_s),
        )
    ).all()
    clipped = []
    for a, b in spans:
        start, end = max(a, period.start_s), min(b if b is not None else now_s, period.end_s)
        if end > start:
            clipped.append((start, end, end - start))
    return clipped


def _series(
    started: Sequence[Any],  # rows whose first two items are the start and stop (epoch s), the third energy
    spans: list[tuple[int, int, int]],  # (start, end, charging seconds) inside one bucket or spanning some
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
    for start, _, energy in started:
        key = starts[bisect_right(starts, start) - 1]
        sessions_in[key] += 1
        energy_in[key] += energy
    charging: Counter[int] = Counter()
    for a, b, seconds in spans:
        index = bisect_right(starts, a) - 1
        if b <= bounds[index + 1]:  # inside one bucket (a day's sum always is)
            charging[starts[index]] += seconds
            continue
        while index < len(starts) and bounds[index] < b:
            charging[starts[index]] += overlap(a, b, bounds[index], bounds[index + 1])
            index += 1
    return tuple(UsageBucket(s, sessions_in[s], energy_in[s], charging[s]) for s in starts)


def usage(
    db: Db,
    scope: Scope,
    connector_ids: list[int],
    period: Period,
    days: dict[int, dict[str, int]],
    *,
    granularity: Granularity | None,
    offset: int,
    now_s: int,
) -> Usage:
    c = ChargingSession
    rows = db.execute(
        select(epoch_s(c.started_at), epoch_s(c.stopped_at), func.coalesce(c.energy_Wh, 0)).where(
            *_started_in(connector_ids, period)
        )
    ).all()
    ended = [(start, stop, energy) for start, stop, energy in rows if stop is not None]
    lengths = [float(stop - start) for start, stop, _ in ended]
    energies = [float(energy) for _, _, energy in ended]
    cards, payers = _distinct_cards(db, connector_ids, period)
    charging_s = sum(day["charging_s"] for day in days.values())
    idle_s = sum(day["occupied_s"] for day in days.values())
    known_s = sum(day[column] for day in days.values() for column in STATE_COLUMNS.values())
    series: tuple[UsageBucket, ...] = ()
    if granularity == "hour":
        spans = _charging_spans(db, connector_ids, period, now_s)
        series = _series(rows, spans, period, granularity, offset)
    elif granularity is not None:
        # Days nest in weeks and months (all start at a local midnight): the days' charging time is exact.
        day_spans = [(day, day + DAY_S, sums["charging_s"]) for day, sums in days.items()]
        series = _series(rows, day_spans, period, granularity, offset)
    return Usage(
        scope=scope,
        period=period,
        sessions=len(rows),
        energy_Wh=sum(energy for _, _, energy in rows),
        charging_s=charging_s,
        idle_s=idle_s,
        known_s=known_s,
        occupancy_percent=100.0 * (charging_s + idle_s) / known_s if known_s else 0.0,
        length_mean_s=sum(lengths) / len(lengths) if lengths else 0.0,
        length_p90_s=percentile(lengths, 0.9),
        energy_mean_Wh=sum(energies) / len(energies) if energies else 0.0,
        energy_p90_Wh=percentile(energies, 0.9),
        unique_cards=cards,
        unique_payers=payers,
        series=series,
    )


def _distinct_cards(db: Db, connector_ids: list[int], period: Period) -> tuple[int, int]:
    """(distinct RFID id tags of unpaid sessions, distinct cards (brand, last 4) of card payments)."""
    c = ChargingSession
    payment = bound_payment()
    cards = db.execute(
        select(func.count(func.distinct(c.id_tag)))
        .outerjoin(payment, bound_to(payment, c.id))
        .where(payment.session_id.is_(None), *_started_in(connector_ids, period))
    ).scalar_one()
    payers = db.execute(
        select(payment.card_brand, payment.card_last4)
        .join(c, bound_to(payment, c.id))
        .where(
            payment.method.in_(CARD_METHODS),
            payment.card_last4.is_not(None),
            *_started_in(connector_ids, period),
        )
        .distinct()
    ).all()
    return int(cards), len(payers)


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
            r.requested_at >= utc(period.start_s),
            r.requested_at < utc(period.end_s),
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
    c = ChargingSession
    payment = bound_payment()
    method = func.coalesce(payment.method, "rfid")
    rows = db.execute(
        select(
            method,
            func.count(),
            func.coalesce(func.sum(c.energy_Wh), 0),
            func.coalesce(func.sum(c.cost_total_minor), 0),
            func.coalesce(func.sum(c.cost_tax_minor), 0),
            func.min(c.currency),
        )
        .outerjoin(payment, bound_to(payment, c.id))
        .where(c.stopped_at.is_not(None), *_started_in(connector_ids, period))
        .group_by(method)
    ).all()
    by_method = {m: MethodRevenue(m, 0, 0, 0) for m in METHODS}
    for paid_by, count, energy, gross_minor, _, _ in rows:
        by_method[paid_by] = MethodRevenue(paid_by, int(count), int(energy), int(gross_minor))
    gross = sum(int(row[3]) for row in rows)
    tax = sum(int(row[4]) for row in rows)
    energy = sum(int(row[2]) for row in rows)
    refunds = _operator_refunds(db, connector_ids, period)
    line = SessionCostLine
    idle = db.execute(
        select(func.coalesce(func.sum(line.amount_minor), 0))
        .join(c, c.id == line.session_id)
        .where(line.kind == "idle", c.stopped_at.is_not(None), *_started_in(connector_ids, period))
    ).scalar_one()
    currencies = [row[5] for row in rows if row[5]]
    return Revenue(
        scope=scope,
        period=period,
        currency=currencies[0] if currencies else currency,
        sessions=sum(int(row[1]) for row in rows),
        energy_Wh=energy,
        gross_minor=gross,
        tax_minor=tax,
        net_minor=gross - tax,
        refunds_minor=refunds,
        price_per_kWh_minor=(gross - refunds) * 1000 / energy if energy else 0.0,
        idle_fee_minor=int(idle),
        by_method=tuple(by_method.values()),
    )


def gross_by_day(db: Db, connector_ids: list[int], period: Period, offset: int) -> dict[tuple[int, int], int]:
    """The ended sessions' gross per (connector, local day of the start), summed by the database."""
    c = ChargingSession
    day = ((epoch_s(c.started_at) + offset) // DAY_S * DAY_S - offset).label("day_s")
    rows = db.execute(
        select(c.connector_id, day, func.coalesce(func.sum(c.cost_total_minor), 0))
        .where(c.stopped_at.is_not(None), *_started_in(connector_ids, period))
        .group_by(c.connector_id, day)
    ).all()
    return {(connector_id, int(day_s or 0)): int(gross or 0) for connector_id, day_s, gross in rows}


def session_rows(db: Db, names: dict[int, str], period: Period) -> list[SessionRow]:
    """One row per session started in the period, for the CSV report (built straight from the rows: a
    year is tens of thousands of them)."""
    c = ChargingSession
    payment = bound_payment()
    rows = db.execute(
        select(
            c.id,
            c.transaction_ref,
            c.connector_id,
            epoch_s(c.started_at),
            epoch_s(c.stopped_at),
            c.id_tag,
            func.coalesce(payment.method, "rfid"),
            func.coalesce(c.energy_Wh, 0),
            func.coalesce(c.cost_total_minor, 0),
            func.coalesce(c.cost_tax_minor, 0),
            c.currency,
            c.stop_reason,
        )
        .outerjoin(payment, bound_to(payment, c.id))
        .where(*_started_in(list(names), period))
        .order_by(c.started_at, c.id)
    ).all()
    idle = idle_fees(db, list(names), period)
    r, p = Refund, Payment
    refunded = dict(
        db.execute(
            select(p.session_id, func.sum(r.amount_minor))
            .join(p, p.id == r.payment_id)
            .join(c, c.id == p.session_id)
            .where(r.state == "succeeded", *_started_in(list(names), period))
            .group_by(p.session_id)
        ).all()
    )
    out = []
    for (
        session_id,
        ref,
        connector_id,
        started_s,
        stopped_s,
        id_tag,
        method,
        energy,
        gross,
        tax,
        currency,
        reason,
    ) in rows:
        out.append(
            SessionRow(
                session_id,
                ref,
                names[connector_id],
                started_s,
                stopped_s,
                id_tag if method == "rfid" else None,  # a paid session's tag is the station's own
                method,
                energy,
                gross,
                tax,
                idle.get(session_id, 0),
                int(refunded.get(session_id, 0)),
                currency,
                reason,
            )
        )
    return out
