"""Driver-facing words several screens share: connector states (with their icon and colour), faults,
refusals, reader problems, stop reasons and the helpline line."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.driver import CONNECTOR_STATES, ConnectorCard

# Connector states the driver can start a session on; "out of service" means none of them is usable.
USABLE_STATES = tuple(s for s in CONNECTOR_STATES if s not in ("unavailable", "faulted", "offline"))
SESSION_STATES = ("preparing", "charging", "suspended_ev", "suspended_evse", "finishing")
# Above this a meter reading is current flowing, below it is the meter's noise: a connector the charger
# reports paused or finishing while the car still draws this much is still charging for the driver (a
# car may take up to 3 s to stop drawing after the PWM goes, IEC 61851-1 Table A.6, sequence 10).
FLOWING_W = 500


@dataclass(frozen=True)
class StateLook:
    """How a connector's state shows: the words, the icon (assets/icons) and the status colour role."""

    key: str
    text: str
    icon: str
    role: str  # status-ok / status-warning / status-danger / status-muted (assets/kiosk.qss)


def state_key(card: ConnectorCard, can_start: bool = True) -> str:
    """The driver's view of a connector's state: the facade's state refined by what the driver sees
    (a car waiting for its card, power still flowing, nothing can start here now)."""
    flowing = card.power_W >= FLOWING_W
    match card.state:
        case "available":
            return "available" if can_start else "not_startable"
        case "preparing":
            if card.session_id is None:
                return "car_waiting" if can_start else "not_startable"
            return "waiting_for_car"
        case "charging":
            return "charging_shared" if card.limited_by_site else "charging"
        case "suspended_ev":
            return "charging" if flowing else "paused_by_car"
        case "suspended_evse":
            return "charging" if flowing else "waiting_for_power"
        case "finishing":
            return "stopping" if flowing else "unplug"
        case "reserved":
            return "reserved"
        case "unavailable":
            return "out_of_service"
        case "faulted":
            return "fault"
        case _:
            return "offline"


def state_look(card: ConnectorCard, can_start: bool = True, short: bool = False) -> StateLook:
    """The state's words, icon and colour; short: the words without their qualifier, for a tile a
    quarter of the screen wide (the icon still tells the state apart)."""
    key = state_key(card, can_start)
    text, icon, role = _looks()[key]
    if short:
        text = _short_texts().get(key, text)
    return StateLook(key, text, icon, role)


def _short_texts() -> dict[str, str]:
    return {
        "charging_shared": QCoreApplication.translate("Texts", "Charging"),
        "car_waiting": QCoreApplication.translate("Texts", "Car plugged in"),
        "paused_by_car": QCoreApplication.translate("Texts", "Car paused"),
        "unplug": QCoreApplication.translate("Texts", "Please unplug"),
        "waiting_for_power": QCoreApplication.translate("Texts", "Waiting"),
    }


def _looks() -> dict[str, tuple[str, str, str]]:
    """Every state key's (words, icon, role), the words in the current language."""
    return {
        "available": (QCoreApplication.translate("Texts", "Available"), "state_available", "status-ok"),
        "not_startable": (
            QCoreApplication.translate("Texts", "Cannot start now"),
            "state_unavailable",
            "status-muted",
        ),
        "car_waiting": (
            QCoreApplication.translate("Texts", "Car plugged in: tap card"),
            "state_plugged",
            "status-ok",
        ),
        "waiting_for_car": (
            QCoreApplication.translate("Texts", "Waiting for the car"),
            "state_plugged",
            "status-warning",
        ),
        "charging": (QCoreApplication.translate("Texts", "Charging"), "state_charging", "status-ok"),
        "charging_shared": (
            QCoreApplication.translate("Texts", "Charging, power shared"),
            "state_charging",
            "status-ok",
        ),
        "paused_by_car": (
            QCoreApplication.translate("Texts", "Car paused or full"),
            "state_paused",
            "status-warning",
        ),
        "waiting_for_power": (
            QCoreApplication.translate("Texts", "Waiting for power"),
            "state_paused",
            "status-warning",
        ),
        "stopping": (
            QCoreApplication.translate("Texts", "Stopping"),
            "state_finishing",
            "status-warning",
        ),
        "unplug": (
            QCoreApplication.translate("Texts", "Finished: please unplug"),
            "state_finishing",
            "status-warning",
        ),
        "reserved": (QCoreApplication.translate("Texts", "Reserved"), "state_reserved", "status-warning"),
        "out_of_service": (
            QCoreApplication.translate("Texts", "Out of service"),
            "state_unavailable",
            "status-danger",
        ),
        "fault": (QCoreApplication.translate("Texts", "Fault"), "state_fault", "status-danger"),
        "offline": (
            QCoreApplication.translate("Texts", "Not responding"),
            "state_offline",
            "status-danger",
        ),
    }


