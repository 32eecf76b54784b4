// Wire-request handling of ChargerCore: validation, replies, sequence numbers, bad frames.
#include <doctest/doctest.h>

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
