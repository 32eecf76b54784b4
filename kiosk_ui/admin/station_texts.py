"""The station's own codes in the technician's language: latched fault codes (docs/fault-catalogue.md)
and the event log's codes ("The event log" there). The log keeps its rows in English, as GetDiagnostics
uploads them; the screens show these names above the recorded text. An unknown code shows as itself."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def fault_name(code: str) -> str:
    """A latched fault's short name (hal/wire/messages.py FaultBit, docs/fault-catalogue.md)."""
    names = {
        "RCD_TRIP": QCoreApplication.translate("StationTexts", "Residual current trip"),
        "EMERGENCY_STOP": QCoreApplication.translate("StationTexts", "Emergency stop"),
        "OVERCURRENT": QCoreApplication.translate("StationTexts", "Overcurrent"),
        "GROSS_OVERCURRENT": QCoreApplication.translate("StationTexts", "Severe overcurrent"),
        "OVERVOLTAGE": QCoreApplication.translate("StationTexts", "Overvoltage"),
        "UNDERVOLTAGE": QCoreApplication.translate("StationTexts", "Undervoltage"),
        "OVERTEMPERATURE": QCoreApplication.translate("StationTexts", "Overtemperature"),
        "GROUND_FAULT": QCoreApplication.translate("StationTexts", "Protective earth missing"),
        "WELDED_CONTACTOR": QCoreApplication.translate("StationTexts", "Welded contactor"),
        "CONTACTOR_FEEDBACK": QCoreApplication.translate("StationTexts", "Contactor feedback mismatch"),
        "DIODE_FAULT": QCoreApplication.translate("StationTexts", "Vehicle diode fault"),
        "PP_FAULT": QCoreApplication.translate("StationTexts", "Cable coding (PP) fault"),
        "PILOT_FAULT": QCoreApplication.translate("StationTexts", "Control pilot fault"),
        "VENTILATION_REFUSED": QCoreApplication.translate("StationTexts", "Ventilation asked, not allowed"),
        "LOCK_FAULT": QCoreApplication.translate("StationTexts", "Connector lock fault"),
        "SELF_TEST_FAILED": QCoreApplication.translate("StationTexts", "Self-test failed"),
    }
    return names.get(code, code)


def fault_names(codes: tuple[str, ...] | list[str]) -> str:
    """Several latched faults, named and joined."""
    return ", ".join(fault_name(code) for code in codes)


def event_title(code: str) -> str:
    """An event log row's headline from its code; the code itself where it has no name."""
    titles = {
        "link_online": QCoreApplication.translate("StationTexts", "Charger link online"),
        "link_degraded": QCoreApplication.translate("StationTexts", "Charger link degraded"),
        "link_offline": QCoreApplication.translate("StationTexts", "Charger link lost"),
        "link_faulty": QCoreApplication.translate("StationTexts", "Charger link faulty"),
        "link_connecting": QCoreApplication.translate("StationTexts", "Charger link connecting"),
        "session_interrupted": QCoreApplication.translate("StationTexts", "Session interrupted"),
        "session_ended": QCoreApplication.translate("StationTexts", "Session ended"),
        "session_refused": QCoreApplication.translate("StationTexts", "Session refused"),
        "config_changed": QCoreApplication.translate("StationTexts", "Setting changed"),
        "station_started": QCoreApplication.translate("StationTexts", "Station started"),
        "station_stopping": QCoreApplication.translate("StationTexts", "Station stopping"),
        "self_test": QCoreApplication.translate("StationTexts", "Self-test run"),
        "payment_hold_lapsed": QCoreApplication.translate("StationTexts", "Payment hold lapsed"),
        "payment_late_payment": QCoreApplication.translate("StationTexts", "Late payment given back"),
    }
    if code in titles:
        return titles[code]
    if code.startswith("maintenance_"):
        kind = code.removeprefix("maintenance_")
        if kind.endswith("_cleared"):
            return QCoreApplication.translate("StationTexts", "%1 cleared").replace(
                "%1", _maintenance(kind.removesuffix("_cleared"))
            )
        return _maintenance(kind)
    if code.startswith("update_"):
        return QCoreApplication.translate("StationTexts", "Update: %1").replace(
            "%1", update_step(code.removeprefix("update_"))
        )
    if code.endswith("_cleared") and (fault := code.removesuffix("_cleared")) != fault_name(fault):
        return QCoreApplication.translate("StationTexts", "%1 cleared").replace("%1", fault_name(fault))
    return fault_name(code)


def update_step(status: str) -> str:
    """An update's step from its OCPP 1.6 FirmwareStatus (section 7.25; app/runtime/event_recorder.py
    records them as update_<status>); a status without a name keeps the protocol's word."""
    steps = {
        "Downloading": QCoreApplication.translate("StationTexts", "downloading"),
        "Downloaded": QCoreApplication.translate("StationTexts", "downloaded"),
        "DownloadFailed": QCoreApplication.translate("StationTexts", "download failed"),
        "Installing": QCoreApplication.translate("StationTexts", "installing"),
        "Installed": QCoreApplication.translate("StationTexts", "installed"),
        "InstallationFailed": QCoreApplication.translate("StationTexts", "installation failed"),
    }
    return steps.get(status, status)


def alarm_name(kind: str) -> str:
    """A maintenance alarm's kind (app/analytics/maintenance.py, docs/analytics.md). The texts keep the
    analytics screen's translation context, where they were first translated."""
    names = {
        "contactor_wear": QCoreApplication.translate("AnalyticsScreen", "Contactor wear"),
        "thermal_drift": QCoreApplication.translate("AnalyticsScreen", "Connector running hot"),
        "fault_rise": QCoreApplication.translate("AnalyticsScreen", "More faults than usual"),
        "meter_drift": QCoreApplication.translate("AnalyticsScreen", "Meter reads off"),
        "link_health": QCoreApplication.translate("AnalyticsScreen", "Charger link unreliable"),
    }
    return names.get(kind, kind)


def _maintenance(kind: str) -> str:
    return QCoreApplication.translate("StationTexts", "Maintenance alarm: %1").replace("%1", alarm_name(kind))
