// A condition that must hold continuously for a time before it counts (filters and timeouts).
#pragma once

#include <stdint.h>

namespace evse {

class HoldTimer {
public:
    // Returns true once cond has been true at every update for at least hold_ms.
    bool update(bool cond, uint32_t now_ms, uint32_t hold_ms) {
        if (!cond) {
            active_ = false;
            return false;
        }
        if (!active_) {
            active_ = true;
            since_ms_ = now_ms;
        }
        return now_ms - since_ms_ >= hold_ms;
    }
    void reset() { active_ = false; }
    bool active() const { return active_; }

private:
    bool active_ = false;
    uint32_t since_ms_ = 0;
};

}  // namespace evse
