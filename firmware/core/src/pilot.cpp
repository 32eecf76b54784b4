// Control pilot classification and duty-cycle formulae (IEC 61851-1 Annex A).
#include "evse/pilot.hpp"

namespace evse {

PilotLevel classify_pilot(int32_t cp_high_mV) {
    // Bands centred between the nominal 12/9/6/3/0 V levels, IEC 61851-1 Table A.3 tolerances.
    if (cp_high_mV > 14000) return PilotLevel::Invalid;  // the source cannot produce this
    if (cp_high_mV >= 10500) return PilotLevel::A;
    if (cp_high_mV >= 7500) return PilotLevel::B;
    if (cp_high_mV >= 4500) return PilotLevel::C;
    if (cp_high_mV >= 1500) return PilotLevel::D;
    if (cp_high_mV > -1500) return PilotLevel::E;
    return PilotLevel::Invalid;  // negative plateau level while we do not drive state F
}

uint16_t duty_from_current(uint32_t limit_mA) {
    if (limit_mA < kMinOffer_mA) return kDutyOff;
    if (limit_mA > kMaxOffer_mA) limit_mA = kMaxOffer_mA;
    // 6..51 A: duty % = A / 0.6; 51..80 A: duty % = A / 2.5 + 64. Integer division floors, so
    // the vehicle's reading of the duty never exceeds the limit.
    if (limit_mA <= 51000) return static_cast<uint16_t>(limit_mA / 60);
    // Between 51 and 52.5 A this lands at or below 85 %, which the vehicle reads with the first
    // formula as at most 51 A: still below the limit.
    return static_cast<uint16_t>(limit_mA / 250 + 640);
}

uint32_t current_from_duty(uint16_t duty_permille) {
    if (duty_permille < 100 || duty_permille > 960) return 0;
    if (duty_permille <= 850) return static_cast<uint32_t>(duty_permille) * 60;
    return (static_cast<uint32_t>(duty_permille) - 640) * 250;
}

PilotLevel PilotFilter::update(PilotLevel raw, uint32_t now_ms) {
    if (raw != candidate_) {
        candidate_ = raw;
        candidate_since_ms_ = now_ms;
    }
    if (candidate_ != stable_ && now_ms - candidate_since_ms_ >= kPilotDebounceMs) stable_ = candidate_;
    return stable_;
}

}  // namespace evse
