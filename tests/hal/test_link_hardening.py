"""The charger link against the rest of the network and a long uptime: idle connections, commands from
clients without the link key, and the 2^32 ms clock wrap, through the station's manager and the simulator."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import socket
import time
from typing import Any

import pytest
from manager_helpers import FAST, all_online, sim_config, start_charging, wait_until

from app.chargers.link_task import LinkState
from app.chargers.manager import ChargerManager
from hal.wire.codec import StreamDecoder, encode_frame, encode_raw
from hal.wire.messages import (
    Ack,
    Configure,
    Error,
    ErrorCode,
    Heartbeat,
    MsgType,
    Permit,
    ResultCode,
    SessionReply,
    SessionRequest,
    StatusFlag,
    Stop,
)

KEY = bytes(range(32))
KEY_HEX = KEY.hex()
WRONG_KEY = bytes(32)
WRAP_MS = 1 << 32
# Limits an intruder would like: a 10-minute lease and a fail-safe current at the hardware maximum.
LAX_CONFIGURE = Configure(32000, 32000, 600000, 300000, 100000, 900, 1000, 50, 1, 9)


def open_idle_connections(sim: Any, count: int) -> list[socket.socket]:
    """TCP connections to charger 0 that never send a byte (a scanner, a crashed tool, a leak)."""
    conns = []
    for _ in range(count):
        s = socket.create_connection((sim.host, sim.charger_port(0)), timeout=2.0)
        conns.append(s)
    return conns


@pytest.mark.sim(chargers=1)
def test_idle_connections_do_not_lock_the_station_out(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim)

    async def main() -> None:
        first = ChargerManager(config, tuning=FAST)
        idle: list[socket.socket] = []
        await first.start()
        second: ChargerManager | None = None
        try:
            await wait_until(lambda: all_online(first), 9.0, "online")
            await start_charging(sim, first, "CP-0/1", 0, ref=61)
            idle += open_idle_connections(sim, 20)
            # The station's link is cut (its process restarts, its connection resets) while the idle
            # clients stay, and one more takes the place the station's connection left.
            cut = await sim.ctl.call("time")
            await first.stop()
            await asyncio.sleep(0.3)
            idle += open_idle_connections(sim, 5)
            second = ChargerManager(config, tuning=FAST)
            await second.start()
            await wait_until(lambda: all_online(second), 3.0, "the station back in")
            back = await sim.ctl.call("time")
            status = second.connectors()["CP-0/1"].status
            assert not status.flags & StatusFlag.LEASE_EXPIRED, status
            assert back["now_ms"] - cut["now_ms"] < 5000, (cut, back)
            events = (await sim.ctl.call("events", charger=0, since_ms=cut["now_ms"]))["events"]
            assert not [e for e in events if e["kind"] in ("pwm", "contactor")], events
        finally:
            for s in idle:
                s.close()
            if second is not None:
                await second.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=1, extra_args=["--link-key", f"0:{KEY_HEX}"])
def test_keyed_station_reconnects_after_a_cut_with_a_fresh_nonce(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim, [{"link_key": KEY_HEX}])

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await start_charging(sim, manager, "CP-0/1", 0, ref=91)
            await sim.ctl.call("fault", charger=0, kind="host_link", active=True)
            views = manager.connectors
            await wait_until(lambda: not views()["CP-0/1"].available, 9.0, "OFFLINE")
            await sim.ctl.call("fault", charger=0, kind="host_link", active=False)
            await wait_until(lambda: views()["CP-0/1"].available, 4.0, "the station back in")
            await asyncio.sleep(0.5)  # heartbeats on the new connection
            status = await sim.ctl.call("status", charger=0)
            assert not status["lease_expired"] and status["contactor"], status
            assert views()["CP-0/1"].session.state == "active"
            assert manager.health("CP-0").connects == 2
            stats = await sim.ctl.call("stats", charger=0)
            assert stats["auth_failures"] == 0, stats  # every command was tagged for its connection
        finally:
            await manager.stop()

    asyncio.run(main())


class Intruder:
    """A client on the charger's network: its own TCP connection, raw frames, no link key (or a wrong one)."""

    def __init__(self, sim: Any) -> None:
        self.sock = socket.create_connection((sim.host, sim.charger_port(0)), timeout=2.0)
        self.decoder = StreamDecoder()
        self.seq = 100

    def exchange(self, frame: bytes) -> Any:
        self.sock.sendall(frame)
        while True:
            frames = self.decoder.feed(self.sock.recv(4096))
            if frames:
                return frames[0]

    def session(self) -> SessionReply:
        reply = self.exchange(encode_frame(SessionRequest(), self.next_seq()))
        assert reply.type == MsgType.SESSION_REPLY, reply
        return SessionReply.unpack(reply.payload)

    def session_nonce(self) -> bytes:
        return self.session().nonce

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def close(self) -> None:
        self.sock.close()


def tagged(msg: Any, seq: int, key: bytes, nonce: bytes) -> bytes:
    """msg's frame with the link tag of docs/wire-protocol.md computed here from the spec: HMAC-SHA256
    over nonce, header (length including the tag) and fields, first 16 bytes appended to the payload."""
    fields = msg.pack()
    header = bytes([0xE5, 1, int(msg.TYPE)]) + seq.to_bytes(2, "little") + bytes([len(fields) + 16])
    tag = hmac.new(key, nonce + header + fields, hashlib.sha256).digest()[:16]
    return encode_raw(int(msg.TYPE), seq, fields + tag)


def assert_auth_refused(reply: Any) -> None:
    assert reply.type == MsgType.ERROR, reply
    assert Error.unpack(reply.payload).error == ErrorCode.AUTH_FAILED, reply


