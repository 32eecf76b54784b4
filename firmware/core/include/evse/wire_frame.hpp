// Charger link framing: CRC-16/CCITT-FALSE, frame encoding and a byte-stream frame parser.
// Layout (docs/wire-protocol.md): magic, version, type, seq u16 LE, length, payload, CRC u16 LE.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "evse/wire_messages.hpp"

namespace evse::wire {

// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor.
uint16_t crc16(const uint8_t* data, size_t len, uint16_t crc = 0xFFFF);

// Writes a whole frame into out (capacity cap). Returns its length, or 0 if it does not fit.
size_t encode_frame(uint8_t type, uint16_t seq, const uint8_t* payload, uint8_t payload_len,
                    uint8_t* out, size_t cap);

template <typename Msg>
size_t encode_message(const Msg& msg, uint16_t seq, uint8_t* out, size_t cap) {
    uint8_t payload[Msg::kSize > 0 ? Msg::kSize : 1];
    msg.encode(payload);
    return encode_frame(static_cast<uint8_t>(Msg::kType), seq, payload, Msg::kSize, out, cap);
}

// A frame that passed magic, version, length and CRC checks. payload points into the parser's
// buffer (or the caller's buffer for decode_frame) and is valid until the next feed.
struct Frame {
    uint8_t type;
    uint16_t seq;
    uint8_t payload_len;
    const uint8_t* payload;
};

enum class DecodeResult : uint8_t {
    Ok,
    Incomplete,  // more bytes needed
    BadMagic,
    UnsupportedVersion,
    BadLength,  // length above kMaxPayload, or shorter than the type's payload
    BadCrc,
    UnknownType,
};

// Decodes exactly one frame at the start of buf (length len). On Ok, *used is the frame length.
// Type checks: an unknown type gives UnknownType; a payload shorter than the type's size gives
// BadLength; a longer one is accepted (fields appended by a newer minor revision are ignored).
DecodeResult decode_frame(const uint8_t* buf, size_t len, Frame* frame, size_t* used);

// Counters every decoder keeps, reported by the simulator and the benchmarks.
struct DecodeStats {
    uint32_t frames_ok;
    uint32_t bad_magic_bytes;  // bytes skipped while hunting for a magic byte
    uint32_t bad_version;
    uint32_t bad_length;
    uint32_t bad_crc;
    uint32_t unknown_type;
};

// Stream parser for TCP: feed bytes as they arrive; it resynchronises on the next magic byte
// after any bad frame. Fixed buffer, no heap.
class FrameParser {
public:
    // Appends up to len bytes; returns how many were taken (the rest must be fed again).
    size_t feed(const uint8_t* data, size_t len);
    // Extracts the next result. Ok: *frame is valid until the next call. Incomplete: feed more.
    // Any error: the offending bytes were dropped and counted; the caller may reply ERROR with
    // *seq_hint (0xFFFF when the header could not be trusted) and *detail.
    DecodeResult next(Frame* frame, uint16_t* seq_hint, uint8_t* detail);
    const DecodeStats& stats() const { return stats_; }
    void reset() {
        len_ = 0;
        consumed_ = 0;
    }

private:
    void drop(size_t n);
    uint8_t buf_[kMaxFrame * 2] = {};
    size_t len_ = 0;
    size_t consumed_ = 0;
    DecodeStats stats_ = {};
};

}  // namespace evse::wire
