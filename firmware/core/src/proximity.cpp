// Proximity pilot resistance -> cable ampacity (Type 2 ranges).
#include "evse/proximity.hpp"

namespace evse {

uint8_t pp_ampacity_A(uint32_t pp_ohm, uint8_t phases) {
    // Values between two ranges take the lower ampacity, so each band runs up to the start of the
    // next lower-rated range (13 A 1100-2460, 20 A 400-936, 32 A 164-308, 63/70 A 80-140 ohm).
    if (pp_ohm < 60 || pp_ohm > 4500) return 0;
    if (pp_ohm > 936) return 13;
    if (pp_ohm > 308) return 20;
    if (pp_ohm > 140) return 32;
    // 60..79 ohm lies below the 63 A range but above the error limit: read as the 63 A cable.
    return phases == 1 ? 70 : 63;
}

}  // namespace evse
