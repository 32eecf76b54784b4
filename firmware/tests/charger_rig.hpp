// Test rig: a fake Hardware that records every output call with its time, and a small plant
// (vehicle, cable, grid, meter) that turns those outputs into Readings for ChargerCore::tick.
#pragma once

#include <stdint.h>

#include <map>
#include <vector>

#include "evse/charger_core.hpp"
#include "evse/pilot.hpp"

namespace rig {

enum class Out { Pwm, StateF, Contactor, Lock };

struct HwEvent {
    uint32_t t_ms;
    Out kind;
    int value;
};

class FakeHardware : public evse::Hardware {
public:
    uint32_t now_ms = 0;
    std::vector<HwEvent> events;
    uint16_t duty = 1000;
    bool state_f = false;
    bool contactor = false;
    bool lock = false;
    std::map<uint16_t, std::vector<uint8_t>> storage;
    bool storage_broken = false;
    bool rcd_test_passes = true;
    int storage_writes = 0;

    void set_pwm_duty_permille(uint16_t d) override { duty = d; record(Out::Pwm, d); }
    void set_pilot_state_f(bool on) override { state_f = on; record(Out::StateF, on); }
    void set_contactor(bool closed) override { contactor = closed; record(Out::Contactor, closed); }
    void set_lock(bool locked) override { lock = locked; record(Out::Lock, locked); }
    bool storage_read(uint16_t key, uint8_t* data, size_t len) override {
        auto it = storage.find(key);
        if (storage_broken || it == storage.end() || it->second.size() != len) return false;
        for (size_t i = 0; i < len; ++i) data[i] = it->second[i];
        return true;
    }
    bool storage_write(uint16_t key, const uint8_t* data, size_t len) override {
        if (storage_broken) return false;
        ++storage_writes;
        storage[key].assign(data, data + len);
        return true;
    }
    bool rcd_self_test() override { return rcd_test_passes; }

    // Time of the first event of kind with value at or after t, or UINT32_MAX.
    uint32_t first(Out kind, int value, uint32_t from_ms = 0) const {
        for (const HwEvent& e : events)
            if (e.kind == kind && e.value == value && e.t_ms >= from_ms) return e.t_ms;
        return UINT32_MAX;
    }

private:
    void record(Out kind, int value) { events.push_back({now_ms, kind, value}); }
};

enum class Car { None, B, C, D };

inline evse::Identity default_identity() {
    namespace C = evse::wire::Capability;
    evse::Identity id{};
    id.firmware_major = 1;
    id.firmware_minor = 2;
    id.firmware_patch = 3;
    const char serial[] = "TEST-0001";
    for (size_t i = 0; i < sizeof serial; ++i) id.serial[i] = serial[i];
    id.capabilities = C::THREE_PHASE | C::RDC_DD | C::LOCK | C::CONTACTOR_FEEDBACK | C::SOCKET_PP | C::METER |
                      C::TEMPERATURE | C::ETHERNET;
    id.phases = 3;
    id.hw_max_current_mA = 32000;
    return id;
}

// A CONFIGURE request carrying the core's default configuration; tests change the fields they need.
inline evse::wire::Configure default_configure() {
    const evse::ChargerConfig d{};
    evse::wire::Configure c{};
    c.max_current_mA = d.max_current_mA;
    c.failsafe_current_mA = d.failsafe_current_mA;
    c.lease_ms = d.lease_ms;
    c.overvoltage_mV = d.overvoltage_mV;
    c.undervoltage_mV = d.undervoltage_mV;
    c.derate_temperature_dC = d.derate_temperature_dC;
    c.stop_temperature_dC = d.stop_temperature_dC;
    c.temperature_hysteresis_dC = d.temperature_hysteresis_dC;
    c.allow_ventilation = d.allow_ventilation;
    c.fault_retry_limit = d.fault_retry_limit;
    return c;
}

struct Rig {
    FakeHardware hw;
    evse::ChargerCore core;
    evse::Identity id = default_identity();
    uint32_t now = 1000;
    uint16_t seq = 1;
    bool auto_heartbeat = true;  // the host's heartbeat every second, as a live host would send

    // Plant.
    Car car = Car::None;
    bool diode = true;
    uint32_t pp_ohm = 220;
    int32_t draw_mA = -1;  // < 0: the vehicle draws what the duty offers
    uint32_t grid_mV = 230000;
    int16_t temperature_dC = 250;
    bool rcd = false, estop = false, pe_ok = true, welded = false, feedback_stuck_open = false;
    bool pilot_short = false, lock_stuck = false;

