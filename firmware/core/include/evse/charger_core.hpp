// The charger core: one connector's IEC 61851-1 state machine, safety supervisor, metering and
// host lease, driven by Readings each tick and by wire-protocol requests from the host.
// Portable: no heap after begin(), no exceptions, no RTTI, only <stdint.h>-level headers.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "evse/hardware.hpp"
#include "evse/wire_frame.hpp"
#include "evse/wire_messages.hpp"

namespace evse {

// Fixed facts about the hardware, from the build or the factory partition.
struct Identity {
    uint8_t firmware_major;
    uint8_t firmware_minor;
    uint8_t firmware_patch;
    char serial[16];            // ASCII, NUL padded
    uint32_t capabilities;      // wire::Capability bits
    uint8_t phases;             // 1 or 3
    uint32_t hw_max_current_mA; // rating of the contactor, cable and terminals
};

// Site settings sent by the host with CONFIGURE and persisted by the core.
struct ChargerConfig {
    uint32_t max_current_mA = 32000;
    uint32_t failsafe_current_mA = 0;   // 0 = stop when the host lease expires
    uint32_t lease_ms = 5000;
    uint32_t overvoltage_mV = 253000;   // +10 % of 230 V
    uint32_t undervoltage_mV = 196000;  // -15 % of 230 V
    int16_t derate_temperature_dC = 700;
    int16_t stop_temperature_dC = 850;
    int16_t temperature_hysteresis_dC = 50;
    uint8_t allow_ventilation = 0;
    uint8_t fault_retry_limit = 3;
};

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

private:
    // Fixed-size implementation state (state machine, supervisor, meter, lease) goes here.
    bool reset_requested_ = false;
    uint32_t rejected_frames_ = 0;
};

}  // namespace evse
