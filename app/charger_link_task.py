"""Keeps one charger's link alive: identify, configure, heartbeats and status polls, with reconnects.

The charger manager (load balancing, arbitration, failover) builds on the snapshots this publishes.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import time
from dataclasses import dataclass

from app.config import ConfiguredCharger, LinkSettings
from hal.charger_board import ChargerBoard, ChargerSettings
from hal.link_errors import CommandRefused, LinkError
from hal.wire_messages import IdentifyReply, StatusReply

log = logging.getLogger(__name__)

RECONNECT_BACKOFF_S = (0.5, 1.0, 2.0, 5.0)


class LinkState(enum.Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class ChargerSnapshot:
    """What the station knows about one charger at one instant."""

    charger_id: str
    link_state: LinkState
    identity: IdentifyReply | None
    status: StatusReply | None
    reason: str  # why the link is in its state ("" when online)
    updated_monotonic: float


class ChargerLinkTask:
    """One asyncio task per charger; the latest snapshot is always available without awaiting."""

    def __init__(self, charger: ConfiguredCharger, board: ChargerBoard, link: LinkSettings) -> None:
        self.charger = charger
        self.board = board
        self.link = link
        self._snapshot = ChargerSnapshot(charger.id, LinkState.CONNECTING, None, None, "starting", 0.0)
        self._task: asyncio.Task[None] | None = None
        self._lease_expired_seen = False

    @property
    def snapshot(self) -> ChargerSnapshot:
        return self._snapshot

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"charger-{self.charger.id}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.board.close()

    def _publish(
        self,
        state: LinkState,
        reason: str,
        status: StatusReply | None = None,
        identity: IdentifyReply | None = None,
    ) -> None:
        old = self._snapshot
        self._snapshot = ChargerSnapshot(
            self.charger.id, state, identity or old.identity, status or old.status, reason, time.monotonic()
        )

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                await self._session()
            except (LinkError, CommandRefused) as err:
                delay = RECONNECT_BACKOFF_S[min(failures, len(RECONNECT_BACKOFF_S) - 1)]
                failures += 1
                self._publish(LinkState.OFFLINE, str(err))
                log.warning("charger %s offline (%s); retrying in %.1f s", self.charger.id, err, delay)
                await asyncio.sleep(delay)
            else:  # pragma: no cover - _session only returns by raising
                failures = 0

    async def _session(self) -> None:
        self._publish(LinkState.CONNECTING, "identifying")
        identity = await self.board.identify()
        await self.board.configure(
            ChargerSettings(
                max_current_mA=min(self.charger.max_current_mA, identity.max_current_mA),
                failsafe_current_mA=self.link.failsafe_current_mA,
                lease_ms=self.link.lease_ms,
            )
        )
        # A charger seen for the first time (or rebooted) may report an old lease expiry; the
        # station has just re-read its state, which is what the acknowledgement certifies.
        await self.board.heartbeat(ack_lease_expiry=True)
        status = await self.board.status(0)
        self._publish(LinkState.ONLINE, "", status, identity)
        poll_s = 1.0 / self.link.poll_hz
        heartbeat_s = self.link.heartbeat_ms / 1000
        next_heartbeat = time.monotonic() + heartbeat_s
        while True:
            await asyncio.sleep(poll_s)
            now = time.monotonic()
            if now >= next_heartbeat:
                await self.board.heartbeat()
                next_heartbeat = now + heartbeat_s
            status = await self.board.status(0)
            self._publish(LinkState.ONLINE, "", status)
