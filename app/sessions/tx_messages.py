"""The "ocpp" outbox stream's messages: session rows -> outbox payloads -> OCPP 1.6 transaction requests.

The outbox holds what the ledger knows when the fact is committed (the local transaction reference,
the connector, the meter, the time); the CSMS's transactionId is not known then for a transaction
started offline, so it is looked up when the message is sent and filled in here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.db import ChargingSession

KIND_STARTED = "session_started"
KIND_METER_VALUES = "meter_values"
KIND_ENDED = "session_ended"
KINDS = (KIND_STARTED, KIND_METER_VALUES, KIND_ENDED)

MeterValue = dict[str, Any]  # one OCPP 1.6 MeterValue (section 7.33): {"timestamp", "sampledValue": [...]}


@dataclass(frozen=True)
class OcppRequest:
    """One OCPP call: the action name and its payload as OCPP JSON."""

    action: str
    payload: dict[str, Any]


class UnknownMessageError(ValueError):
    """An outbox message of a kind this code does not send (written by a newer version?)."""


class NoTransactionIdError(LookupError):
    """The message needs the CSMS's transactionId and the session has none: its StartTransaction was
    never confirmed (parked)."""


def ocpp_timestamp(value: datetime | str) -> str:
    """An aware time (or its ISO text) as OCPP's UTC date-time with milliseconds: 2026-03-01T08:00:00.000Z.

    The same stored value always gives the same text, so a resent message is byte-for-byte the first.
    """
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        raise ValueError(f"naive timestamp {value!r} in an OCPP message")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# -- session rows -> outbox payloads (written in the ledger transaction of the fact) --------------------


def started_payload(
    row: ChargingSession, ocpp_connector_id: int, reservation_id: int | None
) -> dict[str, Any]:
    """What StartTransaction.req needs (OCPP 1.6 section 6.46), plus the ledger's ids."""
    assert row.started_at is not None and row.meter_start_Wh is not None
    payload: dict[str, Any] = {
        "session_id": row.id,
        "transaction_ref": row.transaction_ref,
        "ocpp_connector_id": ocpp_connector_id,
        "id_tag": row.id_tag,
        "meter_start_Wh": row.meter_start_Wh,
        "timestamp": row.started_at.isoformat(),
    }
    if reservation_id is not None:
        payload["reservation_id"] = reservation_id
    return payload


def meter_values_payload(
    row: ChargingSession, ocpp_connector_id: int, meter_values: Sequence[MeterValue]
) -> dict[str, Any]:
    """A transaction's MeterValues.req (OCPP 1.6 section 6.32) without its transactionId."""
    return {
        "session_id": row.id,
        "transaction_ref": row.transaction_ref,
        "ocpp_connector_id": ocpp_connector_id,
        "meter_value": list(meter_values),
    }


def ended_payload(
    row: ChargingSession, ocpp_connector_id: int, transaction_data: Sequence[MeterValue] = ()
) -> dict[str, Any]:
    """What StopTransaction.req needs (OCPP 1.6 section 6.49), plus the ledger's ids and the cost."""
    payload: dict[str, Any] = {
        "session_id": row.id,
        "transaction_ref": row.transaction_ref,
        "ocpp_connector_id": ocpp_connector_id,
        "csms_transaction_id": row.csms_transaction_id,
        "id_tag": row.id_tag,
        "meter_start_Wh": row.meter_start_Wh,
        "meter_stop_Wh": row.meter_stop_Wh,
        "timestamp": (row.stopped_at or row.ended_at or row.updated_at).isoformat(),
        "reason": row.stop_reason,
        "total_minor": row.cost_total_minor,
        "currency": row.currency,
    }
    if transaction_data:
        payload["transaction_data"] = list(transaction_data)
    return payload


# -- outbox payloads -> OCPP requests (at send time) ------------------------------------------------------


def session_id_of(payload: dict[str, Any]) -> int | None:
    value = payload.get("session_id")
    return int(value) if value is not None else None


def needs_transaction_id(kind: str, payload: dict[str, Any]) -> bool:
    """MeterValues and StopTransaction of a transaction carry the CSMS's transactionId."""
    return kind == KIND_METER_VALUES or (kind == KIND_ENDED and payload.get("meter_start_Wh") is not None)


def to_request(kind: str, payload: dict[str, Any], transaction_id: int | None) -> OcppRequest | None:
    """The OCPP call for an outbox message; None when there is nothing to send (a session that never
    started charging had no StartTransaction, so it has no StopTransaction either)."""
    if kind == KIND_STARTED:
        return OcppRequest("StartTransaction", start_transaction(payload))
    if kind == KIND_ENDED and payload.get("meter_start_Wh") is None:
        return None
    if kind not in KINDS:
        raise UnknownMessageError(f"outbox message kind {kind!r} is not an OCPP transaction message")
    if transaction_id is None:
        session = payload.get("session_id")
        raise NoTransactionIdError(f"session {session} has no transactionId: StartTransaction not confirmed")
    if kind == KIND_METER_VALUES:
        return OcppRequest("MeterValues", meter_values(payload, transaction_id))
    return OcppRequest("StopTransaction", stop_transaction(payload, transaction_id))


def start_transaction(payload: dict[str, Any]) -> dict[str, Any]:
    """StartTransaction.req (OCPP 1.6 section 6.46)."""
    request: dict[str, Any] = {
        "connectorId": int(payload["ocpp_connector_id"]),
        "idTag": str(payload["id_tag"]),
        "meterStart": int(payload["meter_start_Wh"]),
        "timestamp": ocpp_timestamp(payload["timestamp"]),
    }
    if payload.get("reservation_id") is not None:
        request["reservationId"] = int(payload["reservation_id"])
    return request


def meter_values(payload: dict[str, Any], transaction_id: int) -> dict[str, Any]:
    """MeterValues.req of a transaction (OCPP 1.6 section 6.32)."""
    return {
        "connectorId": int(payload["ocpp_connector_id"]),
        "transactionId": transaction_id,
        "meterValue": list(payload["meter_value"]),
    }


def stop_transaction(payload: dict[str, Any], transaction_id: int) -> dict[str, Any]:
    """StopTransaction.req (OCPP 1.6 section 6.49) with transactionData when the session collected any."""
    request: dict[str, Any] = {
        "transactionId": transaction_id,
        "meterStop": int(payload["meter_stop_Wh"]),
        "timestamp": ocpp_timestamp(payload["timestamp"]),
    }
    reason = payload.get("reason")
    if reason:
        request["reason"] = reason
    # idTag is "the identifier which requested to stop" (section 6.49): known only for a stop at the
    # station by the driver (Local), who holds the tag that started it; omitted for Remote, EV side...
    if reason == "Local" and payload.get("id_tag"):
        request["idTag"] = payload["id_tag"]
    if payload.get("transaction_data"):
        request["transactionData"] = list(payload["transaction_data"])
    return request
