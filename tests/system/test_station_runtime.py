"""The running station with its ledger: start-up order, sessions, meter samples, rollups and pruning."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sessions_support import TARIFF, check_ended_session, migrated_engine, station_config, wait_until
from sqlalchemy import func, select, text

from app.config import DatabaseSettings, LedgerSettings
from app.db.base import utc_now
from app.db.engine import make_engine, session_factory
from app.db.meter_store import DAY_S, HOUR_S, MINUTE_S, Sample, insert_samples
from app.db.models import Connector, MeterRollup, MeterSample
from app.db.schema_guard import head_revision
from app.runtime.runtime import StationRuntime, StationRuntimeError
from app.sessions.ledger import ensure_connectors

pytest_plugins = ["db_fixtures"]
REPO = Path(__file__).resolve().parents[2]
LEDGER = LedgerSettings(
    sample_interval_s=1.0, flush_interval_s=1.0, maintenance_interval_s=1.0, raw_samples_days=90
)


def rollup_energy(engine, connector_id: int, resolution_s: int, start_s: int, end_s: int) -> list[int]:
    r = MeterRollup
    with session_factory(engine)() as db:
        query = select(r.energy_Wh).where(
            r.connector_id == connector_id,
            r.resolution_s == resolution_s,
            r.bucket_s >= start_s,
            r.bucket_s < end_s,
        )
        return list(db.scalars(query.order_by(r.bucket_s)))


def samples_between(engine, connector_id: int, start_s: int, end_s: int) -> list[tuple[int, int]]:
    s = MeterSample
    with session_factory(engine)() as db:
        query = select(s.ts_s, s.energy_Wh).where(s.connector_id == connector_id, s.ts_s >= start_s)
        return [tuple(row) for row in db.execute(query.where(s.ts_s < end_s).order_by(s.ts_s))]


@pytest.mark.sim(chargers=2, realtime_factor=4)
def test_running_station_samples_rolls_up_and_prunes_its_ledger(realtime_sim, db_url):
    sim = realtime_sim
    # The station's clock starts 8 s before a minute boundary, so the periodic job must roll that
    # minute up while the station runs.
    real = utc_now()
    boundary = (int(real.timestamp()) // MINUTE_S + 1) * MINUTE_S
    offset = timedelta(seconds=boundary - 8 - real.timestamp())

    def clock():
        return utc_now() + offset

    config = dataclasses.replace(
        station_config(sim), database=DatabaseSettings(url=db_url), tariff=TARIFF, ledger=LEDGER
    )
    # Last season's data, three samples 100 days old: past the 90 days raw samples are kept.
    seeded = migrated_engine(db_url)
    connector = ensure_connectors(seeded, config)["CP00/1"]
    old = (int(clock().timestamp()) - 100 * DAY_S) // DAY_S * DAY_S + 10 * HOUR_S
    with session_factory(seeded).begin() as db:
        insert_samples(db, [Sample(connector, old + t, e, 7000, 10000, 10000, 10000, 2300)
                            for t, e in ((0, 1000), (30, 1100), (90, 1300))])  # fmt: skip

    async def scenario() -> tuple[int, StationRuntime]:
        runtime = StationRuntime(config, clock=clock)
        async with runtime:
            assert runtime.migration is not None and not runtime.migration.migrated
            manager = runtime.station.manager
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: manager.connectors()["CP00/1"].vehicle_present, 5, "the car seen")
            row = await runtime.sessions.authorise("CP00/1", "TAG-RT")
            assert row.state == "charging"
            runs = runtime.maintenance.report.runs
            await wait_until(lambda: clock().timestamp() > boundary + 1.5, 10, "the minute to pass")
            await wait_until(lambda: runtime.maintenance.report.runs >= runs + 2, 5, "two more runs")
            report = runtime.maintenance.report
            assert report.failures == 0, report.last_error
            ended = await runtime.sessions.stop("CP00/1", "Local")
            assert ended is not None and ended.energy_Wh > 0
            return row.id, runtime

    session_id, runtime = asyncio.run(scenario())
    engine = make_engine(db_url)
    check_ended_session(engine, session_id)
    # The live minute before the boundary: its rollup is the meter's rise inside it.
    live = samples_between(engine, connector, boundary - 60, boundary)
    assert len(live) >= 2, live  # one sample a second from start-up
    assert all(b - a <= 2 for (a, _), (b, _) in itertools.pairwise(live)), live
    before = samples_between(engine, connector, 0, boundary - 60)
    start_Wh = before[-1][1] if before and before[-1][0] > old + 90 else live[0][1]
    assert rollup_energy(engine, connector, MINUTE_S, boundary - 60, boundary) == [live[-1][1] - start_Wh]
    # The old samples were rolled up (minute, hour and day) before they were pruned.
    assert samples_between(engine, connector, 0, old + DAY_S) == []
    minutes = rollup_energy(engine, connector, MINUTE_S, old - DAY_S, old + DAY_S)
    assert sum(minutes) == sum(rollup_energy(engine, connector, DAY_S, old - DAY_S, old + DAY_S)) == 300
    assert runtime.maintenance.report.pruned.get("samples", 0) == 0  # the first run already pruned them
    engine.dispose()
    seeded.dispose()


def test_station_without_a_tariff_refuses_to_start() -> None:
    config = dataclasses.replace(station_config(_NoSim()), tariff=None)
    with pytest.raises(StationRuntimeError, match=r"no tariff: add a \[tariff\] table"):
        StationRuntime(config)


class _NoSim:
    host, chargers = "127.0.0.1", 1

    def charger_port(self, index: int) -> int:
        return 1


def test_newer_ledger_refuses_to_start_with_a_clear_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    engine = migrated_engine(url)
    with engine.begin() as db:
        db.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed9999'"))
        rows = db.scalar(select(func.count()).select_from(Connector))
    engine.dispose()
    site = tmp_path / "site.toml"
    site.write_text(
        f'[database]\nurl = "{url}"\n[[chargers]]\nid = "CP-01"\nlink = "tcp://127.0.0.1:9"\n'
        '[tariff]\nenergy_price_per_kWh = "1.00"\n'
    )
    result = subprocess.run(
        [sys.executable, "-m", "launcher", "--config", str(site), "--duration", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "refusing to start: the ledger database is at schema revision 'f00dfeed9999'" in result.stderr
    assert f"its newest revision is '{head_revision()}'" in result.stderr
    engine = make_engine(url)
    with engine.connect() as db:  # nothing was written: still no connector rows
        assert db.scalar(select(func.count()).select_from(Connector)) == rows == 0
    engine.dispose()
