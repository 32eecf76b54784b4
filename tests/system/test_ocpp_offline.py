"""Offline acceptance tests: the CSMS goes away and comes back, for long, across a station restart, with
sessions started and stopped meanwhile; afterwards it has every transaction message once, in order.

The station runs in this process on the firmware simulator; the check compares the ledger's outbox
(what the station committed) with the CSMS's frame log (tests/ocpp_station_process.check_delivery).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import figures
import pytest
from ocpp_station import ocpp_config, running_station, until
from ocpp_station_process import check_delivery, transaction_frames

from app.ocpp.connection import Backoff
from app.runtime.runtime import StationRuntime

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def _pending(runtime: StationRuntime) -> int:
    assert runtime.ocpp is not None
    return runtime.ocpp.tx_queue.pending_count()


async def _online(runtime: StationRuntime, csms: Any, timeout: float = 30.0) -> None:
    await until(lambda: runtime.ocpp is not None and runtime.ocpp.accepted.is_set(), timeout, "registration")


async def _offline(runtime: StationRuntime, csms: Any) -> None:
    """The CSMS goes away without a close frame (a dead route, a crashed server)."""
    await asyncio.to_thread(csms.stop, True)
    await until(lambda: runtime.ocpp is not None and not runtime.ocpp.accepted.is_set(), 15, "link lost")


async def _drained(runtime: StationRuntime, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while await asyncio.to_thread(_pending, runtime):
        assert time.monotonic() < deadline, (
            f"{_pending(runtime)} transaction messages still queued; queue counters "
            f"{dict(runtime.ocpp.tx_queue.counters)}"  # type: ignore[union-attr]
        )
        await asyncio.sleep(0.2)


async def _plug(sim: Any, runtime: StationRuntime, charger: int) -> str:
    connector = f"CP{charger:02d}/1"
    await sim.ctl.call("plug", charger=charger)
    await until(lambda: runtime.station.manager.connectors()[connector].vehicle_present, 10, "car")
    return connector


async def _sample_every_second(csms: Any, *keys: str) -> None:
    for key in ("MeterValueSampleInterval", *keys):
        assert await csms.call_async("ChangeConfiguration", {"key": key, "value": "1"}) == {
            "status": "Accepted"
        }


def _assert_exactly_once(runtime: StationRuntime, csms: Any) -> Any:
    report = check_delivery(runtime.engine, csms)
    assert not report.problems, report.problems
    assert report.answered_twice == 0
    assert not runtime.ocpp.bridge.parked_reports  # type: ignore[union-attr]
    return report


def _resends(report: Any) -> int:
    """Identical copies sent because the link went down before the answer arrived (at least once)."""
    return int(report.resent_after_reconnect + report.resent_unanswered)


def _boots(csms: Any) -> list[Any]:
    return csms.call_frames("BootNotification")


def test_csms_lost_mid_session_and_back(realtime_sim, any_csms, tmp_path):
    """The station reconnects by itself, boots again, then delivers what it queued meanwhile."""
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(7001)
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> Any:
        async with running_station(config) as runtime:
            await _online(runtime, csms)
            await _sample_every_second(csms)
            connector = await _plug(sim, runtime, 0)
            await runtime.sessions.authorise(connector, "TAG-MID")
            meter = await csms.wait_for_async(
                "MeterValues", lambda p: p.get("transactionId") == 7001, timeout=20
            )
            await asyncio.to_thread(csms.response_to, meter)
            await _offline(runtime, csms)
            await until(lambda: _pending(runtime) >= 3, 20, "MeterValues queued while offline")
            queued = _pending(runtime)
            since = len(csms.frames)
            await asyncio.to_thread(csms.start)
            boot = await csms.wait_for_async("BootNotification", timeout=40, since=since)
            await _drained(runtime)
            await runtime.sessions.stop(connector, "Local")
            await _drained(runtime)
            after = [f for f in transaction_frames(csms) if f.seq > since]
            assert after and all(f.seq > boot.seq for f in after), "a transaction message before the boot"
            stop = csms.calls("StopTransaction")[-1]
            assert stop["transactionId"] == 7001 and stop["reason"] == "Local"
            return _assert_exactly_once(runtime, csms), queued

    report, queued = asyncio.run(scenario())
    assert len(_boots(csms)) == 2 and len(csms.events("connect")) == 2
    assert report.transactions == 1 and report.by_action["StopTransaction"] == 1
    figures.report(
        "OCPP offline tests",
        f"CSMS lost mid-session ({csms.name}): {queued} messages queued, {report.expected} delivered once "
        f"in order, {_resends(report)} sent again after the link was lost",
    )


def test_session_started_and_stopped_offline(realtime_sim, any_csms, tmp_path):
    """A whole transaction while offline: its messages follow the late StartTransaction's transactionId."""
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(8100)
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> Any:
        async with running_station(config) as runtime:
            await _online(runtime, csms)
            await _sample_every_second(csms)
            await _offline(runtime, csms)
            connector = await _plug(sim, runtime, 1)
            await runtime.sessions.authorise(connector, "TAG-OFFLINE")
            await until(lambda: _pending(runtime) >= 4, 20, "StartTransaction and MeterValues queued")
            await runtime.sessions.stop(connector, "Local")
            queued = _pending(runtime)
            assert not transaction_frames(csms)  # nothing reached the CSMS yet
            await asyncio.to_thread(csms.start)
            await _drained(runtime, 40)
            return _assert_exactly_once(runtime, csms), queued

    report, queued = asyncio.run(scenario())
    frames = transaction_frames(csms)
    assert frames[0].action == "StartTransaction" and frames[-1].action == "StopTransaction"
    assert all(f.seq > _boots(csms)[-1].seq for f in frames)
    given = csms.log.response_to(frames[0]).payload["transactionId"]
    assert given == 8100
    assert all(f.payload["transactionId"] == given for f in frames[1:])
    assert frames[-1].payload["reason"] == "Local" and frames[-1].payload["idTag"] == "TAG-OFFLINE"
    assert report.by_action["MeterValues"] >= 2
    figures.report(
        "OCPP offline tests",
        f"session entirely offline ({csms.name}): {queued} messages queued, delivered after the boot "
        f"with transactionId {given}",
    )


