// Link tags and the per-connection screening of requests (docs/wire-protocol.md, "Link authentication").
#include "evse/wire_link.hpp"

#include "evse/sha256.hpp"

namespace evse::wire {

namespace {
constexpr uint8_t kAuthMissing = 1;
constexpr uint8_t kAuthWrong = 2;
}  // namespace

void link_tag(const LinkKey& key, const uint8_t nonce[kNonceSize], const uint8_t header[kHeaderSize],
              const uint8_t* fields, size_t fields_len, uint8_t tag[kTagSize]) {
    uint8_t mac[kSha256Size];
    hmac_sha256(key.bytes, kLinkKeySize, nonce, kNonceSize, header, kHeaderSize, fields, fields_len, mac);
    for (size_t i = 0; i < kTagSize; ++i) tag[i] = mac[i];
}

void LinkSession::begin(const uint8_t nonce[kNonceSize], uint32_t now_ms) {
    for (size_t i = 0; i < kNonceSize; ++i) nonce_[i] = nonce[i];
    authenticated_ = false;
    last_active_ms_ = now_ms;
    auth_failures_ = 0;
}

size_t LinkSession::screen(const Frame& in, const LinkKey& key, uint32_t now_ms, Frame* pass, uint8_t* out,
                           size_t cap) {
    last_active_ms_ = now_ms;
    *pass = in;
    if (in.type == static_cast<uint8_t>(MsgType::SESSION_REQ)) {
        SessionReply reply{};
        for (size_t i = 0; i < kNonceSize; ++i) reply.nonce[i] = nonce_[i];
        reply.auth_required = key.set ? 1 : 0;
        return encode_message(reply, in.seq, out, cap);
    }
    if (!key.set || !needs_tag(in.type)) return 0;
    const int fields = payload_size(in.type);
    uint8_t detail = kAuthMissing;
    if (fields >= 0 && in.payload_len >= fields + kTagSize) {
        const size_t fields_len = in.payload_len - kTagSize;
        const uint8_t header[kHeaderSize] = {kMagic,
                                             kVersion,
                                             in.type,
                                             static_cast<uint8_t>(in.seq & 0xFF),
                                             static_cast<uint8_t>(in.seq >> 8),
                                             in.payload_len};
        uint8_t expected[kTagSize];
        link_tag(key, nonce_, header, in.payload, fields_len, expected);
        if (equal_constant_time(expected, in.payload + fields_len, kTagSize)) {
            authenticated_ = true;
            pass->payload_len = static_cast<uint8_t>(fields_len);
            return 0;
        }
        detail = kAuthWrong;
    }
    ++auth_failures_;
    Error err{};
    err.error = static_cast<uint8_t>(ErrorCode::AUTH_FAILED);
    err.detail = detail;
    return encode_message(err, in.seq, out, cap);
}

}  // namespace evse::wire
