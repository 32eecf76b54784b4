// IEC 61851-1 state machine paths of ChargerCore: A, B1/B2, C1/C2, D, E, F, diode, lock, PP.
#include <doctest/doctest.h>

#include "charger_rig.hpp"

using evse::wire::IecState;
namespace FB = evse::wire::FaultBit;
namespace SF = evse::wire::StatusFlag;
using rig::Car;
using rig::Out;

TEST_CASE("IEC 61851-1: A -> B1 -> B2 -> C2 -> B2 -> A with a permit") {
    rig::Rig r;
    r.step(10);
    CHECK(r.iec() == IecState::A);
    CHECK(r.hw.duty == 1000);
    r.car = Car::B;
    r.step(10);
    CHECK(r.iec() == IecState::B1);
    CHECK(r.hw.lock);
    CHECK(r.permit(16000) == rig::kOk);
    r.step(5);
    CHECK(r.iec() == IecState::B2);
    CHECK(r.hw.duty == 266);
    CHECK(r.status().offered_mA == 15960);
    CHECK_FALSE(r.hw.contactor);
    r.car = Car::C;
    r.step(10);
    CHECK(r.iec() == IecState::C2);
    CHECK(r.hw.contactor);
    CHECK(r.status().contactor_cycles == 1);
    CHECK((r.status().flags & SF::CONTACTOR_CLOSED) != 0);
    r.car = Car::B;
    r.step(10);
    CHECK(r.iec() == IecState::B2);
    CHECK_FALSE(r.hw.contactor);
    r.car = Car::None;
    r.step(10);
    CHECK(r.iec() == IecState::A);
    CHECK_FALSE(r.hw.lock);
    CHECK(r.hw.duty == 1000);
    // The permission belonged to that vehicle's session.
    CHECK((r.status().flags & SF::PERMITTED) == 0);
    CHECK(r.status().transaction_ref == 0);
}

TEST_CASE("IEC 61851-1: C1 without a permit keeps the contactor open") {
    rig::Rig r;
    r.car = Car::C;
    r.step(50);
    CHECK(r.iec() == IecState::C1);
    CHECK_FALSE(r.hw.contactor);
}

TEST_CASE("IEC 61851-1: state D refused (VENTILATION_REFUSED) unless ventilation is allowed") {
    rig::Rig r;
    r.car = Car::B;
    r.step(10);
    r.permit(16000);
    r.car = Car::D;
    r.step(20);
    CHECK((r.status().faults & FB::VENTILATION_REFUSED) != 0);
    CHECK_FALSE(r.hw.contactor);
    r.step(400);
    CHECK(r.iec() == IecState::D1);  // F for 300 ms, then +12 V without PWM to watch for the unplug
    r.car = Car::None;
    r.step(20);
    CHECK(r.status().faults == 0);

    rig::Rig v(false);
    v.id.capabilities |= evse::wire::Capability::VENTILATION;  // state D needs the site's ventilation
    v.begin();
    evse::wire::Configure c = rig::default_configure();
    c.failsafe_current_mA = 0;
    c.allow_ventilation = 1;
    c.fault_retry_limit = 3;
    REQUIRE(v.command(c) == rig::kOk);
    v.car = Car::B;
    v.step(10);
    v.permit(16000);
    v.car = Car::D;
    v.step(20);
    CHECK(v.iec() == IecState::D2);
    CHECK(v.hw.contactor);
}

TEST_CASE("IEC 61851-1: state E (pilot short) is PILOT_FAULT, F for 300 ms, clears on unplug") {
    rig::Rig r;
    r.start_charging();
    const uint32_t t0 = r.now;
    r.pilot_short = true;
    r.step(20);
    CHECK((r.status().faults & FB::PILOT_FAULT) != 0);
    CHECK_FALSE(r.hw.contactor);
    CHECK(r.hw.first(Out::Contactor, 0, t0) - t0 < 10);
    const uint32_t f_on = r.hw.first(Out::StateF, 1, t0);
    REQUIRE(f_on != UINT32_MAX);
    r.step(400);
    const uint32_t f_off = r.hw.first(Out::StateF, 0, f_on);
    REQUIRE(f_off != UINT32_MAX);
    CHECK(f_off - f_on >= 300);
    CHECK(r.iec() == IecState::E);
    r.pilot_short = false;
    r.car = Car::None;
    r.step(20);
    CHECK(r.iec() == IecState::A);
    CHECK(r.status().faults == 0);
}

TEST_CASE("IEC 61851-1 Annex A: missing diode with PWM on is DIODE_FAULT; cleared by unplugging") {
    rig::Rig r;
    r.diode = false;
    r.car = Car::B;
    r.step(10);
    r.permit(16000);
    r.step(20);
    CHECK((r.status().faults & FB::DIODE_FAULT) != 0);
    CHECK(r.hw.duty == 1000);
    r.step(400);
    CHECK(r.iec() == IecState::B1);
    r.car = Car::None;
    r.step(20);
    CHECK(r.status().faults == 0);
    // Without PWM there is no diode check: a B1 vehicle without a diode is not judged.
    rig::Rig q;
    q.diode = false;
    q.car = Car::B;
    q.step(100);
    CHECK(q.status().faults == 0);
}

