"""Crash test: a station process killed with SIGKILL at random points (also during its start-up
migration) while simulated cars come and go; afterwards every session is in the ledger exactly once,
with energy = meter difference, cost = compute_cost of its frozen tariff, and none left open."""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections import Counter
from pathlib import Path

import figures
import pytest
from crash_process import StationProcess
from sessions_support import check_ended_session
from sqlalchemy import func, select

from app.db.engine import make_engine, read_only, session_factory
from app.db.models import ChargingSession, OutboxMessage, SessionTransition
from app.sessions.states import OPEN_STATES

pytest_plugins = ["db_fixtures"]

REPO = Path(__file__).resolve().parents[2]
CHARGERS = 16
SESSIONS_WANTED = 210
MIGRATION_KILLS = 3  # the first launches on the empty ledger are killed while the schema is created
TIME_LIMIT_S = 100.0


async def car_cycles(
    sim, index: int, tags: Path, rng: random.Random, running: asyncio.Event, log: list
) -> None:
    """Plug, stay a while, unplug, pause; each plug cycle has its own tag, written before the plug."""
    number = 0
    while running.is_set():
        number += 1
        tag = f"C{index:02d}-{number}"
        (tags / f"{index}.tmp").write_text(tag)
        os.replace(tags / f"{index}.tmp", tags / str(index))
        await sim.ctl.call("plug", charger=index, soc_pct=rng.randint(10, 80))
        plugged_at = time.monotonic()
        await asyncio.sleep(rng.uniform(2.0, 5.0))
        await sim.ctl.call("unplug", charger=index)
        log.append((tag, index, plugged_at, time.monotonic()))
        # Long enough for the station to see the car gone before the next tag appears.
        await asyncio.sleep(rng.uniform(0.6, 1.2))


def ledger_counts(engine) -> tuple[int, int]:
    with session_factory(read_only(engine))() as db:
        total = db.scalar(select(func.count()).select_from(ChargingSession)) or 0
        still_open = db.scalar(
            select(func.count())
            .select_from(ChargingSession)
            .where(ChargingSession.state.in_(sorted(OPEN_STATES)))
        )
        return total, still_open or 0


@pytest.mark.sim(chargers=CHARGERS, realtime_factor=4)
def test_sessions_survive_sigkill_at_random_points(realtime_sim, db_url, tmp_path):
    sim, rng = realtime_sim, random.Random(20250305)
    tags = tmp_path / "tags"
    tags.mkdir()
    ports = ",".join(str(sim.charger_port(i)) for i in range(CHARGERS))
    base_args = ["--db-url", db_url, "--host", sim.host, "--ports", ports, "--tags", str(tags)]
    engine = make_engine(db_url)
    cycles: list[tuple[str, int, float, float]] = []
    kills = Counter()

    async def scenario() -> dict[str, str]:
        running = asyncio.Event()
        running.set()
        cars = [
            asyncio.create_task(car_cycles(sim, i, tags, random.Random(i), running, cycles))
            for i in range(CHARGERS)
        ]
        started = time.monotonic()
        launch = 0
        while True:
            launch += 1
            station = StationProcess([*base_args, "--seed", str(launch)])
            await station.start()
            if launch <= MIGRATION_KILLS:
                await station.wait_for("migrating", 20)
                await asyncio.sleep(rng.uniform(0.0, 0.02))
                migrated = "migrated" in station.seen
                await station.kill()
                kills["during start-up migration" if not migrated else "after migration"] += 1
                continue
            if rng.random() < 0.2:
                await asyncio.sleep(rng.uniform(0.0, 1.5))  # somewhere in start-up or recovery
                kills["during start-up" if "ready" not in station.seen else "while running"] += 1
            else:
                assert await station.wait_for("ready", 20), f"station did not start: {station.last_line}"
                await asyncio.sleep(rng.uniform(1.0, 5.0))
                kills["while running"] += 1
            await station.kill()
            total, _ = await asyncio.to_thread(ledger_counts, engine)
            if total >= SESSIONS_WANTED or time.monotonic() - started > TIME_LIMIT_S:
                break
        running.clear()
        await asyncio.gather(*cars)  # every car unplugged
        # The final clean recovery: every open session is reconciled with its (now empty) charger.
        final = StationProcess([*base_args, "--no-driver"])
        await final.start()
        assert await final.wait_for("ready", 20)
        deadline = time.monotonic() + 15
        while (await asyncio.to_thread(ledger_counts, engine))[1] and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert await final.terminate() == 0
        return dict(item.split("=") for item in final.last_line.split()[1:])

    final_counters = asyncio.run(scenario())
    total, still_open = ledger_counts(engine)
    assert still_open == 0, f"{still_open} sessions left open"
    assert total >= 200, f"only {total} sessions in {sum(kills.values())} kills"
    assert kills["during start-up migration"] >= 1

    by_tag = {tag: (index, plugged, unplugged) for tag, index, plugged, unplugged in cycles}
    reasons: Counter[str] = Counter()
    recovered = Counter()
    with session_factory(engine)() as db:
        rows = db.scalars(select(ChargingSession).order_by(ChargingSession.id)).all()
        connector_names = {
            c.id: c.name
            for c in db.scalars(select(__import__("app.db.models", fromlist=["Connector"]).Connector))
        }
        for t in db.scalars(select(SessionTransition).where(SessionTransition.reason.like("recovered%"))):
            recovered[t.reason] += 1
        outbox_ends = db.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.kind == "session_ended")
        )
    assert len({r.transaction_ref for r in rows}) == len(rows)
    assert len({r.id_tag for r in rows}) == len(rows), "a plug cycle was authorised twice"
    assert outbox_ends == len(rows)
    last_stop: dict[int, int] = {}
    for row in rows:
        check_ended_session(engine, row.id)
        reasons[row.stop_reason] += 1
        index = int(row.id_tag[1:3])
        assert connector_names[row.connector_id] == f"CP{index:02d}/1", "session on another car's connector"
        if row.meter_start_Wh is not None:
            # Sessions of a connector never share energy: each starts where the previous one stopped.
            assert row.meter_start_Wh >= last_stop.get(row.connector_id, 0)
            last_stop[row.connector_id] = row.meter_stop_Wh
    for connector_id, stop_Wh in last_stop.items():
        index = int(connector_names[connector_id][2:4])
        assert stop_Wh <= sim.ctl.call_sync("status", charger=index)["energy_Wh"]
    cycles_without = sum(1 for tag in by_tag if tag not in {r.id_tag for r in rows})
    backend = db_url.split(":")[0].split("+")[0]
    figures.report(
        f"session crash test ({backend})",
        f"{len(rows)} sessions over {len(cycles)} plug cycles ({cycles_without} cycles fell in a dead time "
        f"of the station), {sum(kills.values())} SIGKILLs: "
        + ", ".join(f"{n} {what}" for what, n in sorted(kills.items()))
        + "\nrecovery after a kill: "
        + ", ".join(f"{n} {what}" for what, n in sorted(recovered.items()))
        + "\nended by reason: "
        + ", ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        + f"\nfinal clean recovery: {final_counters}",
    )
    engine.dispose()
