// Energy integration with an exact sub-Wh remainder.
#include "evse/meter.hpp"

namespace evse {

namespace {
constexpr uint32_t kWmsPerWh = 3600000;
// A longer gap than this between ticks is a stall (debugger, brown-out): it is not integrated,
// so a frozen reading cannot invent energy, and the product below stays within 32 bits.
constexpr uint32_t kMaxGapMs = 1000;
constexpr uint32_t kMaxPower_W = 1000000;
}  // namespace

void EnergyMeter::integrate(int32_t power_W, uint32_t now_ms) {
    uint32_t dt = now_ms - last_ms_;
    last_ms_ = now_ms;
    if (power_W <= 0 || dt == 0) return;
    if (dt > kMaxGapMs) dt = kMaxGapMs;
    uint32_t p = static_cast<uint32_t>(power_W);
    if (p > kMaxPower_W) p = kMaxPower_W;
    // Whole Wh first so the remainder stays below one Wh and the sum cannot overflow.
    const uint32_t wms = p * dt;  // <= 1e9
    energy_Wh_ += wms / kWmsPerWh;
    remainder_Wms_ += wms % kWmsPerWh;
    if (remainder_Wms_ >= kWmsPerWh) {
        remainder_Wms_ -= kWmsPerWh;
        ++energy_Wh_;
    }
}

}  // namespace evse