    explicit Rig(bool start = true) {
        if (start) begin();
    }
    void begin() {
        hw.now_ms = now;
        core.begin(hw, id, now);
    }

    evse::Readings readings() const {
        evse::Readings r{};
        r.now_ms = now;
        int32_t high = 12000;
        if (car == Car::B) high = 9000;
        if (car == Car::C) high = 6000;
        if (car == Car::D) high = 3000;
        if (pilot_short) high = 0;
        if (hw.state_f) high = -12000;
        r.cp_high_mV = high;
        if (hw.state_f) r.cp_low_mV = -12000;
        else if (hw.duty == evse::kDutyOff) r.cp_low_mV = high;
        else r.cp_low_mV = (diode || car == Car::None) ? -12000 : -high;
        r.pp_ohm = car == Car::None ? 0xFFFFFFFFu : pp_ohm;
        const bool live = hw.contactor || welded;
        int32_t amps = 0;
        if (hw.contactor && (car == Car::C || car == Car::D)) {
            const uint32_t offered = hw.state_f ? 0 : evse::current_from_duty(hw.duty);
            amps = draw_mA >= 0 ? draw_mA : static_cast<int32_t>(offered);
        }
        int64_t power = 0;
        for (int i = 0; i < 3; ++i) {
            r.voltage_mV[i] = grid_mV;
            r.load_voltage_mV[i] = live ? grid_mV : 0;
            r.current_mA[i] = amps;
            power += static_cast<int64_t>(grid_mV) * amps / 1000000;
        }
        r.power_W = static_cast<int32_t>(power);
        r.temperature_dC = temperature_dC;
        r.rcd_tripped = rcd;
        r.estop_pressed = estop;
        r.contactor_feedback_closed = welded || (hw.contactor && !feedback_stuck_open);
        r.pe_ok = pe_ok;
        r.lock_engaged = lock_stuck ? !hw.lock : hw.lock;
        return r;
    }

    // Advances time 1 ms per tick, as the ESP32 layer does.
    void step(uint32_t ms) {
        for (uint32_t i = 0; i < ms; ++i) {
            ++now;
            hw.now_ms = now;
            core.tick(readings());
            if (auto_heartbeat && now % 1000 == 0) heartbeat();
        }
    }
    // Steps until pred() holds or max_ms passed; returns the time it took (UINT32_MAX if never).
    template <typename Pred>
    uint32_t step_until(Pred pred, uint32_t max_ms) {
        const uint32_t t0 = now;
        for (uint32_t i = 0; i < max_ms; ++i) {
            if (pred()) return now - t0;
            step(1);
        }
        return pred() ? now - t0 : UINT32_MAX;
    }

    // Sends a request message, returns the reply frame bytes.
    template <typename Msg>
    std::vector<uint8_t> send(const Msg& m) {
        uint8_t req[evse::wire::kMaxFrame];
        const size_t n = evse::wire::encode_message(m, seq++, req, sizeof req);
        uint8_t out[evse::wire::kMaxFrame];
        hw.now_ms = now;
        const size_t k = core.handle_bytes(req, n, out, sizeof out);
        return std::vector<uint8_t>(out, out + k);
    }
    // Sends a request and returns the ACK result (0xFF if the reply is not an ACK).
    template <typename Msg>
    uint8_t command(const Msg& m) {
        const std::vector<uint8_t> reply = send(m);
        if (reply.size() < 10 || reply[2] != static_cast<uint8_t>(evse::wire::MsgType::ACK)) return 0xFF;
        return reply[7];
    }

    uint8_t permit(uint32_t limit_mA, uint32_t ref = 42) {
        evse::wire::Permit p{};
        p.connector = 0;
        p.current_limit_mA = limit_mA;
        p.transaction_ref = ref;
        return command(p);
    }
    uint8_t heartbeat(uint8_t flags = 0) {
        evse::wire::Heartbeat h{};
        h.flags = flags;
        return command(h);
    }
    uint8_t clear_fault(uint32_t mask) {
        evse::wire::ClearFault c{};
        c.fault_mask = mask;
        return command(c);
    }

    // Plug in, permit, ask to charge, and wait until the contactor is closed.
    bool start_charging(uint32_t limit_mA = 16000) {
        car = Car::B;
        step(20);
        permit(limit_mA);
        step(20);
        car = Car::C;
        return step_until([&] { return hw.contactor; }, 3000) != UINT32_MAX;
    }

    evse::wire::StatusReply status() const { return core.status(); }
    evse::wire::IecState iec() const { return static_cast<evse::wire::IecState>(core.status().iec_state); }
};

constexpr uint8_t kOk = static_cast<uint8_t>(evse::wire::ResultCode::OK);

}  // namespace rig
