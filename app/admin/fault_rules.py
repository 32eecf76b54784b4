"""Which latched faults a technician may clear from the admin mode: docs/fault-catalogue.md as a table.

The catalogue gives each fault a clearing kind: "technician" (only CLEAR_FAULT clears it), "retry"
(it clears by itself a bounded number of times, then stays latched for a technician) and "unplug"
(the vehicle leaving clears it). A technician may clear the technician and retry faults, and the
unplug faults once their cause is gone (PP reads a valid cable again, the pilot is out of state E).
DIODE_FAULT and VENTILATION_REFUSED are the exception: their cause can only be seen gone once the
vehicle has left, which clears them anyway, so a clear from the screen could never succeed; the
admin mode refuses it and says "unplug" instead. The charger has the last word either way: it
answers CONDITION_PRESENT while a cause is still there.
"""

from __future__ import annotations

from hal.wire.messages import FaultBit

TECHNICIAN, RETRY, UNPLUG = "technician", "retry", "unplug"

CLEARING: dict[FaultBit, str] = {
    FaultBit.RCD_TRIP: TECHNICIAN,
    FaultBit.EMERGENCY_STOP: TECHNICIAN,  # once released (or the vehicle leaves)
    FaultBit.OVERCURRENT: RETRY,
    FaultBit.GROSS_OVERCURRENT: TECHNICIAN,
    FaultBit.OVERVOLTAGE: RETRY,
    FaultBit.UNDERVOLTAGE: RETRY,
    FaultBit.OVERTEMPERATURE: RETRY,
    FaultBit.GROUND_FAULT: TECHNICIAN,
    FaultBit.WELDED_CONTACTOR: TECHNICIAN,
    FaultBit.CONTACTOR_FEEDBACK: TECHNICIAN,
    FaultBit.DIODE_FAULT: UNPLUG,
    FaultBit.PP_FAULT: UNPLUG,
    FaultBit.PILOT_FAULT: UNPLUG,
    FaultBit.VENTILATION_REFUSED: UNPLUG,
    FaultBit.LOCK_FAULT: TECHNICIAN,
    FaultBit.SELF_TEST_FAILED: TECHNICIAN,
}
# Unplug faults whose cause is "gone" only when the vehicle has gone (docs/fault-catalogue.md).
CLEARED_ONLY_BY_UNPLUG = frozenset({FaultBit.DIODE_FAULT, FaultBit.VENTILATION_REFUSED})


def fault_bit(name: str) -> FaultBit | None:
    """The FaultBit of a catalogue code ("RCD_TRIP"), None for a name the catalogue does not have."""
    return FaultBit.__members__.get(name.upper())


def technician_may_clear(bit: FaultBit) -> bool:
    return bit in CLEARING and bit not in CLEARED_ONLY_BY_UNPLUG


def fault_names(mask: int) -> tuple[str, ...]:
    """The catalogue codes of the latched bits of a faults mask, in bit order."""
    return tuple(bit.name for bit in FaultBit if mask & bit and bit.name is not None)
