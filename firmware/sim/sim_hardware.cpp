// The simulator's evse::Hardware: output latches with change events and in-memory storage.
#include "sim_hardware.hpp"

namespace evse::sim {

void SimHardware::reset_outputs() {
    set_pilot_state_f(false);
    set_pwm_duty_permille(1000);
    set_contactor(false);
    set_lock(false);
}

void SimHardware::set_pwm_duty_permille(uint16_t duty) {
    if (duty > 1000) duty = 1000;
    if (duty == outputs_.duty_permille) return;
    outputs_.duty_permille = duty;
    log_.record(now_ms_, EventKind::Pwm, duty);
}

void SimHardware::set_pilot_state_f(bool on) {
    if (on == outputs_.pilot_f) return;
    outputs_.pilot_f = on;
    log_.record(now_ms_, EventKind::PilotF, on ? 1 : 0);
}

void SimHardware::set_contactor(bool closed) {
    if (closed == outputs_.contactor_closed) return;
    outputs_.contactor_closed = closed;
    log_.record(now_ms_, EventKind::Contactor, closed ? 1 : 0);
}

void SimHardware::set_lock(bool locked) {
    if (locked == outputs_.lock_engaged) return;
    outputs_.lock_engaged = locked;
    log_.record(now_ms_, EventKind::Lock, locked ? 1 : 0);
}

bool SimHardware::storage_read(uint16_t key, uint8_t* data, size_t len) {
    const auto it = storage_.find(key);
    // A record of another size belongs to another layout: report it absent, as NVS would.
    if (it == storage_.end() || it->second.size() != len) return false;
    for (size_t i = 0; i < len; ++i) data[i] = it->second[i];
    return true;
}

bool SimHardware::storage_write(uint16_t key, const uint8_t* data, size_t len) {
    std::vector<uint8_t>& record = storage_[key];
    record.assign(data, data + len);  // same size as last time: no reallocation
    return true;
}

bool SimHardware::rcd_self_test() { return rcd_healthy_; }

}  // namespace evse::sim
