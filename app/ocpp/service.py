"""The OCPP 1.6J charge point of the station: builds its parts, runs boot, heartbeat and the session bridge.

One identity with N connectors (OCPP connector ids are the ledger's), or, with a scope, one charger's
own identity (app/ocpp/identities.py). Start it after the station runtime (the ledger holds the
connectors and any recovered session). docs/ocpp.md describes the flow.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select

from app.analytics import Alarm
from app.background_tasks import BackgroundTasks
from app.config import OcppSettings, state_path
from app.db import Connector, read_only, session_factory
from app.ocpp.availability import SETTING as AVAILABILITY_SETTING
from app.ocpp.availability import Availability
from app.ocpp.charge_point_parts import ChargePointParts
from app.ocpp.charging_profiles import ProfileLimits
from app.ocpp.config_keys import SETTING_PREFIX, OcppConfiguration
from app.ocpp.connection import CsmsConnection, CsmsEndpoint
from app.ocpp.diagnostics import DiagnosticsUploader
from app.ocpp.driver_port import ChargePointsPort
from app.ocpp.errors import CsmsCallError, CsmsUnavailableError
from app.ocpp.firmware_update import FirmwareUpdater, Installer, JsonStateStore, UpdateLimits
from app.ocpp.handlers import OcppHandlers
from app.ocpp.identity_scope import IdentityScope
from app.ocpp.local_auth import AuthorizationCache, Authorizer, LocalAuthList
from app.ocpp.maintenance_alarms import data_transfer, send_alarm
from app.ocpp.meter_sampler import MeterSampler
from app.ocpp.profile_enforcer import ProfileEnforcer
from app.ocpp.reservations import RESERVATIONS_SETTING, Reservations
from app.ocpp.rpc import RpcChargePoint
from app.ocpp.secrets import AUTHORIZATION_KEY, SecretStore, SecretStoreError
from app.ocpp.smart_charging import SETTING_KEY as PROFILES_SETTING
from app.ocpp.smart_charging import ConnectorRating, SmartCharging
from app.ocpp.station_bridge import StationBridge
from app.ocpp.status_notifier import StatusNotifier
from app.ocpp.timestamps import parse_time
from app.ocpp.tx_queue import TransactionQueue
from app.runtime import StationClock, StationRuntime, StationRuntimeError
from app.sessions import OUTBOX_STREAM
from app.updates import Esp32Installer, PackageError, StationInstaller, load_public_key, running_version
from hal.board.flasher import EsptoolFlasher

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRY_BOOT_S = 30.0  # a BootNotification without an answer is sent again after this
INSTALL_POLL_S = 5.0  # how often a waiting firmware install looks again for running transactions


class _SecretKeys:
    """The configuration's write-only keys (AuthorizationKey) kept in the owner-only secret store."""

    def __init__(self, store: SecretStore, scope: IdentityScope | None = None) -> None:
        self.store = store
        self.scope = scope

    @staticmethod
    def station_name(key: str) -> str:
        return key.lower() if key != "AuthorizationKey" else AUTHORIZATION_KEY

    def name(self, key: str) -> str:
        base = self.station_name(key)
        return base if self.scope is None else self.scope.secret(base)

    def load(self, key: str) -> str | None:
        value = self.store.get(self.name(key))
        if value is None and self.scope is not None:
            # A charger's identity starts with the station's key until the CSMS gives it one of its own.
            value = self.store.get(self.station_name(key))
        return value

    def save(self, key: str, value: str) -> None:
        self.store.set(self.name(key), value)


