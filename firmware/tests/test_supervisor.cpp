// Safety supervisor faults of ChargerCore and their clearing rules (docs/fault-catalogue.md).
#include <doctest/doctest.h>

#include "charger_rig.hpp"

namespace FB = evse::wire::FaultBit;
namespace SF = evse::wire::StatusFlag;
using evse::wire::ResultCode;
using rig::Car;
using rig::Out;

static const uint8_t kPresent = static_cast<uint8_t>(ResultCode::CONDITION_PRESENT);

TEST_CASE("Supervisor: RCD trip latches; CLEAR_FAULT refused while tripped, accepted after") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.rcd = true;
    r.step(2);
    CHECK((r.status().faults & FB::RCD_TRIP) != 0);
    CHECK_FALSE(r.hw.contactor);
    CHECK(r.clear_fault(FB::RCD_TRIP) == kPresent);
    r.rcd = false;
    r.step(100);
    CHECK((r.status().faults & FB::RCD_TRIP) != 0);  // no self-clearing
    CHECK(r.permit(16000) == static_cast<uint8_t>(ResultCode::REFUSED_FAULT));
    CHECK(r.clear_fault(FB::RCD_TRIP) == rig::kOk);
    CHECK(r.status().faults == 0);
    CHECK(r.permit(16000) == rig::kOk);
    r.step(5100);  // the PWM returns paced, 5 s after it stopped (Table A.6)
    CHECK(r.hw.contactor);  // the vehicle, still in C, charges again
}

TEST_CASE("Supervisor: emergency stop clears when released and the connector is back in A") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.estop = true;
    r.step(5);
    CHECK((r.status().faults & FB::EMERGENCY_STOP) != 0);
    CHECK_FALSE(r.hw.contactor);
    r.estop = false;
    r.step(1000);
    CHECK((r.status().faults & FB::EMERGENCY_STOP) != 0);  // vehicle still connected
    r.car = Car::None;
    r.step(20);
    CHECK(r.status().faults == 0);
}

TEST_CASE("Supervisor: PE lost is GROUND_FAULT (technician clear)") {
    rig::Rig r;
    r.pe_ok = false;
    r.step(30);
    CHECK((r.status().faults & FB::GROUND_FAULT) != 0);
    CHECK(r.clear_fault(FB::GROUND_FAULT) == kPresent);
    r.pe_ok = true;
    r.step(5);
    CHECK(r.clear_fault(FB::GROUND_FAULT) == rig::kOk);
}

TEST_CASE("Supervisor: welded contactor = load side live 500 ms after opening (technician clear)") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.welded = true;
    const uint32_t t0 = r.now;
    r.car = Car::B;
    const uint32_t detect = r.step_until([&] { return (r.status().faults & FB::WELDED_CONTACTOR) != 0; }, 2000);
    MESSAGE("welded contactor detected " << detect << " ms after C->B (contactor opened at +"
                                         << r.hw.first(Out::Contactor, 0, t0) - t0 << " ms)");
    CHECK(detect <= 600);
    const uint32_t opened = r.hw.first(Out::Contactor, 0, t0);
    (void)opened;
    CHECK(r.clear_fault(FB::WELDED_CONTACTOR | FB::CONTACTOR_FEEDBACK) == kPresent);
    r.welded = false;
    r.step(5);
    CHECK(r.clear_fault(FB::WELDED_CONTACTOR | FB::CONTACTOR_FEEDBACK) == rig::kOk);
    CHECK(r.status().faults == 0);
}

TEST_CASE("Supervisor: the contactor never closes onto a live load side") {
    rig::Rig r;
    r.welded = true;
    r.car = Car::B;
    r.step(10);
    r.permit(16000);
    r.car = Car::C;
    r.step(3000);
    CHECK(r.hw.first(Out::Contactor, 1) == UINT32_MAX);
    CHECK((r.status().faults & FB::WELDED_CONTACTOR) != 0);
}

TEST_CASE("Supervisor: feedback dropping out while closed is CONTACTOR_FEEDBACK within 100 ms (Table A.6)") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.step(500);  // well past the contactor's travel time
    const uint32_t t0 = r.now;
    r.feedback_stuck_open = true;
    r.step(10);
    CHECK(r.status().faults == 0);  // a single bounce is not a fault
    const uint32_t detect = r.step_until([&] { return (r.status().faults & FB::CONTACTOR_FEEDBACK) != 0; }, 200);
    const uint32_t opened = r.hw.first(Out::Contactor, 0, t0) - t0;
    MESSAGE("feedback lost: fault after " << detect << " ms, contactor open after " << opened << " ms");
    CHECK(opened <= 100);
}

TEST_CASE("Supervisor: a contactor that never closes is CONTACTOR_FEEDBACK after its 150 ms travel time") {
    rig::Rig r;
    r.feedback_stuck_open = true;
    REQUIRE(r.start_charging());
    const uint32_t closed_at = r.hw.first(Out::Contactor, 1);
    REQUIRE(closed_at != UINT32_MAX);
    r.step(300);
    CHECK((r.status().faults & FB::CONTACTOR_FEEDBACK) != 0);
    const uint32_t opened = r.hw.first(Out::Contactor, 0, closed_at);
    CHECK(opened - closed_at >= 150);
    CHECK(opened - closed_at <= 160);
}

