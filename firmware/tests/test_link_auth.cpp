// Link authentication: SHA-256 / HMAC-SHA256 against FIPS 180-4 and RFC 4231, the per-connection
// screening of tagged requests, and which connection gives way when every slot is taken.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "charger_rig.hpp"
#include "evse/sha256.hpp"
#include "evse/wire_link.hpp"

namespace {

std::vector<uint8_t> bytes(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

std::string hex(const uint8_t* p, size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < n; ++i) {
        out += digits[p[i] >> 4];
        out += digits[p[i] & 0x0F];
    }
    return out;
}

std::string hmac_hex(const std::vector<uint8_t>& key, const std::vector<uint8_t>& data) {
    uint8_t mac[evse::kSha256Size];
    // Split the data over the three parts, so the concatenation is exercised too.
    const size_t third = data.size() / 3;
    evse::hmac_sha256(key.data(), key.size(), data.data(), third, data.data() + third, third,
                      data.data() + 2 * third, data.size() - 2 * third, mac);
    return hex(mac, sizeof(mac));
}

}  // namespace

TEST_CASE("SHA-256: FIPS 180-4 examples (one block, two blocks, empty, a million a)") {
    auto digest = [](const std::vector<uint8_t>& m) {
        evse::Sha256 sha;
        sha.update(m.data(), m.size());
        uint8_t out[evse::kSha256Size];
        sha.finish(out);
        return hex(out, sizeof(out));
    };
    CHECK(digest(bytes("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(digest({}) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    evse::Sha256 sha;
    const std::vector<uint8_t> chunk(1000, 'a');
    for (int i = 0; i < 1000; ++i) sha.update(chunk.data(), chunk.size());
    uint8_t out[evse::kSha256Size];
    sha.finish(out);
    CHECK(hex(out, sizeof(out)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("HMAC-SHA256: RFC 4231 test cases 1 to 7") {
    CHECK(hmac_hex(std::vector<uint8_t>(20, 0x0b), bytes("Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hmac_hex(bytes("Jefe"), bytes("what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hmac_hex(std::vector<uint8_t>(20, 0xaa), std::vector<uint8_t>(50, 0xdd)) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    std::vector<uint8_t> key4;
    for (uint8_t i = 1; i <= 25; ++i) key4.push_back(i);
    CHECK(hmac_hex(key4, std::vector<uint8_t>(50, 0xcd)) ==
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    // Test case 5 truncates the output to 128 bits, as the link tag does.
    CHECK(hmac_hex(std::vector<uint8_t>(20, 0x0c), bytes("Test With Truncation")).substr(0, 32) ==
          "a3b6167473100ee06e0c796c2955552b");
    CHECK(hmac_hex(std::vector<uint8_t>(131, 0xaa), bytes("Test Using Larger Than Block-Size Key - Hash Key First")) ==
          "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(hmac_hex(std::vector<uint8_t>(131, 0xaa),
                   bytes("This is a test using a larger than block-size key and a larger than block-size data. "
                         "The key needs to be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

namespace {

namespace w = evse::wire;

w::LinkKey test_key(uint8_t fill) {
    w::LinkKey k;
    for (size_t i = 0; i < w::kLinkKeySize; ++i) k.bytes[i] = static_cast<uint8_t>(fill + i);
    k.set = true;
    return k;
}

// Decodes a whole frame held in buf (it must be one).
w::Frame frame_of(const uint8_t* buf, size_t len) {
    w::Frame f{};
    size_t used = 0;
    REQUIRE(w::decode_frame(buf, len, &f, &used) == w::DecodeResult::Ok);
    return f;
}

// The ERROR detail if out holds an AUTH_FAILED error, else -1.
int auth_failed_detail(const uint8_t* out, size_t len) {
    const w::Frame f = frame_of(out, len);
    if (f.type != static_cast<uint8_t>(w::MsgType::ERROR)) return -1;
    const w::Error e = w::Error::decode(f.payload);
    return e.error == static_cast<uint8_t>(w::ErrorCode::AUTH_FAILED) ? e.detail : -1;
}

}  // namespace

TEST_CASE("Link session: tagged requests pass without their tag; missing, wrong or replayed tags are refused") {
    const w::LinkKey key = test_key(1);
    const uint8_t nonce_a[w::kNonceSize] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    const uint8_t nonce_b[w::kNonceSize] = {16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    w::LinkSession a;
    a.begin(nonce_a, 0);
    uint8_t req[w::kMaxFrame];
    uint8_t out[w::kMaxFrame];
    w::Frame pass{};
    const w::Stop stop{0, 1};

    // SESSION_REQ: answered by the session with its nonce.
    size_t n = w::encode_message(w::SessionRequest{}, 7, req, sizeof req);
    size_t k = a.screen(frame_of(req, n), key, 5, &pass, out, sizeof out);
    REQUIRE(k > 0);
    const w::Frame sr = frame_of(out, k);
    CHECK(sr.type == static_cast<uint8_t>(w::MsgType::SESSION_REPLY));
    const w::SessionReply reply = w::SessionReply::decode(sr.payload);
    CHECK(std::equal(reply.nonce, reply.nonce + w::kNonceSize, nonce_a));
    CHECK(reply.auth_required == 1);

    // Reads stay open.
    n = w::encode_message(w::StatusRequest{0}, 8, req, sizeof req);
    CHECK(a.screen(frame_of(req, n), key, 6, &pass, out, sizeof out) == 0);
    CHECK_FALSE(a.authenticated());

    n = w::encode_message(stop, 9, req, sizeof req);  // no tag
    k = a.screen(frame_of(req, n), key, 7, &pass, out, sizeof out);
    CHECK(auth_failed_detail(out, k) == 1);

    n = w::encode_tagged(stop, 10, test_key(2), nonce_a, req, sizeof req);  // another key
    k = a.screen(frame_of(req, n), key, 8, &pass, out, sizeof out);
    CHECK(auth_failed_detail(out, k) == 2);

    n = w::encode_tagged(stop, 11, key, nonce_b, req, sizeof req);  // recorded on another connection
    k = a.screen(frame_of(req, n), key, 9, &pass, out, sizeof out);
    CHECK(auth_failed_detail(out, k) == 2);

    CHECK(a.auth_failures() == 3);

    n = w::encode_tagged(stop, 13, key, nonce_a, req, sizeof req);
    CHECK(a.screen(frame_of(req, n), key, 10, &pass, out, sizeof out) == 0);
    CHECK(pass.payload_len == w::Stop::kSize);
    CHECK(pass.seq == 13);
    CHECK(a.authenticated());

    // Without a key the link is open: untagged commands pass, and a tag is ignored by the core.
    w::LinkSession open;
    open.begin(nonce_b, 0);
    n = w::encode_message(stop, 14, req, sizeof req);
    CHECK(open.screen(frame_of(req, n), w::LinkKey{}, 0, &pass, out, sizeof out) == 0);
}

TEST_CASE("Link session: the tag covers the sequence number and the fields") {
    const w::LinkKey key = test_key(3);
    const uint8_t nonce[w::kNonceSize] = {9};
    w::LinkSession s;
    s.begin(nonce, 0);
    uint8_t req[w::kMaxFrame];
    uint8_t out[w::kMaxFrame];
    w::Frame pass{};
    const size_t n = w::encode_tagged(w::Permit{0, 16000, 5}, 20, key, nonce, req, sizeof req);
    // Change the seq, then a field, re-encoding with the old tag so only the tag can catch it.
    uint8_t payload[w::kMaxPayload];
    const w::Frame good = frame_of(req, n);
    std::copy(good.payload, good.payload + good.payload_len, payload);
    uint8_t forged[w::kMaxFrame];
    size_t m = w::encode_frame(good.type, 21, payload, good.payload_len, forged, sizeof forged);
    size_t k = s.screen(frame_of(forged, m), key, 1, &pass, out, sizeof out);
    CHECK(auth_failed_detail(out, k) == 2);
    payload[1] ^= 0x40;  // current_limit_mA
    m = w::encode_frame(good.type, 20, payload, good.payload_len, forged, sizeof forged);
    k = s.screen(frame_of(forged, m), key, 2, &pass, out, sizeof out);
    CHECK(auth_failed_detail(out, k) == 2);
    CHECK(s.screen(frame_of(req, n), key, 3, &pass, out, sizeof out) == 0);
}

TEST_CASE("Connections: a newcomer replaces the longest-idle unauthenticated one, never the station's") {
    const w::LinkKey key = test_key(4);
    const uint8_t nonce[w::kNonceSize] = {};
    w::LinkSession s[4];
    for (int i = 0; i < 4; ++i) s[i].begin(nonce, static_cast<uint32_t>(100 * i));
    auto at = [&](size_t i) -> const w::LinkSession& { return s[i]; };
    CHECK(w::pick_eviction(4, 1000, at) == 0);  // all idle: the oldest
    // Connection 0 is the station: it authenticates, then is the longest idle of all.
    uint8_t req[w::kMaxFrame];
    uint8_t out[w::kMaxFrame];
    w::Frame pass{};
    const size_t n = w::encode_tagged(w::Heartbeat{0}, 1, key, nonce, req, sizeof req);
    REQUIRE(s[0].screen(frame_of(req, n), key, 200, &pass, out, sizeof out) == 0);
    CHECK(s[0].authenticated());
    CHECK(w::pick_eviction(4, 5000, at) == 1);
    // Clients that keep talking without the key do not save themselves: idle time decides among them.
    const size_t st = w::encode_message(w::StatusRequest{0}, 2, req, sizeof req);
    s[1].screen(frame_of(req, st), key, 4000, &pass, out, sizeof out);
    CHECK(w::pick_eviction(4, 5000, at) == 2);
    // Across the clock's wrap the idle times still compare right.
    for (int i = 1; i < 4; ++i) s[i].begin(nonce, 0xFFFFFF00u + static_cast<uint32_t>(i));
    CHECK(w::pick_eviction(4, 0x100, at) == 1);
}
