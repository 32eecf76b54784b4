// The host's permission to charge as a lease: renewed by HEARTBEAT and PERMIT, it expires after
// lease_ms without a renewal; the expiry is sticky until the host acknowledges it.
#pragma once

#include <stdint.h>

namespace evse {

class HostLease {
public:
    // PERMIT: the lease starts with the permission (or restarts with a new one).
    void start(uint32_t now_ms) {
        running_ = true;
        renewed_ms_ = now_ms;
    }
    // HEARTBEAT: renews a running lease. Without a permission there is nothing to lose, so an
    // idle charger's lease never runs and cannot expire.
    void renew(uint32_t now_ms) {
        if (running_) renewed_ms_ = now_ms;
    }
    // The permission ended (STOP): nothing left to lose.
    void stop() { running_ = false; }
    // HEARTBEAT with the acknowledge flag: the host has seen the expiry and re-read the state.
    void acknowledge(uint32_t now_ms) {
        expired_ = false;
        renew(now_ms);
    }
    // Call every tick; returns true while the expiry is in force.
    bool update(uint32_t now_ms, uint32_t lease_ms) {
        if (running_ && now_ms - renewed_ms_ >= lease_ms) expired_ = true;
        return expired_;
    }
    bool expired() const { return expired_; }

private:
    bool running_ = false;
    bool expired_ = false;
    uint32_t renewed_ms_ = 0;
};

}  // namespace evse
