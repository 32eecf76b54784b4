"""The charger manager against the simulator: polling, apply(), failover, reconciliation, bad chargers."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import Any

import figures
import pytest
from manager_helpers import FAST, POLL_HZ, all_online, sim_config, start_charging, wait_until

from app.chargers.link_task import LinkState, LinkTuning, PollQuality
from app.chargers.manager import ChargerManager, SessionEndedError
from app.config import ConfiguredCharger, LinkSettings, StationConfig
from hal.wire.codec import StreamDecoder, encode_frame, encode_raw
from hal.wire.messages import FaultBit, IdentifyReply, MsgType, StatusFlag


class CommandCounter:
    """Counts the commands a board is sent, by wrapping the board instance's methods."""

    def __init__(self, board: Any) -> None:
        self.counts = {"permit": 0, "set_current": 0, "stop": 0}
        for name in self.counts:
            original = getattr(board, name)

            async def counted(*args: Any, _name: str = name, _original: Any = original) -> Any:
                self.counts[_name] += 1
                return await _original(*args)

            setattr(board, name, counted)


@pytest.mark.sim(chargers=2, phases="3,1")
def test_chargers_come_online_and_are_polled(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim, [{}, {"phases": 1, "wiring": "L2"}])

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        events: list[Any] = []
        manager.subscribe(events.append)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "both chargers online")
            started = len([e for e in events if e.kind == "status"])
            await asyncio.sleep(2.0)
            polls = len([e for e in events if e.kind == "status"]) - started
            # Two chargers at 5 Hz for 2 s: about 20 polls (fewer only if this machine is starved; the
            # poll rate under load is measured by tests/benchmarks/bench_manager.py, not asserted here).
            assert 10 <= polls <= 22, polls
            views = manager.connectors()
            assert list(views) == ["CP-0/1", "CP-1/1"]
            for view in views.values():
                assert view.available and view.status is not None and view.index == 0
                assert view.status_age_s < 0.5 and not view.vehicle_present and view.offered_mA == 0
                assert view.max_mA == 32000
            assert views["CP-1/1"].site_phases == (1,)
            # A single-phase charger wired to L2: its current shows on site phase L2 only.
            await start_charging(sim, manager, "CP-1/1", 1, ref=5)
            await wait_until(lambda: manager.connectors()["CP-1/1"].measured_mA[1] > 10000, 30.0, "ramp")
            view = manager.connectors()["CP-1/1"]
            assert view.measured_mA[0] == view.measured_mA[2] == 0 and view.measured_mA[1] > 10000
            assert view.permitted and view.transaction_ref == 5 and view.offered_mA > 15000
            assert view.max_mA == 32000  # the default plug codes 32 A on PP
            assert view.session is not None and view.session.state == "active"
            health = manager.health("CP-0")
            assert health.polls > 10 and health.missed_polls == 0 and health.boot_count == 1
            assert 0 < health.latency_p99_ms < 250 and health.latency_avg_ms <= health.latency_p99_ms
            assert health.online_ratio > 0.8 and health.online_uptime_s > 2.0
            assert health.temperature_dC is not None and 150 < health.temperature_dC < 500
            figures.report(
                "charger manager",
                f"status latency on an idle link: avg {health.latency_avg_ms:.2f} ms, "
                f"p99 {health.latency_p99_ms:.2f} ms over {health.latency_samples} polls",
            )
            # A latched fault makes the connector unavailable and goes into the fault history.
            await sim.ctl.call("fault", charger=0, kind="estop", active=True)
            await wait_until(lambda: not manager.connectors()["CP-0/1"].available, 5.0, "e-stop seen")
            assert manager.connectors()["CP-0/1"].offered_mA == 0
            assert manager.chargers()["CP-0"].link_state is LinkState.ONLINE  # the link is fine
            await sim.ctl.call("fault", charger=0, kind="estop", active=False)
            await wait_until(lambda: manager.connectors()["CP-0/1"].available, 6.0, "e-stop released")
            history = manager.health("CP-0").fault_history
            assert [(r.connector_id, r.bit) for r in history] == [("CP-0/1", "EMERGENCY_STOP")]
            assert history[0].cleared_at is not None and history[0].cleared_at >= history[0].raised_at
            faults = [e for e in events if e.kind == "fault"]
            assert [(e.raised, e.cleared) for e in faults] == [
                (FaultBit.EMERGENCY_STOP, 0),
                (0, FaultBit.EMERGENCY_STOP),
            ]
            assert {"link", "status", "vehicle", "session"} <= {e.kind for e in events}
        finally:
            await manager.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=1)
