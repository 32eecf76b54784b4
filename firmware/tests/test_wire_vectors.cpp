// Shared wire vectors (firmware/protocol/test_vectors.json) against the C++ codec: every frame
// decodes to its fields and re-encodes byte-identical; bad frames give their named DecodeResult.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evse/wire_frame.hpp"
#include "evse/wire_link.hpp"

namespace W = evse::wire;
using json = nlohmann::json;

namespace {

std::vector<uint8_t> from_hex(const std::string& hex) {
    std::vector<uint8_t> out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string serial_text(const uint8_t (&s)[16]) {
    std::string t;
    for (uint8_t c : s)
        if (c != 0) t.push_back(static_cast<char>(c));
    return t;
}

const char* result_name(W::DecodeResult r) {
    switch (r) {
        case W::DecodeResult::Ok: return "Ok";
        case W::DecodeResult::Incomplete: return "Incomplete";
        case W::DecodeResult::BadMagic: return "BadMagic";
        case W::DecodeResult::UnsupportedVersion: return "UnsupportedVersion";
        case W::DecodeResult::BadLength: return "BadLength";
        case W::DecodeResult::BadCrc: return "BadCrc";
        case W::DecodeResult::UnknownType: return "UnknownType";
    }
    return "?";
}

json load_vectors() {
    std::ifstream in(std::string(EVSE_PROTOCOL_DIR) + "/test_vectors.json");
    REQUIRE(in.good());
    return json::parse(in);
}

json fields_of(const W::IdentifyRequest& m) {
    json j = json::object();
    (void)m;
    return j;
}

json fields_of(const W::IdentifyReply& m) {
    json j = json::object();
    j["firmware_major"] = m.firmware_major;
    j["firmware_minor"] = m.firmware_minor;
    j["firmware_patch"] = m.firmware_patch;
    j["protocol_version"] = m.protocol_version;
    j["serial"] = serial_text(m.serial);
    j["capabilities"] = m.capabilities;
    j["connector_count"] = m.connector_count;
    j["phases"] = m.phases;
    j["max_current_mA"] = m.max_current_mA;
    j["boot_count"] = m.boot_count;
    return j;
}

json fields_of(const W::StatusRequest& m) {
    json j = json::object();
    j["connector"] = m.connector;
    return j;
}

json fields_of(const W::StatusReply& m) {
    json j = json::object();
    j["connector"] = m.connector;
    j["iec_state"] = m.iec_state;
    j["flags"] = m.flags;
    j["faults"] = m.faults;
    j["voltage_mV"] = json::array({m.voltage_mV[0], m.voltage_mV[1], m.voltage_mV[2]});
    j["current_mA"] = json::array({m.current_mA[0], m.current_mA[1], m.current_mA[2]});
    j["power_W"] = m.power_W;
    j["energy_Wh"] = m.energy_Wh;
    j["temperature_dC"] = m.temperature_dC;
    j["duty_permille"] = m.duty_permille;
    j["offered_mA"] = m.offered_mA;
    j["pp_ampacity_A"] = m.pp_ampacity_A;
    j["uptime_s"] = m.uptime_s;
    j["contactor_cycles"] = m.contactor_cycles;
    j["last_ack_seq"] = m.last_ack_seq;
    j["transaction_ref"] = m.transaction_ref;
    return j;
}

json fields_of(const W::Permit& m) {
    json j = json::object();
    j["connector"] = m.connector;
    j["current_limit_mA"] = m.current_limit_mA;
    j["transaction_ref"] = m.transaction_ref;
    return j;
}

json fields_of(const W::Stop& m) {
    json j = json::object();
    j["connector"] = m.connector;
    j["reason"] = m.reason;
    return j;
}

json fields_of(const W::SetCurrent& m) {
    json j = json::object();
    j["connector"] = m.connector;
    j["current_limit_mA"] = m.current_limit_mA;
    return j;
}

json fields_of(const W::Heartbeat& m) {
    json j = json::object();
    j["flags"] = m.flags;
    return j;
}

json fields_of(const W::Configure& m) {
    json j = json::object();
    j["max_current_mA"] = m.max_current_mA;
    j["failsafe_current_mA"] = m.failsafe_current_mA;
    j["lease_ms"] = m.lease_ms;
    j["overvoltage_mV"] = m.overvoltage_mV;
    j["undervoltage_mV"] = m.undervoltage_mV;
    j["derate_temperature_dC"] = m.derate_temperature_dC;
    j["stop_temperature_dC"] = m.stop_temperature_dC;
    j["temperature_hysteresis_dC"] = m.temperature_hysteresis_dC;
    j["allow_ventilation"] = m.allow_ventilation;
    j["fault_retry_limit"] = m.fault_retry_limit;
    return j;
}

json fields_of(const W::ClearFault& m) {
    json j = json::object();
    j["fault_mask"] = m.fault_mask;
    return j;
}

json fields_of(const W::Unlock& m) {
    json j = json::object();
    j["connector"] = m.connector;
    return j;
}

json fields_of(const W::Reset& m) {
    json j = json::object();
    j["kind"] = m.kind;
    return j;
}

json fields_of(const W::SelfTest& m) {
    json j = json::object();
    (void)m;
    return j;
}

json fields_of(const W::SelfTestReply& m) {
    json j = json::object();
    j["failed_mask"] = m.failed_mask;
    j["tests_run"] = m.tests_run;
    return j;
}

json fields_of(const W::Ack& m) {
    json j = json::object();
    j["acked_type"] = m.acked_type;
    j["result"] = m.result;
    return j;
}

json fields_of(const W::Error& m) {
    json j = json::object();
    j["error"] = m.error;
    j["detail"] = m.detail;
    return j;
}

json fields_of(const W::SessionRequest& m) {
    json j = json::object();
    (void)m;
    return j;
}

json fields_of(const W::SessionReply& m) {
    json j = json::object();
    j["nonce"] = serial_text(m.nonce);
    j["auth_required"] = m.auth_required;
    return j;
}


template <typename Msg>
bool check_message(const json& v) {
    const std::vector<uint8_t> frame = from_hex(v["frame_hex"].get<std::string>());
    W::Frame f{};
    size_t used = 0;
    REQUIRE(W::decode_frame(frame.data(), frame.size(), &f, &used) == W::DecodeResult::Ok);
    CHECK(used == frame.size());
    CHECK(f.type == static_cast<uint8_t>(Msg::kType));
    CHECK(f.seq == v["seq"].get<uint16_t>());
    const Msg m = Msg::decode(f.payload);
    CHECK(fields_of(m) == v["fields"]);
    uint8_t out[W::kMaxFrame];
    const size_t n = W::encode_message(m, f.seq, out, sizeof out);
    CHECK(std::vector<uint8_t>(out, out + n) == frame);
    return true;
}

bool check_vector(const json& v) {
    const std::string message = v["message"].get<std::string>();
    if (message == "IdentifyRequest") return check_message<W::IdentifyRequest>(v);
    if (message == "IdentifyReply") return check_message<W::IdentifyReply>(v);
    if (message == "StatusRequest") return check_message<W::StatusRequest>(v);
    if (message == "StatusReply") return check_message<W::StatusReply>(v);
    if (message == "Permit") return check_message<W::Permit>(v);
    if (message == "Stop") return check_message<W::Stop>(v);
    if (message == "SetCurrent") return check_message<W::SetCurrent>(v);
    if (message == "Heartbeat") return check_message<W::Heartbeat>(v);
    if (message == "Configure") return check_message<W::Configure>(v);
    if (message == "ClearFault") return check_message<W::ClearFault>(v);
    if (message == "Unlock") return check_message<W::Unlock>(v);
    if (message == "Reset") return check_message<W::Reset>(v);
    if (message == "SelfTest") return check_message<W::SelfTest>(v);
    if (message == "SelfTestReply") return check_message<W::SelfTestReply>(v);
    if (message == "Ack") return check_message<W::Ack>(v);
    if (message == "Error") return check_message<W::Error>(v);
    if (message == "SessionRequest") return check_message<W::SessionRequest>(v);
    if (message == "SessionReply") return check_message<W::SessionReply>(v);
    return false;
}

}  // namespace

TEST_CASE("Wire vectors: CRC-16/CCITT-FALSE check values") {
    const json d = load_vectors();
    for (const json& c : d["crc16_ccitt_false"]) {
        const std::vector<uint8_t> data = from_hex(c["input_hex"].get<std::string>());
        CHECK(W::crc16(data.data(), data.size()) == c["crc"].get<uint16_t>());
    }
}

TEST_CASE("Wire vectors: every frame decodes to its fields and re-encodes byte-identical") {
    const json d = load_vectors();
    int count = 0;
    for (const json& v : d["frames"]) {
        INFO(v["name"].get<std::string>());
        CHECK(check_vector(v));
        ++count;
    }
    MESSAGE(count << " frame vectors checked");
    CHECK(count >= 16);
}

TEST_CASE("Wire vectors: bad frames give the named DecodeResult (decode_frame and FrameParser)") {
    const json d = load_vectors();
    for (const json& v : d["bad_frames"]) {
        INFO(v["name"].get<std::string>());
        const std::vector<uint8_t> frame = from_hex(v["frame_hex"].get<std::string>());
        W::Frame f{};
        size_t used = 0;
        CHECK(std::string(result_name(W::decode_frame(frame.data(), frame.size(), &f, &used))) ==
              v["result"].get<std::string>());
        // The stream parser never yields a frame from it.
        W::FrameParser p;
        p.feed(frame.data(), frame.size());
        uint16_t seq = 0;
        uint8_t detail = 0;
        for (int i = 0; i < 200; ++i) {
            const W::DecodeResult r = p.next(&f, &seq, &detail);
            CHECK(r != W::DecodeResult::Ok);
            if (r == W::DecodeResult::Incomplete) break;
        }
    }
}

TEST_CASE("Wire vectors: a longer payload (newer minor revision) is accepted, extra bytes ignored") {
    const json d = load_vectors();
    const json& v = d["accepted_longer_payload"];
    const std::vector<uint8_t> frame = from_hex(v["frame_hex"].get<std::string>());
    W::Frame f{};
    size_t used = 0;
    REQUIRE(W::decode_frame(frame.data(), frame.size(), &f, &used) == W::DecodeResult::Ok);
    CHECK(f.type == static_cast<uint8_t>(W::MsgType::STATUS_REPLY));
    CHECK(f.payload_len > W::StatusReply::kSize);
    CHECK(used == frame.size());
}

namespace {

// A tagged vector: the tag computed by encode_tagged matches, and a LinkSession with the vector's
// nonce and key passes the frame to the core without its tag.
template <typename Msg>
void check_tagged(const json& v, const W::LinkKey& key, const uint8_t* nonce) {
    const std::vector<uint8_t> frame = from_hex(v["frame_hex"].get<std::string>());
    W::Frame f{};
    size_t used = 0;
    REQUIRE(W::decode_frame(frame.data(), frame.size(), &f, &used) == W::DecodeResult::Ok);
    const Msg m = Msg::decode(f.payload);
    CHECK(fields_of(m) == v["fields"]);
    uint8_t out[W::kMaxFrame];
    const size_t n = W::encode_tagged(m, f.seq, key, nonce, out, sizeof out);
    CHECK(std::vector<uint8_t>(out, out + n) == frame);
    W::LinkSession session;
    session.begin(nonce, 0);
    W::Frame pass{};
    CHECK(session.screen(f, key, 0, &pass, out, sizeof out) == 0);
    CHECK(pass.payload_len == Msg::kSize);
}

}  // namespace

TEST_CASE("Wire vectors: link tags (HMAC-SHA256 over nonce, header and fields, 16 bytes)") {
    const json tags = load_vectors()["link_tags"];
    W::LinkKey key;
    const std::vector<uint8_t> k = from_hex(tags["key_hex"].get<std::string>());
    REQUIRE(k.size() == W::kLinkKeySize);
    std::copy(k.begin(), k.end(), key.bytes);
    key.set = true;
    const std::vector<uint8_t> nonce = from_hex(tags["nonce_hex"].get<std::string>());
    REQUIRE(nonce.size() == W::kNonceSize);
    REQUIRE(tags["frames"].size() == 4);
    for (const json& v : tags["frames"]) {
        CAPTURE(v["name"].get<std::string>());
        const std::string message = v["message"].get<std::string>();
        if (message == "Permit") check_tagged<W::Permit>(v, key, nonce.data());
        else if (message == "Stop") check_tagged<W::Stop>(v, key, nonce.data());
        else if (message == "Configure") check_tagged<W::Configure>(v, key, nonce.data());
        else if (message == "Heartbeat") check_tagged<W::Heartbeat>(v, key, nonce.data());
        else FAIL("no check for " << message);
    }
}
