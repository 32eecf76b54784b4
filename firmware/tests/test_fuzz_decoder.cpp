// Bounded random + mutation fuzzing of decode_frame, FrameParser, LinkSession::screen and
// ChargerCore::handle_bytes: no crash (run under ASan/UBSan), every bad frame rejected and counted,
// no mutated frame passing a link tag check.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "charger_rig.hpp"
#include "evse/wire_link.hpp"

namespace W = evse::wire;

namespace {

struct Rng {  // xorshift64*: deterministic, so a failure reproduces
    uint64_t s = 0x9E3779B97F4A7C15ull;
    uint32_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return static_cast<uint32_t>((s * 0x2545F4914F6CDD1Dull) >> 32);
    }
    uint32_t below(uint32_t n) { return next() % n; }
};

std::vector<std::vector<uint8_t>> seed_frames() {
    std::ifstream in(std::string(EVSE_PROTOCOL_DIR) + "/test_vectors.json");
    const nlohmann::json d = nlohmann::json::parse(in);
    std::vector<std::vector<uint8_t>> seeds;
    auto add = [&seeds](const std::string& hex) {
        std::vector<uint8_t> f;
        for (size_t i = 0; i + 1 < hex.size(); i += 2)
            f.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
        seeds.push_back(f);
    };
    for (const auto& v : d["frames"]) add(v["frame_hex"].get<std::string>());
    for (const auto& v : d["link_tags"]["frames"]) add(v["frame_hex"].get<std::string>());
    return seeds;
}

std::vector<uint8_t> mutate(const std::vector<uint8_t>& seed, Rng& rng) {
    std::vector<uint8_t> f = seed;
    switch (rng.below(6)) {
        case 0:  // bit flips
            for (uint32_t k = 1 + rng.below(3); k > 0; --k) f[rng.below(static_cast<uint32_t>(f.size()))] ^= static_cast<uint8_t>(1u << rng.below(8));
            break;
        case 1:  // truncation
            f.resize(rng.below(static_cast<uint32_t>(f.size())));
            break;
        case 2:  // insertion
            f.insert(f.begin() + rng.below(static_cast<uint32_t>(f.size()) + 1), static_cast<uint8_t>(rng.next()));
            break;
        case 3:  // length lie
            if (f.size() > 5) f[5] = static_cast<uint8_t>(rng.next());
            break;
        case 4:  // random bytes
            f.resize(rng.below(W::kMaxFrame + 8));
            for (uint8_t& b : f) b = static_cast<uint8_t>(rng.next());
            if (!f.empty() && rng.below(2)) f[0] = W::kMagic;
            break;
        default:  // type byte or length changed with a valid CRC: reaches the type and length checks
            if (f.size() >= W::kHeaderSize + W::kCrcSize) {
                if (rng.below(2)) f[2] = static_cast<uint8_t>(rng.next());
                else f[5] = static_cast<uint8_t>(f.size() - W::kHeaderSize - W::kCrcSize - rng.below(3));
                const size_t body = f.size() - W::kCrcSize;
                if (static_cast<size_t>(f[5]) + W::kHeaderSize == body) W::put_u16(f.data() + body, W::crc16(f.data(), body));
            }
            break;
    }
    return f;
}

}  // namespace

