// Wire-request handling of ChargerCore: validation, replies, sequence numbers, bad frames.
#include <doctest/doctest.h>

#include <string>

#include "charger_rig.hpp"

namespace W = evse::wire;
namespace FB = evse::wire::FaultBit;
using rig::Car;

static uint8_t rc(W::ResultCode c) { return static_cast<uint8_t>(c); }

static W::Configure valid_configure() {
    W::Configure c{};
    c.max_current_mA = 32000;
    c.failsafe_current_mA = 0;
    c.lease_ms = 5000;
    c.overvoltage_mV = 253000;
    c.undervoltage_mV = 196000;
    c.derate_temperature_dC = 700;
    c.stop_temperature_dC = 850;
    c.temperature_hysteresis_dC = 50;
    c.allow_ventilation = 0;
    c.fault_retry_limit = 3;
    return c;
}

TEST_CASE("Commands: IDENTIFY_REPLY carries identity, protocol version, boot count, one connector") {
    rig::Rig r;
    const std::vector<uint8_t> reply = r.send(W::IdentifyRequest{});
    W::Frame f{};
    size_t used = 0;
    REQUIRE(W::decode_frame(reply.data(), reply.size(), &f, &used) == W::DecodeResult::Ok);
    CHECK(f.type == static_cast<uint8_t>(W::MsgType::IDENTIFY_REPLY));
    CHECK(f.seq == 1);
    const W::IdentifyReply m = W::IdentifyReply::decode(f.payload);
    CHECK(m.protocol_version == W::kVersion);
    CHECK(m.connector_count == 1);
    CHECK(m.boot_count == 1);
    CHECK(m.max_current_mA == 32000);
    CHECK(m.phases == 3);
    CHECK(m.firmware_minor == 2);
    CHECK(m.serial[0] == 'T');
}

TEST_CASE("Commands: connector != 0 is ERROR BAD_CONNECTOR with the request's seq") {
    rig::Rig r;
    W::StatusRequest s{};
    s.connector = 1;
    const std::vector<uint8_t> reply = r.send(s);
    W::Frame f{};
    size_t used = 0;
    REQUIRE(W::decode_frame(reply.data(), reply.size(), &f, &used) == W::DecodeResult::Ok);
    CHECK(f.type == static_cast<uint8_t>(W::MsgType::ERROR));
    CHECK(f.seq == 1);
    CHECK(f.payload[0] == static_cast<uint8_t>(W::ErrorCode::BAD_CONNECTOR));
    W::Permit p{};
    p.connector = 2;
    p.transaction_ref = 1;
    CHECK(r.command(p) == 0xFF);
}

TEST_CASE("Commands: PERMIT validation (transaction_ref 0, latched fault) and last_ack_seq") {
    rig::Rig r;
    CHECK(r.permit(16000, 0) == rc(W::ResultCode::INVALID_ARGUMENT));
    const uint16_t seq = r.seq;
    CHECK(r.permit(16000, 7) == rig::kOk);
    CHECK(r.status().last_ack_seq == seq);
    CHECK(r.status().transaction_ref == 7);
    r.pe_ok = false;
    r.step(30);
    CHECK(r.permit(16000, 8) == rc(W::ResultCode::REFUSED_FAULT));
}

TEST_CASE("Commands: SET_CURRENT without a permit is REFUSED_STATE; STOP ends the permit") {
    rig::Rig r;
    W::SetCurrent sc{};
    sc.current_limit_mA = 10000;
    CHECK(r.command(sc) == rc(W::ResultCode::REFUSED_STATE));
    r.permit(16000);
    CHECK(r.command(sc) == rig::kOk);
    W::Stop st{};
    CHECK(r.command(st) == rig::kOk);
    CHECK(r.command(sc) == rc(W::ResultCode::REFUSED_STATE));
    CHECK(r.status().transaction_ref == 0);
}

TEST_CASE("Commands: CONFIGURE validation, persisted") {
    rig::Rig r;
    CHECK(r.command(valid_configure()) == rig::kOk);
    W::Configure c = valid_configure();
    c.max_current_mA = 33000;  // above hw max
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c = valid_configure();
    c.failsafe_current_mA = 5000;
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c.failsafe_current_mA = 33000;
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c.failsafe_current_mA = 6000;
    CHECK(r.command(c) == rig::kOk);
    c = valid_configure();
    c.lease_ms = 499;
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c.lease_ms = 600001;
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c = valid_configure();
    c.undervoltage_mV = c.overvoltage_mV;
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c = valid_configure();
    c.derate_temperature_dC = c.stop_temperature_dC;
    CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c = valid_configure();
    c.max_current_mA = 16000;
    c.lease_ms = 9000;
    CHECK(r.command(c) == rig::kOk);
    r.begin();
    CHECK(r.core.config().max_current_mA == 16000);
    CHECK(r.core.config().lease_ms == 9000);
}