def test_apply_sends_only_what_changed(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim)

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        counter = CommandCounter(manager.link_task("CP-0").board)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await sim.ctl.call("plug", charger=0)
            await wait_until(lambda: manager.connectors()["CP-0/1"].vehicle_present, 6.0, "car")
            for _ in range(5):  # every cycle of a balancer, before and after the next poll
                await manager.apply("CP-0/1", permit=True, current_limit_mA=16000, transaction_ref=21)
                await asyncio.sleep(0.15)
            assert counter.counts == {"permit": 1, "set_current": 0, "stop": 0}
            for _ in range(4):
                await manager.apply("CP-0/1", permit=True, current_limit_mA=10000, transaction_ref=21)
                await asyncio.sleep(0.1)
            assert counter.counts == {"permit": 1, "set_current": 1, "stop": 0}
            await wait_until(lambda: manager.connectors()["CP-0/1"].offered_mA < 10100, 6.0, "10 A offer")
            for _ in range(4):
                await manager.apply("CP-0/1", permit=False, current_limit_mA=0, transaction_ref=21)
                await asyncio.sleep(0.1)
            assert counter.counts == {"permit": 1, "set_current": 1, "stop": 1}
            view = manager.connectors()["CP-0/1"]
            assert view.session is not None and view.session.state == "ended"
            assert view.session.end_reason == "Local" and not view.permitted
            # An ended transaction is never permitted again; a new reference starts a new session.
            with pytest.raises(SessionEndedError):
                await manager.apply("CP-0/1", permit=True, current_limit_mA=16000, transaction_ref=21)
            await manager.apply("CP-0/1", permit=True, current_limit_mA=16000, transaction_ref=22)
            assert counter.counts["permit"] == 2
            await wait_until(lambda: manager.connectors()["CP-0/1"].transaction_ref == 22, 5.0, "ref 22")
            # The car leaves: the session ends with the OCPP reason, and the charger drops the permission.
            await sim.ctl.call("unplug", charger=0)
            await wait_until(lambda: manager.connectors()["CP-0/1"].session.state == "ended", 5.0, "end")
            assert manager.connectors()["CP-0/1"].session.end_reason == "EVDisconnected"
            # A stop right after a permit (before any poll showed it) still reaches the charger.
            await manager.apply("CP-0/1", permit=True, current_limit_mA=16000, transaction_ref=23)
            await manager.apply("CP-0/1", permit=False, current_limit_mA=0, transaction_ref=23)
            assert counter.counts == {"permit": 3, "set_current": 1, "stop": 2}
            await asyncio.sleep(0.5)
            assert not manager.connectors()["CP-0/1"].permitted
        finally:
            await manager.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=2)
def test_dead_charger_goes_offline_keeps_the_session_and_resumes(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim)

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        offline_at: list[float] = []
        sessions: list[str] = []

        def on_event(event: Any) -> None:
            if event.kind == "link" and event.new is LinkState.OFFLINE:
                offline_at.append(time.monotonic())
            if event.kind == "session":
                sessions.append(event.change)

        manager.subscribe(on_event)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await start_charging(sim, manager, "CP-0/1", 0, ref=31)
            await asyncio.sleep(1.0)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
            cut_at = time.monotonic()
            await wait_until(lambda: bool(offline_at), 9.0, "OFFLINE")
            to_offline_s = offline_at[0] - cut_at
            period_s = 1 / POLL_HZ
            figures.report(
                "charger manager",
                f"charger cut off -> OFFLINE in {to_offline_s * 1000:.0f} ms "
                f"({to_offline_s / period_s:.1f} poll periods at {POLL_HZ:.0f} Hz)",
            )
            print(f"OFFLINE after {to_offline_s * 1000:.0f} ms")
            # 3 missed polls, each failing within about one period, plus the wait for the next poll; the
            # reason below proves the rule, the bound only catches a gross delay (a loaded machine is slow).
            assert to_offline_s <= 4 * period_s + 1.0, to_offline_s
            view = manager.connectors()["CP-0/1"]
            last_reading = view.status.energy_Wh
            assert not view.available and view.offered_mA == 0
            assert view.session.state == "interrupted" and view.session.last_energy_Wh == last_reading
            assert manager.chargers()["CP-0"].reason.startswith("3 missed polls")
            assert manager.connectors()["CP-1/1"].available
            await asyncio.sleep(1.0)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
            back_s = await wait_until(lambda: manager.connectors()["CP-0/1"].available, 15.0, "return")
            figures.report("charger manager", f"link restored -> available again in {back_s * 1000:.0f} ms")
            view = manager.connectors()["CP-0/1"]
            assert view.session.state == "active" and view.session.transaction_ref == 31
            assert view.session.last_energy_Wh >= last_reading and view.permitted
            assert sessions == ["started", "interrupted", "resumed"]
            health = manager.health("CP-0")
            assert health.missed_polls >= 3 and health.reboots_seen == 0 and health.connects == 2
            assert 0.5 < health.online_ratio < 1.0
        finally:
            await manager.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=1)
