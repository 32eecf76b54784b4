"""What the driver kiosk sees of the station: connector cards, card outcomes, summaries and events.

Frozen dataclasses, and how the facade (app/driver/facade.py) builds them from the charger manager's
views and the ledger; no Qt. The meaning of every field and event: docs/driver-flow.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from sqlalchemy import Engine, select

from app.chargers import ConnectorView
from app.config import NOMINAL_VOLTAGE_V
from app.db import ChargingSession, Connector, read_only, session_factory
from app.driver.payment_views import PaidSession, PaymentLimit, PaymentUpdate
from app.money import format_money
from app.sessions import (
    ENDED,
    Condition,
    connector_condition,
    session_cost,
    worst_fault,
)
from app.tariffs import display as tariff_display
from app.tariffs import tariff_from_dict, text
from hal.wire.messages import FaultBit, StatusFlag

CONNECTOR_STATES = (
    "available",
    "preparing",
    "charging",
    "suspended_ev",
    "suspended_evse",
    "finishing",
    "reserved",
    "unavailable",
    "faulted",
    "offline",
)
# CardOutcome.kind and .reason values.
# "captured": the card went to the admin mode's PIN pad, not the driver flow (DriverFacade.capture_cards).
OUTCOME_KINDS = ("authorised", "stopped", "refused", "busy", "error", "captured")
REFUSAL_REASONS = ("unknown", "blocked", "expired", "invalid", "concurrent")
# ReaderProblem.message_key values ("reader_restored" clears a shown reader problem).
READER_PROBLEMS = ("reader_unplugged", "card_removed_early", "read_failed", "reader_restored")


@dataclass(frozen=True)
class ConnectorCard:
    """One connector as the driver sees it, at one instant."""

    connector_id: str  # station id "SIM-00/1"
    number: int  # 1-based number painted on the charger (the OCPP connector id)
    label: str  # what the screen writes on the connector's tile
    state: str  # one of CONNECTOR_STATES
    fault: str | None  # a short fault key for the fault screen ("ground_fault", "link_lost", ...)
    session_id: int | None
    vehicle_present: bool
    power_W: int  # now (0 when idle)
    energy_Wh: int  # this session's energy so far (0 without a started session)
    elapsed_s: int  # since the session started charging (0 without a started session)
    cost_minor: int | None  # cost so far of this session, currency minor units
    currency: str
    limited_by_site: bool  # the load balancer (or a charging profile) offers less than the car could take
    max_power_W: int  # what this connector can deliver at most


@dataclass(frozen=True)
class LiveConnector:
    """A connector for the live feed (app/live): the driver's card and what the web shows beyond it."""

    card: ConnectorCard
    charger_id: str
    link_state: str  # the charger's link: connecting, online, degraded, offline, faulty
    current_mA: tuple[int, int, int]  # measured per charger phase L1..L3 now (zeros while offline)


@dataclass(frozen=True)
class CardOutcome:
    """What tapping a card did."""

    kind: str  # one of OUTCOME_KINDS
    id_tag: str
    # refused: one of REFUSAL_REASONS; busy: "no_connector"; error: "reader" | "offline" | "station"
    reason: str | None = None
    ready_connectors: tuple[str, ...] = ()  # authorised: connectors a session may start on
    session_id: int | None = None  # stopped: the session that was stopped


@dataclass(frozen=True)
class SessionSummary:
    """An ended session as the summary screen shows it; the amounts are the ledger's."""

    session_id: int
    connector_id: str
    energy_Wh: int  # the billed energy: what the cost lines price
    duration_s: int
    cost_lines: tuple[str, ...]  # in the requested language (app/tariffs/display.cost_lines)
    total_minor: int
    currency: str
    stop_reason: str  # the OCPP 1.6 stop reason (section 7.39): Local, EVDisconnected, Remote, ...
    connector_label: str = ""  # the number painted on the charger, as on the connector's card
    reference: str = ""  # what a driver quotes about this session: the station ID and the session number
    payment: PaidSession | None = None  # how it was paid (None: an RFID card, billed by the operator)


@dataclass(frozen=True)
class RunningCost:
    """A running session's cost so far: the energy and the lines come from one reading, so the big
    energy figure and the billed line never disagree."""

    energy_Wh: int
    lines: tuple[str, ...]  # the last line is the running total (app/tariffs/display.cost_lines)
    total_minor: int
    # With an idle fee in the tariff: the free idle time left (0 once the fee runs); None without one.
    idle_free_left_s: int | None = None


