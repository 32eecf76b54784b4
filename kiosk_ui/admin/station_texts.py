"""The station's own codes in the technician's language: latched fault codes (docs/fault-catalogue.md),
the event log's codes ("The event log" there) and the maintenance alarms' kinds and findings. The log
keeps its rows in English, as GetDiagnostics uploads them; the screens show these names above the
recorded text. An unknown code shows as itself."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale


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


def alarm_text(
    kind: str, subject: str, evidence: Mapping[str, object], recorded: str, locale: QLocale
) -> str:
    """A maintenance alarm's finding in the screen's language, from its evidence: the sentence
    app/analytics/maintenance.py records in English. The recorded sentence where a figure is missing
    (a kind without a sentence here, an older row)."""

    def figure(key: str, decimals: int) -> str | None:
        value = evidence.get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        return locale.toString(int(value)) if decimals == 0 else locale.toString(float(value), "f", decimals)

    where = subject.split(" ")[0]  # a fault_rise alarm's subject is "CP-07/2 RCD_TRIP"
    if kind == "contactor_wear":
        text = QCoreApplication.translate("StationTexts", "%1: contactor at %2 % of its rated life")
        values = [figure("life_used_percent", 1)]
    elif kind == "thermal_drift":
        text = QCoreApplication.translate(
            "StationTexts", "%1: temperature rise per A² at %2 × its baseline (check the terminals' torque)"
        )
        values = [figure("ratio", 2)]
    elif kind == "fault_rise":
        text = QCoreApplication.translate("StationTexts", "%1: %2 × %3 in 30 days (usually %4)")
        code = evidence.get("code")
        values = [figure("recent_30d", 0), fault_name(code) if isinstance(code, str) else None]
        values.append(figure("usual_30d", 1))
    elif kind == "meter_drift":
        text = QCoreApplication.translate("StationTexts", "%1: meter and V × I differ by %2 % over 30 days")
        shown = figure("drift_percent", 1)
        positive = isinstance(drift := evidence.get("drift_percent"), int | float) and drift > 0
        values = [f"+{shown}" if shown is not None and positive else shown]
    elif kind == "link_health":
        text = QCoreApplication.translate(
            "StationTexts", "Charger %1: %2 % of polls missed, %3 reconnections a day over %4 days"
        )
        reconnects, days = evidence.get("reconnects"), evidence.get("days")
        per_day = (
            locale.toString(reconnects / days, "f", 1)
            if isinstance(reconnects, int) and isinstance(days, int) and days
            else None
        )
        values = [figure("missed_percent", 2), per_day, figure("days", 0)]
    else:
        return recorded
    if any(value is None for value in values):
        return recorded
    text = text.replace("%1", where)
    for number, value in enumerate(values, start=2):
        text = text.replace(f"%{number}", str(value))
    return text


def _maintenance(kind: str) -> str:
    return QCoreApplication.translate("StationTexts", "Maintenance alarm: %1").replace("%1", alarm_name(kind))