def test_charger_rebooted_while_offline_does_not_resume(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim)

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        counter = CommandCounter(manager.link_task("CP-0").board)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await start_charging(sim, manager, "CP-0/1", 0, ref=41)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
            await wait_until(lambda: not manager.connectors()["CP-0/1"].available, 9.0, "OFFLINE")
            await sim.ctl.call("power_cycle", charger=0)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
            await wait_until(lambda: manager.connectors()["CP-0/1"].available, 15.0, "return")
            view = manager.connectors()["CP-0/1"]
            assert view.session.state == "ended" and view.session.end_reason == "Reboot"
            # The balancer still holding its claim must not restart the session by accident.
            with pytest.raises(SessionEndedError):
                await manager.apply("CP-0/1", permit=True, current_limit_mA=16000, transaction_ref=41)
            await asyncio.sleep(0.6)
            assert counter.counts["permit"] == 1
            status = await sim.ctl.call("status", charger=0)
            assert not status["flags"] & StatusFlag.PERMITTED and not status["contactor"], status
            assert status["boot_count"] == 2
            health = manager.health("CP-0")
            assert health.reboots_seen == 1 and health.boot_count == 2
        finally:
            await manager.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=1)
def test_interrupted_session_times_out_with_power_loss(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim)

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST, session_timeout_s=0.5)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await start_charging(sim, manager, "CP-0/1", 0, ref=51)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
            views = manager.connectors
            await wait_until(lambda: views()["CP-0/1"].session.state == "interrupted", 9.0, "interrupted")
            await wait_until(lambda: views()["CP-0/1"].session.state == "ended", 5.0, "session timeout")
            assert views()["CP-0/1"].session.end_reason == "PowerLoss"
            # When the charger returns it still holds the permission of the ended session: stopped.
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
            await wait_until(lambda: views()["CP-0/1"].available, 15.0, "return")
            await wait_until(lambda: not views()["CP-0/1"].permitted, 5.0, "the stale permission stopped")
        finally:
            await manager.stop()

    asyncio.run(main())


async def fake_charger(answer: Callable[[bytes], bytes]) -> tuple[asyncio.Server, int]:
    """A TCP server standing in for a charger: answer() maps the bytes received to the bytes sent."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(4096):
            writer.write(answer(data))
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


def fake_config(port: int) -> StationConfig:
    charger = ConfiguredCharger(id="BAD", link=f"tcp://127.0.0.1:{port}")
    return StationConfig(link=LinkSettings(poll_hz=POLL_HZ), chargers=(charger,))


async def expect_faulty(port: int, reason_part: str) -> None:
    manager = ChargerManager(fake_config(port), tuning=FAST)
    await manager.start()
    try:
        await wait_until(lambda: manager.chargers()["BAD"].link_state is LinkState.FAULTY, 15.0, "FAULTY")
        view = manager.chargers()["BAD"]
        assert reason_part in view.reason, view.reason
        assert not manager.connectors()["BAD/1"].available
        await asyncio.sleep(1.0)  # it keeps retrying, slowly, without crashing
        task = manager.link_task("BAD")
        assert task.state is LinkState.FAULTY and task._task is not None and not task._task.done()
    finally:
        await manager.stop()


def test_charger_answering_garbage_is_faulty() -> None:
    def noise(_: bytes) -> bytes:
        # Random bytes and a frame whose CRC does not match, for every request.
        bad_crc = bytearray(encode_raw(MsgType.IDENTIFY_REPLY, 1, bytes(34)))
        bad_crc[-1] ^= 0xFF
        return os.urandom(64) + bytes(bad_crc)

    async def main() -> None:
        server, port = await fake_charger(noise)
        async with server:
            await expect_faulty(port, "garbage")

    asyncio.run(main())


def test_charger_of_another_protocol_version_is_faulty() -> None:
    decoder = StreamDecoder()

    def identify_v2(data: bytes) -> bytes:
        out = b""
        for frame in decoder.feed(data):
            if frame.type == MsgType.IDENTIFY_REQ:
                reply = IdentifyReply(2, 0, 0, 2, b"FUTURE-0001", 0, 1, 3, 32000, 7)
                out += encode_frame(reply, frame.seq)
        return out

    async def main() -> None:
        server, port = await fake_charger(identify_v2)
        async with server:
            await expect_faulty(port, "protocol version 2")

    asyncio.run(main())


def test_degraded_rule_over_the_last_polls() -> None:
    quality = PollQuality(LinkTuning())
    for _ in range(20):
        quality.record(False, 2.0)
    assert quality.degraded_reason() == ""
    for _ in range(4):  # 4 of 20 retried: 20 %, not more
        quality.record(True, 2.0)
    assert quality.degraded_reason() == ""
    quality.record(True, 2.0)
    assert "5 of the last 20 polls retried" in quality.degraded_reason()
    for _ in range(20):
        quality.record(False, 2.0)
    assert quality.degraded_reason() == ""
    quality.record(False, 150.0)
    assert quality.degraded_reason() == ""  # one slow poll is not a slow link
    quality.record(False, 150.0)
    assert "slower than 100 ms" in quality.degraded_reason()