class DriverEventKind(StrEnum):
    """DriverEvent.kind: which event it is (faces match on the event's class; logs print the kind)."""

    CONNECTORS_CHANGED = "connectors_changed"
    CARD_TAPPED = "card_tapped"
    SESSION_ENDED = "session_ended"
    READER_PROBLEM = "reader_problem"
    PAYMENT_UPDATE = "payment_update"  # app/driver/payment_views.PaymentUpdate
    PAYMENT_LIMIT = "payment_limit"  # app/driver/payment_views.PaymentLimit


@dataclass(frozen=True)
class ConnectorsChanged:
    """Some connector's card may differ from the last one seen (throttled to at most 10 per second)."""

    kind: Literal[DriverEventKind.CONNECTORS_CHANGED] = DriverEventKind.CONNECTORS_CHANGED


@dataclass(frozen=True)
class CardTapped:
    """A card was presented (on the reader or by present_card) and the facade has decided."""

    outcome: CardOutcome
    kind: Literal[DriverEventKind.CARD_TAPPED] = DriverEventKind.CARD_TAPPED


@dataclass(frozen=True)
class SessionEnded:
    """A session ended (stop, unplug, fault, remote, timeout); the summary is in the default language."""

    summary: SessionSummary
    kind: Literal[DriverEventKind.SESSION_ENDED] = DriverEventKind.SESSION_ENDED


@dataclass(frozen=True)
class ReaderProblem:
    """The card reader needs the driver's (or a technician's) attention; message_key: READER_PROBLEMS."""

    message_key: str
    kind: Literal[DriverEventKind.READER_PROBLEM] = DriverEventKind.READER_PROBLEM


DriverEvent = ConnectorsChanged | CardTapped | SessionEnded | ReaderProblem | PaymentUpdate | PaymentLimit


# Latched fault -> the fault screen's key (severity order: FAULT_SEVERITY in
# app/sessions/connector_condition.py, the same as the OCPP error codes'). The technician's actions:
# docs/fault-catalogue.md.
FAULT_KEYS: dict[FaultBit, str] = {
    FaultBit.WELDED_CONTACTOR: "contactor_welded",
    FaultBit.RCD_TRIP: "residual_current",
    FaultBit.GROUND_FAULT: "ground_fault",
    FaultBit.EMERGENCY_STOP: "emergency_stop",
    FaultBit.GROSS_OVERCURRENT: "overcurrent",
    FaultBit.OVERCURRENT: "overcurrent",
    FaultBit.OVERTEMPERATURE: "overtemperature",
    FaultBit.OVERVOLTAGE: "grid_voltage",
    FaultBit.UNDERVOLTAGE: "grid_voltage",
    FaultBit.CONTACTOR_FEEDBACK: "contactor_feedback",
    FaultBit.LOCK_FAULT: "lock_fault",
    FaultBit.DIODE_FAULT: "vehicle_pilot",
    FaultBit.PILOT_FAULT: "vehicle_pilot",
    FaultBit.VENTILATION_REFUSED: "ventilation_refused",
    FaultBit.PP_FAULT: "cable_fault",
    FaultBit.SELF_TEST_FAILED: "self_test_failed",
}
LINK_LOST = "link_lost"  # the station cannot reach the charger: out of service, not a charger fault
# Condition -> ConnectorCard.state (one of CONNECTOR_STATES).
STATES: dict[Condition, str] = {
    Condition.NO_LINK: "offline",
    Condition.FAULTED: "faulted",
    Condition.PREPARING: "preparing",
    Condition.STARTING: "charging",  # the driver's session has begun; the card shows no power yet
    Condition.CHARGING: "charging",
    Condition.SUSPENDED_EV: "suspended_ev",
    Condition.SUSPENDED_EVSE: "suspended_evse",
    Condition.FINISHING: "finishing",
    Condition.UNAVAILABLE: "unavailable",
    Condition.RESERVED: "reserved",
    Condition.AVAILABLE: "available",
}
# The car counts as taking all it is offered when it draws within this of the offer (meter tolerance).
FULL_DRAW_MARGIN_mA = 1000


def fault_key(faults: int) -> str | None:
    """The most severe latched fault's key, None without faults."""
    fault = worst_fault(faults)
    return None if fault is None else FAULT_KEYS[fault]


