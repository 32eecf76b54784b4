// The simulator's evse::Hardware: latches the core's outputs, logs their changes as events and keeps
// persistent storage in memory so it survives a power cycle of the core.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <unordered_map>
#include <vector>

#include "event_log.hpp"
#include "evse/hardware.hpp"

namespace evse::sim {

// What the core currently drives; the plant model reacts to it.
struct HardwareOutputs {
    uint16_t duty_permille = 1000;  // 1000 = constant +12 V, no PWM
    bool pilot_f = false;
    bool contactor_closed = false;
    bool lock_engaged = false;
};

class SimHardware final : public Hardware {
public:
    explicit SimHardware(EventLog& log) : log_(log) {}

    // Simulated time stamped on the events the core causes from now on.
    void set_now(uint64_t now_ms) { now_ms_ = now_ms; }

    const HardwareOutputs& outputs() const { return outputs_; }

    // A restart drops every output to its reset state, as the MCU's GPIOs do.
    void reset_outputs();

    void set_pwm_duty_permille(uint16_t duty) override;
    void set_pilot_state_f(bool on) override;
    void set_contactor(bool closed) override;
    void set_lock(bool locked) override;
    bool storage_read(uint16_t key, uint8_t* data, size_t len) override;
    bool storage_write(uint16_t key, const uint8_t* data, size_t len) override;
    bool rcd_self_test() override;

    // The RCD test winding only trips a healthy device; a tripped or faulty one fails the test.
    void set_rcd_healthy(bool healthy) { rcd_healthy_ = healthy; }

private:
    EventLog& log_;
    uint64_t now_ms_ = 0;
    HardwareOutputs outputs_;
    bool rcd_healthy_ = true;
    std::unordered_map<uint16_t, std::vector<uint8_t>> storage_;
};

}  // namespace evse::sim
