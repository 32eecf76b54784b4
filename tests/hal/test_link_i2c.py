"""The hal I2C link against the simulator's virtual bus, through the real smbus2 i2c_rdwr code."""

from __future__ import annotations

import asyncio
import errno
import fcntl
from typing import TYPE_CHECKING

import pytest
import smbus2.smbus2 as smbus2_module
from smbus2 import i2c_msg
from test_link_tcp import bad_frames, check_all_commands, check_retry_across_link_drop, sim_stats, stats_delta

from hal.board.wire_board import WireChargerBoard
from hal.links.errors import I2cNackError
from hal.links.i2c import I2cBus, I2cTransport
from hal.sim.i2c_bus import SimSMBus
from hal.wire.codec import decode_frame, decode_message, encode_frame
from hal.wire.messages import Error, ErrorCode, IdentifyReply, IdentifyRequest, MsgType, StatusRequest

if TYPE_CHECKING:
    from conftest import RunningSim

BASE_ADDRESS = 0x10
ERROR_FRAME_SIZE = 6 + Error.SIZE + 2


def sim_bus(sim: RunningSim) -> I2cBus:
    return I2cBus(lambda: SimSMBus(sim.host, sim.ports.i2c_port), "sim-i2c")


def test_all_commands_round_trip_over_i2c(realtime_sim: RunningSim) -> None:
    bus = sim_bus(realtime_sim)

    async def main() -> None:
        transport = I2cTransport(bus, BASE_ADDRESS + 1)
        board = WireChargerBoard(transport)
        await check_all_commands(board, realtime_sim, 1)
        assert transport.decode_stats.frames_ok == board.link_stats().replies

    try:
        asyncio.run(main())
    finally:
        bus.close()


def test_smbus2_i2c_rdwr_reaches_the_sim_and_the_patch_is_scoped(realtime_sim: RunningSim) -> None:
    assert smbus2_module.ioctl is fcntl.ioctl
    with SimSMBus(realtime_sim.host, realtime_sim.ports.i2c_port) as bus:
        assert smbus2_module.ioctl is not fcntl.ioctl
        write = i2c_msg.write(BASE_ADDRESS, encode_frame(IdentifyRequest(), 5))
        read = i2c_msg.read(BASE_ADDRESS, 6 + IdentifyReply.SIZE + 2 + 10)  # more than the reply: padding
        bus.i2c_rdwr(write, read)
        raw = bytes(read)
        frame, used = decode_frame(raw)
        assert (frame.type, frame.seq) == (MsgType.IDENTIFY_REPLY, 5)
        assert raw[used:] == bytes(10)  # the slave pads with 0x00 after the frame
        assert decode_message(frame).serial.startswith(b"SIM-0000")
        # Nothing pending: a plain read returns all 0x00.
        idle = i2c_msg.read(BASE_ADDRESS, 8)
        bus.i2c_rdwr(idle)
        assert bytes(idle) == bytes(8)
    assert smbus2_module.ioctl is fcntl.ioctl


def test_bad_frames_over_i2c_are_answered_error_and_counted(realtime_sim: RunningSim) -> None:
    with SimSMBus(realtime_sim.host, realtime_sim.ports.i2c_port) as bus:
        for name, frame, code, seq, counter in bad_frames():
            before = sim_stats(realtime_sim, 0)
            read = i2c_msg.read(BASE_ADDRESS, ERROR_FRAME_SIZE)
            bus.i2c_rdwr(i2c_msg.write(BASE_ADDRESS, frame), read)
            reply, _ = decode_frame(bytes(read))
            delta = stats_delta(before, sim_stats(realtime_sim, 0))
            assert reply.type == MsgType.ERROR, name
            error = decode_message(reply)
            if code is None:  # one I2C write is one whole request: garbage is answered too
                assert error == Error(ErrorCode.BAD_MAGIC, frame[0]), name
                assert delta["bad_magic_bytes"] == len(frame) and delta["rejected_frames"] == 1, name
                continue
            assert reply.seq == seq and error.error == code, (name, error)
            assert delta[counter] == 1 and delta["rejected_frames"] == 1 and delta["frames_ok"] == 0, name


def test_absent_address_is_a_nack(realtime_sim: RunningSim) -> None:
    absent = BASE_ADDRESS + realtime_sim.chargers
    with SimSMBus(realtime_sim.host, realtime_sim.ports.i2c_port) as bus, pytest.raises(OSError) as err:
        bus.i2c_rdwr(i2c_msg.write(absent, encode_frame(StatusRequest(0), 1)), i2c_msg.read(absent, 10))
    assert err.value.errno == errno.EREMOTEIO

    bus = sim_bus(realtime_sim)

    async def main() -> None:
        board = WireChargerBoard(I2cTransport(bus, absent), timeout_s=0.05, retries=2, retry_backoff_s=0.0)
        with pytest.raises(I2cNackError) as nack:
            await board.status(0)
        assert nack.value.address == absent
        stats = board.link_stats()
        assert (stats.requests, stats.retries, stats.nacks, stats.failures, stats.replies) == (1, 2, 3, 1, 0)

    try:
        asyncio.run(main())
    finally:
        bus.close()


def test_retry_after_the_host_link_drops_for_a_moment_over_i2c(realtime_sim: RunningSim) -> None:
    bus = sim_bus(realtime_sim)

    async def main() -> None:
        board = WireChargerBoard(
            I2cTransport(bus, BASE_ADDRESS), timeout_s=0.1, retries=20, retry_backoff_s=0.05
        )
        await check_retry_across_link_drop(board, realtime_sim, 0)

    try:
        asyncio.run(main())
    finally:
        bus.close()


def test_chargers_sharing_one_bus_are_served_in_turn(realtime_sim: RunningSim) -> None:
    bus = sim_bus(realtime_sim)

    async def main() -> None:
        boards = [WireChargerBoard(I2cTransport(bus, BASE_ADDRESS + i)) for i in range(realtime_sim.chargers)]

        async def poll(board: WireChargerBoard) -> None:
            for _ in range(25):
                await board.status(0)

        await asyncio.gather(*(poll(b) for b in boards))
        for b in boards:
            stats = b.link_stats()
            assert (stats.replies, stats.retries, stats.stale_replies, stats.bad_frames) == (25, 0, 0, 0)

    try:
        asyncio.run(main())
    finally:
        bus.close()
