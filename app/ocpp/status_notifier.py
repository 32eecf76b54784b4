"""StatusNotification per connector (OCPP 1.6 section 4.9): computed on every change, sent once stable.

A status is sent when it differs from the last one the CSMS confirmed and has held for
MinimumStatusDuration seconds (section 9.1.19: short blips such as Preparing for a second are not
reported). After a (re)connection every connector's status is sent again, since the CSMS may have
missed changes while the link was down. StatusNotification is not transaction-related, so it is not
queued durably: the current status is what matters, not the history.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Collection
from datetime import datetime
from typing import Any

from app.background_tasks import BackgroundTasks
from app.ocpp.errors import CsmsCallError
from app.ocpp.status_map import OcppStatus

log = logging.getLogger(__name__)

Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


class StatusNotifier:
    """Keeps the CSMS's view of every connector (0 = the charge point) in line with `compute()`.

    `compute()` gives every connector's status; `compute(connectors)` at least those connectors' and
    connector 0's (a poll of one charger must not cost a round over every connector).
    """

    def __init__(
        self,
        compute: Callable[..., dict[int, OcppStatus]],
        send: Send,
        *,
        minimum_duration_s: Callable[[], float],
        clock: Callable[[], datetime],
    ) -> None:
        self.compute = compute
        self.send = send
        self.minimum_duration_s = minimum_duration_s
        self.clock = clock
        self.sent: dict[int, OcppStatus] = {}  # confirmed by the CSMS on this connection
        self._pending: dict[int, tuple[OcppStatus, float]] = {}  # candidate and since (monotonic)
        self._online = False
        self._wake = asyncio.Event()
        self._task = BackgroundTasks("OCPP status notifier", log)

    def start(self) -> None:
        self._task.start(self._run(), name="ocpp-status")

    async def stop(self) -> None:
        await self._task.close()

    def connection_up(self) -> None:
        """After an accepted BootNotification: everything is sent again, at once."""
        self.sent.clear()
        self._pending.clear()
        self._online = True
        self.changed(immediate=True)

    def connection_down(self) -> None:
        self._online = False

    def changed(self, *, immediate: bool = False, connectors: Collection[int] | None = None) -> None:
        """Something a status depends on changed: of every connector, or of these `connectors` only
        (call from the event loop)."""
        now = time.monotonic()
        statuses = self.compute() if connectors is None else self.compute(connectors)
        new = False
        for connector, status in statuses.items():
            if self.sent.get(connector) == status:
                self._pending.pop(connector, None)
                continue
            pending = self._pending.get(connector)
            if pending is None or pending[0] != status:
                self._pending[connector] = (status, now - (1e9 if immediate else 0.0))
                new = True
        if new:  # the sender has something new to time; every poll of every charger comes here
            self._wake.set()

    async def trigger(self, connector: int | None) -> None:
        """TriggerMessage(StatusNotification): the current status now, stable or not (section 5.17)."""
        statuses = self.compute()
        for number in sorted(statuses) if connector is None else [connector]:
            if number in statuses:
                await self._send(number, statuses[number])

    async def _run(self) -> None:
        while True:
            due = await self._send_due()
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(due):
                    await self._wake.wait()

    async def _send_due(self) -> float | None:
        """Sends the statuses that held long enough; returns the seconds until the next one is due."""
        if not self._online:
            return None
        hold = max(0.0, float(self.minimum_duration_s()))
        now = time.monotonic()
        next_due: float | None = None
        for connector, (status, since) in sorted(self._pending.items()):
            wait = since + hold - now
            if wait > 0:
                next_due = wait if next_due is None else min(next_due, wait)
                continue
            if await self._send(connector, status):
                if self._pending.get(connector, (None, 0.0))[0] == status:
                    del self._pending[connector]
            else:
                next_due = 5.0  # not confirmed: try again shortly
        return next_due

    async def _send(self, connector: int, status: OcppStatus) -> bool:
        payload = notification_payload(connector, status, self.clock())
        try:
            await self.send("StatusNotification", payload)
        except (CsmsCallError, TimeoutError, ConnectionError) as err:
            log.info("StatusNotification for connector %s not confirmed: %s", connector, err)
            return False
        self.sent[connector] = status
        return True


def notification_payload(connector: int, status: OcppStatus, at: datetime) -> dict[str, Any]:
    """A StatusNotification.req (section 4.9); info is a CiString50Type, cut to fit."""
    payload: dict[str, Any] = {
        "connectorId": connector,
        "errorCode": status.error_code,
        "status": status.status,
        "timestamp": at.isoformat(),
    }
    if status.info:
        payload["info"] = status.info[:50]
    return payload
