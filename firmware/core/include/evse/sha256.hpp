// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), for the link tags of the wire protocol.
// Portable and allocation-free like the rest of the core; verified against the RFC 4231 vectors.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace evse {

constexpr size_t kSha256Size = 32;
constexpr size_t kSha256Block = 64;

class Sha256 {
public:
    Sha256() { reset(); }
    void reset();
    void update(const uint8_t* data, size_t len);
    // Writes the 32-byte digest; the object must be reset() before reuse.
    void finish(uint8_t out[kSha256Size]);

private:
    void compress(const uint8_t block[kSha256Block]);
    uint32_t h_[8];
    uint8_t buf_[kSha256Block];
    size_t buf_len_ = 0;
    uint64_t total_len_ = 0;  // bytes hashed so far
};

// HMAC-SHA256 over the concatenation of up to three parts (any may be null with length 0), so a
// caller can tag nonce, header and payload without copying them together.
void hmac_sha256(const uint8_t* key, size_t key_len, const uint8_t* a, size_t a_len, const uint8_t* b,
                 size_t b_len, const uint8_t* c, size_t c_len, uint8_t out[kSha256Size]);

// Compares without an early exit, so the time taken does not tell how many leading bytes matched.
bool equal_constant_time(const uint8_t* a, const uint8_t* b, size_t len);

}  // namespace evse
