"""Charging profiles enforced: claims on a real Arbiter, period boundaries, the site cap on the simulator."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from app.arbitration import Arbiter, Claim, ClaimSource
from app.balancing.balancer import LoadBalancer
from app.config import parse_config
from app.db.engine import make_engine
from app.db.schema_guard import check_and_migrate
from app.ocpp.charging_profiles import format_time
from app.ocpp.profile_enforcer import SITE_CAP_SOURCE, ProfileEnforcer
from app.ocpp.smart_charging import ConnectorRating, SmartCharging
from app.station.site import Station

WAIT_S = 15.0  # generous: these wait for events, they do not measure speed
STATION_IDS = {1: "CP01/1", 2: "CP02/1"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    check_and_migrate(engine)
    yield engine
    engine.dispose()


def utc_now() -> datetime:
    return datetime.now(UTC)


def smart(engine: Engine) -> SmartCharging:
    ratings = {1: ConnectorRating(3, 32000), 2: ConnectorRating(3, 32000)}
    return SmartCharging(engine, ratings, clock=utc_now)


def profile(
    profile_id: int, purpose: str, periods: list[tuple[int, float]], start: datetime
) -> dict[str, Any]:
    return {
        "chargingProfileId": profile_id,
        "stackLevel": 0,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": "Absolute",
        "chargingSchedule": {
            "startSchedule": format_time(start),
            "chargingRateUnit": "A",
            "chargingSchedulePeriod": [{"startPeriod": s, "limit": limit} for s, limit in periods],
        },
    }


async def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def profile_claim(arbiter: Arbiter, station_id: str) -> Claim | None:
    return next((c for c in arbiter.claims(station_id) if c.source is ClaimSource.OCPP_PROFILE), None)


class CountingEnforcer(ProfileEnforcer):
    """Counts evaluations, to show that it sleeps until the next boundary instead of polling."""

    evaluations = 0

    def apply(self) -> datetime | None:
        self.evaluations += 1
        return super().apply()


def test_claims_follow_the_schedule_and_change_at_the_period_boundary(db: Engine) -> None:
    async def scenario() -> None:
        sc = smart(db)
        arbiter = Arbiter()
        enforcer = CountingEnforcer(sc, arbiter, STATION_IDS, clock=utc_now)
        task = asyncio.create_task(enforcer.run())
        start = utc_now().replace(microsecond=0)
        boundary = start + timedelta(seconds=2)
        # Stored off the loop, as the charge point's handler would: the enforcer is woken from that thread.
        data = profile(12, "TxDefaultProfile", [(0, 10.0), (2, 16.0)], start)
        assert await asyncio.to_thread(sc.set_profile, 1, data, None) == "Accepted"
        await until(lambda: arbiter.resolve("CP01/1").max_current_mA.value == 10000, "the 10 A claim")
        claim = profile_claim(arbiter, "CP01/1")
        assert claim == Claim(
            ClaimSource.OCPP_PROFILE, max_current_mA=10000, reason="OCPP TxDefaultProfile 12 stack 0"
        )
        assert arbiter.resolve("CP01/1").may_charge.value is False  # a limit never permits charging
        assert arbiter.claims("CP02/1") == []  # no profile there: no claim
        await until(lambda: arbiter.resolve("CP01/1").max_current_mA.value == 16000, "the 16 A claim at 2 s")
        assert utc_now() >= boundary  # not a moment early
        settled = enforcer.evaluations
        await asyncio.sleep(1.0)
        assert enforcer.evaluations == settled  # no further boundary: it sleeps, it does not poll
        assert await asyncio.to_thread(sc.clear) == "Accepted"
        await until(lambda: profile_claim(arbiter, "CP01/1") is None, "the claim released")
        assert await asyncio.to_thread(sc.set_profile, 1, data, None) == "Accepted"
        await until(lambda: profile_claim(arbiter, "CP01/1") is not None, "the claim back")
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        assert profile_claim(arbiter, "CP01/1") is None  # stopping enforcement leaves no stale limit

    asyncio.run(scenario())


def test_a_tx_profile_applies_for_its_transaction_and_a_limit_under_6_a_means_no_current(db: Engine) -> None:
    async def scenario() -> None:
        sc = smart(db)
        arbiter = Arbiter()
        enforcer = ProfileEnforcer(sc, arbiter, STATION_IDS, clock=utc_now)
        task = asyncio.create_task(enforcer.run())
        start = utc_now() - timedelta(minutes=5)
        assert sc.set_profile(0, profile(1, "TxDefaultProfile", [(0, 16.0)], start), None) == "Accepted"
        await until(lambda: arbiter.resolve("CP02/1").max_current_mA.value == 16000, "the default on CP02")
        enforcer.transaction_started(1, utc_now(), 42)
        assert sc.set_profile(1, profile(2, "TxProfile", [(0, 5.0)], start), 42) == "Accepted"
        await until(lambda: arbiter.resolve("CP01/1").max_current_mA.value == 0, "the 5 A TxProfile as 0")
        claim = profile_claim(arbiter, "CP01/1")
        assert claim is not None and claim.reason == "OCPP TxProfile 2 stack 0"
        assert arbiter.resolve("CP02/1").max_current_mA.value == 16000
        await enforcer.transaction_stopped(1)
        assert [i.profile.profile_id for i in sc.installed] == [1]  # the TxProfile went with its transaction
        await until(lambda: arbiter.resolve("CP01/1").max_current_mA.value == 16000, "the default again")
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(scenario())


def test_the_charge_point_maximum_caps_the_balancers_site_limit(db: Engine) -> None:
    """At least the tree: the balancer's site node carries the ChargePointMaxProfile limit, and loses it."""
    config = parse_config({"site": {"limit_mA": [63000, 63000, 63000]}})

    class NoChargers:
        def connectors(self) -> dict[str, Any]:
            return {}

        async def apply(self, connector_id: str, **_: Any) -> None: ...

        def subscribe(self, callback: Any) -> Callable[[], None]:
            return lambda: None

    balancer = LoadBalancer(config, NoChargers(), Arbiter())
    sc = smart(db)
    enforcer = ProfileEnforcer(sc, Arbiter(), STATION_IDS, clock=utc_now, site=balancer)
    start = utc_now() - timedelta(seconds=10)
    sc.set_profile(0, profile(3, "ChargePointMaxProfile", [(0, 20.0)], start), None)
    enforcer.apply()
    assert balancer._tree_now({}).nodes["site"].limit_mA == (20000, 20000, 20000)
    sc.clear(id=3)
    enforcer.apply()
    assert balancer._tree_now({}).nodes["site"].limit_mA == (63000, 63000, 63000)
    assert SITE_CAP_SOURCE == "ocpp.ChargePointMaxProfile"


