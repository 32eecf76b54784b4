"""OCPP 1.6 MeterValue objects (sections 7.31-7.33) from a connector's status, for the chosen measurands."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from hal.wire.messages import StatusReply

ENERGY = "Energy.Active.Import.Register"
# Measurands this station can measure, each with its unit and whether it is reported per phase.
SUPPORTED_MEASURANDS: dict[str, tuple[str, bool]] = {
    ENERGY: ("Wh", False),
    "Power.Active.Import": ("W", False),
    "Current.Import": ("A", True),
    "Current.Offered": ("A", False),
    "Voltage": ("V", True),
    "Temperature": ("Celsius", False),
}
PHASES = ("L1", "L2", "L3")


def _decimal(value: int, scale: int) -> str:
    """An integer in 1/scale units as exact decimal text ("16.250"), never a float's rounding."""
    sign = "-" if value < 0 else ""
    whole, part = divmod(abs(value), scale)
    digits = len(str(scale)) - 1
    return f"{sign}{whole}.{part:0{digits}d}" if digits else f"{sign}{whole}"


def sampled_values(
    status: StatusReply, measurands: Iterable[str], context: str, *, phases: int = 3
) -> list[dict[str, Any]]:
    """The SampledValue list of one reading; unknown measurands are skipped (configuration refuses them)."""
    values: list[dict[str, Any]] = []

    def add(measurand: str, value: str, unit: str, phase: str | None = None) -> None:
        sample = {"value": value, "context": context, "format": "Raw", "measurand": measurand,
                  "location": "Outlet", "unit": unit}  # fmt: skip
        if phase is not None:
            sample["phase"] = phase
        values.append(sample)

    for measurand in measurands:
        if measurand not in SUPPORTED_MEASURANDS:
            continue
        unit, per_phase = SUPPORTED_MEASURANDS[measurand]
        if measurand == ENERGY:
            add(measurand, str(status.energy_Wh), unit)
        elif measurand == "Power.Active.Import":
            add(measurand, str(status.power_W), unit)
        elif measurand == "Current.Offered":
            add(measurand, _decimal(status.offered_mA, 1000), unit)
        elif measurand == "Temperature":
            add(measurand, _decimal(status.temperature_dC, 10), unit)
        elif per_phase:
            readings = status.current_mA if measurand == "Current.Import" else status.voltage_mV
            for index in range(phases):
                phase = PHASES[index] if measurand == "Current.Import" else f"{PHASES[index]}-N"
                add(measurand, _decimal(readings[index], 1000), unit, phase)
    return values


def meter_value(
    status: StatusReply, measurands: Iterable[str], context: str, at: datetime, *, phases: int = 3
) -> dict[str, Any]:
    """One MeterValue: a timestamp and the sampled values (section 7.31)."""
    return {
        "timestamp": at.isoformat(),
        "sampledValue": sampled_values(status, measurands, context, phases=phases),
    }
