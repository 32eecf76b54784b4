"""Transport over TCP (the charger's Ethernet link): asyncio stream, frame decoder, reconnect on error."""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque

from hal.links.errors import LinkDownError, LinkTimeoutError
from hal.links.transport import Transport
from hal.wire.codec import DecodeStats, Frame, StreamDecoder

READ_CHUNK = 4096
CLOSE_TIMEOUT_S = 1.0


class TcpTransport(Transport):
    """One TCP connection to one charger, opened on first use and reopened after any error."""

    def __init__(self, host: str, port: int, connect_timeout_s: float = 1.0) -> None:
        self.host = host
        self.port = port
        self.connect_timeout_s = connect_timeout_s
        self.connects = 0  # successful connections, for the link statistics
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._decoder = StreamDecoder()
        self._frames: deque[Frame] = deque()

    @property
    def name(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    @property
    def decode_stats(self) -> DecodeStats:
        return self._decoder.stats

    @property
    def connected(self) -> bool:
        return self._writer is not None and not self._writer.is_closing()

    async def _connect(self) -> asyncio.StreamWriter:
        if self._writer is not None and not self._writer.is_closing():
            return self._writer
        await self._drop()
        try:
            async with asyncio.timeout(self.connect_timeout_s):
                self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        except TimeoutError as err:
            raise LinkDownError(f"{self.name}: connect timed out after {self.connect_timeout_s} s") from err
        except OSError as err:
            raise LinkDownError(f"{self.name}: connect failed: {err}") from err
        self.connects += 1
        # A new connection starts a new byte stream: bytes of the old one must not be spliced on.
        self._decoder.clear()
        self._frames.clear()
        return self._writer

    async def _drop(self) -> None:
        writer, self._writer, self._reader = self._writer, None, None
        if writer is not None:
            writer.close()
            # A peer that already reset the connection leaves nothing to release, and one that no
            # longer answers (a dead charger) must not hold the station up: closing is best effort.
            with contextlib.suppress(OSError, TimeoutError):
                await asyncio.wait_for(writer.wait_closed(), CLOSE_TIMEOUT_S)

    async def send(self, frame: bytes, reply_len: int) -> None:
        writer = await self._connect()
        try:
            writer.write(frame)
            await writer.drain()
        except OSError as err:
            await self._drop()
            raise LinkDownError(f"{self.name}: send failed: {err}") from err

    async def receive(self, timeout_s: float) -> Frame:
        if self._frames:
            return self._frames.popleft()
        reader = self._reader
        if reader is None:
            raise LinkDownError(f"{self.name}: not connected")
        try:
            async with asyncio.timeout(timeout_s):
                while not self._frames:
                    data = await reader.read(READ_CHUNK)
                    if not data:
                        await self._drop()
                        raise LinkDownError(f"{self.name}: connection closed by the charger")
                    self._frames.extend(self._decoder.feed(data))
        except TimeoutError as err:
            raise LinkTimeoutError(f"{self.name}: no reply within {timeout_s * 1000:.0f} ms") from err
        except OSError as err:
            await self._drop()
            raise LinkDownError(f"{self.name}: receive failed: {err}") from err
        return self._frames.popleft()

    async def close(self) -> None:
        await self._drop()
