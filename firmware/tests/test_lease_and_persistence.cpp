// Host lease (expiry, fail-safe current, acknowledgement) and persistence of ChargerCore.
#include <doctest/doctest.h>

#include "charger_rig.hpp"

namespace FB = evse::wire::FaultBit;
namespace SF = evse::wire::StatusFlag;
using rig::Car;
using rig::Out;

TEST_CASE("Lease: no heartbeat for lease_ms -> fail-safe 0 stops the offer; contactor opens when the car stops") {
    rig::Rig r;
    REQUIRE(r.start_charging(16000));
    r.auto_heartbeat = false;
    r.heartbeat();
    const uint32_t t0 = r.now;
    r.step_until([&] { return r.hw.duty == 1000; }, 10000);
    MESSAGE("lease expiry after " << r.now - t0 << " ms (lease 5000 ms)");
    CHECK(r.now - t0 == 5000);
    CHECK((r.status().flags & SF::LEASE_EXPIRED) != 0);
    r.car = Car::B;  // the vehicle follows the PWM stop
    r.step(10);
    CHECK_FALSE(r.hw.contactor);
}

TEST_CASE("Lease: fail-safe current applies on expiry; HEARTBEAT without ack keeps it, with ack restores") {
    rig::Rig r;
    evse::wire::Configure c = rig::default_configure();
    c.failsafe_current_mA = 8000;
    c.lease_ms = 2000;
    REQUIRE(r.command(c) == rig::kOk);
    REQUIRE(r.start_charging(16000));
    r.auto_heartbeat = false;
    r.heartbeat();
    const uint32_t t0 = r.now;
    r.step_until([&] { return r.hw.duty == 133; }, 5000);
    MESSAGE("fail-safe current after " << r.now - t0 << " ms (lease 2000 ms)");
    CHECK(r.now - t0 == 2000);
    CHECK(r.hw.contactor);  // 8 A fail-safe keeps charging
    r.heartbeat(0);
    r.step(6000);
    CHECK(r.hw.duty == 133);
    CHECK((r.status().flags & SF::LEASE_EXPIRED) != 0);
    r.heartbeat(1);
    r.step(1);
    CHECK((r.status().flags & SF::LEASE_EXPIRED) == 0);
    CHECK(r.hw.duty == 266);  // more than 5 s since the decrease: the increase is not held back
}

TEST_CASE("Lease: an idle charger heartbeated by a host (first one acknowledging) never expires") {
    rig::Rig r;
    r.auto_heartbeat = false;
    r.heartbeat(1);  // a host (re)connecting acknowledges whatever it may have missed
    for (int i = 0; i < 12; ++i) {
        r.step(1000);
        r.heartbeat();
    }
    CHECK((r.status().flags & SF::LEASE_EXPIRED) == 0);
    r.car = Car::B;  // a car arriving later is offered current at once when permitted
    r.step(20);
    r.permit(16000);
    r.step(20);
    CHECK(r.hw.duty != 1000);
}

TEST_CASE("Lease: host returns within the lease: nothing changes") {
    rig::Rig r;
    REQUIRE(r.start_charging(16000));
    r.step(30000);
    CHECK(r.hw.duty == 266);
    CHECK((r.status().flags & SF::LEASE_EXPIRED) == 0);
}

TEST_CASE("Persistence: energy, contactor cycles, boot count and config survive a re-begin") {
    rig::Rig r;
    evse::wire::Configure c = rig::default_configure();
    c.max_current_mA = 20000;
    REQUIRE(r.command(c) == rig::kOk);
    REQUIRE(r.start_charging(32000));
    r.step(60000);  // 3 x 230 V x 19.98 A for a minute: about 230 Wh
    const uint32_t wh = r.status().energy_Wh;
    CHECK(wh >= 228);
    CHECK(wh <= 231);
    r.car = Car::B;
    r.step(10);
    CHECK(r.status().contactor_cycles == 1);
    const uint32_t boots = r.core.boot_count();

    r.begin();  // power cycle: same storage
    CHECK(r.core.boot_count() == boots + 1);
    CHECK(r.status().energy_Wh == wh);
    CHECK(r.status().contactor_cycles == 1);
    CHECK(r.core.config().max_current_mA == 20000);
}

