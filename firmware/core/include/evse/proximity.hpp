// Proximity pilot: cable ampacity from the PP resistance of a Type 2 cable (IEC 61851-1 Table B.2,
// IEC 62196-2).
#pragma once

#include <stdint.h>

namespace evse {

constexpr uint32_t kPpOpen = 0xFFFFFFFFu;  // Readings.pp_ohm when no cable is inserted

// Ampacity in A of the cable whose PP resistance is pp_ohm, or 0 when the resistance is outside
// every range (< 60 ohm or > 4500 ohm, including open): a PP fault when a vehicle is connected.
uint8_t pp_ampacity_A(uint32_t pp_ohm, uint8_t phases);

}  // namespace evse
