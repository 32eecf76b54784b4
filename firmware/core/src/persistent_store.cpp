// Record layout, CRC and slot selection of the persisted config and counters.
#include "evse/persistent_store.hpp"

#include <stddef.h>

#include "evse/wire_bytes.hpp"
#include "evse/wire_frame.hpp"

namespace evse {

namespace {
constexpr uint8_t kCountersVersion = 1;
constexpr uint8_t kConfigVersion = 1;
constexpr size_t kCountersSize = 1 + 4 + 4 + 4 + 4 + 2;  // version, seq, boot, energy, cycles, crc
constexpr size_t kConfigSize = 1 + 4 * 5 + 2 * 3 + 2 + 2;  // version, u32 x5, i16 x3, u8 x2, crc

void seal(uint8_t* rec, size_t len) {
    wire::put_u16(rec + len - 2, wire::crc16(rec, len - 2));
}
bool intact(const uint8_t* rec, size_t len, uint8_t version) {
    return rec[0] == version && wire::get_u16(rec + len - 2) == wire::crc16(rec, len - 2);
}
}  // namespace

bool PersistentStore::load_counters(PersistedCounters* counters) {
    *counters = PersistedCounters{0, 0, 0};
    bool found = false;
    const uint16_t keys[2] = {kKeyCountersA, kKeyCountersB};
    for (uint16_t key : keys) {
        uint8_t rec[kCountersSize] = {};
        if (!hw_->storage_read(key, rec, sizeof rec)) continue;  // absent on a fresh board
        if (!intact(rec, sizeof rec, kCountersVersion)) {
            ++failures_;
            continue;
        }
        const uint32_t seq = wire::get_u32(rec + 1);
        if (found && seq <= sequence_) continue;
        found = true;
        sequence_ = seq;
        counters->boot_count = wire::get_u32(rec + 5);
        counters->energy_Wh = wire::get_u32(rec + 9);
        counters->contactor_cycles = wire::get_u32(rec + 13);
    }
    return found;
}

bool PersistentStore::save_counters(const PersistedCounters& counters) {
    ++sequence_;
    uint8_t rec[kCountersSize] = {};
    rec[0] = kCountersVersion;
    wire::put_u32(rec + 1, sequence_);
    wire::put_u32(rec + 5, counters.boot_count);
    wire::put_u32(rec + 9, counters.energy_Wh);
    wire::put_u32(rec + 13, counters.contactor_cycles);
    seal(rec, sizeof rec);
    // Odd sequence numbers go to slot A, even ones to B: the other slot keeps the previous value.
    const uint16_t key = (sequence_ & 1u) ? kKeyCountersA : kKeyCountersB;
    if (hw_->storage_write(key, rec, sizeof rec)) return true;
    ++failures_;
    return false;
}

bool PersistentStore::load_config(ChargerConfig* config) {
    uint8_t rec[kConfigSize] = {};
    if (!hw_->storage_read(kKeyConfig, rec, sizeof rec)) return false;
    if (!intact(rec, sizeof rec, kConfigVersion)) {
        ++failures_;
        return false;
    }
    config->max_current_mA = wire::get_u32(rec + 1);
    config->failsafe_current_mA = wire::get_u32(rec + 5);
    config->lease_ms = wire::get_u32(rec + 9);
    config->overvoltage_mV = wire::get_u32(rec + 13);
    config->undervoltage_mV = wire::get_u32(rec + 17);
    config->derate_temperature_dC = wire::get_i16(rec + 21);
    config->stop_temperature_dC = wire::get_i16(rec + 23);
    config->temperature_hysteresis_dC = wire::get_i16(rec + 25);
    config->allow_ventilation = rec[27];
    config->fault_retry_limit = rec[28];
    return true;
}

bool PersistentStore::save_config(const ChargerConfig& config) {
    uint8_t rec[kConfigSize] = {};
    rec[0] = kConfigVersion;
    wire::put_u32(rec + 1, config.max_current_mA);
    wire::put_u32(rec + 5, config.failsafe_current_mA);
    wire::put_u32(rec + 9, config.lease_ms);
    wire::put_u32(rec + 13, config.overvoltage_mV);
    wire::put_u32(rec + 17, config.undervoltage_mV);
    wire::put_i16(rec + 21, config.derate_temperature_dC);
    wire::put_i16(rec + 23, config.stop_temperature_dC);
    wire::put_i16(rec + 25, config.temperature_hysteresis_dC);
    rec[27] = config.allow_ventilation;
    rec[28] = config.fault_retry_limit;
    seal(rec, sizeof rec);
    if (hw_->storage_write(kKeyConfig, rec, sizeof rec)) return true;
    ++failures_;
    return false;
}

}  // namespace evse
