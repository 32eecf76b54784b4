"""Driver-facing texts shared by several screens: connector states, faults, refusals, reader problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.driver import CONNECTOR_STATES

# Connector states the driver can start a session on; "out of service" means none of them is usable.
USABLE_STATES = tuple(s for s in CONNECTOR_STATES if s not in ("unavailable", "faulted", "offline"))
SESSION_STATES = ("preparing", "charging", "suspended_ev", "suspended_evse", "finishing")


def state_text(state: str, limited_by_site: bool = False, waiting_for_card: bool = False) -> str:
    """A connector's state in words (the facade's CONNECTOR_STATES); waiting_for_card: a car is plugged
    in without a session (OCPP's Preparing before the authorisation)."""
    if state == "preparing" and waiting_for_card:
        return QCoreApplication.translate("Texts", "Car plugged in: tap your card")
    if state == "charging" and limited_by_site:
        return QCoreApplication.translate("Texts", "Charging, limited by the site")
    texts = {
        "available": QCoreApplication.translate("Texts", "Available"),
        "preparing": QCoreApplication.translate("Texts", "Waiting for the car"),
        "charging": QCoreApplication.translate("Texts", "Charging"),
        "suspended_ev": QCoreApplication.translate("Texts", "Paused by the car"),
        "suspended_evse": QCoreApplication.translate("Texts", "Paused by the station"),
        "finishing": QCoreApplication.translate("Texts", "Finishing"),
        "reserved": QCoreApplication.translate("Texts", "Reserved"),
        "unavailable": QCoreApplication.translate("Texts", "Out of service"),
        "faulted": QCoreApplication.translate("Texts", "Fault"),
        "offline": QCoreApplication.translate("Texts", "Not responding"),
    }
    return texts.get(state, state)


def state_role(state: str, limited_by_site: bool = False) -> str:
    """The badge colour of a state (roles in assets/kiosk.qss)."""
    if state in ("faulted", "offline", "unavailable"):
        return "badge-danger"
    if state in ("suspended_ev", "suspended_evse", "reserved") or (state == "charging" and limited_by_site):
        return "badge-warning"
    if state in ("available", "charging", "preparing", "finishing"):
        return "badge-ok"
    return "badge-muted"


def fault_text(key: str | None) -> str:
    """What a connector's fault key means for the driver (the technician's detail is in the fault log)."""
    texts = {
        "rcd_trip": QCoreApplication.translate("Texts", "The residual current protection tripped."),
        "emergency_stop": QCoreApplication.translate("Texts", "The emergency stop was pressed."),
        "overcurrent": QCoreApplication.translate("Texts", "The car drew more current than offered."),
        "gross_overcurrent": QCoreApplication.translate("Texts", "The car drew more current than offered."),
        "overvoltage": QCoreApplication.translate("Texts", "The grid voltage is too high."),
        "undervoltage": QCoreApplication.translate("Texts", "The grid voltage is too low."),
        "overtemperature": QCoreApplication.translate("Texts", "The charger is too hot."),
        "ground_fault": QCoreApplication.translate("Texts", "The earth connection is faulty."),
        "welded_contactor": QCoreApplication.translate("Texts", "The charger's switch is faulty."),
        "contactor_feedback": QCoreApplication.translate("Texts", "The charger's switch is faulty."),
        "diode_fault": QCoreApplication.translate("Texts", "The car does not answer the charger correctly."),
        "pilot_fault": QCoreApplication.translate("Texts", "The car does not answer the charger correctly."),
        "pp_fault": QCoreApplication.translate("Texts", "The cable is damaged or not supported."),
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
        "no_connector": QCoreApplication.translate("Texts", "No connector is free right now."),
        "reader": QCoreApplication.translate("Texts", "The card could not be read. Please try again."),
        "offline": QCoreApplication.translate("Texts", "The card could not be checked. Please try again."),
    }
    return texts.get(reason or "", QCoreApplication.translate("Texts", "The card was not accepted."))


def reader_text(key: str) -> str:
    texts = {
        "reader_unplugged": QCoreApplication.translate(
            "Texts", "The card reader is not working. Please call the helpline."
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