TEST_CASE("Supervisor: gross over-current (> 150 % + 2 A or > 125 % hw max) trips within 100 ms") {
    rig::Rig r;
    REQUIRE(r.start_charging(16000));
    const uint32_t t0 = r.now;
    r.draw_mA = 27000;  // 15960 * 1.5 + 2000 = 25940
    r.step(100);
    CHECK((r.status().faults & FB::GROSS_OVERCURRENT) != 0);
    CHECK(r.hw.first(Out::Contactor, 0, t0) - t0 <= 100);
    r.draw_mA = -1;
    CHECK(r.clear_fault(FB::GROSS_OVERCURRENT) == rig::kOk);
}

TEST_CASE("Supervisor: over-current retries after 60 s, fault_retry_limit times, then latches") {
    rig::Rig r;
    REQUIRE(r.start_charging(16000));
    r.step(6000);
    r.draw_mA = 18000;
    for (int attempt = 0; attempt < 3; ++attempt) {
        r.step_until([&] { return (r.status().faults & FB::OVERCURRENT) != 0; }, 8000);
        REQUIRE((r.status().faults & FB::OVERCURRENT) != 0);
        CHECK((r.status().flags & SF::FAULT_RETRY) != 0);
        const uint32_t dt = r.step_until([&] { return r.status().faults == 0; }, 70000);
        CHECK(dt >= 59000);
        CHECK(dt <= 60100);
        r.step_until([&] { return r.hw.contactor; }, 20000);
        r.step(6000);  // the 6 s tolerance starts after the follow window of the restart
    }
    r.step_until([&] { return (r.status().faults & FB::OVERCURRENT) != 0; }, 8000);
    CHECK((r.status().flags & SF::FAULT_RETRY) == 0);
    r.step(120000);
    CHECK((r.status().faults & FB::OVERCURRENT) != 0);  // budget used: technician needed
    CHECK(r.clear_fault(FB::OVERCURRENT) == rig::kOk);
}

TEST_CASE("Supervisor: over-voltage trips after 100 ms and self-clears after 10 s back in range") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    r.grid_mV = 260000;
    r.step(150);
    CHECK((r.status().faults & FB::OVERVOLTAGE) != 0);
    r.grid_mV = 230000;
    r.step(9900);
    CHECK((r.status().faults & FB::OVERVOLTAGE) != 0);
    r.step(200);
    CHECK(r.status().faults == 0);
}

TEST_CASE("Supervisor: under-voltage only while charging") {
    rig::Rig r;
    r.grid_mV = 180000;
    r.step(500);
    CHECK(r.status().faults == 0);
    r.grid_mV = 230000;
    REQUIRE(r.start_charging());
    r.grid_mV = 180000;
    r.step(150);
    CHECK((r.status().faults & FB::UNDERVOLTAGE) != 0);
    CHECK_FALSE(r.hw.contactor);
    r.grid_mV = 230000;
    r.step(10100);
    CHECK(r.status().faults == 0);
}

TEST_CASE("Supervisor: over-temperature derates (halve, DERATING), stops, recovers with hysteresis") {
    rig::Rig r;
    REQUIRE(r.start_charging(32000));
    r.step(6000);
    CHECK(r.status().offered_mA == 31980);
    r.temperature_dC = 750;  // above 70.0 degC derate
    r.step(5);
    CHECK((r.status().flags & SF::DERATING) != 0);
    CHECK(r.status().offered_mA == 15960);
    r.temperature_dC = 900;  // above 85.0 degC stop
    r.step(600);
    CHECK((r.status().faults & FB::OVERTEMPERATURE) != 0);
    CHECK_FALSE(r.hw.contactor);
    r.temperature_dC = 820;  // not below 85.0 - 5.0
    r.step(100);
    CHECK((r.status().faults & FB::OVERTEMPERATURE) != 0);
    r.temperature_dC = 790;
    r.step(10);
    CHECK((r.status().faults & FB::OVERTEMPERATURE) == 0);
    r.temperature_dC = 640;  // derating ends below 70.0 - 5.0
    r.step(10);
    CHECK((r.status().flags & SF::DERATING) == 0);
}

TEST_CASE("Supervisor: CLEAR_FAULT is all-or-nothing and ignores bits not latched") {
    rig::Rig r;
    r.pe_ok = false;
    r.rcd = true;
    r.step(30);
    r.rcd = false;
    r.step(1);
    CHECK(r.clear_fault(FB::RCD_TRIP | FB::GROUND_FAULT) == kPresent);
    CHECK((r.status().faults & FB::RCD_TRIP) != 0);
    CHECK(r.clear_fault(FB::RCD_TRIP | FB::OVERCURRENT) == rig::kOk);
    CHECK(r.status().faults == FB::GROUND_FAULT);
}
