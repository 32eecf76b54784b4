// Energy metering: integrates the meter's active power into a monotonic integer Wh counter.
#pragma once

#include <stdint.h>

namespace evse {

class EnergyMeter {
public:
    void begin(uint32_t energy_Wh, uint32_t now_ms) {
        energy_Wh_ = energy_Wh;
        remainder_Wms_ = 0;
        last_ms_ = now_ms;
    }
    // Adds power_W held since the previous call. Export (negative power) is not counted: the
    // counter is an import register and never goes down.
    void integrate(int32_t power_W, uint32_t now_ms);
    uint32_t energy_Wh() const { return energy_Wh_; }

private:
    uint32_t energy_Wh_ = 0;
    uint32_t remainder_Wms_ = 0;  // sub-Wh energy carried to the next tick: no drift, no float
    uint32_t last_ms_ = 0;
};

}  // namespace evse
