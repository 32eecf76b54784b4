"""The hal TCP link against the simulator: every command round-trips, bad frames, retries.

The check_* coroutines are shared with test_link_i2c.py, so both links prove the same things.
"""

from __future__ import annotations

import asyncio
import socket
from typing import TYPE_CHECKING, Any

import pytest

from hal.board.charger_board import ChargerBoard, ChargerSettings
from hal.board.wire_board import WireChargerBoard
from hal.links.errors import CommandRefused, LinkDownError
from hal.links.tcp import TcpTransport
from hal.wire.codec import SEQ_UNKNOWN, StreamDecoder, decode_message, encode_frame, encode_raw
from hal.wire.messages import (
    MAGIC,
    Error,
    ErrorCode,
    FaultBit,
    IdentifyRequest,
    MsgType,
    StatusRequest,
    StopReason,
)

if TYPE_CHECKING:
    from conftest import RunningSim

STAT_FIELDS = ("frames_ok", "bad_crc", "bad_length", "bad_version", "unknown_type", "bad_magic_bytes")


def sim_stats(sim: RunningSim, index: int) -> dict[str, int]:
    reply = sim.ctl.call_sync("stats", charger=index)
    return {k: int(reply[k]) for k in (*STAT_FIELDS, "rejected_frames")}


def stats_delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before[k] for k in before}


async def check_all_commands(board: ChargerBoard, sim: RunningSim, index: int) -> None:
    """Every request type through the real firmware core, and the C++ replies decode in Python."""
    before = sim_stats(sim, index)
    identity = await board.identify()
    assert identity.serial.rstrip(b"\0") == f"SIM-{index:04d}".encode()
    assert identity.protocol_version == 1 and identity.connector_count == 1
    assert identity.max_current_mA == 32000 and identity.phases in (1, 3)

    status = await board.status(0)
    assert status.connector == 0
    assert status.voltage_mV == (230000, 230000, 230000) or min(status.voltage_mV) > 0

    assert (await board.self_test()).tests_run != 0

    await board.configure(ChargerSettings(max_current_mA=32000, failsafe_current_mA=0, lease_ms=60000))
    sim.ctl.call_sync("plug", charger=index)
    receipt = await board.permit(0, 16000, 42)
    status = await board.status(0)
    assert status.transaction_ref == 42
    assert status.last_ack_seq == receipt.seq
    await board.set_current(0, 10000)
    await board.heartbeat()
    receipt = await board.stop(0, StopReason.REMOTE)
    assert (await board.status(0)).last_ack_seq == receipt.seq

    # Commands whose outcome depends on the charger's state: the round trip itself is what counts.
    for command, args in ((board.unlock, (0,)), (board.clear_fault, (int(FaultBit.WELDED_CONTACTOR),))):
        try:
            await command(*args)
        except CommandRefused as refused:
            assert refused.result != 0
    await board.reset(0)
    again = await board.identify()
    assert again.serial == identity.serial

    link = board.link_stats()
    assert link.failures == 0 and link.bad_frames == 0 and link.retries == 0
    delta = stats_delta(before, sim_stats(sim, index))
    # The C++ decoder accepted every Python frame and rejected none.
    assert delta["frames_ok"] == link.requests
    assert all(delta[k] == 0 for k in STAT_FIELDS[1:]) and delta["rejected_frames"] == 0


def frame_without_stray_magic(build: Any) -> bytes:
    """A frame whose bytes after the first hold no magic byte, so a stream parser's resync is exact."""
    for seq in range(0x100, 0x200):
        frame = build(seq)
        if MAGIC not in frame[1:]:
            return frame
    raise AssertionError("no seq avoids a stray magic byte")


def bad_frames() -> list[tuple[str, bytes, int | None, int | None, str]]:
    """(name, bytes, expected ERROR code or None for no reply, expected reply seq, counter)."""

    def bad_crc(seq: int) -> bytes:
        good = encode_frame(StatusRequest(0), seq)
        return good[:-1] + bytes([good[-1] ^ 0x5A])

    crc = frame_without_stray_magic(bad_crc)
    unknown = frame_without_stray_magic(lambda seq: encode_raw(0x42, seq, b"\x01\x02"))
    version = frame_without_stray_magic(lambda seq: encode_raw(MsgType.STATUS_REQ, seq, b"\x00", version=2))
    short = frame_without_stray_magic(lambda seq: encode_raw(MsgType.PERMIT, seq, b"\x00\x01"))
    too_long = frame_without_stray_magic(
        lambda seq: bytes([MAGIC, 1, MsgType.STATUS_REQ, seq & 0xFF, seq >> 8, 0xFF]) + bytes(4)
    )
    seq_of = lambda frame: frame[3] | (frame[4] << 8)  # noqa: E731
    return [
        ("bad_crc", crc, ErrorCode.BAD_CRC, SEQ_UNKNOWN, "bad_crc"),
        ("unknown_type", unknown, ErrorCode.UNKNOWN_TYPE, seq_of(unknown), "unknown_type"),
        ("wrong_version", version, ErrorCode.UNSUPPORTED_VERSION, SEQ_UNKNOWN, "bad_version"),
        ("short_payload", short, ErrorCode.BAD_LENGTH, seq_of(short), "bad_length"),
        ("length_above_max", too_long, ErrorCode.BAD_LENGTH, seq_of(too_long), "bad_length"),
        ("garbage", bytes(range(1, 60)), None, None, "bad_magic_bytes"),
    ]


