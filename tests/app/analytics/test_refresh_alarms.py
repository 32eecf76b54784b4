"""The refresh task and the alarms' life: raised once with its evidence in the ledger and the event log,
kept while the rule holds, cleared when it no longer does; the refresher catches up at start and tells
its listeners (the central system's DataTransfer)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from db_fixtures import create_connectors
from sqlalchemy import Engine, insert, select

from app.analytics import Alarm, Analytics
from app.analytics.refresher import AnalyticsRefresher
from app.config import AnalyticsSettings
from app.db import ContactorOperation, EventLogEntry, MaintenanceAlarm, SiteDay, session_factory

pytest_plugins = ["db_fixtures"]

OFFSET = 8 * 3600
DAY0 = int(datetime(2026, 11, 2, tzinfo=UTC).timestamp()) - OFFSET
DAY = 86400


def worn_contactor(engine: Engine) -> None:
    """800 openings at 40 A over ten days: 800 rated operations (1000 rated: 80 % of its life)."""
    (connector,) = create_connectors(engine, 1)
    with session_factory(engine).begin() as db:
        db.execute(
            insert(ContactorOperation),
            [
                {
                    "connector_id": connector,
                    "at_s": DAY0 + i * 1080,
                    "cycles": i + 1,
                    "break_current_mA": 40000,
                }
                for i in range(800)
            ],
        )


def analytics(engine: Engine, rated: int, now_s: int) -> Analytics:
    settings = AnalyticsSettings(contactor_rated_operations=rated)
    return Analytics(
        engine,
        settings,
        utc_offset_s=OFFSET,
        site_limit_W=43470,
        clock=lambda: datetime.fromtimestamp(now_s, UTC),
    )


def test_an_alarm_is_raised_once_and_cleared(ledger: Engine) -> None:
    worn_contactor(ledger)
    now = DAY0 + 11 * DAY
    first = analytics(ledger, 1000, now).refresh()
    assert first.days == 11
    (alarm,) = first.raised
    assert (alarm.kind, alarm.subject) == ("contactor_wear", "CP-01/1")
    assert alarm.evidence["life_used_percent"] == 80.0
    assert alarm.evidence["operations"] == 800
    # The forecast: 800 in the last 30 days is 26.67 a day, so the 200 left last 8 more days.
    assert alarm.evidence["replace_by_s"] == DAY0 + 10 * DAY + 8 * DAY

    again = analytics(ledger, 1000, now + 60).refresh()
    assert (again.days, again.raised, again.cleared) == (0, (), ())

    # A contactor rated for more operations (replaced by a bigger one) no longer alarms.
    cleared = analytics(ledger, 10000, now + 120).refresh()
    assert [a.kind for a in cleared.cleared] == ["contactor_wear"]
    with session_factory(ledger)() as db:
        rows = db.execute(select(MaintenanceAlarm)).scalars().all()
        events = db.execute(select(EventLogEntry.code, EventLogEntry.connector_name)).all()
    assert len(rows) == 1 and rows[0].cleared_at is not None
    assert sorted(events) == [
        ("maintenance_contactor_wear", "CP-01/1"),
        ("maintenance_contactor_wear_cleared", "CP-01/1"),
    ]


def test_the_refresher_catches_up_and_tells_its_listeners(ledger: Engine) -> None:
    worn_contactor(ledger)
    now = DAY0 + 11 * DAY + 3600
    refresher = AnalyticsRefresher(
        analytics(ledger, 1000, now), clock=lambda: datetime.fromtimestamp(now, UTC)
    )
    heard: list[Alarm] = []
    refresher.alarms.subscribe(heard.append)

    async def run() -> None:
        await refresher.start()
        for _ in range(500):
            if refresher.last is not None:
                break
            await asyncio.sleep(0.01)
        await refresher.stop()

    asyncio.run(run())
    assert [a.kind for a in heard] == ["contactor_wear"]
    # The next run waits for five minutes past the next local midnight.
    assert refresher.seconds_to_next() == pytest.approx(DAY - 3600 + 300)
    with session_factory(ledger)() as db:
        assert db.execute(select(SiteDay.day_s)).scalars().all() == [DAY0 + i * DAY for i in range(11)]
