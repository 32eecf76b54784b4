"""Shared by the driver facade tests: a station with its facade on the simulator, a card reader, events."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sessions_support import TARIFF, station_config, wait_until

from app.config import DatabaseSettings, KioskSettings
from app.db.base import utc_now
from app.db.engine import session_factory
from app.db.models_station import IdTag
from app.driver.auth import seed_demo_cards
from app.driver.facade import DriverFacade
from app.driver.views import ConnectorCard, DriverEvent
from app.runtime.runtime import StationRuntime
from app.sessions.service import SessionTiming
from hal.card_readers.base import VirtualCardReader

TIMING = SessionTiming(
    sample_interval_s=0.5,
    flush_interval_s=1.0,
    plug_timeout_s=60.0,
    stop_timeout_s=5.0,
    suspend_debounce_s=1.0,
)
READER_CARD = "04A1B2C3D4E5F6"  # a card UID as the reader reports it, on the local list
KIOSK = KioskSettings(helpline="1-800-00-0000", station_id="KL-07")


class Recorder:
    """Every DriverEvent with the monotonic time it came."""

    def __init__(self) -> None:
        self.events: list[tuple[float, DriverEvent]] = []

    def __call__(self, event: DriverEvent) -> None:
        self.events.append((time.monotonic(), event))

    def of(self, kind: str) -> list[Any]:
        return [event for _, event in self.events if event.kind == kind]


@contextlib.asynccontextmanager
async def kiosk_station(
    sim: Any,
    tmp_path: Path,
    kiosk: KioskSettings = KIOSK,
    *,
    payments: Callable[[StationRuntime], Any] | None = None,
    db_url: str | None = None,
) -> AsyncIterator[tuple[StationRuntime, DriverFacade, VirtualCardReader, Recorder]]:
    """The station on the simulator with its facade; `payments(runtime)` builds a payment service
    (tests/support/paid_station.py), started after the runtime and closed before it. `db_url`: its
    ledger (db_fixtures' `db_url`: SQLite or PostgreSQL); default a SQLite file in tmp_path."""
    config = dataclasses.replace(
        station_config(sim),
        database=DatabaseSettings(url=db_url or f"sqlite:///{tmp_path / 'ledger.sqlite3'}"),
        tariff=TARIFF,
    )
    runtime = StationRuntime(config, timing=TIMING)
    reader = VirtualCardReader(debounce_s=0.0)
    await runtime.start()
    try:
        seed_demo_cards(runtime.engine)
        with session_factory(runtime.engine).begin() as db:
            db.add(IdTag(id_tag=READER_CARD, status="Accepted"))
            db.add(IdTag(id_tag="OLD-CARD", status="Accepted", expiry_date=utc_now() - timedelta(days=1)))
        service = payments(runtime) if payments is not None else None
        if service is not None:
            await service.start()
        facade = DriverFacade(runtime, card_reader=reader, kiosk=kiosk, payments=service)
        recorder = Recorder()
        facade.subscribe(recorder)
        await facade.start()
        try:
            await wait_until(lambda: states(facade) == ["available", "available"], 15, "both connectors up")
            yield runtime, facade, reader, recorder
        finally:
            await facade.stop()
            await reader.stop()
            if service is not None:
                await service.close()
    finally:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(runtime.stop(), 10.0)


def states(facade: DriverFacade) -> list[str]:
    return [card.state for card in facade.connectors()]


def card(facade: DriverFacade, connector_id: str) -> ConnectorCard:
    return next(c for c in facade.connectors() if c.connector_id == connector_id)


async def until_card(
    facade: DriverFacade, connector_id: str, check: Callable[[ConnectorCard], bool], what: str
) -> ConnectorCard:
    await wait_until(lambda: check(card(facade, connector_id)), 20, what)
    return card(facade, connector_id)
