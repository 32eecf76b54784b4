"""Shared by the admin tests: the station on the simulator with its driver facade and the operator
facade, staff accounts made as `python -m app admin add-user` makes them, a settable clock."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from driver_station import KIOSK, kiosk_station

from app.admin import OperatorFacade
from app.admin.accounts import add_account
from app.analytics import Analytics
from app.config import AdminSettings
from app.db import recent_audit, session_factory, utc_now

PINS = {"operator": "482916", "technician": "730154", "viewer": "615072"}
CARD = "04C0FFEE0001"  # the operator account's second factor


@dataclass
class SteppedClock:
    """The facade's clock: real time plus what a test has skipped over (delays, lockouts)."""

    skipped: timedelta = field(default_factory=timedelta)

    def __call__(self) -> datetime:
        return utc_now() + self.skipped

    def skip(self, seconds: float) -> None:
        self.skipped += timedelta(seconds=seconds)


@dataclass
class AdminStation:
    runtime: Any
    driver: Any
    reader: Any
    events: Any
    operators: OperatorFacade
    clock: SteppedClock
    accounts: dict[str, int]  # role -> staff number

    def audit(self, limit: int = 50) -> list[dict[str, Any]]:
        with session_factory(self.runtime.engine)() as db:
            return list(reversed(recent_audit(db, limit=limit)))


def make_accounts(engine: Any, settings: AdminSettings, *, card_for_operator: bool = False) -> dict[str, int]:
    numbers = {}
    with session_factory(engine)() as db, db.begin():
        for role, pin in PINS.items():
            card = CARD if role == "operator" and card_for_operator else None
            view = add_account(
                db,
                name=f"{role.title()} One",
                role=role,
                pin=pin,
                settings=settings,
                actor="console",
                card_tag=card,
            )
            numbers[role] = view.account_id
    return numbers


@contextlib.asynccontextmanager
async def admin_station(
    sim: Any,
    tmp_path: Path,
    settings: AdminSettings | None = None,
    *,
    card_for_operator: bool = False,
    db_url: str | None = None,
) -> AsyncIterator[AdminStation]:
    settings = settings or AdminSettings(pin_delay_s=1.0, max_pin_attempts=4, lockout_s=600.0)
    async with kiosk_station(sim, tmp_path, KIOSK, db_url=db_url) as (runtime, driver, reader, events):
        clock = SteppedClock()
        # With the station's analytics and the kiosk's driver facade (whose card reader the self-test
        # checks), as the launcher builds it.
        analytics = Analytics.for_config(runtime.engine, runtime.config)
        operators = OperatorFacade(runtime, settings=settings, now=clock, analytics=analytics, driver=driver)
        accounts = make_accounts(runtime.engine, settings, card_for_operator=card_for_operator)
        yield AdminStation(runtime, driver, reader, events, operators, clock, accounts)
