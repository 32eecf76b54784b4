"""The supply the station is built for: the nominal phase voltage that turns power into current.

IEC 60038 low voltage, 230 V between a phase and neutral. Only where a power must become a current
or back without a measurement (an energy target, a charging profile in watts, a connector's rated
power on the screen); the chargers' meters give the real voltage.
"""

from __future__ import annotations

NOMINAL_VOLTAGE_V = 230
