// SHA-256 after FIPS 180-4 sections 4.1.2, 4.2.2, 5.1.1, 6.2, and HMAC after RFC 2104 section 2.
#include "evse/sha256.hpp"

namespace evse {

namespace {

// FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes.
constexpr uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

}  // namespace

void Sha256::reset() {
    // FIPS 180-4 section 5.3.3: square roots of the first 8 primes.
    static constexpr uint32_t kInit[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (int i = 0; i < 8; ++i) h_[i] = kInit[i];
    buf_len_ = 0;
    total_len_ = 0;
}

void Sha256::compress(const uint8_t block[kSha256Block]) {
    // Section 6.2.2: message schedule, then 64 rounds.
    uint32_t w[64];
    for (int t = 0; t < 16; ++t) {
        w[t] = static_cast<uint32_t>(block[4 * t]) << 24 | static_cast<uint32_t>(block[4 * t + 1]) << 16 |
               static_cast<uint32_t>(block[4 * t + 2]) << 8 | static_cast<uint32_t>(block[4 * t + 3]);
    }
    for (int t = 16; t < 64; ++t) {
        const uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        const uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int t = 0; t < 64; ++t) {
        const uint32_t big_s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const uint32_t ch = (e & f) ^ (~e & g);
        const uint32_t t1 = h + big_s1 + ch + kK[t] + w[t];
        const uint32_t big_s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        const uint32_t t2 = big_s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += b;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
}

void Sha256::update(const uint8_t* data, size_t len) {
    total_len_ += len;
    for (size_t i = 0; i < len; ++i) {
        buf_[buf_len_++] = data[i];
        if (buf_len_ == kSha256Block) {
            compress(buf_);
            buf_len_ = 0;
        }
    }
}

void Sha256::finish(uint8_t out[kSha256Size]) {
    // Section 5.1.1: a 1 bit, zeros up to 56 bytes mod 64, then the length in bits, big-endian.
    const uint64_t bits = total_len_ * 8;
    buf_[buf_len_++] = 0x80;
    if (buf_len_ > 56) {
        while (buf_len_ < kSha256Block) buf_[buf_len_++] = 0;
        compress(buf_);
        buf_len_ = 0;
    }
    while (buf_len_ < 56) buf_[buf_len_++] = 0;
    for (int i = 7; i >= 0; --i) buf_[buf_len_++] = static_cast<uint8_t>(bits >> (8 * i));
    compress(buf_);
    buf_len_ = 0;
    for (int i = 0; i < 8; ++i) {
        out[4 * i] = static_cast<uint8_t>(h_[i] >> 24);
        out[4 * i + 1] = static_cast<uint8_t>(h_[i] >> 16);
        out[4 * i + 2] = static_cast<uint8_t>(h_[i] >> 8);
        out[4 * i + 3] = static_cast<uint8_t>(h_[i]);
    }
}

void hmac_sha256(const uint8_t* key, size_t key_len, const uint8_t* a, size_t a_len, const uint8_t* b,
                 size_t b_len, const uint8_t* c, size_t c_len, uint8_t out[kSha256Size]) {
    // RFC 2104 section 2: a key longer than the block is hashed first, a shorter one zero-padded.
    uint8_t k0[kSha256Block] = {};
    Sha256 sha;
    if (key_len > kSha256Block) {
        sha.update(key, key_len);
        sha.finish(k0);
        sha.reset();
    } else {
        for (size_t i = 0; i < key_len; ++i) k0[i] = key[i];
    }
    uint8_t pad[kSha256Block];
    for (size_t i = 0; i < kSha256Block; ++i) pad[i] = static_cast<uint8_t>(k0[i] ^ 0x36);
    sha.update(pad, sizeof(pad));
    if (a_len > 0) sha.update(a, a_len);
    if (b_len > 0) sha.update(b, b_len);
    if (c_len > 0) sha.update(c, c_len);
    uint8_t inner[kSha256Size];
    sha.finish(inner);
    sha.reset();
    for (size_t i = 0; i < kSha256Block; ++i) pad[i] = static_cast<uint8_t>(k0[i] ^ 0x5c);
    sha.update(pad, sizeof(pad));
    sha.update(inner, sizeof(inner));
    sha.finish(out);
}

bool equal_constant_time(const uint8_t* a, const uint8_t* b, size_t len) {
    uint8_t diff = 0;
    for (size_t i = 0; i < len; ++i) diff = static_cast<uint8_t>(diff | (a[i] ^ b[i]));
    return diff == 0;
}

}  // namespace evse
