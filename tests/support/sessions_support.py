"""Shared by the session tests (no tests here): a station with its session service, ledger checks."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from sqlalchemy import Engine, select

from app.config import ConfiguredCharger, LinkSettings, StationConfig
from app.db.engine import make_engine, session_factory
from app.db.models import ChargingSession, OutboxMessage, SessionCostLine, SessionTransition
from app.db.schema_guard import check_and_migrate
from app.sessions.ledger import session_usage
from app.sessions.service import SessionService, SessionTiming
from app.station.site import Station
from app.tariffs import compute_cost, tariff_from_dict

TARIFF = tariff_from_dict(
    {
        "energy_price_per_kWh": "0.60",
        "time_price_per_minute": "0.10",
        "session_fee": "1.00",
        "tax_rate_bp": 800,
    }
)
FAST_TIMING = SessionTiming(
    sample_interval_s=0.5,
    flush_interval_s=1.0,
    plug_timeout_s=3.0,
    stop_timeout_s=5.0,
    suspend_debounce_s=1.0,
)


def station_config(sim: Any, *, session_timeout_s: float = 300.0) -> StationConfig:
    chargers = tuple(
        ConfiguredCharger(id=f"CP{i:02d}", link=f"tcp://{sim.host}:{sim.charger_port(i)}")
        for i in range(sim.chargers)
    )
    # Heartbeats well inside the lease also when the simulator runs faster than real time.
    link = LinkSettings(
        poll_hz=5.0,
        heartbeat_ms=200,
        lease_ms=8000,
        request_timeout_ms=100,
        session_timeout_s=session_timeout_s,
    )
    return StationConfig(link=link, chargers=chargers)


def migrated_engine(url: str) -> Engine:
    engine = make_engine(url)
    check_and_migrate(engine)
    return engine


@contextlib.asynccontextmanager
async def running_service(
    config: StationConfig, engine: Engine, timing: SessionTiming = FAST_TIMING
) -> AsyncIterator[SessionService]:
    """Station and session service, started in the order the service needs (it first, then the links)."""
    station = Station(config)
    service = SessionService(station, engine, TARIFF, timing=timing)
    await service.start()
    await station.start()
    try:
        yield service
    finally:
        # Bounded: closing a TCP link whose charger went through a cut and a power cycle can wait for a
        # close handshake that never comes (hal's transport awaits wait_closed() without a limit).
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(station.stop(), 3.0)
        await service.close()


async def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        await asyncio.sleep(0.02)


def session_row(engine: Engine, session_id: int) -> ChargingSession:
    with session_factory(engine)() as db:
        row = db.get(ChargingSession, session_id)
        assert row is not None
        return row


def path_of(engine: Engine, session_id: int) -> list[tuple[str | None, str, str | None]]:
    """(from, to, reason) of every transition of a session, in order."""
    with session_factory(engine)() as db:
        query = select(SessionTransition).where(SessionTransition.session_id == session_id)
        return [
            (t.from_state, t.to_state, t.reason) for t in db.scalars(query.order_by(SessionTransition.seq))
        ]


def check_ended_session(engine: Engine, session_id: int) -> ChargingSession:
    """The ledger invariants of an ended session: energy = meter difference, cost = compute_cost of the
    frozen tariff over its recorded usage, cost lines, exactly one session_ended outbox message."""
    with session_factory(engine)() as db:
        row = db.get(ChargingSession, session_id)
        assert row is not None and row.state == "ended" and row.stop_reason is not None
        assert row.ended_at is not None
        if row.meter_start_Wh is None:
            assert row.energy_Wh == 0 and row.cost_total_minor == 0
        else:
            assert row.meter_stop_Wh is not None and row.stopped_at is not None
            assert row.energy_Wh == row.meter_stop_Wh - row.meter_start_Wh
            usage = session_usage(db, row, row.stopped_at, row.meter_stop_Wh)
            cost = compute_cost(tariff_from_dict(row.tariff), usage)
            assert cost.energy_Wh == row.energy_Wh
            assert (row.cost_total_minor, row.cost_tax_minor) == (cost.total_minor, cost.tax_minor)
            lines = db.scalars(select(SessionCostLine).where(SessionCostLine.session_id == session_id)).all()
            additive = sum(line.amount_minor for line in lines if line.kind not in ("tax", "tax_included"))
            assert additive == cost.net_minor
        messages = db.scalars(
            select(OutboxMessage).where(OutboxMessage.dedupe_key == f"session_ended:{session_id}")
        ).all()
        assert len(messages) == 1 and messages[0].kind == "session_ended"
        assert messages[0].payload["meter_stop_Wh"] == row.meter_stop_Wh
        assert messages[0].payload["reason"] == row.stop_reason
        return row
