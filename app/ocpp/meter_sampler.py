"""MeterValues for the CSMS: periodic samples of running transactions and clock-aligned readings.

OCPP 1.6 section 3.16: MeterValueSampleInterval samples MeterValuesSampledData of each running
transaction (context Sample.Periodic); ClockAlignedDataInterval reads MeterValuesAlignedData of every
connector at whole multiples of the interval after local midnight (Sample.Clock). Values of a
transaction are transaction-related (section 3.7): they go through the ledger's outbox in order,
with StopTxnSampledData / StopTxnAlignedData kept for the StopTransaction's transactionData. Clock
readings of idle connectors are sent directly and may be lost while offline (they are not billing
data; the ledger keeps its own samples). A change of an interval key applies at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from app.background_tasks import BackgroundTasks
from app.ocpp.config_keys import OcppConfiguration
from app.ocpp.errors import CsmsCallError
from app.ocpp.meter_values import meter_value
from app.sessions import RUNNING_STATES, SessionService, enqueue_meter_values
from app.station import Station

log = logging.getLogger(__name__)

Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]
INTERVAL_KEYS = ("MeterValueSampleInterval", "ClockAlignedDataInterval")


class MeterSampler:
    """Two loops (periodic and clock-aligned) over the connectors; `trigger` answers TriggerMessage."""

    def __init__(
        self,
        station: Station,
        sessions: SessionService,
        engine: Engine,
        config: OcppConfiguration,
        connectors: Mapping[int, str],
        *,
        phases: Mapping[int, int],
        send: Send,
        online: Callable[[], bool],
        enqueued: Callable[[], None],
        clock: Callable[[], datetime],
        utc_offset_s: int = 8 * 3600,
    ) -> None:
        self.station = station
        self.sessions = sessions
        self.engine = engine
        self.config = config
        self.connectors = dict(connectors)  # OCPP connector id -> station connector id
        self.phases = dict(phases)
        self.send = send
        self.online = online
        self.enqueued = enqueued
        self.clock = clock
        self.utc_offset_s = utc_offset_s
        self.counters = {"periodic": 0, "aligned": 0, "sent idle": 0}
        self._changed = asyncio.Event()
        self._tasks = BackgroundTasks("OCPP meter sampler", log)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unsubscribe = [config.subscribe(key, self._interval_changed) for key in INTERVAL_KEYS]

    def _interval_changed(self, _value: object) -> None:
        # Configuration changes are stored (and listeners called) in a worker thread.
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._changed.set)

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._tasks.start(self._periodic(), name="ocpp-meter-periodic")
        self._tasks.start(self._aligned(), name="ocpp-meter-aligned")

    async def stop(self) -> None:
        await self._tasks.close()
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    # -- what one reading is ------------------------------------------------------------------------

    def _reading(self, number: int, key: str, context: str, at: datetime) -> dict[str, Any] | None:
        connector_id = self.connectors[number]
        try:
            view = self.station.manager.connector(connector_id)
        except KeyError:  # a connector of the ledger the manager does not run
            view = None
        if view is None or view.status is None or not view.available:
            return None
        measurands = self.config.get_list(key)
        if not measurands:
            return None
        return meter_value(view.status, measurands, context, at, phases=self.phases.get(number, 3))

    def _running_session(self, number: int) -> int | None:
        open_session = self.sessions.open_session(self.connectors[number])
        return open_session[0] if open_session and open_session[1] in RUNNING_STATES else None

    async def sample_transaction(
        self, number: int, context: str, data_key: str, stop_key: str, at: datetime
    ) -> bool:
        """Queues one reading of the connector's running transaction (and its transactionData part)."""
        session_id = self._running_session(number)
        if session_id is None:
            return False
        values = [v for v in [self._reading(number, data_key, context, at)] if v]
        stop_data = [v for v in [self._reading(number, stop_key, context, at)] if v]
        if not values and not stop_data:
            return False
        await asyncio.to_thread(
            enqueue_meter_values, self.engine, session_id, values, stop_transaction_data=stop_data
        )
        self.enqueued()
        return True

    def end_readings(self, connector_id: str) -> list[dict[str, Any]]:
        """The Transaction.End reading of StopTxnSampledData for a StopTransaction's transactionData
        (section 6.49); called by the session service when a session ends."""
        number = next((n for n, cid in self.connectors.items() if cid == connector_id), None)
        if number is None:
            return []
        reading = self._reading(number, "StopTxnSampledData", "Transaction.End", self.clock())
        return [reading] if reading else []

    async def trigger(self, connector: int | None) -> None:
        """TriggerMessage(MeterValues): the current reading now, context Trigger, sent directly."""
        numbers = sorted(self.connectors) if connector in (None, 0) else [connector]
        for number in numbers:
            reading = self._reading(number, "MeterValuesSampledData", "Trigger", self.clock())
            if reading is not None:
                await self._send_direct(number, reading)

    async def _send_direct(self, number: int, reading: dict[str, Any]) -> None:
        try:
            await self.send("MeterValues", {"connectorId": number, "meterValue": [reading]})
        except (CsmsCallError, TimeoutError, ConnectionError) as err:
            log.info("MeterValues for connector %s not sent: %s", number, err)

    # -- the loops -----------------------------------------------------------------------------------

    async def _sleep(self, seconds: float) -> None:
        """Sleeps, but wakes early when an interval key changes (its new value applies at once)."""
        self._changed.clear()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._changed.wait()

    async def _periodic(self) -> None:
        while True:
            interval = self.config.get_int("MeterValueSampleInterval")
            if interval <= 0:
                await self._sleep(3600)
                continue
            await self._sleep(interval)
            if self.config.get_int("MeterValueSampleInterval") != interval:
                continue  # changed while sleeping: start the new period from now
            at = self.clock()
            for number in sorted(self.connectors):
                try:
                    if await self.sample_transaction(
                        number, "Sample.Periodic", "MeterValuesSampledData", "StopTxnSampledData", at
                    ):
                        self.counters["periodic"] += 1
                except Exception:
                    log.exception("periodic meter sample of connector %s failed", number)

    def next_aligned(self, now: datetime, interval_s: int) -> datetime:
        """The next whole multiple of the interval after local midnight (section 9.1.2)."""
        local = now + timedelta(seconds=self.utc_offset_s)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        elapsed = (local - midnight).total_seconds()
        steps = int(elapsed // interval_s) + 1
        return midnight + timedelta(seconds=steps * interval_s) - timedelta(seconds=self.utc_offset_s)

    async def _aligned(self) -> None:
        while True:
            interval = self.config.get_int("ClockAlignedDataInterval")
            if interval <= 0:
                await self._sleep(3600)
                continue
            due = self.next_aligned(self.clock(), interval)
            await self._sleep(max(0.0, (due - self.clock()).total_seconds()))
            if self.clock() < due or self.config.get_int("ClockAlignedDataInterval") != interval:
                continue
            for number in sorted(self.connectors):
                try:
                    await self._aligned_reading(number, due)
                except Exception:
                    log.exception("clock-aligned reading of connector %s failed", number)

    async def _aligned_reading(self, number: int, at: datetime) -> None:
        if await self.sample_transaction(
            number, "Sample.Clock", "MeterValuesAlignedData", "StopTxnAlignedData", at
        ):
            self.counters["aligned"] += 1
            return
        reading = self._reading(number, "MeterValuesAlignedData", "Sample.Clock", at)
        if reading is not None and self.online():
            await self._send_direct(number, reading)
            self.counters["sent idle"] += 1