def connector_state(
    view: ConnectorView | None,
    *,
    session_state: str | None,
    inoperative: bool,
    reserved: bool,
    finished: bool,
) -> tuple[str, str | None]:
    """(state, fault key) of one connector: its condition (app/sessions/connector_condition.py) in the kiosk's
    words; the fault key for `offline` and `faulted` only."""
    condition = connector_condition(
        view, session_state=session_state, inoperative=inoperative, reserved=reserved, finished=finished
    )
    if condition is Condition.NO_LINK:
        return STATES[condition], LINK_LOST
    if condition is Condition.FAULTED:
        assert view is not None and view.status is not None
        return STATES[condition], fault_key(view.status.faults)
    return STATES[condition], None


def limited_by_site(view: ConnectorView | None, state: str) -> bool:
    """Charging below the connector's maximum while the car draws all it is offered: the car would take
    more (the load balancer or a charging profile holds it back). Temperature derating is not the site."""
    if view is None or view.status is None or state != "charging":
        return False
    # The duty cycle's resolution makes the offer a little under the maximum (IEC 61851-1 Table A.8),
    # e.g. 31.98 A of 32 A: that is not a limit.
    if view.status.flags & StatusFlag.DERATING or view.offered_mA >= view.max_mA - FULL_DRAW_MARGIN_mA:
        return False
    drawn = max((view.status.current_mA[i] for i in range(len(view.site_phases))), default=0)
    return drawn >= view.offered_mA - FULL_DRAW_MARGIN_mA


def max_power_W(view: ConnectorView | None) -> int:
    if view is None:
        return 0
    return view.max_mA * len(view.site_phases) * NOMINAL_VOLTAGE_V // 1000


@dataclass(frozen=True)
class SessionInfo:
    """The ledger's facts of an open session the screens need, read once per transition."""

    session_id: int
    connector_id: str
    id_tag: str | None  # the card that started it; None for a session no card started
    started_at: datetime | None  # set with the meter start when the car is plugged in
    meter_start_Wh: int | None
    tariff: dict[str, Any]  # frozen into the session at its start (docs/tariffs.md)
    currency: str


def session_info(engine: Engine, session_id: int) -> SessionInfo | None:
    with session_factory(read_only(engine))() as db:
        row = db.get(ChargingSession, session_id)
        if row is None:
            return None
        name = db.scalar(select(Connector.name).where(Connector.id == row.connector_id))
        return SessionInfo(
            row.id, str(name), row.id_tag, row.started_at, row.meter_start_Wh, row.tariff, row.currency
        )


def session_reference(station_id: str, session_id: int) -> str:
    """The reference printed on the summary (and later the receipt): unique per station."""
    return f"{station_id}-{session_id:06d}" if station_id else f"{session_id:06d}"


def build_summary(
    engine: Engine,
    session_id: int,
    language: str,
    *,
    station_id: str = "",
    labels: dict[str, str] | None = None,
) -> SessionSummary:
    """An ended session's summary: the ledger's energy and total, its cost lines recomputed from the
    frozen tariff and the recorded usage (the same breakdown end_session stored, docs/sessions.md)."""
    with session_factory(read_only(engine))() as db:
        row = db.get(ChargingSession, session_id)
        if row is None:
            raise KeyError(f"no session {session_id}")
        if row.state != ENDED:
            raise ValueError(f"session {session_id} has not ended ({row.state})")
        name = str(db.scalar(select(Connector.name).where(Connector.id == row.connector_id)))
        total = row.cost_total_minor or 0
        if row.started_at is not None and row.stopped_at is not None and row.meter_stop_Wh is not None:
            cost = session_cost(db, row, row.stopped_at, row.meter_stop_Wh)
            lines = tariff_display.cost_lines(tariff_from_dict(row.tariff), cost, language, final=True)
            duration = int((row.stopped_at - row.started_at).total_seconds())
        else:
            # Never plugged in: no transaction took place and nothing is charged.
            lines = [text(language, "cost.final_total", amount=format_money(total, row.currency, language))]
            duration = 0
        return SessionSummary(
            session_id=row.id,
            connector_id=name,
            energy_Wh=row.energy_Wh or 0,
            duration_s=max(0, duration),
            cost_lines=tuple(lines),
            total_minor=total,
            currency=row.currency,
            stop_reason=row.stop_reason or "Other",
            connector_label=(labels or {}).get(name, ""),
            reference=session_reference(station_id, row.id),
        )
