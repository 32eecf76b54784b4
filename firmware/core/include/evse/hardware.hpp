// The hardware interface the core drives, and the readings it is given each tick.
// The ESP32 layer (firmware/esp32) and the simulator (firmware/sim) each implement it.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace evse {

// Everything the core needs to know about the outside world at one instant. The platform samples
// these (CP synchronously with the PWM high and low plateaus, IEC 61851-1 Annex A) and passes them
// to ChargerCore::tick; the core itself never reads hardware.
struct Readings {
    uint32_t now_ms;               // monotonic millisecond clock; may wrap (timers subtract mod 2^32)
    int32_t cp_high_mV;            // pilot positive plateau (12000 / 9000 / 6000 / 3000 / 0)
    int32_t cp_low_mV;             // pilot negative plateau (-12000 when the diode is present)
    uint32_t pp_ohm;               // proximity pilot resistance; 0xFFFFFFFF = open (no cable)
    uint32_t voltage_mV[3];        // RMS grid voltage per phase, upstream of the contactor
    uint32_t load_voltage_mV[3];   // RMS voltage downstream of the contactor (welding check)
    int32_t current_mA[3];         // RMS current per phase
    int32_t power_W;               // active power, all phases, from the meter
    int16_t temperature_dC;        // hottest sensor, 0.1 degC
    bool rcd_tripped;              // RDC-DD / RCD fault output (IEC 62955)
    bool estop_pressed;            // emergency stop input
    bool contactor_feedback_closed;// auxiliary contact of the contactor
    bool pe_ok;                    // protective earth present
    bool lock_engaged;             // lock actuator position switch
};

// Outputs and persistence. Implementations must be fast and never block; the core calls them
// from its tick. Not owned by the core.
class Hardware {
public:
    // Pilot: duty in 0.1 % (0..1000). 1000 = constant +12 V (no PWM); pilot_fault_state() drives
    // a constant -12 V (state F).
    virtual void set_pwm_duty_permille(uint16_t duty) = 0;
    virtual void set_pilot_state_f(bool on) = 0;
    virtual void set_contactor(bool closed) = 0;
    virtual void set_lock(bool locked) = 0;
    // Persistent storage of small records by key; returns false when absent or failing.
    virtual bool storage_read(uint16_t key, uint8_t* data, size_t len) = 0;
    virtual bool storage_write(uint16_t key, const uint8_t* data, size_t len) = 0;
    // Self-test hooks: pulse the RCD test winding and report whether it tripped.
    virtual bool rcd_self_test() = 0;

protected:
    ~Hardware() = default;  // not deleted through this interface: no heap, no virtual dtor needed
};

}  // namespace evse
