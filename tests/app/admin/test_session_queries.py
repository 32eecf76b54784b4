"""The sessions group's queries on both back-ends (SQLite and PostgreSQL): local days in the station's
time zone, a card prefix whose LIKE wildcards are taken literally, the bound payment's method, refunds
summed, paging; a detail's meter values from the samples, from the minute rollups once the samples
are pruned, and thinned to what a screen shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from admin_paid_station import past_session
from sqlalchemy import select

from app.admin.session_records import MAX_METER_POINTS, read_detail, search_sessions
from app.admin.session_views import SessionQuery
from app.db import ChargingSession, MeterRollup, MeterSample, Payment, Refund, session_factory

pytest_plugins = ["db_fixtures"]

ZONE = ZoneInfo("Asia/Kuala_Lumpur")
DAY = date(2026, 11, 20)
NOW = datetime(2026, 12, 4, 12, tzinfo=UTC)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def sample(ts_s: int, connector_id: int, energy_Wh: int, power_W: int) -> MeterSample:
    amps = power_W * 1000 // (3 * 230)
    return MeterSample(
        ts_s=ts_s, connector_id=connector_id, energy_Wh=energy_Wh, power_W=power_W,
        current_L1_mA=amps, current_L2_mA=amps, current_L3_mA=amps, voltage_L1_dV=2300,
    )  # fmt: skip


def ids(engine, **query) -> list[int]:
    with session_factory(engine)() as db:
        return [row.session_id for row in search_sessions(db, SessionQuery(**query), ZONE, NOW).rows]


def test_search_filters_on_both_backends(ledger, add_connectors):
    add_connectors(ledger, 2)
    early = past_session(ledger, connector="CP-01/1", started=local(DAY, 0, 10), id_tag="04AA0001", ref=1)
    late = past_session(
        ledger, connector="CP-02/1", started=local(DAY, 23, 59), id_tag="PAID", ref=2, method="card"
    )
    eve = past_session(ledger, connector="CP-01/1", started=local(DAY, 0, 0) - timedelta(minutes=1),
                       id_tag="04_B0002", ref=3)  # fmt: skip
    week = past_session(ledger, connector="CP-02/1", started=NOW - timedelta(days=2), id_tag="PAID", ref=4,
                        method="grabpay", cost_minor=900)  # fmt: skip
    with session_factory(ledger).begin() as db:
        payment = db.scalar(select(Payment).where(Payment.session_id == week))
        for n, (amount, state) in enumerate(((100, "succeeded"), (200, "succeeded"), (300, "failed"))):
            db.add(Refund(payment_id=payment.id, amount_minor=amount, reason="duplicate", requested_by="x",
                          state=state, idempotency_key=f"k{n}"))  # fmt: skip

    assert ids(ledger, from_day=DAY, to_day=DAY) == [late, early]  # 16:10 UTC the day before is DAY's
    assert ids(ledger, to_day=DAY - timedelta(days=1)) == [eve]
    assert ids(ledger, last_days=7) == [week]
    assert ids(ledger, id_tag="04a") == [early]  # any case
    assert ids(ledger, id_tag="04_") == [eve]  # the underscore is a character here, not a wildcard
    assert ids(ledger, id_tag="04%") == []
    assert ids(ledger, method="rfid") == [early, eve]
    assert ids(ledger, method="card") == [late]
    assert ids(ledger, connector="CP-02/1") == [week, late]
    assert ids(ledger, state="ended") == [week, late, early, eve] and ids(ledger, state="open") == []
    with session_factory(ledger)() as db:
        first = search_sessions(db, SessionQuery(limit=3), ZONE, NOW)
        rest = search_sessions(db, SessionQuery(limit=3, offset=3), ZONE, NOW)
    assert [r.session_id for r in first.rows] == [week, late, early] and first.next_offset == 3
    assert [r.session_id for r in rest.rows] == [eve] and rest.next_offset is None
    assert first.time_zone == "Asia/Kuala_Lumpur"
    paid = first.rows[0]
    assert (paid.method, paid.id_tag, paid.refunded_minor, paid.cost_total_minor) == (
        "grabpay",
        None,
        300,
        900,
    )
    assert first.rows[2].id_tag == "04AA0001" and first.rows[2].method == "rfid"


def test_meter_values_from_samples_rollups_and_thinned(ledger, add_connectors):
    [one, two] = add_connectors(ledger, 2)
    start = datetime(2026, 12, 1, 2, tzinfo=UTC)
    sampled = past_session(ledger, connector="CP-01/1", started=start, id_tag="04AA0001", ref=1)
    rolled = past_session(ledger, connector="CP-02/1", started=start, id_tag="04AA0002", ref=2)
    base_s = int(start.timestamp())
    with session_factory(ledger).begin() as db:
        for row_id in (sampled, rolled):  # the helper stops a session when it starts: ten minutes here
            row = db.get(ChargingSession, row_id)
            row.stopped_at = row.ended_at = start + timedelta(minutes=10)
        for i in range(300):  # a sample every two seconds, 7.2 kW
            db.add(sample(base_s + 2 * i, one, 1000 + 4 * i, 7200))
        db.add(sample(base_s + 3600, one, 9999, 1))  # another session's, later
        for minute in range(10):
            db.add(MeterRollup(resolution_s=60, bucket_s=base_s + 60 * minute, connector_id=two,
                               energy_Wh=500, energy_register_Wh=1000 + 500 * (minute + 1), power_max_W=30000,
                               samples=30))  # fmt: skip
    with session_factory(ledger)() as db:
        from_samples = read_detail(db, sampled, NOW, lambda token: None, ZONE)
        from_rollups = read_detail(db, rolled, NOW, lambda token: None, ZONE)
    assert from_samples is not None and from_rollups is not None
    meter = from_samples.meter
    assert len(meter) == MAX_METER_POINTS
    assert (meter[0].energy_Wh, meter[-1].energy_Wh) == (0, 4 * 299)  # from the session's start register
    assert meter[0].at == start and all(p.power_W == 7200 for p in meter)
    assert [p.energy_Wh for p in from_rollups.meter] == [500 * (m + 1) for m in range(10)]
    assert all(p.power_W is None and p.power_max_W == 30000 for p in from_rollups.meter)
    assert [t.to_state for t in from_samples.transitions] == ["authorised", "ended"]
    assert from_samples.payment is None and from_samples.receipt is None and from_samples.minor_digits == 2
    with session_factory(ledger)() as db:
        assert read_detail(db, 999, NOW, lambda token: None, ZONE) is None