def test_station_restarts_while_offline(realtime_sim, any_csms, tmp_path):
    """Stopped and started again on the same ledger while the CSMS is away: nothing lost, nothing twice."""
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(9000)
    config = ocpp_config(sim, csms, tmp_path)

    async def first_run() -> int:
        async with running_station(config) as runtime:
            await _online(runtime, csms)
            await _sample_every_second(csms)
            online = await _plug(sim, runtime, 0)
            await runtime.sessions.authorise(online, "TAG-BEFORE")
            await csms.wait_for_async("MeterValues", lambda p: p.get("transactionId") == 9000, timeout=20)
            await _offline(runtime, csms)
            offline = await _plug(sim, runtime, 1)
            await runtime.sessions.authorise(offline, "TAG-DURING")
            await until(lambda: _pending(runtime) >= 5, 20, "messages queued while offline")
            return _pending(runtime)

    async def second_run() -> tuple[int, Any]:
        async with running_station(config) as runtime:
            # Both sessions were recovered from the ledger and go on while the CSMS is still away.
            await until(lambda: runtime.sessions.open_session("CP00/1") is not None, 10, "recovered session")
            before = _pending(runtime)
            await until(lambda: _pending(runtime) >= before + 3, 20, "more messages queued")
            await runtime.sessions.stop("CP00/1", "Local")
            queued = _pending(runtime)
            await asyncio.to_thread(csms.start)
            await _online(runtime, csms, 40)
            await _drained(runtime, 40)
            await runtime.sessions.stop("CP01/1", "Remote")
            await _drained(runtime)
            return queued, _assert_exactly_once(runtime, csms)

    queued_first = asyncio.run(first_run())
    queued, report = asyncio.run(second_run())
    assert report.transactions == 2 and report.by_action["StopTransaction"] == 2
    stops = {p["transactionId"]: p["reason"] for p in csms.calls("StopTransaction")}
    assert stops == {9000: "Local", 9001: "Remote"}
    figures.report(
        "OCPP offline tests",
        f"restart while offline ({csms.name}): {queued_first} queued before the restart, {queued} after; "
        f"{report.expected} delivered once in order",
    )


@pytest.mark.sim(chargers=4, realtime_factor=2)
def test_long_outage_hundreds_of_messages(realtime_sim, py_csms, tmp_path):
    """A long outage with sessions coming and going: a few hundred messages delivered in order, once."""
    sim, csms = realtime_sim, py_csms
    csms.set_next_transaction_id(100)
    config = ocpp_config(sim, csms, tmp_path)
    wanted = 220

    async def scenario() -> tuple[int, float, Any]:
        async with running_station(config) as runtime:
            assert runtime.ocpp is not None
            # The production backoff grows to 300 s over a long outage; the test wants the delivery,
            # not the wait, so the reconnect attempts stay a few seconds apart.
            runtime.ocpp.connection.backoff = Backoff(first_s=0.5, cap_s=3.0)
            await _online(runtime, csms)
            await _sample_every_second(csms, "ClockAlignedDataInterval")
            connectors = [await _plug(sim, runtime, i) for i in range(4)]
            for connector in connectors:
                await runtime.sessions.authorise(connector, f"TAG-{connector}")
            await until(lambda: len(csms.calls("StartTransaction")) == 4, 15, "four transactions")
            await _offline(runtime, csms)
            await until(lambda: _pending(runtime) >= wanted // 2, 60, "messages queued")
            # Sessions end and begin while offline: one stopped, a new one on the same car.
            await runtime.sessions.stop(connectors[0], "Local")
            await runtime.sessions.authorise(connectors[0], "TAG-AGAIN")
            await until(lambda: _pending(runtime) >= wanted, 60, f"{wanted} messages queued")
            queued = _pending(runtime)
            since = len(csms.frames)
            await asyncio.to_thread(csms.start)
            await csms.wait_for_async("BootNotification", timeout=30, since=since)
            started = time.monotonic()
            await _drained(runtime, 60)
            seconds = time.monotonic() - started
            for connector in connectors:
                await runtime.sessions.stop(connector, "Remote")
            await _drained(runtime)
            return queued, seconds, _assert_exactly_once(runtime, csms)

    queued, seconds, report = asyncio.run(scenario())
    assert report.transactions == 5 and report.by_action["StopTransaction"] == 5
    assert report.by_action["MeterValues"] >= wanted - 10
    figures.report(
        "OCPP offline tests",
        f"long outage ({csms.name}): {queued} messages queued ({report.by_action['MeterValues']} MeterValues "
        f"in all), delivered in {seconds:.1f} s after the boot, {report.expected} once in order, "
        f"{report.transactions} transactions, {_resends(report)} sent again after the link was lost",
    )
