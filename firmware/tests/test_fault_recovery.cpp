// What happens after a fault: CLEAR_FAULT refused while the cause is there, and a cleared fault
// never restarts charging on the old permission (docs/fault-catalogue.md, "After a clear").
#include <doctest/doctest.h>

#include <string>

#include "charger_rig.hpp"

namespace FB = evse::wire::FaultBit;
namespace SF = evse::wire::StatusFlag;
using evse::wire::ResultCode;
using rig::Car;
using rig::Out;

static const uint8_t kPresent = static_cast<uint8_t>(ResultCode::CONDITION_PRESENT);

TEST_CASE("Recovery: CLEAR_FAULT of a missing diode is CONDITION_PRESENT while the car is connected") {
    rig::Rig r;
    r.diode = false;
    r.car = Car::B;
    r.step(10);
    r.permit(16000);
    r.step(20);
    REQUIRE((r.status().faults & FB::DIODE_FAULT) != 0);
    r.step(400);  // F has ended: +12 V without PWM, the diode cannot be seen
    CHECK(r.clear_fault(FB::DIODE_FAULT) == kPresent);
    CHECK((r.status().faults & FB::DIODE_FAULT) != 0);
    r.car = Car::C;
    r.step(1000);
    CHECK(r.hw.first(Out::Contactor, 1) == UINT32_MAX);
    r.car = Car::None;
    r.step(20);
    CHECK(r.status().faults == 0);  // the unplug clears it
}

TEST_CASE("Recovery: CLEAR_FAULT of PP_FAULT is CONDITION_PRESENT while PP reads out of range") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.pp_ohm = 0xFFFFFFFFu;
    r.step(400);
    REQUIRE((r.status().faults & FB::PP_FAULT) != 0);
    CHECK(r.clear_fault(FB::PP_FAULT) == kPresent);
    CHECK((r.status().faults & FB::PP_FAULT) != 0);
    r.pp_ohm = 220;
    r.step(10);
    CHECK(r.clear_fault(FB::PP_FAULT) == rig::kOk);
    CHECK(r.status().faults == 0);
}

TEST_CASE("Recovery: CLEAR_FAULT of VENTILATION_REFUSED is CONDITION_PRESENT while that car is connected") {
    rig::Rig r;
    r.car = Car::B;
    r.step(10);
    r.permit(16000);
    r.car = Car::D;
    r.step(400);
    REQUIRE((r.status().faults & FB::VENTILATION_REFUSED) != 0);
    CHECK(r.clear_fault(FB::VENTILATION_REFUSED) == kPresent);
    CHECK((r.status().faults & FB::VENTILATION_REFUSED) != 0);
    // Without PWM the car waits in B, but it would ask for D again as soon as it is offered current.
    r.car = Car::B;
    r.step(10);
    CHECK(r.clear_fault(FB::VENTILATION_REFUSED) == kPresent);
    r.step(1000);
    CHECK(r.hw.first(Out::Contactor, 1) == UINT32_MAX);
    r.car = Car::None;
    r.step(20);
    CHECK(r.status().faults == 0);
}

// Trips the fault on a charging car, removes its cause, clears it; returns false if the clear failed.
struct Trip {
    const char* what;
    uint32_t bit;
    void (*cause)(rig::Rig&, bool on);
};

TEST_CASE("Recovery: a cleared technician fault drops the permission; only a new PERMIT charges again") {
    const Trip trips[] = {
        {"emergency stop", FB::EMERGENCY_STOP, [](rig::Rig& r, bool on) { r.estop = on; }},
        {"RCD", FB::RCD_TRIP, [](rig::Rig& r, bool on) { r.rcd = on; }},
        {"ground fault", FB::GROUND_FAULT, [](rig::Rig& r, bool on) { r.pe_ok = !on; }},
        // The car keeps over-drawing after the clear: the charger must not reclose into it.
        {"gross over-current", FB::GROSS_OVERCURRENT, [](rig::Rig& r, bool on) {
             if (on) r.draw_mA = 30000;
         }},
    };
    for (const Trip& t : trips) {
        const std::string what = t.what;
        CAPTURE(what);
        rig::Rig r;
        REQUIRE(r.start_charging());
        const uint32_t t0 = r.now + 1;  // after the session's own close
        t.cause(r, true);
        r.step(100);
        REQUIRE((r.status().faults & t.bit) != 0);
        REQUIRE_FALSE(r.hw.contactor);
        t.cause(r, false);
        r.step(1000);
        CHECK(r.clear_fault(t.bit) == rig::kOk);
        CHECK(r.status().faults == 0);
        CHECK((r.status().flags & SF::PERMITTED) == 0);
        CHECK(r.status().transaction_ref == 0);
        r.step(10000);  // past the pacing, the reclose pause and any retry
        CHECK(r.hw.first(Out::Contactor, 1, t0) == UINT32_MAX);
        CHECK(r.hw.duty == 1000);
        if (t.bit == FB::GROSS_OVERCURRENT) continue;
        // The station decides: a new PERMIT starts charging again.
        CHECK(r.permit(16000, 43) == rig::kOk);
        CHECK(r.step_until([&] { return r.hw.contactor; }, 6000) != UINT32_MAX);
    }
}

TEST_CASE("Recovery: a self-clearing retry keeps the permission (the vehicle was not at fault)") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.grid_mV = 260000;
    r.step(100);
    REQUIRE((r.status().faults & FB::OVERVOLTAGE) != 0);
    r.grid_mV = 230000;
    r.step(10100);
    CHECK(r.status().faults == 0);
    CHECK((r.status().flags & SF::PERMITTED) != 0);
    CHECK(r.step_until([&] { return r.hw.contactor; }, 6000) != UINT32_MAX);
}

TEST_CASE("Recovery: CLEAR_FAULT of nothing latched keeps the permission") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    CHECK(r.clear_fault(FB::RCD_TRIP) == rig::kOk);
    CHECK((r.status().flags & SF::PERMITTED) != 0);
    r.step(10);
    CHECK(r.hw.contactor);
}
