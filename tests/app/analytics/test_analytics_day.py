"""One connector's day built by hand (timeline, a session with samples, a fault, a contactor opening):
the analytics' figures and day rows against the numbers worked out here, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from db_fixtures import create_connectors
from sqlalchemy import Engine, insert, select

from app.analytics import SITE, Analytics, Period, Scope
from app.config import AnalyticsSettings
from app.db import (
    ChargingSession,
    ConnectorDay,
    ConnectorStateSpan,
    ContactorOperation,
    EventLogEntry,
    MaintenanceAlarm,
    SiteDay,
    UptimeExclusion,
    insert_samples,
    roll_up,
    session_factory,
)
from app.db.meter_store import Sample

pytest_plugins = ["db_fixtures"]

OFFSET = 8 * 3600
DAY0 = int(datetime(2026, 11, 2, tzinfo=UTC).timestamp()) - OFFSET  # Monday 2 November, local midnight
DAY = 86400


def at(hours: float) -> int:
    return DAY0 + int(hours * 3600)


def dt(ts_s: int) -> datetime:
    return datetime.fromtimestamp(ts_s, UTC)


@pytest.fixture
def day(ledger: Engine) -> tuple[Engine, int]:
    (connector,) = create_connectors(ledger, 1)
    spans = [
        ("available", None, at(0), at(8)),
        ("occupied", None, at(8), at(8.25)),
        ("charging", None, at(8.25), at(10.25)),
        ("occupied", None, at(10.25), at(10.5)),
        ("available", None, at(10.5), at(14)),
        ("faulted", "GROUND_FAULT", at(14), at(15)),
        ("unavailable", "maintenance", at(15), at(16)),
        ("available", None, at(16), None),
    ]
    with session_factory(ledger).begin() as db:
        db.execute(
            insert(ConnectorStateSpan),
            [
                {"connector_id": connector, "state": s, "detail": d, "started_s": a, "ended_s": b}
                for s, d, a, b in spans
            ],
        )
        db.execute(
            insert(UptimeExclusion),
            [
                {
                    "connector_id": None,
                    "reason": "scheduled_maintenance",
                    "started_s": at(15),
                    "ended_s": at(16),
                }
            ],
        )
        db.add(
            ChargingSession(
                transaction_ref=1,
                connector_id=connector,
                id_tag="CARD-1",
                state="ended",
                stop_reason="EVDisconnected",
                meter_start_Wh=1000,
                meter_stop_Wh=1000 + 24 * 613,
                energy_Wh=24 * 613,
                tariff={},
                currency="MYR",
                cost_total_minor=1152,
                cost_tax_minor=65,
                started_at=dt(at(8)),
                stopped_at=dt(at(10.5)),
                ended_at=dt(at(10.5)),
            )
        )
        db.add(
            EventLogEntry(
                at=dt(at(14)),
                kind="fault",
                severity="error",
                code="GROUND_FAULT",
                message="x",
                charger_id="CP-01",
                connector_name="CP-01/1",
            )
        )
        db.execute(
            insert(ContactorOperation),
            [{"connector_id": connector, "at_s": at(10.25), "cycles": 5, "break_current_mA": 32000}],
        )
        # Samples every 300 s from 8:00: 32 A on one phase at 230.0 V from 8:15 to 10:15 (7.36 kW),
        # the temperature 30.0 degC at the start and 30.0 + 0.01 x 32^2 = 40.24 degC after 20 minutes.
        register = 1000
        samples = []
        for ts in range(at(8), at(10.5) + 1, 300):
            charging = at(8.25) < ts <= at(10.25)
            if charging:
                register += 7360 * 300 // 3600
            temperature = 402 if charging and ts - at(8) >= 1200 else 300
            samples.append(
                Sample(
                    connector,
                    ts,
                    register,
                    7360 if charging else 0,
                    32000 if charging else 0,
                    0,
                    0,
                    2300,
                    temperature,
                )
            )
        insert_samples(db, samples)
        roll_up(db, at(24), utc_offset_s=OFFSET)
    return ledger, connector


def test_a_day_of_one_connector(day: tuple[Engine, int]) -> None:
    engine, _ = day
    analytics = Analytics(
        engine,
        AnalyticsSettings(),
        utc_offset_s=OFFSET,
        site_limit_W=3 * 63 * 230,
        sample_interval_s=300,
        clock=lambda: dt(at(30)),
    )
    period = Period(DAY0, DAY0 + DAY)
    report = analytics.refresh(now=dt(at(30)))
    assert report.days == 1

    usage = analytics.usage(SITE, period, "hour")
    assert (usage.sessions, usage.energy_Wh) == (1, 24 * 613)
    assert (usage.charging_s, usage.idle_s, usage.known_s) == (7200, 1800, DAY)
    assert usage.length_mean_s == usage.length_p90_s == 2.5 * 3600
    assert usage.unique_cards == 1 and usage.unique_payers == 0
    assert [b.charging_s for b in usage.series[8:11]] == [2700, 3600, 900]

    uptime = analytics.uptime(Scope(connector="CP-01/1"), period)
    assert (uptime.outage_s, uptime.excluded_s) == (7200, 3600)
    assert uptime.percent == pytest.approx(100 * (DAY - 3600) / DAY)

    revenue = analytics.revenue(Scope(charger="CP-01"), period)
    assert (revenue.gross_minor, revenue.tax_minor, revenue.net_minor) == (1152, 65, 1087)
    assert revenue.price_per_kWh_minor == pytest.approx(1152 * 1000 / (24 * 613))
    assert {m.method: m.sessions for m in revenue.by_method}["rfid"] == 1

    reliability = analytics.reliability(SITE, period)
    assert (reliability.sessions, reliability.successful, reliability.faults) == (1, 1, {"GROUND_FAULT": 1})

    with session_factory(engine)() as db:
        row = db.execute(select(ConnectorDay)).scalar_one()
        site = db.execute(select(SiteDay)).scalar_one()
    assert row.ground_faults == 1 and row.sessions == 1
    assert row.thermal_k_mC_per_A2 == pytest.approx(102 * 100 / 32**2)
    # 24 charging intervals of 300 s: V x I = 230 x 32 x 300 / 3600 = 613.33 Wh each; the register
    # rose 613 Wh each (integer Wh): the meter reads 0.05 % low.
    assert row.metered_Wh == 24 * 613
    assert row.vi_Wh == pytest.approx(24 * 230 * 32 * 300 / 3600)
    # Counter at 5 on the first record: 4 earlier operations at rated wear, and one at 32 of 40 A.
    assert row.contactor_operations == 5
    assert row.contactor_wear == pytest.approx(4 + 0.8**2)
    assert (site.peak_W, site.peak_at_s) == (7360, at(8.25) + 300)
    assert site.max_concurrent == 1 and site.energy_Wh == 24 * 613

    load = analytics.load(period)
    monday_9 = next(c for c in load.heat_map if (c.weekday, c.hour) == (0, 9))
    assert monday_9.energy_Wh == 12 * 613 and monday_9.mean_sessions == 1.0

    timeline = analytics.timeline("CP-01/1", period)
    assert [s.state for s in timeline][:3] == ["available", "occupied", "charging"]
    assert timeline[-1].end_s == DAY0 + DAY
    with session_factory(engine)() as db:
        assert db.execute(select(MaintenanceAlarm)).scalars().all() == []


def test_an_exclusion_recorded_later_restates_refreshed_days(day: tuple[Engine, int]) -> None:
    engine, _ = day
    analytics = Analytics(
        engine, AnalyticsSettings(), utc_offset_s=OFFSET, site_limit_W=43470, clock=lambda: dt(at(30))
    )
    analytics.refresh()
    period = Period(DAY0, DAY0 + DAY)
    assert analytics.uptime(SITE, period).excluded_s == 3600
    # The ground fault turns out to have been a vandalised cable: its hour is excluded too.
    analytics.add_exclusion("CP-01/1", "vandalism", at(13.5), at(15), created_by="tech-1")
    uptime = analytics.uptime(SITE, period)
    assert (uptime.outage_s, uptime.excluded_s, uptime.percent) == (7200, 7200, 100.0)
    with pytest.raises(ValueError, match="reason: one of"):
        analytics.add_exclusion(None, "bad luck", at(1), at(2), created_by="tech-1")
    with session_factory(engine)() as db:
        assert db.execute(select(UptimeExclusion.created_by)).scalars().all() == [None, "tech-1"]
