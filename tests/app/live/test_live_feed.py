"""The live feed on the real station on the simulator: the snapshot, numbered changes as a car charges,
catching up with changes_since, the filters (public pages see no session), a slow subscriber dropped
while another receives everything, the bounded history, one encode per change, and its cost with 16
chargers."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import time
from collections.abc import Callable
from typing import Any

import figures
import pytest
from admin_station import admin_station
from driver_station import KIOSK, kiosk_station
from sessions_support import TARIFF, station_config, wait_until

from app.admin import OperatorFacade
from app.config import DatabaseSettings
from app.db import MaintenanceAlarm, session_factory, utc_now
from app.driver import DriverFacade
from app.live import (
    Change,
    LiveFeed,
    LiveFilter,
    SlowSubscriberError,
    Subscription,
    SubscriptionClosedError,
)
from app.runtime import StationRuntime
from hal.card_readers.base import VirtualCardReader

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

SESSION_FIELDS = ("session_id", "energy_Wh", "cost", "power_W", "current_A", "vehicle_present")


async def collect(
    subscription: Subscription, until: Callable[[Change], bool], what: str, timeout_s: float = 20.0
) -> list[Change]:
    """Every change the subscription delivers up to and including the first that satisfies `until`."""
    received: list[Change] = []
    deadline = time.monotonic() + timeout_s
    while True:
        left = deadline - time.monotonic()
        assert left > 0, (
            f"timed out waiting for {what}; last: {[(c.kind, c.id, c.data) for c in received[-3:]]}"
        )
        change = await asyncio.wait_for(subscription.next(), left)
        received.append(change)
        if until(change):
            return received


def item(snapshot: dict[str, Any], kind: str, item_id: str) -> dict[str, Any]:
    return next(
        entry["data"] for entry in snapshot["items"] if (entry["kind"], entry["id"]) == (kind, item_id)
    )


def about(change: Change, connector_id: str) -> dict[str, Any] | None:
    return change.data if (change.kind, change.id) == ("connector", connector_id) else None


def test_snapshot_changes_filters_and_catching_up(realtime_sim, tmp_path):
    ctl = realtime_sim.ctl

    async def scenario() -> None:
        async with admin_station(realtime_sim, tmp_path) as station:
            feed = LiveFeed(station.driver, station.operators)
            await feed.start()
            try:
                await check(station, feed)
            finally:
                await feed.stop()

    async def check(station: Any, feed: LiveFeed) -> None:
        everything = LiveFilter()
        snapshot = feed.snapshot(everything)
        assert (snapshot["epoch"], snapshot["seq"]) == (feed.epoch, feed.seq) and feed.seq > 0
        assert [(entry["kind"], entry["id"]) for entry in snapshot["items"]] == [
            ("site", ""),
            ("ocpp", ""),
            ("alarms", ""),
            ("charger", "CP00"),
            ("charger", "CP01"),
            ("connector", "CP00/1"),
            ("connector", "CP01/1"),
        ]
        idle = item(snapshot, "connector", "CP00/1")
        assert idle == {
            "id": "CP00/1",
            "charger": "CP00",
            "number": 1,
            "state": "available",
            "available": True,
            "fault": None,
            "vehicle_present": False,
            "power_W": 0,
            "current_A": [0.0, 0.0, 0.0],
            "energy_Wh": 0,
            "cost": None,
            "session_id": None,
            "limited_by_site": False,
            "max_power_W": 32000 * 3 * 230 // 1000,
            "price": {
                "language": "en",
                "headline": "RM 0.60 per kWh",
                "lines": station.driver.price_lines("en"),
            },
        }
        charger = item(snapshot, "charger", "CP00")
        assert (charger["link_state"], charger["online"], charger["firmware"]) == ("online", True, "0.1.0")
        assert charger["connectors"] == ["CP00/1"]
        site = item(snapshot, "site", "")
        assert site["online"] and site["limit_A"] == [63.0, 63.0, 63.0] and site["drawn_A"] == [0.0, 0.0, 0.0]
        assert site["allocation"]["CP00/1"]["code"] == "no_vehicle"
        assert item(snapshot, "ocpp", "") == {
            "configured": False,
            "online": False,
            "links": [],
            "queued": 0,
            "parked": 0,
        }
        assert item(snapshot, "alarms", "") == {"count": 0, "open": []}
        # Public: the public fields of connectors and chargers, and of the station only whether it is up.
        public = feed.snapshot(LiveFilter(public=True))
        assert [(entry["kind"], entry["id"]) for entry in public["items"]][:3] == [
            ("site", ""),
            ("charger", "CP00"),
            ("charger", "CP01"),
        ]
        assert item(public, "site", "") == {"online": True}
        assert item(public, "connector", "CP00/1") == {
            key: idle[key]
            for key in ("id", "charger", "number", "state", "available", "max_power_W", "price")
        }
        # One connector: it, its charger and the station-wide items.
        one = feed.snapshot(LiveFilter(connector="CP01/1"))
        assert [(entry["kind"], entry["id"]) for entry in one["items"]][3:] == [
            ("charger", "CP01"),
            ("connector", "CP01/1"),
        ]
        assert [entry["id"] for entry in feed.snapshot(LiveFilter(charger="CP00"))["items"]][3:] == [
            "CP00",
            "CP00/1",
        ]

        # A driver taps a card, picks CP00/1 and plugs the car in: the connector's changes, numbered.
        start = feed.seq
        watcher = feed.subscribe(everything)
        other = feed.subscribe(LiveFilter(connector="CP01/1"))
        anonymous = feed.subscribe(LiveFilter(public=True))
        assert watcher.since == start and watcher.epoch == feed.epoch
        assert (await station.driver.present_card("DEMO-0001")).kind == "authorised"
        session_id = await station.driver.start_session("CP00/1", "DEMO-0001")
        await ctl.call("plug", charger=0, soc_pct=20)
        received = await collect(
            watcher,
            lambda c: (
                (d := about(c, "CP00/1")) is not None
                and d["state"] == "charging"
                and d["energy_Wh"] > 0
                and d["cost"] is not None
                and d["cost"]["minor"] > 100
            ),
            "CP00/1 charging with energy and a cost",
        )
        received += watcher.drain()
        seqs = [change.seq for change in received]
        assert seqs == list(range(start + 1, feed.seq + 1)), "every change, each seq once, in order"
        assert all(change.epoch == feed.epoch for change in received)
        mine = [d for c in received if (d := about(c, "CP00/1")) is not None]
        states = [state for state, _ in itertools.groupby(d["state"] for d in mine)]
        assert states[:2] == ["preparing", "charging"], states
        last = mine[-1]
        assert last["session_id"] == session_id and not last["available"]
        assert last["power_W"] > 0 and last["power_W"] % 10 == 0 and last["current_A"][0] > 0
        assert last["cost"]["currency"] == "MYR" and last["cost"]["text"].startswith("RM ")
        assert any(c.kind == "site" for c in received), "the site's loads follow in the slow pass"
        # Each change differs from the one before of the same item: noise alone publishes nothing.
        for previous, current in itertools.pairwise(mine):
            assert previous != current

        # Catching up: exactly the changes missed since `start`, the same objects the subscriber got.
        missed = feed.changes_since(start, everything)
        assert (
            missed is not None
            and [c.seq for c in missed] == seqs
            and all(a is b for a, b in zip(missed, received, strict=True))
        )
        assert feed.changes_since(feed.seq, everything) == []
        assert feed.changes_since(feed.seq + 1, everything) is None, "a seq from the future"
        assert feed.changes_since(start, everything, epoch="another-run") is None
        assert feed.changes_since(start, everything, epoch=feed.epoch) is not None

        # The other connector's subscriber saw nothing of CP00's session.
        theirs = other.drain()
        assert theirs and all(c.kind in ("site", "ocpp", "alarms") or "CP01" in c.id for c in theirs)
        assert [c.seq for c in theirs] == [
            c.seq for c in received if LiveFilter(connector="CP01/1").admits(c.kind, c.id)
        ]
        # The anonymous page: that CP00/1 is taken, never whose session, its energy, cost or power.
        seen = anonymous.drain()
        assert {c.kind for c in seen} <= {"site", "charger", "connector"}
        for change in seen:
            assert change.data is not None and not set(SESSION_FIELDS) & set(change.data)
        public_states = [d["state"] for c in seen if (d := about(c, "CP00/1")) is not None]
        assert public_states[:2] == ["preparing", "charging"] and len(public_states) < len(mine)
        assert set(c.seq for c in seen) <= set(seqs)
        public_missed = feed.changes_since(start, LiveFilter(public=True))
        assert public_missed is not None and [c.seq for c in public_missed] == [c.seq for c in seen]

        # What has no event comes with the slow pass: the central system's queue grows with the
        # session's messages (no central system takes them), a maintenance alarm appears.
        with session_factory(station.runtime.engine).begin() as db:
            db.add(
                MaintenanceAlarm(
                    kind="thermal_drift",
                    subject="CP01",
                    raised_at=utc_now(),
                    cleared_at=None,
                    message="CP01 runs warmer",
                    evidence={},
                )
            )
        alarm = await collect(watcher, lambda c: c.kind == "alarms", "the alarm")
        assert alarm[-1].data is not None and alarm[-1].data["count"] == 1
        assert alarm[-1].data["open"][0]["subject"] == "CP01"
        await station.driver.stop_session("CP00/1")
        await collect(
            watcher,
            lambda c: c.kind == "ocpp" and c.data is not None and c.data["queued"] > 0,
            "the session's messages queued for the central system",
        )
        # The feed stops: its subscribers end, and none of them was too slow.
        await feed.stop()
        with pytest.raises(SubscriptionClosedError) as ended:
            await watcher.next()
        assert not isinstance(ended.value, SlowSubscriberError) and watcher.drop_reason == "stopped"

    asyncio.run(scenario())


def test_a_slow_subscriber_is_dropped_the_history_is_bounded_and_changes_are_encoded_once(
    realtime_sim, tmp_path
):
    async def scenario() -> None:
        async with kiosk_station(realtime_sim, tmp_path) as (runtime, driver, _reader, _events):
            # Without the operator facade: the site says only whether the station is online.
            feed = LiveFeed(driver, None, history=16, queue_limit=8)
            await feed.start()
            try:
                assert feed.snapshot(LiveFilter())["items"][0] == {
                    "kind": "site",
                    "id": "",
                    "data": {"online": True},
                }
                start = feed.seq
                readers = [feed.subscribe(LiveFilter()) for _ in range(3)]
                sleeper = feed.subscribe(LiveFilter())  # never reads
                got: list[list[Change]] = [[] for _ in readers]

                async def read(index: int) -> None:
                    async for change in readers[index]:
                        got[index].append(change)

                tasks = [asyncio.create_task(read(i)) for i in range(len(readers))]
                await runtime.sessions.authorise("CP00/1", "DEMO-0001")
                await realtime_sim.ctl.call("plug", charger=0, soc_pct=20)
                await wait_until(lambda: feed.seq >= start + 40, 20, "40 changes")
                await wait_until(
                    lambda: all(g and g[-1].seq == feed.seq for g in got), 5, "readers caught up"
                )

                # The sleeper was dropped when its 8 places were full; the readers got everything.
                assert sleeper.dropped and sleeper.drop_reason == "slow" and sleeper.pending == 0
                with pytest.raises(SlowSubscriberError):
                    await sleeper.next()
                stats = feed.stats()
                assert (stats.subscribers, stats.dropped) == (3, 1)
                for changes in got:
                    assert [c.seq for c in changes] == list(range(start + 1, feed.seq + 1))
                    assert not any(r.dropped for r in readers)
                # One encode per change: the same Change and the same bytes for every subscriber.
                for a, b, c in zip(*got, strict=True):
                    assert a is b is c and a.json() is b.json() is c.json()
                assert got[0][-1].json().startswith(b'{"type":"change","epoch":"' + feed.epoch.encode())

                # The history keeps the last 16: from further back, the caller needs a snapshot.
                assert stats.history == 16
                assert feed.changes_since(feed.seq - 17, LiveFilter()) is None
                back = feed.changes_since(feed.seq - 16, LiveFilter())
                assert back is not None and [c.seq for c in back] == list(range(feed.seq - 15, feed.seq + 1))
                assert feed.changes_since(start, LiveFilter()) is None
                for task in tasks:
                    task.cancel()
            finally:
                await feed.stop()

            # A new run: a new epoch, seq from 0; a client's old seq is recognised as another run's.
            old_epoch, old_seq = feed.epoch, feed.seq
            await feed.start()
            try:
                assert feed.epoch != old_epoch
                assert feed.changes_since(min(old_seq, feed.seq), LiveFilter(), epoch=old_epoch) is None
            finally:
                await feed.stop()

    asyncio.run(scenario())


@pytest.mark.sim(chargers=16)
def test_cost_per_event_with_sixteen_chargers(realtime_sim, tmp_path):
    """Not a timing assertion: the figures are printed in the run's summary."""
    sim = realtime_sim

    async def scenario() -> None:
        config = dataclasses.replace(
            station_config(sim),
            database=DatabaseSettings(url=f"sqlite:///{tmp_path / 'ledger.sqlite3'}"),
            tariff=TARIFF,
        )
        runtime = StationRuntime(config)
        await runtime.start()
        reader = VirtualCardReader(debounce_s=0.0)
        driver = DriverFacade(runtime, card_reader=reader, kiosk=KIOSK)
        await driver.start()
        try:
            await wait_until(
                lambda: all(c.state == "available" for c in driver.connectors()), 20, "16 connectors up"
            )
            operators = OperatorFacade(runtime, driver=driver)
            feed = LiveFeed(driver, operators)
            await feed.start()
            # 200 clients: half the dashboard, half public pages of one connector each.
            filters = [
                LiveFilter() if i % 2 else LiveFilter(connector=f"CP{i % 16:02d}/1", public=True)
                for i in range(200)
            ]
            subscriptions = [feed.subscribe(f) for f in filters]
            counts = [0] * len(subscriptions)

            async def read(index: int) -> None:
                async for change in subscriptions[index]:
                    change.json()
                    counts[index] += 1

            tasks = [asyncio.create_task(read(i)) for i in range(len(subscriptions))]
            for charger in range(8):
                await sim.ctl.call("plug", charger=charger, soc_pct=30)
                await runtime.sessions.authorise(f"CP{charger:02d}/1", f"LIVE-{charger}")
            before, started = feed.stats(), time.monotonic()
            await asyncio.sleep(4.0)
            after, elapsed = feed.stats(), time.monotonic() - started
            events = after.events - before.events
            event_s = after.event_s - before.event_s
            passes, pass_s = after.passes - before.passes, after.pass_s - before.pass_s
            share = (event_s + pass_s) / elapsed * 100
            changes = after.changes - before.changes
            figures.report(
                "live feed (16 chargers, 8 charging, 200 subscribers)",
                f"{events / elapsed:.0f} events/s at {event_s / max(1, events) * 1e6:.0f} us each "
                f"including the fan-out; slow pass {pass_s / max(1, passes) * 1e3:.2f} ms on the loop "
                f"once a second; {share:.2f} % of a core in all; {changes / elapsed:.0f} changes/s",
            )
            assert events > 16 * 5 * 2, "every charger's polls were followed"
            assert after.dropped == 0 and all(counts[1::2]), "every dashboard received changes"
            for task in tasks:
                task.cancel()
            await feed.stop()
        finally:
            await driver.stop()
            await reader.stop()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(runtime.stop(), 10.0)

    asyncio.run(scenario())