def expected_detail(name: str, frame: bytes) -> int:
    return {"unknown_type": frame[2], "wrong_version": frame[1]}.get(name, 0)


async def read_frames(reader: asyncio.StreamReader, decoder: StreamDecoder, timeout_s: float) -> list[Any]:
    try:
        async with asyncio.timeout(timeout_s):
            while True:
                frames = decoder.feed(await reader.read(4096))
                if frames:
                    return frames
    except TimeoutError:
        return []


def test_all_commands_round_trip_over_tcp(realtime_sim: RunningSim) -> None:
    async def main() -> None:
        board = WireChargerBoard(TcpTransport(realtime_sim.host, realtime_sim.charger_port(1)))
        try:
            await check_all_commands(board, realtime_sim, 1)
        finally:
            await board.close()

    asyncio.run(main())


def test_bad_frames_over_tcp_are_answered_error_and_counted(realtime_sim: RunningSim) -> None:
    async def main() -> None:
        reader, writer = await asyncio.open_connection(realtime_sim.host, realtime_sim.charger_port(0))
        decoder = StreamDecoder()
        try:
            for name, frame, code, seq, counter in bad_frames():
                before = sim_stats(realtime_sim, 0)
                writer.write(frame)
                await writer.drain()
                replies = await read_frames(reader, decoder, 0.5 if code is not None else 0.2)
                delta = stats_delta(before, sim_stats(realtime_sim, 0))
                if code is None:
                    assert replies == [], name
                    assert delta["bad_magic_bytes"] == len(frame), name
                    continue
                assert len(replies) == 1, name
                reply = replies[0]
                assert reply.type == MsgType.ERROR and reply.seq == seq, name
                assert decode_message(reply) == Error(code, expected_detail(name, frame)), name
                assert delta[counter] == 1 and delta["rejected_frames"] == 1, (name, delta)
                assert delta["frames_ok"] == 0, name
            # After all that the stream is back in sync: a good request is answered.
            writer.write(encode_frame(IdentifyRequest(), 77))
            await writer.drain()
            (reply,) = await read_frames(reader, decoder, 1.0)
            assert (reply.type, reply.seq) == (MsgType.IDENTIFY_REPLY, 77)
            assert decoder.stats.bad_frames == 0
        finally:
            writer.close()

    asyncio.run(main())


def test_retry_after_the_host_link_drops_for_a_moment_over_tcp(realtime_sim: RunningSim) -> None:
    async def main() -> None:
        transport = TcpTransport(realtime_sim.host, realtime_sim.charger_port(0), connect_timeout_s=0.1)
        board = WireChargerBoard(transport, timeout_s=0.1, retries=8, retry_backoff_s=0.05)
        try:
            await check_retry_across_link_drop(board, realtime_sim, 0)
            assert transport.connects >= 2  # it reconnected after the charger closed the link
        finally:
            await board.close()

    asyncio.run(main())


async def check_retry_across_link_drop(board: WireChargerBoard, sim: RunningSim, index: int) -> None:
    """Cuts the link while a PERMIT is on its way; the board retries and the command lands once."""
    await board.identify()
    await board.configure(ChargerSettings(lease_ms=60000))
    sim.ctl.call_sync("plug", charger=index)
    await sim.ctl.call("fault", charger=index, kind="host_link", active=True)

    async def restore_link() -> None:
        await asyncio.sleep(0.3)
        await sim.ctl.call("fault", charger=index, kind="host_link", active=False)

    restore = asyncio.create_task(restore_link())
    first_seq = board.next_seq
    receipt = await board.permit(0, 13000, 4711)
    await restore
    assert receipt.attempts >= 2
    attempt_seqs = range(first_seq, first_seq + receipt.attempts)
    stats = board.link_stats()
    assert stats.retries >= 1 and stats.timeouts + stats.link_down + stats.nacks >= 1 and stats.failures == 0
    status = await board.status(0)
    # Attempts queued while the link was down may all execute when it returns (PERMIT is
    # idempotent); the receipt names one that did, and the charger's last one is one of them.
    assert status.transaction_ref == 4711
    assert receipt.seq in attempt_seqs and status.last_ack_seq in attempt_seqs
    print(f"\nlink drop: {receipt.attempts} attempts, executed seq {receipt.seq}, {board.link_stats()}")


def test_unreachable_charger_raises_link_down_after_bounded_retries() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def main() -> None:
        board = WireChargerBoard(
            TcpTransport("127.0.0.1", port, connect_timeout_s=0.2), retries=2, retry_backoff_s=0.0
        )
        with pytest.raises(LinkDownError):
            await board.status(0)
        stats = board.link_stats()
        assert (stats.link_down, stats.retries, stats.failures) == (3, 2, 1)

    asyncio.run(main())