TEST_CASE("IEC 61851-1 Annex A: the contactor closes only after the diode check has passed") {
    // A car without a diode that asks for current at once: the fault latches, the contactor is
    // never commanded closed (no contactor cycle under a faulty vehicle).
    rig::Rig r;
    r.diode = false;
    r.car = Car::C;
    r.step(20);
    REQUIRE(r.permit(16000) == rig::kOk);
    r.step(50);
    CHECK((r.status().faults & FB::DIODE_FAULT) != 0);
    CHECK(r.hw.first(Out::Contactor, 1) == UINT32_MAX);
    CHECK(r.status().contactor_cycles == 0);

    // A sound car waiting in C1: the close waits for the PWM's first 2 ms plus the 4 ms the -12 V
    // plateau must be read, then comes at once.
    rig::Rig g;
    g.car = Car::C;
    g.step(20);
    REQUIRE(g.permit(16000) == rig::kOk);
    g.step(50);
    const uint32_t pwm_on = g.hw.first(Out::Pwm, 266);
    const uint32_t closed = g.hw.first(Out::Contactor, 1);
    REQUIRE(pwm_on != UINT32_MAX);
    REQUIRE(closed != UINT32_MAX);
    MESSAGE("PWM on -> contactor closed with the diode checked: " << closed - pwm_on << " ms");
    CHECK(closed - pwm_on >= evse::kPilotDebounceMs + 2);
    CHECK(closed - pwm_on <= evse::kPilotDebounceMs + 3);
}

TEST_CASE("IEC 61851-1 Annex B: PP cable ampacity caps the offer; PP out of range is PP_FAULT") {
    rig::Rig r;
    r.pp_ohm = 680;  // 20 A cable
    r.start_charging(32000);
    CHECK(r.status().pp_ampacity_A == 20);
    CHECK(r.status().offered_mA <= 20000);
    CHECK(r.hw.duty == 333);
    // Monitored for the whole session: the cable reading goes open.
    r.pp_ohm = 0xFFFFFFFFu;
    r.step(30);
    CHECK((r.status().faults & FB::PP_FAULT) != 0);
    CHECK_FALSE(r.hw.contactor);
}

TEST_CASE("Tethered cable (no SOCKET_PP): no PP limit, PP reading ignored") {
    rig::Rig r(false);
    r.id.capabilities &= ~evse::wire::Capability::SOCKET_PP;
    r.begin();
    r.pp_ohm = 0;
    r.start_charging(32000);
    CHECK(r.status().pp_ampacity_A == 0);
    CHECK(r.status().offered_mA == 31980);
    CHECK(r.status().faults == 0);
}

TEST_CASE("Lock: locked in B/C, unlocked in A; UNLOCK refused while the contactor is closed") {
    rig::Rig r;
    r.start_charging();
    CHECK(r.hw.lock);
    evse::wire::Unlock u{};
    u.connector = 0;
    CHECK(r.command(u) == static_cast<uint8_t>(evse::wire::ResultCode::REFUSED_STATE));
    r.car = Car::B;
    r.step(20);
    CHECK(r.command(u) == rig::kOk);
    r.step(5);
    CHECK_FALSE(r.hw.lock);
    CHECK(r.hw.duty == 1000);  // no new offer until the vehicle has left
    r.car = Car::C;
    r.step(100);
    CHECK_FALSE(r.hw.contactor);
    r.car = Car::None;
    r.step(10);
    r.car = Car::B;
    r.step(10);
    CHECK(r.hw.lock);
}

TEST_CASE("Lock: the lock not reaching its position within 1 s is LOCK_FAULT (technician clear)") {
    rig::Rig r;
    r.lock_stuck = true;
    r.car = Car::B;
    r.step(900);
    CHECK(r.status().faults == 0);
    r.step(200);
    CHECK((r.status().faults & FB::LOCK_FAULT) != 0);
    CHECK(r.clear_fault(FB::LOCK_FAULT) == static_cast<uint8_t>(evse::wire::ResultCode::CONDITION_PRESENT));
    r.lock_stuck = false;
    r.step(5);
    CHECK(r.clear_fault(FB::LOCK_FAULT) == rig::kOk);
    CHECK(r.status().faults == 0);
}

TEST_CASE("IEC 61851-1: on a fault the pilot goes to F (-12 V) for at least 300 ms and stays while latched") {
    rig::Rig r;
    r.start_charging();
    const uint32_t t0 = r.now;
    r.pe_ok = false;
    r.step(50);
    CHECK(r.iec() == IecState::F);
    r.pe_ok = true;
    r.step(2000);
    CHECK(r.hw.state_f);  // GROUND_FAULT is latched for a technician: F holds
    CHECK(r.clear_fault(FB::GROUND_FAULT) == rig::kOk);
    r.step(10);
    CHECK_FALSE(r.hw.state_f);
    CHECK(r.hw.first(Out::StateF, 0, t0) - r.hw.first(Out::StateF, 1, t0) >= 300);
}