class _UpdateClock:
    """The station clock (set from the CSMS, section 4.2) as the updaters' Clock: now() and sleep()."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class OcppService(ChargePointsPort):
    """Everything OCPP for one station runtime; `start()` connects, `stop()` disconnects.

    It assembles the charge point's parts (ChargePointParts) and hands them to the CSMS call handlers
    and the station bridge; as a CentralSystem (app/runtime/central_system_port.py) it is also the driver
    side's port."""

    bridge: StationBridge  # built last of the parts: it needs them all (see __init__)

    def __init__(
        self,
        runtime: StationRuntime,
        settings: OcppSettings,
        *,
        on_reset: Callable[[str], None],
        scope: IdentityScope | None = None,
    ) -> None:
        self.runtime = runtime
        self.settings = settings
        self.scope = scope
        self.identity = settings.identity if scope is None else scope.identity
        self.services = [self]  # as OcppIdentities: the charge points of the station
        self.station = runtime.station
        self.sessions = runtime.sessions
        self.engine = runtime.engine
        self.clock = runtime.clock
        self.on_reset = on_reset
        self.connectors, phases, ratings = self._connector_map()
        self.numbers = {cid: number for number, cid in self.connectors.items()}
        secrets_dir = state_path(settings.secrets_dir, "secrets")
        self.secrets = SecretStore(secrets_dir)
        self.secret_keys = _SecretKeys(self.secrets, scope)
        self.config = OcppConfiguration(
            self.engine,
            {"NumberOfConnectors": len(self.connectors), "SecurityProfile": settings.security_profile},
            secrets=self.secret_keys,
            security_profile_check=self._security_profile_possible,
            prefix=scope.config_prefix if scope is not None else SETTING_PREFIX,
        )
        self.local_list = LocalAuthList(self.engine, self.config)
        self.cache = AuthorizationCache(self.engine, self.config, self.local_list)
        self.authorizer = Authorizer(self.config, self.local_list, self.cache, self.send)
        self.accepted = asyncio.Event()
        self._unsent_alarms: dict[tuple[str, str], Alarm] = {}
        # The parts below call the station bridge back; it is built once they all exist (it needs
        # them), so each callback looks the bridge up when it is called.
        self.availability = Availability(
            self.engine,
            self.station.arbiter,
            self.connectors,
            lambda number: self.bridge.has_transaction(number),
            lambda: self.bridge.changed(),
            setting=self._setting(AVAILABILITY_SETTING),
        )
        self.reservations = Reservations(
            self.engine,
            self.config,
            lambda number: self.bridge.reservation_state(number),
            lambda _n: self.bridge.changed(),
            setting=self._setting(RESERVATIONS_SETTING),
        )
        self.smart = SmartCharging(
            self.engine,
            ratings,
            limits=lambda: ProfileLimits.from_keys(self.config.get_wire),
            nominal_voltage_V=settings.nominal_voltage_V,
            charge_point_max_mA=self._charge_point_max_mA(),
            clock=self.clock,
            setting=self._setting(PROFILES_SETTING),
        )
        # ChargePointMaxProfile caps the whole charge point (section 3.13.1): the site's limit for the
        # station's identity, the charger's connectors for a charger's own.
        self.enforcer = ProfileEnforcer(
            self.smart,
            self.station.arbiter,
            self.connectors,
            clock=self.clock,
            site=self.station.balancer if scope is None else None,
            share_charge_point_max=scope is not None,
        )
        self.tx_queue = TransactionQueue(
            self.engine,
            self.send,
            self.config.get_wire,
            self.clock,
            stream=OUTBOX_STREAM if scope is None else scope.stream,
            # The authorisation cache is a ledger write: off the event loop (awaited by the queue).
            on_id_tag_info=lambda tag, info: asyncio.to_thread(self.authorizer.record, tag, info),
            on_start_rejected=lambda session, status: self.bridge.start_rejected(session, status),
            on_transaction_id=lambda session, tx: self.bridge.transaction_id_assigned(session, tx),
            on_parked=lambda report: self.bridge.parked(report),
        )
        self.status = StatusNotifier(
            lambda *only: self.bridge.statuses(*only),
            self.send,
            minimum_duration_s=lambda: self.config.get_int("MinimumStatusDuration"),
            clock=self.clock,
        )
        self.sampler = MeterSampler(
            self.station,
            self.sessions,
            self.engine,
            self.config,
            self.connectors,
            phases=phases,
            send=self.send,
            online=lambda: self.accepted.is_set(),
            enqueued=self.tx_queue.wake,
            clock=self.clock,
            utc_offset_s=runtime.config.ledger.utc_offset_h * 3600,
        )
        # FirmwareManagement (docs/ocpp-firmware.md): built before the handler table, which offers
        # UpdateFirmware only when an updater exists.
        self._installs_station = False
        self.firmware: FirmwareUpdater | None = self._build_firmware()
        self.diagnostics: DiagnosticsUploader | None = self._build_diagnostics()
        parts = ChargePointParts(
            station=self.station,
            sessions=self.sessions,
            engine=self.engine,
            clock=self.clock,
            events=runtime.events,
            connectors=self.connectors,
            numbers=self.numbers,
            accepted=self.accepted,
            config=self.config,
            local_list=self.local_list,
            cache=self.cache,
            authorizer=self.authorizer,
            availability=self.availability,
            reservations=self.reservations,
            smart=self.smart,
            enforcer=self.enforcer,
            tx_queue=self.tx_queue,
            status=self.status,
            sampler=self.sampler,
            firmware=self.firmware,
            diagnostics=self.diagnostics,
            operator_unavailable=runtime.operator_availability.is_unavailable,
        )
        self.bridge = StationBridge(parts)
        self.handlers = OcppHandlers(parts, self.bridge, reset=self.reset, trigger=self.trigger)
        self.connection = CsmsConnection(
            self.endpoint,
            self._on_connected,
            ping_interval_s=lambda: float(self.config.get_int("WebSocketPingInterval")),
            response_timeout_s=settings.response_timeout_s,
            on_disconnected=self._on_disconnected,
            handlers=self.handlers.table(),
        )
        self.registration = "Unknown"  # Accepted / Pending / Rejected, as the last BootNotification said
        self.last_heartbeat_at: float | None = None
        self._tasks = BackgroundTasks("OCPP service", log)
        self._unsubscribe: list[Callable[[], None]] = []
        self._stopped = False
        self._firmware_resumed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        if settings.url:
            # Refuse to start with credentials that cannot work (a missing key, a client key readable
            # by others): a clear error now instead of a station that retries for ever.
            self.endpoint().check()

    # -- set-up ----------------------------------------------------------------------------------------

    def _setting(self, base: str) -> str:
        return base if self.scope is None else self.scope.setting(base)

    def _charge_point_max_mA(self) -> int:
        if self.scope is None:
            return min(self.runtime.config.site.limit_mA)
        return next(c.max_current_mA for c in self.runtime.config.chargers if c.id == self.scope.charger_id)

    def point_for(self, connector_id: str) -> tuple[OcppService, int] | None:
        """As OcppIdentities.point_for: this charge point and the connector's number, if it serves it."""
        number = self.numbers.get(connector_id)
        return None if number is None else (self, number)

    def _connector_map(self) -> tuple[dict[int, str], dict[int, int], dict[int, ConnectorRating]]:
        with session_factory(read_only(self.engine))() as db:
            if self.scope is None:
                rows = db.execute(select(Connector.name, Connector.ocpp_connector_id)).all()
            else:  # a charger's own identity numbers its connectors from 1 (section 3.6)
                rows = db.execute(
                    select(Connector.name, Connector.connector_no).where(
                        Connector.charger_id == self.scope.charger_id
                    )
                ).all()
        known = self.station.manager.connectors()
        connectors = {number: name for name, number in rows if name in known}
        chargers = {c.id: c for c in self.runtime.config.chargers}
        phases = {n: chargers[known[cid].charger_id].phases for n, cid in connectors.items()}
        ratings = {n: ConnectorRating(phases[n], chargers[known[cid].charger_id].max_current_mA)
                   for n, cid in connectors.items()}  # fmt: skip
        return connectors, phases, ratings

    def _build_firmware(self) -> FirmwareUpdater | None:
        """UpdateFirmware's updater with an installer per configured target; None without a vendor key."""
        fw = self.settings.firmware
        if not fw.vendor_public_key:
            return None
        try:
            public_key = load_public_key(Path(fw.vendor_public_key))
        except (OSError, PackageError) as err:  # refuse to start: every update would fail unchecked
            raise StationRuntimeError(f"ocpp.firmware.vendor_public_key: {err}") from err
        installers: dict[str, Installer] = {}
        scope = self.scope
        # The station's software is installed through the station's identity, or the first charger's.
        if fw.release_root and (scope is None or scope.primary):
            installers["station"] = StationInstaller(Path(fw.release_root))
            self._installs_station = True
        state_dir = state_path(fw.state_dir, "firmware")
        ports = list(fw.esp32_ports)
        if scope is not None:  # a charger's identity flashes that charger's ESP32 only (esp32_ports[i])
            state_dir = state_dir / scope.charger_id
            ports = ports[scope.index : scope.index + 1]
        if ports:
            esptool = [fw.esptool] if fw.esptool else None
            flashers = [
                EsptoolFlasher(port, chip=fw.esp32_chip, baud=fw.esp32_baud, esptool=esptool)
                for port in ports
            ]
            installers["esp32"] = Esp32Installer(flashers, state_dir / "esp32")
        return FirmwareUpdater(
            lambda status: self._notify_status("FirmwareStatusNotification", status),
            installers,
            _UpdateClock(self.clock),
            JsonStateStore(state_dir / "firmware-update.json"),
            public_key=public_key,
            work_dir=state_dir / "downloads",  # removed after each update: a directory of its own
            limits=UpdateLimits(
                max_package_bytes=fw.max_package_MB * 1024 * 1024, timeout_s=fw.transfer_timeout_s
            ),
            before_install=self._no_transaction_running,
            restart=self._restart_for_update,
        )

    def _build_diagnostics(self) -> DiagnosticsUploader:
        diag = self.settings.diagnostics
        work_dir = state_path(diag.work_dir, "diagnostics")
        if self.scope is not None:
            work_dir = work_dir / self.scope.charger_id
        return DiagnosticsUploader(
            lambda status: self._notify_status("DiagnosticsStatusNotification", status),
            _UpdateClock(self.clock),
            identity=self.identity,
            work_dir=work_dir / "upload",  # removed after each upload: a directory of its own
            engine=self.engine,
            log_dir=Path(diag.log_dir) if diag.log_dir else None,
            configuration=self._diagnostics_configuration,
            http_method=diag.upload_method,
            timeout_s=diag.transfer_timeout_s,
            max_log_bytes=diag.max_log_MB * 1024 * 1024,
        )

    def _diagnostics_configuration(self) -> dict[str, Any]:
        # The uploader redacts passwords, keys and tokens; write-only OCPP keys are never listed here.
        keys, _ = self.config.get_configuration()
        ocpp_keys = {k["key"]: k.get("value") for k in keys}  # by name, so a secret-looking name is redacted
        return {"station": dataclasses.asdict(self.runtime.config), "ocpp_keys": ocpp_keys}

    async def _notify_status(self, action: str, status: str) -> None:
        if action == "FirmwareStatusNotification":
            self.runtime.events.update_status("software/firmware", status)
        await self.send(action, {"status": status})

    async def _no_transaction_running(self) -> None:
        """Holds an install until no connector has a transaction (OCPP 1.6 section 5.19 leaves the moment
        to the charge point; flashing or restarting under a running session would cut it)."""
        while any(self.bridge.has_transaction(number) for number in self.connectors) or (
            # A station package restarts every charger's charge point: none may have a session then.
            self._installs_station
            and any(self.sessions.open_session(c) is not None for c in self.station.manager.connectors())
        ):
            await asyncio.sleep(INSTALL_POLL_S)

    async def _restart_for_update(self) -> None:
        """A station release was switched: end the runtime as a reset does, so systemd starts the new one.

        Sessions started after the install began are stopped (reason Reboot) and reported first."""
        await self.bridge.stop_all("Reboot")
        await self.tx_queue_drained(10.0)
        self.on_reset("Firmware")

    def endpoint(self, profile: int | None = None) -> CsmsEndpoint:
        """Where and how to connect with the SecurityProfile in force (or with `profile`)."""
        s = self.settings
        profile = self.config.get_int("SecurityProfile") if profile is None else profile
        return CsmsEndpoint(
            # Profiles 2 and 3 are TLS (Security Whitepaper): their own wss:// URL when one is set.
            url=s.tls_url if profile >= 2 and s.tls_url else s.url,
            identity=self.identity,
            security_profile=profile,
            password=self.secret_keys.load("AuthorizationKey"),
            ca_file=Path(s.ca_file) if s.ca_file else None,
            client_cert=Path(s.client_cert) if s.client_cert else None,
            client_key=Path(s.client_key) if s.client_key else None,
        )

    def _security_profile_possible(self, profile: int) -> bool:
        """Whether this station has what `profile` needs (URL scheme, key, certificates); a raise by
        ChangeConfiguration is refused otherwise, so that it never locks the station out."""
        try:
            self.endpoint(profile).check()
        except (ValueError, OSError, SecretStoreError) as error:
            log.info("SecurityProfile %d not possible here: %s", profile, error)
            return False
        return True

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self.tx_queue.start()
        self.status.start()
        self.sampler.start()
        self._tasks.start(self.enforcer.run(), name="ocpp-profiles")
        self._tasks.start(self.bridge.run_reservation_expiry(), name="ocpp-reservations")
        self._unsubscribe += [
            self.station.manager.subscribe(self.bridge.on_station_event),
            self.sessions.subscribe(self.bridge.on_session_change),
            self.runtime.operator_availability.subscribe(lambda c: self.bridge.changed_at((c,))),
            self.config.subscribe("SecurityProfile", lambda _v: self._reconnect_soon()),
            self.config.subscribe("AuthorizationKey", lambda _v: self._reconnect_soon()),
            self.config.subscribe("WebSocketPingInterval", self._ping_interval_changed),
        ]
        if self.scope is None:  # OcppIdentities routes the end readings of its chargers' sessions
            self.sessions.end_readings = self.sampler.end_readings
        self.bridge.resume_transactions()
        if self.settings.url:
            self.connection.start()

    async def stop(self) -> None:
        if self._stopped:  # a reset stops the service, then the runtime's shutdown stops it again
            return
        self._stopped = True
        if self.scope is None:
            self.sessions.end_readings = None
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        await self.connection.stop()
        await self._tasks.close()
        # Side tasks of the bridge (start readings, profile clean-up, stops) end with the service.
        await self.bridge.close()
        await self.sampler.stop()
        await self.status.stop()
        await self.tx_queue.close()
        for part in (self.firmware, self.diagnostics):
            if part is not None:
                await part.close()

    def _ping_interval_changed(self, _value: object) -> None:
        self.connection.ping_interval_changed()  # section 9.1: applies to the running link at once

    def _reconnect_soon(self) -> None:
        # After the answer to ChangeConfiguration is sent: the new credentials apply to the next link.
        # Called from the thread that stored the change (run_blocking), hence call_soon_threadsafe.
        loop = self._loop
        if loop is None or loop.is_closed():
            return

        def later() -> None:
            loop.call_later(1.0, lambda: self._tasks.start(self.connection.reconnect(), name="reconnect"))

        loop.call_soon_threadsafe(later)

    async def run_blocking(self, function: Callable[..., T], *args: Any) -> T:
        """A ledger write off the event loop (charger links and screens never wait for a disk)."""
        return await asyncio.to_thread(function, *args)

    # -- sending ---------------------------------------------------------------------------------------

    def _charge_point(self, action: str) -> RpcChargePoint:
        cp = self.connection.charge_point
        if cp is None:
            raise CsmsUnavailableError(f"{action}: no connection to the central system")
        if not self.accepted.is_set() and action != "BootNotification":
            # Section 4.2: nothing but BootNotification before it is accepted.
            raise CsmsUnavailableError(f"{action}: not registered (BootNotification {self.registration})")
        return cp

    async def send(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        return await self._charge_point(action).send_call(action, payload)

    def send_maintenance_alarm(self, alarm: Alarm) -> bool:
        """Sends a raised or cleared maintenance alarm as DataTransfer (app/ocpp/maintenance_alarms.py).
        While the charge point is not registered it keeps the alarm's latest state and sends it once
        registered again (False then); the ledger keeps every alarm either way."""
        if not self.accepted.is_set():
            log.info("maintenance alarm %s on %s sent once registered", alarm.kind, alarm.subject)
            # One entry per alarm (its latest state): bounded by the kinds times the connectors.
            self._unsent_alarms[(alarm.kind, alarm.subject)] = alarm
            return False
        payload = data_transfer(alarm, self.settings.vendor)
        self._tasks.start(send_alarm(self.send, payload), name="ocpp-maintenance-alarm")
        return True

    # -- registration and heartbeat (sections 4.2, 4.6) ------------------------------------------------

    def _boot_payload(self) -> dict[str, Any]:
        """BootNotification's fields (section 4.2); reads the installed release, so run it in a worker."""
        s = self.settings
        payload = {"chargePointVendor": s.vendor[:20], "chargePointModel": s.model[:20]}
        if s.serial_number:
            serial = s.serial_number if self.scope is None else f"{s.serial_number}-{self.scope.charger_id}"
            payload["chargePointSerialNumber"] = serial[:25]
        payload["firmwareVersion"] = running_version(self.settings.firmware.release_root)[:50]
        return payload

    async def _on_connected(self, cp: RpcChargePoint) -> None:
        while True:
            try:
                conf = await cp.send_call("BootNotification", await asyncio.to_thread(self._boot_payload))
            except (CsmsCallError, TimeoutError) as err:
                log.warning("BootNotification not answered: %s", err)
                await asyncio.sleep(RETRY_BOOT_S)
                continue
            self.registration = conf["status"]
            self._align_clock(conf.get("currentTime"))
            interval = int(conf.get("interval", 0))
            if self.registration == "Accepted":
                if interval > 0:
                    await self.run_blocking(self.config.change, "HeartbeatInterval", str(interval), "csms")
                break
            # Pending or Rejected: ask again after the interval (section 4.2); 0 means "choose".
            await asyncio.sleep(interval if interval > 0 else 60)
        self.accepted.set()
        self.status.connection_up()
        self.tx_queue.connection_up()
        unsent, self._unsent_alarms = self._unsent_alarms, {}
        for alarm in unsent.values():
            self.send_maintenance_alarm(alarm)
        if self.firmware is not None and not self._firmware_resumed:
            self._firmware_resumed = True
            await self.firmware.resume()
        await self._heartbeat()

    async def _heartbeat(self) -> None:
        while True:
            interval = self.config.get_int("HeartbeatInterval")
            await asyncio.sleep(interval if interval > 0 else 300)
            with contextlib.suppress(CsmsCallError, TimeoutError, ConnectionError):
                conf = await self.send("Heartbeat", {})
                self.last_heartbeat_at = time.monotonic()
                self._align_clock(conf.get("currentTime"))

    def _align_clock(self, text: str | None) -> None:
        # Only the station's own clock follows the central system (a test's fixed clock stays fixed).
        if text and isinstance(self.clock, StationClock):
            with contextlib.suppress(ValueError):
                self.clock.align(parse_time(text))

    def _on_disconnected(self) -> None:
        self.accepted.clear()
        self.registration = "Unknown"
        self.status.connection_down()
        self.tx_queue.connection_down()

    # -- commands that span the station and the link ------------------------------------------------

    async def reset(self, kind: str) -> None:
        """Section 5.12: stop every transaction with reason SoftReset/HardReset, then restart."""
        await self.bridge.stop_all(f"{kind}Reset")
        await self.tx_queue_drained(10.0)
        self.on_reset(kind)

    async def tx_queue_drained(self, timeout_s: float) -> None:
        """Waits (bounded) until the queued transaction messages are delivered, e.g. before a reset."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and await self.run_blocking(self.tx_queue.pending_count) > 0:
            await asyncio.sleep(0.2)

    async def trigger(self, requested: str, connector: int | None) -> None:
        if requested == "BootNotification":
            conf = await self.send("BootNotification", await asyncio.to_thread(self._boot_payload))
            self._align_clock(conf.get("currentTime"))
        elif requested == "Heartbeat":
            conf = await self.send("Heartbeat", {})
            self._align_clock(conf.get("currentTime"))
        elif requested == "StatusNotification":
            await self.status.trigger(connector)
        elif requested == "MeterValues":
            await self.sampler.trigger(connector)
        elif requested == "FirmwareStatusNotification":
            status = self.firmware.status if self.firmware is not None else "Idle"
            await self.send("FirmwareStatusNotification", {"status": status})
        elif requested == "DiagnosticsStatusNotification":
            status = self.diagnostics.status if self.diagnostics is not None else "Idle"
            await self.send("DiagnosticsStatusNotification", {"status": status})