TEST_CASE("Persistence: energy is saved at most every 100 Wh while charging and on contactor open") {
    rig::Rig r;
    REQUIRE(r.start_charging(32000));
    const int writes0 = r.hw.storage_writes;
    r.step(60000);  // ~368 Wh
    const int during = r.hw.storage_writes - writes0;
    CHECK(during >= 3);
    CHECK(during <= 4);
    // A power loss now loses less than 100 Wh.
    rig::Rig copy(false);
    copy.hw.storage = r.hw.storage;
    copy.begin();
    CHECK(r.status().energy_Wh - copy.status().energy_Wh < 100);
}

TEST_CASE("Persistence: a torn (corrupt) counters slot falls back to the other slot") {
    rig::Rig r;
    REQUIRE(r.start_charging(32000));
    r.step(30000);
    r.car = Car::B;
    r.step(10);
    const uint32_t wh = r.status().energy_Wh;
    // Corrupt the newer slot: the older one (one save earlier) is used.
    rig::Rig copy(false);
    copy.hw.storage = r.hw.storage;
    std::vector<uint8_t>& a = copy.hw.storage[evse::kKeyCountersA];
    std::vector<uint8_t>& b = copy.hw.storage[evse::kKeyCountersB];
    (a[1] > b[1] ? a : b)[10] ^= 0x55;
    copy.begin();
    CHECK(copy.status().energy_Wh <= wh);
    CHECK(copy.status().energy_Wh + 100 >= wh);
    CHECK(copy.core.storage_failures() == 1);
}

TEST_CASE("Persistence: storage failures never block charging and are counted") {
    rig::Rig r(false);
    r.hw.storage_broken = true;
    r.begin();
    REQUIRE(r.start_charging(16000));
    CHECK(r.core.storage_failures() > 0);
}

TEST_CASE("Metering: the energy counter is exact integer Wh (no drift over 1 ms ticks)") {
    evse::EnergyMeter m;
    m.begin(10, 0);
    // 3600 W for one hour in 1 ms steps = exactly 3600 Wh.
    for (uint32_t t = 1; t <= 3600000; ++t) m.integrate(3600, t);
    CHECK(m.energy_Wh() == 3610);
    m.integrate(-5000, 3600001);
    CHECK(m.energy_Wh() == 3610);
}

TEST_CASE("Uptime: counts on across the 32-bit millisecond clock's wrap (49.7 days) while charging") {
    rig::Rig r;
    // An idle charger whose clock is 70 s short of 2^32 ms: one step, as after 49.7 days of ticks.
    r.now = 0xFFFFFFFFu - 70000u;
    r.step(1);
    const uint32_t before_s = r.status().uptime_s;
    CHECK(before_s == (0xFFFFFFFFull - 70000u - 1000u + 1u) / 1000u);
    REQUIRE(r.start_charging(16000));
    uint32_t last_s = r.status().uptime_s;
    bool monotonic = true;
    for (int i = 0; i < 120; ++i) {  // 120 s: across the wrap and well past it
        r.step(1000);
        const uint32_t s = r.status().uptime_s;
        if (s < last_s) monotonic = false;
        last_s = s;
    }
    CHECK(r.now < 60000u);  // the clock did wrap
    CHECK(monotonic);
    CHECK(last_s >= before_s + 120);
    CHECK(r.hw.contactor);
    CHECK((r.status().flags & SF::LEASE_EXPIRED) == 0);
}

TEST_CASE("Clock wrap: an RCD trip 2^32 ms after a self-test is not blanked as the test's own trip") {
    rig::Rig r;
    r.step(100);
    r.send(evse::wire::SelfTest{});
    const uint32_t t_test = r.now;
    r.step(2000);  // well past the test's 1 s blanking
    // 49.7 days on, the 32-bit clock comes round to 200 ms after the test again. The core ticks every
    // millisecond; steps of up to 2^29 ms stand in for those of an idle charger.
    uint32_t left = t_test + 200u - r.now;  // modulo 2^32: just under 2^32 ms
    while (left > 0) {
        const uint32_t chunk = left - 1 < (1u << 29) ? left - 1 : (1u << 29);
        r.now += chunk;
        r.step(1);
        left -= chunk + 1;
    }
    REQUIRE(r.now == t_test + 200u);
    r.rcd = true;
    r.step(100);
    CHECK((r.status().faults & FB::RCD_TRIP) != 0);
}
