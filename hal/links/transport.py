"""The Transport interface: moves whole frames to one charger and back, over whatever link it has."""

from __future__ import annotations

from abc import ABC, abstractmethod

from hal.wire.codec import DecodeStats, Frame


class Transport(ABC):
    """One charger's link. ChargerBoard keeps one request in flight and matches replies itself.

    send() delivers a request frame; receive() returns the next valid frame from the charger, which
    may be a stale reply to an earlier request (the caller discards it by seq). Errors: LinkTimeoutError
    (nothing within the time), LinkDownError (connection lost; the next send reconnects), I2cNackError,
    BadReplyError (a corrupt frame where a whole reply was expected).
    """

    @property
    @abstractmethod
    def name(self) -> str:
        """Where the charger is, for logs (e.g. "tcp://10.0.0.7:7700" or "i2c-1@0x10")."""

    @property
    @abstractmethod
    def decode_stats(self) -> DecodeStats:
        """Counters of this link's reply decoder."""

    @abstractmethod
    async def send(self, frame: bytes, reply_len: int) -> None:
        """Sends a request frame. reply_len is the largest reply frame expected (I2C reads that much)."""

    @abstractmethod
    async def receive(self, timeout_s: float) -> Frame:
        """The next valid frame from the charger."""

    @abstractmethod
    async def close(self) -> None:
        """Releases the link; a later send reopens it."""
