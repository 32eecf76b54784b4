"""Kill tests: the station with OCPP is killed with SIGKILL at each step of a transaction and started again
on the same ledger; the CSMS sees no duplicate and no lost transaction. Also a site power loss.

The station runs as a child process (tests/support/ocpp_station_process.py) on the firmware simulator. A
StartTransaction sent again after a kill is the same message (connectorId, idTag, meterStart,
timestamp); both test CSMSs would give it a new transactionId, so transactions are counted as
distinct (connectorId, idTag, timestamp) and a resend must have got no answer, or have come on a new
connection (the answer, or the ack, died with the process).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any

import figures
import pytest
from ocpp_peers.peer import STEVE_PATH
from ocpp_station_process import CALLRESULT, StationProcess, check_delivery
from sqlalchemy import select

from app.db.engine import make_engine, read_only, session_factory
from app.db.models import ChargingSession
from app.sessions.ledger import last_reading
from app.sessions.states import OPEN_STATES

IDENTITY = "CP-KILL-1"
CONNECTOR = "CP00/1"


class Station:
    """Launches, kills and restarts the child station; counts the kills by step."""

    def __init__(self, sim: Any, csms: Any, tmp_path: Path) -> None:
        self.sim, self.csms, self.tmp_path = sim, csms, tmp_path
        self.db = tmp_path / "ledger.sqlite3"
        self._process: StationProcess | None = None
        self.kills: Counter[str] = Counter()
        self.launches = 0

    def args(self, booted_at: str | None) -> list[str]:
        ports = ",".join(str(self.sim.charger_port(i)) for i in range(self.sim.chargers))
        args = ["--db", str(self.db), "--csms-url", self.csms.url("", STEVE_PATH).rstrip("/")]
        args += ["--identity", IDENTITY, "--secrets", str(self.tmp_path / "secrets")]
        args += ["--host", self.sim.host, "--ports", ports]
        return args + (["--host-booted-at", booted_at] if booted_at else [])

    async def launch(self, *, online: bool = True, booted_at: str | None = None) -> StationProcess:
        self.launches += 1
        stderr = self.tmp_path / f"station-{self.launches}.log"
        self._process = await StationProcess(self.args(booted_at), stderr).start()
        await self.process.wait_line("ready", timeout=30)
        if online:
            await self.process.wait_line("online", timeout=40)
        return self.process

    @property
    def process(self) -> StationProcess:
        assert self._process is not None, "not launched"
        return self._process

    async def kill(self, step: str) -> None:
        await self.process.kill()
        self.kills[step] += 1

    async def command(self, command: str, *reply: str) -> str:
        since = self.process.mark()
        await self.process.send(command)
        return await self.process.wait_line(*reply, since=since) if reply else ""


async def _plug(sim: Any) -> None:
    await sim.ctl.call("plug", charger=0)


async def _unplug(sim: Any) -> None:
    await sim.ctl.call("unplug", charger=0)


def _start_of(csms: Any, tag: str, timeout: float = 30.0) -> Any:
    return csms.wait_for("StartTransaction", lambda p: p["idTag"] == tag, timeout=timeout)


def _answered_start(csms: Any, tag: str, timeout: float = 30.0) -> int:
    """The transactionId the CSMS gave to a StartTransaction of `tag` (the copy it answered)."""

    def probe() -> int | None:
        for frame in reversed(csms.call_frames("StartTransaction")):
            answer = csms.log.response_to(frame) if frame.payload["idTag"] == tag else None
            if answer is not None and answer.message_type == CALLRESULT:
                return int(answer.payload["transactionId"])
        return None

    return csms.log.wait_until(probe, timeout)


async def _finish(station: Station, tag: str) -> None:
    """The session of `tag` is running online: stop it, see its StopTransaction, unplug the car."""
    csms = station.csms
    transaction_id = await asyncio.to_thread(_answered_start, csms, tag)
    await station.command(f"stop {CONNECTOR} Local", "session", CONNECTOR, "ended")
    await csms.wait_for_async("StopTransaction", lambda p: p["transactionId"] == transaction_id, timeout=30)
    since = station.process.mark()
    await _unplug(station.sim)
    await station.process.wait_line("vehicle", CONNECTOR, "left", since=since, timeout=10)


async def kill_at_each_step(station: Station) -> None:
    sim, csms = station.sim, station.csms
    await station.launch()
    await station.command("key MeterValueSampleInterval 1", "key")

    # 1. After authorise, before the car is plugged: the session waits for the plug after the restart.
    await station.command(f"authorise {CONNECTOR} K1", "authorised")
    await station.kill("after authorise")
    await station.launch()
    await _plug(sim)
    await _finish(station, "K1")

    # 2. After the plug: killed as soon as the station saw the car (the meter start may or may not be in).
    await station.command(f"authorise {CONNECTOR} K2", "authorised")
    since = station.process.mark()
    await _plug(sim)
    await station.process.wait_line("vehicle", CONNECTOR, "arrived", since=since)
    await station.kill("after plug")
    await station.launch()
    await _finish(station, "K2")

    # 3. StartTransaction queued, not sent: the CSMS is away.
    mark = station.process.mark()
    await asyncio.to_thread(csms.stop)
    await station.process.wait_line("offline", since=mark)
    await _plug(sim)
    await station.process.wait_line("vehicle", CONNECTOR, "arrived", since=mark)
    await station.command(f"authorise {CONNECTOR} K3", "session", CONNECTOR, "charging")
    await station.kill("after StartTransaction queued")
    await asyncio.to_thread(csms.start)
    await station.launch()
    await _finish(station, "K3")

    # 4. StartTransaction sent, not confirmed: the CSMS keeps silent, the kill comes after the frame.
    csms.set_silent("StartTransaction")
    await _plug(sim)
    await station.command(f"authorise {CONNECTOR} K4", "authorised")
    await asyncio.to_thread(_start_of, csms, "K4")
    await station.kill("after StartTransaction sent, before its confirmation")
    csms.reset_answer("StartTransaction")
    await station.launch()
    await _finish(station, "K4")

    # 5. During MeterValues: one is on the wire without an answer.
    await _plug(sim)
    await station.command(f"authorise {CONNECTOR} K5", "authorised")
    start = await asyncio.to_thread(_start_of, csms, "K5")
    await asyncio.to_thread(csms.response_to, start, 30)
    csms.set_silent("MeterValues")
    since = len(csms.frames)
    await csms.wait_for_async("MeterValues", lambda p: "transactionId" in p, timeout=20, since=since)
    await station.kill("during MeterValues")
    csms.reset_answer("MeterValues")
    await station.launch()
    await _finish(station, "K5")

    # 6. StopTransaction queued, not sent: the CSMS is away when the driver stops.
    await _plug(sim)
    await station.command(f"authorise {CONNECTOR} K6", "authorised")
    await asyncio.to_thread(_start_of, csms, "K6")
    mark = station.process.mark()
    await asyncio.to_thread(csms.stop)
    await station.process.wait_line("offline", since=mark)
    await station.command(f"stop {CONNECTOR} Local", "session", CONNECTOR, "ended")
    await station.kill("after StopTransaction queued")
    await asyncio.to_thread(csms.start)
    process = await station.launch()
    await csms.wait_for_async("StopTransaction", lambda p: p.get("idTag") == "K6", timeout=30)
    await _unplug(sim)
    await _drain(station)
    assert await process.quit() == 0


async def _drain(station: Station, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        line = await station.command("pending", "pending")
        if line.split()[1] == "0":
            return
        assert time.monotonic() < deadline, f"still queued: {line}"
        await asyncio.sleep(0.3)


def ledger_sessions(db_path: Path) -> list[ChargingSession]:
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        with session_factory(read_only(engine))() as db:
            return list(db.scalars(select(ChargingSession).order_by(ChargingSession.id)))
    finally:
        engine.dispose()


def check_transactions(db_path: Path, csms: Any) -> Any:
    """No lost and no duplicate transaction: the ledger's started sessions against the CSMS's log."""
    sessions = ledger_sessions(db_path)
    assert not [s.id for s in sessions if s.state in OPEN_STATES], "sessions left open"
    started = [s for s in sessions if s.meter_start_Wh is not None]
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        report = check_delivery(engine, csms)
    finally:
        engine.dispose()
    assert not report.problems, report.problems
    assert report.answered_twice == 0
    starts = csms.call_frames("StartTransaction")
    accepted = Counter()
    for frame in starts:
        answer = csms.log.response_to(frame)
        if answer is not None and answer.message_type == CALLRESULT:
            accepted[(frame.payload["connectorId"], frame.payload["idTag"], frame.payload["timestamp"])] += 1
    stops = Counter(f.payload["transactionId"] for f in csms.call_frames("StopTransaction"))
    for session in started:
        keys = [k for k in accepted if k[1] == session.id_tag]
        assert len(keys) == 1, f"session {session.id} ({session.id_tag}): transactions at the CSMS {keys}"
        assert session.csms_transaction_id is not None
        stop_frames = [
            f
            for f in csms.call_frames("StopTransaction")
            if f.payload["transactionId"] == session.csms_transaction_id
        ]
        assert len({str(f.payload) for f in stop_frames}) == 1, f"session {session.id}: stops {stop_frames}"
    assert report.transactions == len(started) == len(accepted)
    return report, len(sessions), len(starts), sum(stops.values())


@pytest.mark.sim(chargers=1, realtime_factor=2)
def test_sigkill_at_each_step_of_a_transaction(realtime_sim, any_csms, tmp_path):
    station = Station(realtime_sim, any_csms, tmp_path)
    any_csms.set_next_transaction_id(3001)
    asyncio.run(kill_at_each_step(station))
    report, sessions, start_frames, stop_frames = check_transactions(station.db, any_csms)
    assert sessions == 6 and report.transactions == 6
    # The StartTransaction the kill left unconfirmed was sent again as the same message.
    resent = [p for p in any_csms.calls("StartTransaction") if p["idTag"] == "K4"]
    assert len(resent) == 2 and resent[0] == resent[1]
    figures.report(
        "OCPP kill tests",
        f"{any_csms.name} CSMS: {sum(station.kills.values())} SIGKILLs ("
        + ", ".join(f"{what}: {n}" for what, n in station.kills.items())
        + f"), {station.launches} launches; {sessions} sessions in the ledger, {report.transactions} "
        f"transactions at the CSMS, none twice, none lost; {start_frames} StartTransaction frames, "
        f"{stop_frames} StopTransaction frames, {report.resent_unanswered} unanswered messages sent again, "
        f"{report.resent_after_reconnect} answered messages sent again on a new connection (the answer "
        "died with the process)",
    )


def _last_reading(db_path: Path, tag: str) -> tuple[int, Any]:
    """(session id, last meter reading the ledger holds) of the session of `tag`; the station is down."""
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        with session_factory(read_only(engine))() as db:
            row = db.scalars(select(ChargingSession).where(ChargingSession.id_tag == tag)).one()
            reading = last_reading(db, row)
            assert reading is not None
            return row.id, reading
    finally:
        engine.dispose()


async def lose_power(station: Station, tag: str, booted_at: str | None) -> tuple[Any, Any, Any]:
    """A session runs, the site loses power: station killed, charger power-cycled; then it comes back."""
    sim, csms = station.sim, station.csms
    await _plug(sim)
    await station.command(f"authorise {CONNECTOR} {tag}", "authorised")
    start = await asyncio.to_thread(_start_of, csms, tag)
    await asyncio.sleep(3.0)  # a few samples flushed to the ledger (every second)
    await station.kill("power loss" if booted_at else "charger reboot")
    _, reading = await asyncio.to_thread(_last_reading, station.db, tag)
    # The charger restarts after the host died, so its uptime is shorter than the session's silence.
    await asyncio.sleep(2.0)
    await sim.ctl.call("power_cycle", charger=0)
    since = len(csms.frames)
    await station.launch(online=False, booted_at=booted_at)
    boot = await csms.wait_for_async("BootNotification", timeout=40, since=since)
    stop = await csms.wait_for_async(
        "StopTransaction",
        lambda p: p["timestamp"] and p["meterStop"] is not None and p.get("reason") != "Local",
        timeout=40,
        since=since,
    )
    await _unplug(sim)
    await _drain(station)
    assert await station.process.quit() == 0
    assert stop.payload["transactionId"] == csms.log.response_to(start).payload["transactionId"]
    assert stop.seq > boot.seq and csms.log.response_to(boot).payload["status"] == "Accepted"
    return stop.payload, reading, boot


@pytest.mark.sim(chargers=1, realtime_factor=1)
def test_power_loss_stops_the_session_after_the_next_boot(realtime_sim, py_csms, tmp_path):
    """Host and charger both restarted since the session was last seen: PowerLoss, on the last reading.
    The charger alone restarted (the host was up all along): Reboot."""
    station = Station(realtime_sim, py_csms, tmp_path)

    async def scenario() -> tuple[Any, Any, Any, Any]:
        await station.launch()
        lost = await lose_power(station, "P1", booted_at="now")
        await station.launch()
        rebooted = await lose_power(station, "P2", booted_at=None)
        return lost[0], lost[1], rebooted[0], rebooted[1]

    stop, reading, reboot_stop, reboot_reading = asyncio.run(scenario())
    assert stop["reason"] == "PowerLoss" and stop["meterStop"] == reading[1]
    assert reboot_stop["reason"] == "Reboot" and reboot_stop["meterStop"] == reboot_reading[1]
    report, sessions, _, _ = check_transactions(station.db, py_csms)
    assert sessions == report.transactions == 2
    figures.report(
        "OCPP kill tests",
        f"power loss: StopTransaction reason {stop['reason']}, meterStop {stop['meterStop']} Wh = the last "
        f"reading in the ledger, after the next accepted BootNotification; charger reboot alone: "
        f"{reboot_stop['reason']}, meterStop {reboot_stop['meterStop']} Wh",
    )
