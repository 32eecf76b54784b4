// Safety supervisor: electrical checks (RCD, e-stop, current, voltage, temperature, PE, contactor)
// and the fault latch with its clearing rules (docs/fault-catalogue.md).
#pragma once

#include <stdint.h>

#include "evse/charger_types.hpp"
#include "evse/hardware.hpp"
#include "evse/hold_timer.hpp"
#include "evse/wire_messages.hpp"

namespace evse {

// Faults that only a technician's CLEAR_FAULT removes.
constexpr uint32_t kTechnicianFaults = wire::FaultBit::RCD_TRIP | wire::FaultBit::GROSS_OVERCURRENT |
                                       wire::FaultBit::GROUND_FAULT | wire::FaultBit::WELDED_CONTACTOR |
                                       wire::FaultBit::CONTACTOR_FEEDBACK | wire::FaultBit::LOCK_FAULT |
                                       wire::FaultBit::SELF_TEST_FAILED;
// Faults that clear when the vehicle unplugs (state A): they are about this vehicle or cable.
constexpr uint32_t kVehicleFaults = wire::FaultBit::DIODE_FAULT | wire::FaultBit::PP_FAULT |
                                    wire::FaultBit::PILOT_FAULT | wire::FaultBit::VENTILATION_REFUSED;
// Faults that clear by themselves after a delay, a bounded number of times.
constexpr uint32_t kRetryFaults = wire::FaultBit::OVERCURRENT | wire::FaultBit::OVERVOLTAGE |
                                  wire::FaultBit::UNDERVOLTAGE | wire::FaultBit::OVERTEMPERATURE;

// What the supervisor is told each tick besides the readings.
struct SupervisorInputs {
    bool contactor_closed;          // commanded
    uint32_t contactor_changed_ms;  // when the command last changed
    uint32_t judged_offer_mA;       // offer the over-current checks compare with (see charger_core)
    bool rcd_blanked;               // inside the RCD self-test window: the trip is the test's own
};

class Supervisor {
public:
    void begin(const ChargerConfig& config, const Identity& identity);
    void configure(const ChargerConfig& config) { config_ = config; }

    // Runs every electrical check on r and latches what it finds; returns the newly latched bits.
    uint32_t check(const Readings& r, const SupervisorInputs& in);
    // Latches faults found outside the supervisor (pilot, PP, lock, self-test).
    uint32_t latch(uint32_t bits, uint32_t now_ms);
    // The vehicle is gone (stable state A): vehicle faults clear, a released e-stop clears, and the
    // retry budgets start again when the connector has just arrived in A.
    void connector_idle(const Readings& r, bool just_entered);

    // Faults whose cause is still there now (CLEAR_FAULT answers CONDITION_PRESENT for them).
    uint32_t conditions_present(const Readings& r, bool contactor_closed) const;
    // Technician clear of the bits in mask (those latched); the caller checked the conditions.
    void clear(uint32_t mask);

    uint32_t latched() const { return latched_; }
    bool derating() const { return derating_; }
    // A self-clearing fault is latched and will retry by itself.
    bool retry_pending() const;

private:
    struct Retry {
        uint8_t used;
        bool exhausted;         // this trip used up the budget: technician needed
        uint32_t tripped_ms;
        HoldTimer recovered;    // condition absent long enough to retry
    };
    bool over_voltage(const Readings& r) const;
    bool under_voltage(const Readings& r) const;
    bool welded_condition(const Readings& r, bool contactor_closed) const;
    void auto_clear(const Readings& r);
    void retry_tick(Retry& retry, uint32_t bit, bool recovered);

    ChargerConfig config_ = {};  // a copy: the core may be moved, so no pointers into it
    uint32_t capabilities_ = 0;
    uint8_t phases_ = 3;
    uint32_t hw_max_mA_ = 0;
    uint32_t latched_ = 0;
    bool derating_ = false;
    HoldTimer overcurrent_, gross_overcurrent_, overvoltage_, undervoltage_, overtemp_, pe_lost_, welded_,
        feedback_mismatch_;
    Retry retry_overcurrent_ = {}, retry_overvoltage_ = {}, retry_undervoltage_ = {}, retry_overtemp_ = {};
};

}  // namespace evse