TEST_CASE("Commands: RESET is acknowledged, opens the contactor, then reset_requested()") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    W::Reset rs{};
    CHECK(r.command(rs) == rig::kOk);
    CHECK_FALSE(r.hw.contactor);
    CHECK(r.hw.duty == 1000);
    CHECK(r.core.reset_requested());
}

TEST_CASE("Commands: SELF_TEST refused while charging; failures latch SELF_TEST_FAILED") {
    rig::Rig r;
    r.step(10);
    std::vector<uint8_t> reply = r.send(W::SelfTest{});
    REQUIRE(reply[2] == static_cast<uint8_t>(W::MsgType::SELF_TEST_REPLY));
    W::SelfTestReply m = W::SelfTestReply::decode(reply.data() + W::kHeaderSize);
    CHECK(m.failed_mask == 0);
    CHECK(m.tests_run == 0x7D);  // all but the -12 V check (no PWM running)
    r.step(10);
    CHECK(r.status().faults == 0);  // the RCD test's own trip is not a fault

    r.hw.rcd_test_passes = false;
    reply = r.send(W::SelfTest{});
    m = W::SelfTestReply::decode(reply.data() + W::kHeaderSize);
    CHECK(m.failed_mask == 0x04);
    CHECK((r.status().faults & FB::SELF_TEST_FAILED) != 0);
    CHECK(r.clear_fault(FB::SELF_TEST_FAILED) == rig::kOk);

    r.hw.rcd_test_passes = true;
    REQUIRE(r.start_charging());
    CHECK(r.command(W::SelfTest{}) == rc(W::ResultCode::REFUSED_STATE));
}

TEST_CASE("Commands: replies sent as requests and bad frames are answered with ERROR and counted") {
    rig::Rig r;
    W::Ack a{};
    std::vector<uint8_t> reply = r.send(a);
    CHECK(reply[2] == 0xFF);
    CHECK(reply[6] == static_cast<uint8_t>(W::ErrorCode::UNKNOWN_TYPE));
    uint8_t junk[4] = {0x00, 0x01, 0x02, 0x03};
    uint8_t out[W::kMaxFrame];
    size_t n = r.core.handle_bytes(junk, sizeof junk, out, sizeof out);
    REQUIRE(n > 0);
    CHECK(out[6] == static_cast<uint8_t>(W::ErrorCode::BAD_MAGIC));
    uint8_t req[W::kMaxFrame];
    const size_t len = W::encode_message(W::StatusRequest{}, 9, req, sizeof req);
    req[len - 1] ^= 1;
    n = r.core.handle_bytes(req, len, out, sizeof out);
    CHECK(out[6] == static_cast<uint8_t>(W::ErrorCode::BAD_CRC));
    CHECK(W::get_u16(out + 3) == 0xFFFF);
    n = r.core.handle_bytes(req, 5, out, sizeof out);  // truncated
    CHECK(out[6] == static_cast<uint8_t>(W::ErrorCode::BAD_LENGTH));
    CHECK(r.core.rejected_frames() == 4);
    CHECK(r.core.reject_frame(W::DecodeResult::BadMagic, 0xFFFF, 0, out, sizeof out) == 0);
    CHECK(r.core.reject_frame(W::DecodeResult::UnsupportedVersion, 3, 2, out, sizeof out) > 0);
    CHECK(out[6] == static_cast<uint8_t>(W::ErrorCode::UNSUPPORTED_VERSION));
    CHECK(out[7] == 2);
    CHECK(r.core.rejected_frames() == 5);
}

