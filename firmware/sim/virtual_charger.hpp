// One simulated charger: the real ChargerCore, its simulated hardware and plant, and its event log.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "event_log.hpp"
#include "evse/charger_core.hpp"
#include "evse/wire_link.hpp"
#include "plant_model.hpp"
#include "sim_hardware.hpp"

namespace evse::sim {

// Adds the decoder counters of add to total.
void add_decode_stats(wire::DecodeStats& total, const wire::DecodeStats& add);

class VirtualCharger {
public:
    // A tethered charger has a fixed cable: no SOCKET_PP capability, so its core reads no PP.
    VirtualCharger(int index, uint8_t phases, bool tethered);
    VirtualCharger(const VirtualCharger&) = delete;
    VirtualCharger& operator=(const VirtualCharger&) = delete;

    // Starts the core (first boot). Times are the simulation's 64-bit ms; the core and the plant get
    // the low 32 bits, as an MCU's millisecond tick (their timers subtract modulo 2^32).
    void begin(uint64_t now_ms);
    // Advances plant and core by one tick ending at now_ms.
    void tick(uint64_t now_ms, uint32_t dt_ms);
    // Restarts the core; storage (energy, counters, boot count, config) survives.
    void power_cycle(uint64_t now_ms);
    // A new application image written over the serial port: the identity reports its version from the
    // restart that follows (as a real ESP32 boots the image esptool wrote and hard-reset it into).
    void flash_firmware(uint8_t major, uint8_t minor, uint8_t patch, uint64_t now_ms);
    const Identity& identity() const { return identity_; }

    // Answers what a stream parser produced: a decoded frame (decoded == Ok) through the core, a
    // rejected one with whatever the core's reject_frame gives. out must hold wire::kMaxFrame bytes;
    // returns the reply length.
    size_t answer(wire::DecodeResult decoded, const wire::Frame& frame, uint16_t seq_hint, uint8_t detail,
                  uint8_t* out, size_t cap);
    // An I2C write: one whole request frame; the reply is what the master reads next.
    size_t handle_i2c_write(const uint8_t* buf, size_t len, uint8_t* out, size_t cap);

    // Plant stimuli from the control channel, each logged as an event.
    void plug(const CarParams& car);
    void unplug();
    void set_car_request(CarRequest request);
    void set_misbehaviour(Misbehaviour m, uint32_t factor_pct) { plant_.set_misbehaviour(m, factor_pct); }
    void set_fault(FaultKind kind, bool active, int32_t value);
    void set_grid_voltage(uint32_t mV) { plant_.set_grid_voltage(mV); }

    // The link key, as if in the charger's persistent store: it survives power cycles.
    void set_link_key(const wire::LinkKey& key) { link_key_ = key; }
    const wire::LinkKey& link_key() const { return link_key_; }
    // Counts the requests a link session answered itself that were refused (reply is the frame).
    void count_link_reply(const uint8_t* reply) {
        if (reply[2] == static_cast<uint8_t>(wire::MsgType::ERROR)) ++auth_failures_;
    }
    uint32_t auth_failures() const { return auth_failures_; }

    // Decoder statistics of connections that have closed are folded in here.
    void add_closed_stats(const wire::DecodeStats& s);
    wire::DecodeStats decode_stats() const { return decode_stats_; }

    bool host_link_down() const { return plant_.fault_active(FaultKind::HostLink); }
    int index() const { return index_; }
    bool tethered() const { return (identity_.capabilities & wire::Capability::SOCKET_PP) == 0; }
    uint64_t now_ms() const { return now_ms_; }
    const ChargerCore& core() const { return core_; }
    const PlantModel& plant() const { return plant_; }
    const SimHardware& hardware() const { return hardware_; }
    const EventLog& events() const { return events_; }

private:
    void count_i2c_decode(const uint8_t* buf, size_t len);

    int index_;
    Identity identity_ = {};
    EventLog events_;
    SimHardware hardware_;
    PlantModel plant_;
    ChargerCore core_;
    Readings readings_ = {};
    uint64_t now_ms_ = 0;
    wire::DecodeStats decode_stats_ = {};  // I2C frames and closed TCP connections
    wire::LinkKey link_key_ = {};
    uint32_t auth_failures_ = 0;  // requests refused for a missing or wrong link tag
};

}  // namespace evse::sim
