// Control pilot: level classification, light debouncing and the duty-cycle <-> current formulae
// of IEC 61851-1 Annex A.
#pragma once

#include <stdint.h>

namespace evse {

// What the positive pilot plateau says about the vehicle (IEC 61851-1 Table A.3 bands).
enum class PilotLevel : uint8_t { Unknown, A, B, C, D, E, Invalid };

constexpr uint16_t kDutyOff = 1000;            // constant +12 V: no current offered (x1 states)
constexpr uint32_t kMinOffer_mA = 6000;        // IEC 61851-1 Annex A: below 6 A offer nothing
constexpr uint32_t kMaxOffer_mA = 80000;       // top of the second duty range
constexpr int32_t kDiodeMaxLow_mV = -10500;    // negative plateau must reach below this
constexpr uint32_t kPilotDebounceMs = 4;       // a level must be stable this long (<< 50 ms budget)

PilotLevel classify_pilot(int32_t cp_high_mV);

// Duty in 0.1 % for a current limit, rounded so the offer never exceeds the limit; kDutyOff below
// 6 A; limits above 80 A are clamped to 80 A.
uint16_t duty_from_current(uint32_t limit_mA);

// The current a vehicle reads from a duty (0 for kDutyOff or a duty outside 10 %..96 %).
uint32_t current_from_duty(uint16_t duty_permille);

// True when the vehicle side of the pilot is present (B, C or D).
inline bool vehicle_present(PilotLevel level) {
    return level == PilotLevel::B || level == PilotLevel::C || level == PilotLevel::D;
}

// Accepts a new level once it has been read unchanged for kPilotDebounceMs.
class PilotFilter {
public:
    void reset() {
        stable_ = PilotLevel::Unknown;
        candidate_ = PilotLevel::Unknown;
        candidate_since_ms_ = 0;
    }
    PilotLevel update(PilotLevel raw, uint32_t now_ms);
    PilotLevel stable() const { return stable_; }

private:
    PilotLevel stable_ = PilotLevel::Unknown;
    PilotLevel candidate_ = PilotLevel::Unknown;
    uint32_t candidate_since_ms_ = 0;
};

}  // namespace evse