TEST_CASE("Commands: STATUS_REPLY reports live values") {
    rig::Rig r;
    REQUIRE(r.start_charging(16000));
    r.step(100);
    std::vector<uint8_t> reply = r.send(W::StatusRequest{});
    REQUIRE(reply.size() == W::kHeaderSize + W::StatusReply::kSize + W::kCrcSize);
    const W::StatusReply s = W::StatusReply::decode(reply.data() + W::kHeaderSize);
    CHECK(s.iec_state == static_cast<uint8_t>(W::IecState::C2));
    CHECK(s.current_mA[0] == 15960);
    CHECK(s.voltage_mV[2] == 230000);
    CHECK(s.power_W == 3 * 3670);
    CHECK(s.duty_permille == 266);
    CHECK(s.pp_ampacity_A == 32);
    CHECK(s.uptime_s == 0);
}

// A field edit that must make CONFIGURE refused, with what it would do to the charger.
struct BadConfigure {
    const char* what;
    void (*edit)(W::Configure&);
};

static bool config_is_default(const evse::ChargerConfig& c) {
    const evse::ChargerConfig d{};
    return c.max_current_mA == d.max_current_mA && c.failsafe_current_mA == d.failsafe_current_mA &&
           c.lease_ms == d.lease_ms && c.overvoltage_mV == d.overvoltage_mV && c.undervoltage_mV == d.undervoltage_mV &&
           c.derate_temperature_dC == d.derate_temperature_dC && c.stop_temperature_dC == d.stop_temperature_dC &&
           c.temperature_hysteresis_dC == d.temperature_hysteresis_dC && c.allow_ventilation == d.allow_ventilation &&
           c.fault_retry_limit == d.fault_retry_limit;
}