def fault_text(key: str | None) -> str:
    """What a connector's fault key (app/driver/views.py FAULT_KEYS, LINK_LOST) means for the driver;
    the technician's detail is in the fault log (docs/fault-catalogue.md)."""
    texts = {
        "residual_current": QCoreApplication.translate("Texts", "The residual current protection tripped."),
        "emergency_stop": QCoreApplication.translate("Texts", "The emergency stop was pressed."),
        "overcurrent": QCoreApplication.translate("Texts", "The car drew more current than offered."),
        "grid_voltage": QCoreApplication.translate("Texts", "The mains voltage is out of range."),
        "overtemperature": QCoreApplication.translate("Texts", "The charger is too hot."),
        "ground_fault": QCoreApplication.translate("Texts", "The earth connection is faulty."),
        "contactor_welded": QCoreApplication.translate("Texts", "The charger's switch is faulty."),
        "contactor_feedback": QCoreApplication.translate("Texts", "The charger's switch is faulty."),
        "vehicle_pilot": QCoreApplication.translate(
            "Texts", "The car does not answer the charger correctly."
        ),
        "cable_fault": QCoreApplication.translate("Texts", "The cable is damaged or not supported."),
        "lock_fault": QCoreApplication.translate("Texts", "The cable lock does not work."),
        "ventilation_refused": QCoreApplication.translate(
            "Texts", "The car needs ventilation, which this charger lacks."
        ),
        "self_test_failed": QCoreApplication.translate("Texts", "The charger failed its self-test."),
        "link_lost": QCoreApplication.translate("Texts", "The station lost contact with the charger."),
    }
    return texts.get(key or "", QCoreApplication.translate("Texts", "The charger detected a fault."))


def refusal_text(reason: str | None) -> str:
    texts = {
        "unknown": QCoreApplication.translate("Texts", "This card is not known here."),
        "blocked": QCoreApplication.translate("Texts", "This card is blocked."),
        "expired": QCoreApplication.translate("Texts", "This card has expired."),
        "invalid": QCoreApplication.translate("Texts", "This card is not valid."),
        "concurrent": QCoreApplication.translate("Texts", "This card is already charging elsewhere."),
        "no_connector": QCoreApplication.translate(
            "Texts", "Every connector is in use. Please wait until one is free."
        ),
        "reader": QCoreApplication.translate("Texts", "The card could not be read. Please try again."),
        "offline": QCoreApplication.translate("Texts", "The card could not be checked. Please try again."),
    }
    return texts.get(reason or "", QCoreApplication.translate("Texts", "The card was not accepted."))


def reader_text(key: str) -> str:
    texts = {
        "reader_unplugged": QCoreApplication.translate(
            "Texts", "The card reader is not working. Charging cannot start now."
        ),
        # The RFID reader is out, but a bank card at the terminal or a phone still starts a session.
        "reader_unplugged_pay": QCoreApplication.translate(
            "Texts", "The card reader is not working: pay by card or by phone below."
        ),
        "card_removed_early": QCoreApplication.translate(
            "Texts", "The card was removed too soon. Hold it still and try again."
        ),
        "read_failed": QCoreApplication.translate("Texts", "The card could not be read. Please try again."),
    }
    return texts.get(key, "")


def stop_reason_text(reason: str) -> str:
    """Why a session ended (OCPP 1.6 section 7.39 stop reasons), in the driver's words."""
    texts = {
        "Local": QCoreApplication.translate("Texts", "You stopped charging."),
        "EVDisconnected": QCoreApplication.translate("Texts", "The cable was unplugged."),
        "Remote": QCoreApplication.translate("Texts", "The operator stopped charging."),
        "EmergencyStop": QCoreApplication.translate("Texts", "Charging stopped because of a fault."),
        "Other": QCoreApplication.translate("Texts", "Charging stopped."),
        "PowerLoss": QCoreApplication.translate("Texts", "Charging stopped after a power cut."),
        "DeAuthorized": QCoreApplication.translate("Texts", "The card was no longer accepted."),
    }
    return texts.get(reason, QCoreApplication.translate("Texts", "Charging stopped."))


def helpline_text(number: str) -> str:
    """The helpline line in the driver's language; empty when the site configures none."""
    if not number:
        return ""
    return QCoreApplication.translate("Texts", "Helpline: %1").replace("%1", number)


def with_number(text: str, number: str) -> str:
    """Fills %1 with a connector's number glued to the word before it (a no-break space), so the
    number never wraps onto a line of its own ("penyambung" / "4")."""
    return text.replace(" %1", "\u00a0%1").replace("%1", number)


def connector_text(label: str) -> str:
    return with_number(QCoreApplication.translate("Texts", "Connector %1"), label)