TEST_CASE("Fuzz: >= 1,000,000 mutated frames into decode_frame, FrameParser and handle_bytes") {
    const std::vector<std::vector<uint8_t>> seeds = seed_frames();
    REQUIRE(!seeds.empty());
    Rng rng;
    rig::Rig r;
    W::FrameParser parser;
    const uint32_t kFrames = 1000000;
    uint32_t decode_ok = 0, decode_bad = 0, decode_incomplete = 0, core_replies = 0, core_silent = 0;
    uint32_t stream_ok = 0;
    uint8_t out[W::kMaxFrame];
    // The tagged seeds' key and nonce: an unmutated one passes, any change must be refused.
    W::LinkKey key;
    for (size_t i = 0; i < W::kLinkKeySize; ++i) key.bytes[i] = static_cast<uint8_t>(0x40 + i);
    key.set = true;
    const uint8_t nonce[W::kNonceSize] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                          0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
    W::LinkSession session;
    session.begin(nonce, 0);
    uint32_t forged_tags = 0, screened = 0;
    for (uint32_t i = 0; i < kFrames; ++i) {
        const std::vector<uint8_t> f = mutate(seeds[rng.below(static_cast<uint32_t>(seeds.size()))], rng);
        W::Frame frame{};
        size_t used = 0;
        const W::DecodeResult res = W::decode_frame(f.data(), f.size(), &frame, &used);
        if (res == W::DecodeResult::Ok) {
            ++decode_ok;
            REQUIRE(used <= f.size());
            REQUIRE(frame.payload_len <= W::kMaxPayload);
            W::Frame pass{};
            const size_t k = session.screen(frame, key, i, &pass, out, sizeof out);
            ++screened;
            REQUIRE(k <= sizeof out);
            REQUIRE(pass.payload_len <= frame.payload_len);
            if (k == 0 && W::needs_tag(frame.type)) {
                // Only an unchanged tagged seed may pass.
                bool is_seed = false;
                for (const auto& s : seeds) {
                    is_seed = is_seed || (s.size() == used && std::equal(s.begin(), s.end(), f.begin()));
                }
                if (!is_seed) ++forged_tags;
            }
        } else if (res == W::DecodeResult::Incomplete) {
            ++decode_incomplete;
        } else {
            ++decode_bad;
        }
        // The charger answers every whole buffer (an I2C write): a reply or an ERROR, never silence.
        const uint32_t rejected_before = r.core.rejected_frames();
        const size_t n = r.core.handle_bytes(f.data(), f.size(), out, sizeof out);
        if (n > 0) ++core_replies;
        else ++core_silent;
        if (res != W::DecodeResult::Ok) REQUIRE(r.core.rejected_frames() == rejected_before + 1);
        // Stream: the same bytes fed to one long-lived parser.
        size_t off = 0;
        while (off < f.size()) {
            off += parser.feed(f.data() + off, f.size() - off);
            uint16_t seq = 0;
            uint8_t detail = 0;
            for (;;) {
                const W::DecodeResult pr = parser.next(&frame, &seq, &detail);
                if (pr == W::DecodeResult::Incomplete) break;
                if (pr == W::DecodeResult::Ok) ++stream_ok;
            }
        }
        if ((i & 4095) == 0) r.step(1);  // let the core's state move now and then
    }
    const W::DecodeStats& st = parser.stats();
    MESSAGE("frames=" << kFrames << " decode_ok=" << decode_ok << " decode_rejected=" << decode_bad
                      << " decode_incomplete=" << decode_incomplete);
    MESSAGE("core replies=" << core_replies << " core_rejected=" << r.core.rejected_frames());
    MESSAGE("stream frames_ok=" << st.frames_ok << " bad_crc=" << st.bad_crc << " bad_length=" << st.bad_length
                                << " bad_version=" << st.bad_version << " unknown_type=" << st.unknown_type
                                << " bad_magic_bytes=" << st.bad_magic_bytes);
    MESSAGE("link session screened=" << screened << " auth_failures=" << session.auth_failures()
                                      << " mutated frames passing a tag check=" << forged_tags);
    CHECK(forged_tags == 0);
    CHECK(session.auth_failures() > 0);
    CHECK(core_silent == 0);
    CHECK(core_replies == kFrames);
    CHECK(decode_ok + decode_bad + decode_incomplete == kFrames);
    CHECK(r.core.rejected_frames() >= decode_bad + decode_incomplete);
    CHECK(stream_ok == st.frames_ok);
    CHECK(st.bad_crc + st.bad_length + st.bad_version + st.unknown_type > 0);
}
