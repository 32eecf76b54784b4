// The charger core: one connector's IEC 61851-1 state machine, safety supervisor, metering and
// host lease, driven by Readings each tick and by wire-protocol requests from the host.
// Portable: no heap after begin(), no exceptions, no RTTI, only <stdint.h>-level headers.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "evse/charger_types.hpp"
#include "evse/hardware.hpp"
#include "evse/hold_timer.hpp"
#include "evse/host_lease.hpp"
#include "evse/meter.hpp"
#include "evse/persistent_store.hpp"
#include "evse/pilot.hpp"
#include "evse/supervisor.hpp"
#include "evse/wire_frame.hpp"
#include "evse/wire_messages.hpp"

namespace evse {

class ChargerCore {
public:
    // Loads persisted config and counters (energy, contactor cycles, boot count) and increments
    // the boot count. hw must outlive the core. The pilot starts at +12 V, contactor open.
    void begin(Hardware& hw, const Identity& identity, uint32_t now_ms);

    // One control step: classify the pilot, supervise, meter, pace the duty cycle, drive the
    // outputs. Call at least every 10 ms (the ESP32 layer calls it every 1 ms).
    void tick(const Readings& readings);

    // Answers one request frame (already CRC-checked by the parser) into out; returns the reply
    // length (0 if out is too small). Commands take effect immediately; outputs move on the next
    // tick at the latest.
    size_t handle_request(const wire::Frame& request, uint8_t* out, size_t cap);

    // The ERROR reply for a frame the parser rejected (see docs/wire-protocol.md, "bad frames").
    size_t reject_frame(wire::DecodeResult why, uint16_t seq_hint, uint8_t detail, uint8_t* out,
                        size_t cap);

    // Convenience for I2C and tests: parse a whole request held in buf and answer it.
    size_t handle_bytes(const uint8_t* buf, size_t len, uint8_t* out, size_t cap);

    // Snapshot of what a STATUS_REPLY would carry now.
    wire::StatusReply status() const;

    // True once a RESET was acknowledged and the contactor is open: the platform restarts.
    bool reset_requested() const { return reset_requested_; }

    // Frames rejected since start-up (bad CRC, length, version, type), for diagnostics.
    uint32_t rejected_frames() const { return rejected_frames_; }

    // Read-only views for the platform and the simulator.
    uint32_t boot_count() const { return boot_count_; }
    const ChargerConfig& config() const { return config_; }
    const Identity& identity() const { return identity_; }

    // Persisted-storage reads or writes that failed (charging is never blocked by them).
    uint32_t storage_failures() const { return store_.failures(); }

private:
    // Tick stages, in order (charger_core.cpp).
    void update_pilot(const Readings& r);
    void update_lock(const Readings& r);
    void update_offer(const Readings& r);
    void update_contactor(const Readings& r);
    void update_state_f(uint32_t now_ms);
    void tick_outputs_now();  // a command's effect on PWM and contactor, without waiting for a tick
    uint32_t effective_limit_mA() const;
    bool charging_level() const;
    void set_duty(uint16_t duty, uint32_t now_ms);
    void drop_permission();  // STOP, the vehicle gone, or a cleared fault: a new PERMIT is needed
    void open_contactor(uint32_t now_ms);
    void close_contactor(uint32_t now_ms);
    void save_counters();
    // Requests (core_commands.cpp).
    size_t reply_ack(const wire::Frame& request, wire::ResultCode result, uint8_t* out, size_t cap);
    size_t reply_error(wire::ErrorCode code, uint8_t detail, uint16_t seq, uint8_t* out, size_t cap);
    wire::ResultCode do_permit(const wire::Permit& m);
    wire::ResultCode do_configure(const wire::Configure& m);
    wire::ResultCode do_clear_fault(uint32_t mask);
    uint32_t vehicle_conditions_present() const;  // vehicle faults whose cause is still there
    size_t do_self_test(const wire::Frame& request, uint8_t* out, size_t cap);

    Hardware* hw_ = nullptr;
    Identity identity_ = {};
    ChargerConfig config_ = {};
    PersistentStore store_;
    Supervisor supervisor_;
    EnergyMeter meter_;
    HostLease lease_;
    PilotFilter pilot_;
    Readings last_ = {};
    // Time since begin() in 64 bits, summed from the 32-bit clock's steps: the millisecond clock
    // wraps after 49.7 days, and the host takes uptime going backwards for a restart.
    uint64_t uptime_ms_ = 0;
    uint32_t now_ms_ = 0;
    uint32_t boot_count_ = 0;
    uint32_t contactor_cycles_ = 0;
    uint32_t energy_saved_Wh_ = 0;

    // Pilot and vehicle.
    PilotLevel level_ = PilotLevel::Unknown;
    bool state_f_ = false;
    uint32_t state_f_since_ms_ = 0;
    uint32_t faults_known_ = 0;  // latched faults already seen by the state F logic
    HoldTimer diode_missing_;
    HoldTimer diode_seen_;        // the -12 V plateau read while the PWM runs
    bool diode_checked_ = false;  // the diode check passed since this PWM started
    HoldTimer pp_out_of_range_;
    uint8_t pp_ampacity_A_ = 0;
    bool vehicle_seen_ = false;  // a vehicle was connected during this permission

    // PWM and pacing (IEC 61851-1 Table A.6).
    uint16_t duty_ = kDutyOff;
    bool duty_changed_ = false;  // any change since the vehicle arrived (pacing starts from it)
    uint32_t duty_changed_ms_ = 0;
    uint32_t pwm_off_since_ms_ = 0;
    uint32_t pwm_on_since_ms_ = 0;
    uint32_t held_offer_mA_ = 0;  // the offer before the last decrease, judged for 5 s
    uint32_t decreased_ms_ = 0;
    bool pacing_ = false;

    // Contactor and lock.
    bool contactor_ = false;
    uint32_t contactor_changed_ms_ = 0;
    bool lock_ = false;
    bool unlock_requested_ = false;
    HoldTimer lock_mismatch_;

    // Host.
    bool permitted_ = false;
    uint32_t transaction_ref_ = 0;
    uint32_t host_limit_mA_ = 0;
    uint16_t last_ack_seq_ = 0;
    uint32_t rcd_test_ms_ = 0;
    bool rcd_test_done_ = false;

    bool reset_requested_ = false;
    uint32_t rejected_frames_ = 0;
};

}  // namespace evse