TEST_CASE("Commands: CONFIGURE out of the firmware's bounds is INVALID_ARGUMENT, nothing applied or persisted") {
    const BadConfigure bad[] = {
        {"over-voltage 0xFFFFFFFF switches the trip off", [](W::Configure& c) { c.overvoltage_mV = 0xFFFFFFFFu; }},
        {"over-voltage above +15 % of 230 V", [](W::Configure& c) { c.overvoltage_mV = 264501; }},
        {"over-voltage inside the grid's +10 % trips a normal grid", [](W::Configure& c) { c.overvoltage_mV = 252999; }},
        {"over-voltage 196 V trips a normal grid",
         [](W::Configure& c) {
             c.overvoltage_mV = 196000;
             c.undervoltage_mV = 184000;
         }},
        {"under-voltage 0 switches the trip off", [](W::Configure& c) { c.undervoltage_mV = 0; }},
        {"under-voltage below -20 % of 230 V", [](W::Configure& c) { c.undervoltage_mV = 183999; }},
        {"under-voltage inside the grid's -10 % trips a normal grid", [](W::Configure& c) { c.undervoltage_mV = 207001; }},
        {"under-voltage 253 V trips a normal grid",
         [](W::Configure& c) {
             c.undervoltage_mV = 253000;
             c.overvoltage_mV = 264000;
         }},
        {"stop temperature 3276.7 degC switches the trip off", [](W::Configure& c) { c.stop_temperature_dC = 32767; }},
        {"stop temperature above 90.0 degC", [](W::Configure& c) { c.stop_temperature_dC = 901; }},
        {"stop temperature below 50.0 degC stops at normal ambient",
         [](W::Configure& c) {
             c.stop_temperature_dC = 499;
             c.derate_temperature_dC = 450;
         }},
        {"derate temperature below 40.0 degC", [](W::Configure& c) { c.derate_temperature_dC = 399; }},
        {"derate temperature not below stop", [](W::Configure& c) { c.derate_temperature_dC = c.stop_temperature_dC; }},
        {"hysteresis 0 chatters", [](W::Configure& c) { c.temperature_hysteresis_dC = 0; }},
        {"hysteresis negative", [](W::Configure& c) { c.temperature_hysteresis_dC = -1; }},
        {"hysteresis above 20.0 degC", [](W::Configure& c) { c.temperature_hysteresis_dC = 201; }},
        {"retry limit 255", [](W::Configure& c) { c.fault_retry_limit = 255; }},
        {"retry limit 4", [](W::Configure& c) { c.fault_retry_limit = 4; }},
        {"max current 0 disables the charger", [](W::Configure& c) { c.max_current_mA = 0; }},
        {"max current below 6 A (IEC 61851-1)", [](W::Configure& c) { c.max_current_mA = 5999; }},
        {"max current above the hardware rating", [](W::Configure& c) { c.max_current_mA = 32001; }},
        {"fail-safe current below 6 A", [](W::Configure& c) { c.failsafe_current_mA = 5999; }},
        {"fail-safe current above max",
         [](W::Configure& c) {
             c.max_current_mA = 16000;
             c.failsafe_current_mA = 16001;
         }},
        {"lease below 500 ms", [](W::Configure& c) { c.lease_ms = 499; }},
        {"lease above 600 s", [](W::Configure& c) { c.lease_ms = 600001; }},
        {"allow_ventilation 2", [](W::Configure& c) { c.allow_ventilation = 2; }},
        {"allow_ventilation without the VENTILATION capability", [](W::Configure& c) { c.allow_ventilation = 1; }},
    };
    rig::Rig r;
    for (const BadConfigure& b : bad) {
        const std::string what = b.what;
        CAPTURE(what);
        W::Configure c = rig::default_configure();
        b.edit(c);
        const int writes = r.hw.storage_writes;
        CHECK(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
        CHECK(config_is_default(r.core.config()));
        CHECK(r.hw.storage_writes == writes);
    }
    // The same values in the persisted record (written by an older firmware) are not trusted either.
    evse::ChargerConfig stored{};
    stored.overvoltage_mV = 0xFFFFFFFFu;
    stored.fault_retry_limit = 255;
    evse::PersistentStore store;
    store.begin(r.hw);
    REQUIRE(store.save_config(stored));
    r.begin();
    CHECK(config_is_default(r.core.config()));
}

TEST_CASE("Commands: CONFIGURE accepts the edges of its bounds") {
    rig::Rig r;
    const auto ok = [&](void (*edit)(W::Configure&)) {
        W::Configure c = rig::default_configure();
        edit(c);
        return r.command(c);
    };
    CHECK(ok([](W::Configure& c) { c.overvoltage_mV = 253000; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.overvoltage_mV = 264500; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.undervoltage_mV = 184000; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.undervoltage_mV = 207000; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.stop_temperature_dC = 900; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) {
              c.stop_temperature_dC = 500;
              c.derate_temperature_dC = 400;
          }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.temperature_hysteresis_dC = 10; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.temperature_hysteresis_dC = 200; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.fault_retry_limit = 0; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.max_current_mA = 6000; }) == rig::kOk);
    CHECK(ok([](W::Configure& c) { c.lease_ms = 600000; }) == rig::kOk);

    // A charger rated above IEC 61851-1's 80 A is still capped at 80 A; with ventilation it may allow D.
    rig::Rig big(false);
    big.id.hw_max_current_mA = 100000;
    big.id.capabilities |= W::Capability::VENTILATION;
    big.begin();
    W::Configure c = rig::default_configure();
    c.max_current_mA = 80001;
    CHECK(big.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    c.max_current_mA = 80000;
    c.allow_ventilation = 1;
    CHECK(big.command(c) == rig::kOk);
    CHECK(big.core.config().max_current_mA == 80000);
}

TEST_CASE("Commands: after a refused CONFIGURE the default trips still act within 100 ms (Table A.6)") {
    rig::Rig r;
    W::Configure c = rig::default_configure();
    c.overvoltage_mV = 0xFFFFFFFFu;
    c.undervoltage_mV = 0;
    c.stop_temperature_dC = 32767;
    c.fault_retry_limit = 255;
    REQUIRE(r.command(c) == rc(W::ResultCode::INVALID_ARGUMENT));
    REQUIRE(r.start_charging());
    const uint32_t t0 = r.now;
    r.grid_mV = 1000000;
    r.step(100);
    CHECK((r.status().faults & FB::OVERVOLTAGE) != 0);
    CHECK(r.hw.first(rig::Out::Contactor, 0, t0) - t0 <= 100);
}

TEST_CASE("Commands: RESET with a kind other than 0 (soft) or 1 (hard) is INVALID_ARGUMENT, no reset") {
    rig::Rig r;
    REQUIRE(r.start_charging());
    W::Reset rs{};
    rs.kind = 2;
    CHECK(r.command(rs) == rc(W::ResultCode::INVALID_ARGUMENT));
    rs.kind = 0xFF;
    CHECK(r.command(rs) == rc(W::ResultCode::INVALID_ARGUMENT));
    r.step(10);
    CHECK_FALSE(r.core.reset_requested());
    CHECK(r.hw.contactor);
    rs.kind = 1;
    CHECK(r.command(rs) == rig::kOk);
    CHECK(r.core.reset_requested());
    CHECK_FALSE(r.hw.contactor);
}
