// Pure functions of the pilot and proximity: level bands, duty <-> current, PP ampacity.
#include <doctest/doctest.h>

#include "evse/pilot.hpp"
#include "evse/proximity.hpp"

using namespace evse;

TEST_CASE("IEC 61851-1 Table A.3: pilot level bands") {
    CHECK(classify_pilot(12000) == PilotLevel::A);
    CHECK(classify_pilot(10500) == PilotLevel::A);
    CHECK(classify_pilot(10499) == PilotLevel::B);
    CHECK(classify_pilot(9000) == PilotLevel::B);
    CHECK(classify_pilot(7500) == PilotLevel::B);
    CHECK(classify_pilot(7499) == PilotLevel::C);
    CHECK(classify_pilot(6000) == PilotLevel::C);
    CHECK(classify_pilot(4500) == PilotLevel::C);
    CHECK(classify_pilot(4499) == PilotLevel::D);
    CHECK(classify_pilot(3000) == PilotLevel::D);
    CHECK(classify_pilot(1500) == PilotLevel::D);
    CHECK(classify_pilot(1499) == PilotLevel::E);
    CHECK(classify_pilot(0) == PilotLevel::E);
    CHECK(classify_pilot(-12000) == PilotLevel::Invalid);
    CHECK(classify_pilot(15000) == PilotLevel::Invalid);
}

TEST_CASE("IEC 61851-1 Annex A: duty 6..51 A = A / 0.6, rounded down") {
    CHECK(duty_from_current(6000) == 100);
    CHECK(duty_from_current(10000) == 166);  // 16.67 % floors: offers 9.96 A, never above 10 A
    CHECK(current_from_duty(166) == 9960);
    CHECK(duty_from_current(16000) == 266);
    CHECK(duty_from_current(32000) == 533);
    CHECK(current_from_duty(533) == 31980);
    CHECK(duty_from_current(51000) == 850);
    CHECK(current_from_duty(850) == 51000);
}

TEST_CASE("IEC 61851-1 Annex A: duty 51..80 A = A / 2.5 + 64, clamp at 80 A") {
    CHECK(duty_from_current(53000) == 852);
    CHECK(current_from_duty(852) == 53000);
    CHECK(duty_from_current(63000) == 892);
    CHECK(duty_from_current(80000) == 960);
    CHECK(current_from_duty(960) == 80000);
    CHECK(duty_from_current(100000) == 960);
    // 51..52.5 A lands at or below 85 %, which the vehicle reads with the first formula.
    CHECK(duty_from_current(52000) == 848);
    CHECK(current_from_duty(848) <= 52000);
}

TEST_CASE("IEC 61851-1 Annex A: below 6 A nothing is offered") {
    CHECK(duty_from_current(5999) == kDutyOff);
    CHECK(duty_from_current(0) == kDutyOff);
    CHECK(current_from_duty(kDutyOff) == 0);
    CHECK(current_from_duty(99) == 0);
    CHECK(current_from_duty(961) == 0);
}

TEST_CASE("IEC 61851-1 Annex A: the offer never exceeds the limit, over the whole range") {
    for (uint32_t mA = 6000; mA <= 80000; mA += 7) {
        const uint32_t offered = current_from_duty(duty_from_current(mA));
        REQUIRE(offered <= mA);
        // ... and within one duty step below it, except where the two ranges meet (51..52.75 A).
        if (mA <= 51000 || mA >= 52750) REQUIRE(offered + 300 >= mA);
        else REQUIRE(offered >= 50000);
    }
}

TEST_CASE("IEC 61851-1 Annex B: Type 2 PP ranges give the cable ampacity") {
    CHECK(pp_ampacity_A(1500, 3) == 13);
    CHECK(pp_ampacity_A(1100, 3) == 13);
    CHECK(pp_ampacity_A(2460, 3) == 13);
    CHECK(pp_ampacity_A(680, 3) == 20);
    CHECK(pp_ampacity_A(400, 3) == 20);
    CHECK(pp_ampacity_A(936, 3) == 20);
    CHECK(pp_ampacity_A(220, 3) == 32);
    CHECK(pp_ampacity_A(164, 3) == 32);
    CHECK(pp_ampacity_A(308, 3) == 32);
    CHECK(pp_ampacity_A(100, 3) == 63);
    CHECK(pp_ampacity_A(100, 1) == 70);
}

TEST_CASE("IEC 61851-1 Annex B: PP between ranges takes the lower ampacity; out of range is a fault") {
    CHECK(pp_ampacity_A(1000, 3) == 13);  // between 20 A and 13 A
    CHECK(pp_ampacity_A(350, 3) == 20);   // between 32 A and 20 A
    CHECK(pp_ampacity_A(150, 3) == 32);   // between 63 A and 32 A
    CHECK(pp_ampacity_A(3000, 3) == 13);
    CHECK(pp_ampacity_A(59, 3) == 0);
    CHECK(pp_ampacity_A(4501, 3) == 0);
    CHECK(pp_ampacity_A(kPpOpen, 3) == 0);
    CHECK(pp_ampacity_A(0, 3) == 0);
}

TEST_CASE("Pilot debounce: a level counts after 4 ms, a glitch does not") {
    PilotFilter f;
    f.reset();
    CHECK(f.update(PilotLevel::A, 0) == PilotLevel::Unknown);
    CHECK(f.update(PilotLevel::A, 4) == PilotLevel::A);
    CHECK(f.update(PilotLevel::C, 5) == PilotLevel::A);
    CHECK(f.update(PilotLevel::A, 6) == PilotLevel::A);
    CHECK(f.update(PilotLevel::A, 20) == PilotLevel::A);
    CHECK(f.update(PilotLevel::B, 21) == PilotLevel::A);
    CHECK(f.update(PilotLevel::B, 25) == PilotLevel::B);
}