def test_a_chargers_own_identity_shares_its_maximum_between_its_connectors(db: Engine) -> None:
    """One identity per charger: ChargePointMaxProfile caps that charger (no site target is given);
    its two connectors' claims together stay within it, and a lower connector profile still wins."""
    arbiter = Arbiter()
    sc = smart(db)
    connectors = {1: "CP01/1", 2: "CP01/2"}
    enforcer = ProfileEnforcer(sc, arbiter, connectors, clock=utc_now, share_charge_point_max=True)
    start = utc_now() - timedelta(seconds=10)
    sc.set_profile(0, profile(3, "ChargePointMaxProfile", [(0, 20.0)], start), None)
    sc.set_profile(2, profile(4, "TxDefaultProfile", [(0, 8.0)], start), None)
    enforcer.apply()
    assert profile_claim(arbiter, "CP01/1") == Claim(
        ClaimSource.OCPP_PROFILE, max_current_mA=10000, reason="ChargePointMaxProfile"
    )
    assert profile_claim(arbiter, "CP01/2") == Claim(
        ClaimSource.OCPP_PROFILE, max_current_mA=8000, reason="OCPP TxDefaultProfile 4 stack 0"
    )
    sc.clear(id=3)
    enforcer.apply()
    assert profile_claim(arbiter, "CP01/1") is None
    assert profile_claim(arbiter, "CP01/2") is not None


@pytest.mark.sim(chargers=2)
def test_two_simulated_chargers_share_the_charge_point_maximum(realtime_sim, db: Engine) -> None:
    sim = realtime_sim
    config = parse_config(
        {
            "link": {"poll_hz": 5.0, "heartbeat_ms": 500, "lease_ms": 3000, "request_timeout_ms": 200},
            "site": {"limit_mA": [80000, 80000, 80000]},
            "balancer": {"cycle_ms": 300},
            "tariff": {"energy_price_per_kWh": "0"},
            "chargers": [
                {"id": f"CP{i + 1:02d}", "link": f"tcp://{sim.host}:{sim.charger_port(i)}"} for i in range(2)
            ],
        }
    )

    async def offers() -> list[int]:
        return [(await sim.ctl.call("status", charger=i))["offered_mA"] for i in range(2)]

    async def wait_offers(condition: Callable[[list[int]], bool], what: str) -> list[int]:
        deadline = time.monotonic() + WAIT_S
        while True:
            seen = await offers()
            if condition(seen):
                return seen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; offers {seen}")
            await asyncio.sleep(0.1)

    async def scenario() -> tuple[list[int], list[int], list[int]]:
        station = Station(config)
        sc = smart(db)
        enforcer = ProfileEnforcer(sc, station.arbiter, STATION_IDS, clock=utc_now, site=station.balancer)
        async with station:
            task = asyncio.create_task(enforcer.run())
            for i, station_id in STATION_IDS.items():
                await sim.ctl.call("plug", charger=i - 1, soc_pct=30)
                station.arbiter.submit(
                    station_id, Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=500 + i)
                )
            free = await wait_offers(lambda o: min(o) >= 31000, "both chargers at 32 A")
            start = utc_now() - timedelta(seconds=1)
            assert (
                sc.set_profile(0, profile(9, "ChargePointMaxProfile", [(0, 20.0)], start), None) == "Accepted"
            )
            capped = await wait_offers(
                lambda o: sum(o) <= 20000 and min(o) > 0, "the 20 A charge point maximum"
            )
            assert sc.clear(id=9) == "Accepted"
            released = await wait_offers(lambda o: min(o) >= 31000, "32 A each again")
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            return free, capped, released

    free, capped, released = asyncio.run(scenario())
    assert min(free) >= 31000 and min(released) >= 31000
    assert sum(capped) <= 20000 and min(capped) >= 6000, capped  # shared, both still charging
