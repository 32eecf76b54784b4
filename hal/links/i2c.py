"""Transport over I2C with smbus2: write the request, then read the reply; one lock and thread per bus."""

from __future__ import annotations

import asyncio
import errno
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from smbus2 import SMBus, i2c_msg

from hal.links.errors import BadReplyError, I2cNackError, LinkDownError, LinkTimeoutError
from hal.links.transport import Transport
from hal.wire.codec import (
    BAD_CRC,
    BAD_LENGTH,
    INCOMPLETE,
    UNKNOWN_TYPE,
    UNSUPPORTED_VERSION,
    DecodeStats,
    Frame,
    FrameError,
    decode_frame,
)
from hal.wire.messages import MAGIC

_STAT_OF_RESULT = {
    BAD_CRC: "bad_crc",
    BAD_LENGTH: "bad_length",
    INCOMPLETE: "bad_length",  # the length byte promised more than the read could hold
    UNKNOWN_TYPE: "unknown_type",
    UNSUPPORTED_VERSION: "bad_version",
}


class I2cBus:
    """One I2C bus shared by every charger on it.

    The lock makes each transfer atomic with respect to the other chargers' (the kernel serialises
    per adapter anyway), and the single worker thread keeps the blocking ioctl off the asyncio loop
    without letting 16 chargers take 16 threads. The bus is free between a request and its reply,
    while the charger works out the answer.
    """

    def __init__(self, open_smbus: Callable[[], SMBus], name: str) -> None:
        self.name = name
        self.lock = threading.Lock()
        self._open_smbus = open_smbus
        self._smbus: SMBus | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    @classmethod
    def open(cls, bus_number: int) -> I2cBus:
        """The Linux bus /dev/i2c-<bus_number> (opened on the first transfer)."""
        return cls(lambda: SMBus(bus_number), f"i2c-{bus_number}")

    def transfer(self, address: int, write: bytes, read_len: int) -> bytes:
        """Blocking: a write, a read, or both in one combined transaction (repeated start)."""
        with self.lock:
            if self._smbus is None:
                self._smbus = self._open_smbus()
            msgs = []
            if write:
                msgs.append(i2c_msg.write(address, write))
            read = i2c_msg.read(address, read_len) if read_len else None
            if read is not None:
                msgs.append(read)
            try:
                self._smbus.i2c_rdwr(*msgs)
            except OSError as err:
                if err.errno in (errno.EREMOTEIO, errno.ENXIO):
                    raise I2cNackError(address, str(err)) from err
                # Any other bus error: reopen the adapter next time.
                self._close_locked()
                raise LinkDownError(f"{self.name}@0x{address:02x}: I2C transfer failed: {err}") from err
            return bytes(read) if read is not None else b""

    async def transfer_async(self, address: int, write: bytes, read_len: int) -> bytes:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.transfer, address, write, read_len)

    def _close_locked(self) -> None:
        if self._smbus is not None:
            self._smbus.close()
            self._smbus = None

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        with self.lock:
            self._close_locked()


class I2cTransport(Transport):
    """One charger at a 7-bit address on a shared I2cBus.

    A request is one write transaction. The reply is read in a separate transaction: an ESP32 slave
    cannot stretch the clock while its control task answers, so it preloads the reply once the
    request is in, and a read in the same transaction (repeated start) would get the previous one.
    The read is sized for the largest reply the request can get; the frame's length byte says
    where it ends and the padding is ignored. A read that does not start with the magic byte means
    the reply is not ready yet (0x00 from the simulator, filler from a real slave): read again
    after poll_interval_s until the timeout.
    """

    def __init__(
        self, bus: I2cBus, address: int, reply_delay_s: float = 0.0, poll_interval_s: float = 0.001
    ) -> None:
        self.bus = bus
        self.address = address
        self.reply_delay_s = reply_delay_s
        self.poll_interval_s = poll_interval_s
        self._stats = DecodeStats()
        self._read_len = 8

    @property
    def name(self) -> str:
        return f"{self.bus.name}@0x{self.address:02x}"

    @property
    def decode_stats(self) -> DecodeStats:
        return self._stats

    async def send(self, frame: bytes, reply_len: int) -> None:
        self._read_len = max(reply_len, 8)
        await self.bus.transfer_async(self.address, frame, 0)

    async def receive(self, timeout_s: float) -> Frame:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        if self.reply_delay_s:
            await asyncio.sleep(self.reply_delay_s)
        while True:
            raw = await self.bus.transfer_async(self.address, b"", self._read_len)
            if raw[0] == MAGIC:
                break
            if loop.time() + self.poll_interval_s > deadline:
                raise LinkTimeoutError(f"{self.name}: no reply within {timeout_s * 1000:.0f} ms")
            await asyncio.sleep(self.poll_interval_s)
        try:
            frame, _ = decode_frame(raw)
        except FrameError as err:
            field = _STAT_OF_RESULT.get(err.result)
            if field is not None:
                setattr(self._stats, field, getattr(self._stats, field) + 1)
            raise BadReplyError(f"{self.name}: corrupt reply ({err.result}): {raw.hex()}") from err
        self._stats.frames_ok += 1
        return frame

    async def close(self) -> None:
        return None
