"""The charge point's answers to every CSMS-initiated OCPP 1.6 call, by profile (sections 5.1-5.19).

Each handler takes the request payload (wire names, already checked against the schema) and returns
the answer and, where the request asks for work, a follow-up that runs after the answer is sent
(OCPP-J: an answer must not wait for another call to the CSMS on the same connection).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from app.ocpp.rpc import Handler, HandlerResult, RpcError
from app.ocpp.timestamps import parse_time

if TYPE_CHECKING:
    from app.ocpp.charge_point_parts import ChargePointParts
    from app.ocpp.station_bridge import StationBridge

__all__ = ["TRIGGERABLE", "OcppHandlers", "parse_time"]  # parse_time: app/ocpp/timestamps.py

log = logging.getLogger(__name__)

TRIGGERABLE = (
    "BootNotification",
    "DiagnosticsStatusNotification",
    "FirmwareStatusNotification",
    "Heartbeat",
    "MeterValues",
    "StatusNotification",
)


def _answer(status: str, **extra: Any) -> HandlerResult:
    return {"status": status, **extra}, None


class OcppHandlers:
    """Binds the charge point's parts to the OCPP actions; `table()` is what the RPC layer dispatches on.

    `reset` and `trigger` are the service's: they span the station and the link (sections 5.12, 5.17)."""

    def __init__(
        self,
        parts: ChargePointParts,
        bridge: StationBridge,
        *,
        reset: Callable[[str], Awaitable[None]],
        trigger: Callable[[str, int | None], Awaitable[None]],
    ) -> None:
        self.parts = parts
        self.bridge = bridge
        self._reset = reset
        self._trigger = trigger

    def table(self) -> dict[str, Handler]:
        parts = self.parts
        table: dict[str, Handler] = {
            "ChangeAvailability": self.change_availability,
            "ChangeConfiguration": self.change_configuration,
            "ClearCache": self.clear_cache,
            "DataTransfer": self.data_transfer,
            "GetConfiguration": self.get_configuration,
            "RemoteStartTransaction": self.remote_start,
            "RemoteStopTransaction": self.remote_stop,
            "Reset": self.reset,
            "UnlockConnector": self.unlock_connector,
            "SendLocalList": self.send_local_list,
            "GetLocalListVersion": self.get_local_list_version,
            "ReserveNow": self.reserve_now,
            "CancelReservation": self.cancel_reservation,
            "SetChargingProfile": self.set_charging_profile,
            "ClearChargingProfile": self.clear_charging_profile,
            "GetCompositeSchedule": self.get_composite_schedule,
            "TriggerMessage": self.trigger_message,
        }
        if parts.firmware is not None:
            table["UpdateFirmware"] = self.update_firmware
        if parts.diagnostics is not None:
            table["GetDiagnostics"] = self.get_diagnostics
        return table

    # -- Core ------------------------------------------------------------------------------------

    async def change_availability(self, p: dict[str, Any]) -> HandlerResult:
        return _answer(await asyncio.to_thread(self.parts.availability.change, p["connectorId"], p["type"]))

    async def change_configuration(self, p: dict[str, Any]) -> HandlerResult:
        status = await asyncio.to_thread(self.parts.config.change, p["key"], p["value"], "csms")
        return _answer(str(status))

    async def clear_cache(self, _p: dict[str, Any]) -> HandlerResult:
        return _answer(str(await asyncio.to_thread(self.parts.cache.clear)))

    async def data_transfer(self, p: dict[str, Any]) -> HandlerResult:
        # No vendor extension is implemented: section 5.6 answers UnknownVendorId for those.
        log.info("DataTransfer from vendor %s ignored", p.get("vendorId"))
        return _answer("UnknownVendorId")

    async def get_configuration(self, p: dict[str, Any]) -> HandlerResult:
        known, unknown = self.parts.config.get_configuration(p.get("key"))
        answer: dict[str, Any] = {"configurationKey": known}
        if unknown:
            answer["unknownKey"] = unknown
        return answer, None

    async def remote_start(self, p: dict[str, Any]) -> HandlerResult:
        parts = self.parts
        number = p.get("connectorId") or self.bridge.free_connector(p["idTag"])
        if number is None or not self.bridge.may_start(number):
            where = parts.connectors.get(number) if number is not None else None
            parts.events.session_refused(where, p["idTag"], "remote start: connector not available")
            return _answer("Rejected")
        profile = p.get("chargingProfile")
        if profile is not None and profile.get("chargingProfilePurpose") != "TxProfile":
            return _answer("Rejected")  # section 5.11: only a TxProfile may come with a remote start

        async def start() -> None:
            await self.bridge.remote_start(number, p["idTag"], profile)

        return {"status": "Accepted"}, start

    async def remote_stop(self, p: dict[str, Any]) -> HandlerResult:
        parts = self.parts
        connector_id = await asyncio.to_thread(self.bridge.connector_of_transaction, p["transactionId"])
        if connector_id is None:
            return _answer("Rejected")

        async def stop() -> None:
            await parts.sessions.stop(connector_id, "Remote")

        return {"status": "Accepted"}, stop

    async def reset(self, p: dict[str, Any]) -> HandlerResult:
        kind = p["type"]

        async def reset() -> None:
            await self._reset(kind)

        return {"status": "Accepted"}, reset

    async def unlock_connector(self, p: dict[str, Any]) -> HandlerResult:
        return _answer(await self.bridge.unlock(p["connectorId"]))

    # -- LocalAuthListManagement -------------------------------------------------------------------

    async def send_local_list(self, p: dict[str, Any]) -> HandlerResult:
        status = await asyncio.to_thread(
            self.parts.local_list.send_local_list,
            p["listVersion"],
            p["updateType"],
            p.get("localAuthorizationList"),
        )
        return _answer(str(status))

    async def get_local_list_version(self, _p: dict[str, Any]) -> HandlerResult:
        return {"listVersion": await asyncio.to_thread(self.parts.local_list.version)}, None

    # -- Reservation ---------------------------------------------------------------------------------

    async def reserve_now(self, p: dict[str, Any]) -> HandlerResult:
        status = await asyncio.to_thread(
            self.parts.reservations.reserve_now,
            p["connectorId"],
            p["expiryDate"],
            p["idTag"],
            p["reservationId"],
            p.get("parentIdTag"),
        )
        return _answer(str(status))

    async def cancel_reservation(self, p: dict[str, Any]) -> HandlerResult:
        return _answer(await asyncio.to_thread(self.parts.reservations.cancel, p["reservationId"]))

    # -- SmartCharging --------------------------------------------------------------------------------

    async def set_charging_profile(self, p: dict[str, Any]) -> HandlerResult:
        parts = self.parts
        number = p["connectorId"]
        active = await asyncio.to_thread(self.bridge.transaction_on, number) if number else None
        status = await asyncio.to_thread(parts.smart.set_profile, number, p["csChargingProfiles"], active)
        if status != "Accepted" and parts.smart.last_refusal is not None:
            log.info("SetChargingProfile refused: %s", parts.smart.last_refusal)
        return _answer(status)

    async def clear_charging_profile(self, p: dict[str, Any]) -> HandlerResult:
        status = await asyncio.to_thread(
            self.parts.smart.clear,
            p.get("id"),
            p.get("connectorId"),
            p.get("chargingProfilePurpose"),
            p.get("stackLevel"),
        )
        return _answer(status)

    async def get_composite_schedule(self, p: dict[str, Any]) -> HandlerResult:
        parts = self.parts
        number = p["connectorId"]
        tx = await asyncio.to_thread(self.bridge.transaction_on, number) if number else None
        tx_start = self.bridge.transaction_start(number) if number else None
        schedule = parts.smart.composite_schedule(
            number, p["duration"], p.get("chargingRateUnit"), parts.clock(), tx_start=tx_start, tx_id=tx
        )
        if schedule is None:
            return _answer("Rejected")
        start = schedule.get("startSchedule") or parts.clock().isoformat()
        return _answer("Accepted", connectorId=number, scheduleStart=start, chargingSchedule=schedule)

    # -- RemoteTrigger --------------------------------------------------------------------------------

    async def trigger_message(self, p: dict[str, Any]) -> HandlerResult:
        requested = p["requestedMessage"]
        connector = p.get("connectorId")
        if requested not in TRIGGERABLE:
            return _answer("NotImplemented")
        if connector is not None and connector != 0 and connector not in self.parts.connectors:
            return _answer("Rejected")

        async def send() -> None:
            await self._trigger(requested, connector)

        return {"status": "Accepted"}, send

    # -- FirmwareManagement ---------------------------------------------------------------------------

    async def update_firmware(self, p: dict[str, Any]) -> HandlerResult:
        assert self.parts.firmware is not None
        try:
            self.parts.firmware.update_firmware(p)
        except ValueError as err:
            raise RpcError("PropertyConstraintViolation", f"UpdateFirmware: {err}") from err
        return {}, None

    async def get_diagnostics(self, p: dict[str, Any]) -> HandlerResult:
        assert self.parts.diagnostics is not None
        try:
            name = self.parts.diagnostics.get_diagnostics(p)
        except ValueError as err:
            raise RpcError("PropertyConstraintViolation", f"GetDiagnostics: {err}") from err
        return ({"fileName": name} if name else {}), None
