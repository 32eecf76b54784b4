// Security of the TCP host link (docs/wire-protocol.md, "Link authentication" and "Connections"):
// the charger's link key, the per-connection session that checks the tags of state-changing
// requests, and which connection gives way when every slot is taken.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "evse/wire_frame.hpp"

namespace evse::wire {

constexpr size_t kLinkKeySize = 32;
constexpr size_t kNonceSize = 16;

// Provisioned at commissioning; the same key is in the station's configuration for this charger.
// Without one (set == false) the link is open, as on a bench before commissioning.
struct LinkKey {
    uint8_t bytes[kLinkKeySize] = {};
    bool set = false;
};

// The tag of a request: HMAC-SHA256(key, nonce || header || fields), its first kTagSize bytes.
// header is the frame's kHeaderSize bytes as sent (its length byte counts the tag), fields the
// payload before the tag. Binding the nonce makes a recorded frame useless on another connection;
// the header binds type and sequence number.
void link_tag(const LinkKey& key, const uint8_t nonce[kNonceSize], const uint8_t header[kHeaderSize],
              const uint8_t* fields, size_t fields_len, uint8_t tag[kTagSize]);

// Encodes msg with its tag for the connection of nonce (tests, and any C++ host). 0 if it does not fit.
template <typename Msg>
size_t encode_tagged(const Msg& msg, uint16_t seq, const LinkKey& key, const uint8_t nonce[kNonceSize],
                     uint8_t* out, size_t cap) {
    uint8_t payload[Msg::kSize + kTagSize];
    msg.encode(payload);
    const uint8_t len = static_cast<uint8_t>(Msg::kSize + kTagSize);
    const uint8_t header[kHeaderSize] = {kMagic, kVersion, static_cast<uint8_t>(Msg::kType),
                                         static_cast<uint8_t>(seq & 0xFF), static_cast<uint8_t>(seq >> 8), len};
    link_tag(key, nonce, header, payload, Msg::kSize, payload + Msg::kSize);
    return encode_frame(static_cast<uint8_t>(Msg::kType), seq, payload, len, out, cap);
}

// One host connection's state. The platform calls begin() when it accepts the connection and
// passes every decoded request through screen() before the core sees it.
class LinkSession {
public:
    // nonce comes from the platform's random source (ESP32: the hardware RNG).
    void begin(const uint8_t nonce[kNonceSize], uint32_t now_ms);

    // Returns 0 when *pass (the request without its tag) is for the core. Otherwise the request is
    // answered here and the reply written to out: SESSION_REPLY, or ERROR AUTH_FAILED for a
    // tagged type whose tag is missing or wrong (the core never sees it, so nothing changes).
    size_t screen(const Frame& in, const LinkKey& key, uint32_t now_ms, Frame* pass, uint8_t* out, size_t cap);

    // True once a request with a valid tag arrived: the peer holds the key (the station).
    bool authenticated() const { return authenticated_; }
    uint32_t last_active_ms() const { return last_active_ms_; }
    uint32_t auth_failures() const { return auth_failures_; }
    const uint8_t* nonce() const { return nonce_; }

private:
    uint8_t nonce_[kNonceSize] = {};
    bool authenticated_ = false;
    uint32_t last_active_ms_ = 0;
    uint32_t auth_failures_ = 0;
};

// When a new connection arrives and all n slots are taken, the index of the one to close: an
// unauthenticated connection before an authenticated one, and among those the longest idle. A new
// connection is thus always let in, and the station's authenticated link is never closed to make
// room for a client without the key. at(i) gives the LinkSession of connection i.
template <typename At>
size_t pick_eviction(size_t n, uint32_t now_ms, At at) {
    size_t best = 0;
    bool best_auth = true;
    uint32_t best_idle = 0;
    for (size_t i = 0; i < n; ++i) {
        const LinkSession& s = at(i);
        const uint32_t idle = now_ms - s.last_active_ms();
        const bool better = i == 0 || (best_auth && !s.authenticated()) ||
                            (best_auth == s.authenticated() && idle > best_idle);
        if (better) {
            best = i;
            best_auth = s.authenticated();
            best_idle = idle;
        }
    }
    return best;
}

}  // namespace evse::wire