@pytest.mark.sim(chargers=1, extra_args=["--link-key", f"0:{KEY_HEX}"])
def test_commands_without_the_link_key_change_nothing(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim, [{"link_key": KEY_HEX}])

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        await manager.start()
        intruder = Intruder(sim)
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await start_charging(sim, manager, "CP-0/1", 0, ref=71)
            before = await sim.ctl.call("status", charger=0)
            nonce = await asyncio.to_thread(intruder.session_nonce)
            seq = intruder.next_seq
            attempts = [
                encode_frame(Stop(0, 1), seq()),  # no tag at all
                tagged(Stop(0, 1), seq(), WRONG_KEY, nonce),  # a wrong key
                encode_frame(Permit(0, 32000, 99), seq()),
                tagged(Permit(0, 32000, 99), seq(), WRONG_KEY, nonce),
                tagged(LAX_CONFIGURE, seq(), WRONG_KEY, nonce),
            ]
            # A frame tagged with the right key for another connection's nonce: a recording replayed.
            other = Intruder(sim)
            other_nonce = await asyncio.to_thread(other.session_nonce)
            other.close()
            attempts.append(tagged(Stop(0, 1), seq(), KEY, other_nonce))
            for frame in attempts:
                assert_auth_refused(await asyncio.to_thread(intruder.exchange, frame))
            await asyncio.sleep(0.5)
            after = await sim.ctl.call("status", charger=0)
            assert after["contactor"] and after["flags"] & StatusFlag.PERMITTED, after
            assert after["offered_mA"] == before["offered_mA"]
            view = manager.connectors()["CP-0/1"]
            assert view.session.state == "active" and view.status.transaction_ref == 71
            # The same tag computation with the key and this connection's nonce is accepted: the
            # refusals above were about the key and the nonce, not the frame layout.
            ack = await asyncio.to_thread(intruder.exchange, tagged(Stop(0, 1), seq(), KEY, nonce))
            assert ack.type == MsgType.ACK, ack
            await wait_until(lambda: not manager.connectors()["CP-0/1"].permitted, 5.0, "the keyed STOP")
        finally:
            intruder.close()
            await manager.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=1, extra_args=["--clock-start-ms", str(WRAP_MS - 12000)])
def test_a_session_runs_across_the_uptime_wrap(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim)

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        link_changes: list[LinkState] = []
        sessions: list[str] = []

        def on_event(event: Any) -> None:
            if event.kind == "link":
                link_changes.append(event.new)
            if event.kind == "session":
                sessions.append(event.change)

        manager.subscribe(on_event)
        await manager.start()
        try:
            await wait_until(lambda: all_online(manager), 9.0, "online")
            await start_charging(sim, manager, "CP-0/1", 0, ref=81)
            started = time.monotonic()
            while (await sim.ctl.call("time"))["now_ms"] < WRAP_MS + 3000:
                assert time.monotonic() - started < 30.0, "the simulated clock did not reach the wrap"
                await asyncio.sleep(0.2)
            await sim.ctl.call("car", charger=0, request="charge")
            await asyncio.sleep(1.0)
            view = manager.connectors()["CP-0/1"]
            assert view.status.uptime_s >= WRAP_MS // 1000, view.status.uptime_s
            assert view.session.state == "active" and view.status.iec_state is not None
            assert sessions == ["started"], sessions
            health = manager.health("CP-0")
            assert health.reboots_seen == 0 and health.connects == 1, health
            assert LinkState.CONNECTING not in link_changes, link_changes
            # Simulator events after the wrap carry 64-bit times and are found by since_ms.
            events = (await sim.ctl.call("events", charger=0, since_ms=WRAP_MS))["events"]
            assert [e["kind"] for e in events] == ["car"] and events[0]["t_ms"] >= WRAP_MS, events
        finally:
            await manager.stop()

    asyncio.run(main())


@pytest.mark.sim(chargers=1)
def test_link_key_provisioned_through_the_control_port(stepped_sim) -> None:
    sim = stepped_sim
    client = Intruder(sim)
    try:
        assert client.session().auth_required == 0
        ack = client.exchange(encode_frame(Heartbeat(0), client.next_seq()))
        assert ack.type == MsgType.ACK and Ack.unpack(ack.payload).result == ResultCode.OK  # open link
        assert sim.ctl.call_sync("link_key", charger=0, key=KEY_HEX)["auth_required"] is True
        session = client.session()
        assert session.auth_required == 1
        assert_auth_refused(client.exchange(encode_frame(Heartbeat(0), client.next_seq())))
        ack = client.exchange(tagged(Heartbeat(0), client.next_seq(), KEY, session.nonce))
        assert ack.type == MsgType.ACK and Ack.unpack(ack.payload).result == ResultCode.OK
        assert sim.ctl.call_sync("stats", charger=0)["auth_failures"] == 1
        sim.ctl.call_sync("link_key", charger=0, key="")
        assert client.session().auth_required == 0
    finally:
        client.close()


@pytest.mark.sim(chargers=1, extra_args=["--link-key", f"0:{KEY_HEX}"])
def test_a_wrong_link_key_marks_the_charger_faulty_and_says_why(realtime_sim) -> None:
    sim = realtime_sim
    config = sim_config(sim, [{"link_key": WRONG_KEY.hex()}])

    async def main() -> None:
        manager = ChargerManager(config, tuning=FAST)
        await manager.start()
        try:
            view = lambda: manager.chargers()["CP-0"]  # noqa: E731
            await wait_until(lambda: view().link_state is LinkState.FAULTY, 9.0, "FAULTY")
            assert "link_key" in view().reason and "AUTH_FAILED" in view().reason, view().reason
        finally:
            await manager.stop()
        stats = await sim.ctl.call("stats", charger=0)
        assert stats["auth_failures"] >= 1, stats

    asyncio.run(main())
