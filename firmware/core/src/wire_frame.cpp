// Charger link framing: CRC, frame encoding and the resynchronising stream parser.
#include "evse/wire_frame.hpp"

namespace evse::wire {

uint16_t crc16(const uint8_t* data, size_t len, uint16_t crc) {
    for (size_t i = 0; i < len; ++i) {
        crc = static_cast<uint16_t>(crc ^ (static_cast<uint16_t>(data[i]) << 8));
        for (int b = 0; b < 8; ++b) {
            crc = (crc & 0x8000) ? static_cast<uint16_t>((crc << 1) ^ 0x1021)
                                 : static_cast<uint16_t>(crc << 1);
        }
    }
    return crc;
}

size_t encode_frame(uint8_t type, uint16_t seq, const uint8_t* payload, uint8_t payload_len,
                    uint8_t* out, size_t cap) {
    const size_t total = kHeaderSize + static_cast<size_t>(payload_len) + kCrcSize;
    if (payload_len > kMaxPayload || total > cap) return 0;
    out[0] = kMagic;
    out[1] = kVersion;
    out[2] = type;
    put_u16(out + 3, seq);
    out[5] = payload_len;
    for (uint8_t i = 0; i < payload_len; ++i) out[kHeaderSize + i] = payload[i];
    put_u16(out + kHeaderSize + payload_len, crc16(out, kHeaderSize + payload_len));
    return total;
}

DecodeResult decode_frame(const uint8_t* buf, size_t len, Frame* frame, size_t* used) {
    if (len < 1) return DecodeResult::Incomplete;
    if (buf[0] != kMagic) return DecodeResult::BadMagic;
    if (len < 2) return DecodeResult::Incomplete;
    if (buf[1] != kVersion) return DecodeResult::UnsupportedVersion;
    if (len < kHeaderSize) return DecodeResult::Incomplete;
    const uint8_t plen = buf[5];
    if (plen > kMaxPayload) return DecodeResult::BadLength;
    const size_t total = kHeaderSize + static_cast<size_t>(plen) + kCrcSize;
    if (len < total) return DecodeResult::Incomplete;
    if (get_u16(buf + kHeaderSize + plen) != crc16(buf, kHeaderSize + plen)) {
        return DecodeResult::BadCrc;
    }
    const int expected = payload_size(buf[2]);
    if (expected < 0) return DecodeResult::UnknownType;
    if (plen < expected) return DecodeResult::BadLength;
    frame->type = buf[2];
    frame->seq = get_u16(buf + 3);
    frame->payload_len = plen;
    frame->payload = buf + kHeaderSize;
    *used = total;
    return DecodeResult::Ok;
}

size_t FrameParser::feed(const uint8_t* data, size_t len) {
    size_t room = sizeof(buf_) - len_;
    size_t n = len < room ? len : room;
    for (size_t i = 0; i < n; ++i) buf_[len_ + i] = data[i];
    len_ += n;
    return n;
}

void FrameParser::drop(size_t n) {
    if (n > len_) n = len_;
    for (size_t i = n; i < len_; ++i) buf_[i - n] = buf_[i];
    len_ -= n;
}

DecodeResult FrameParser::next(Frame* frame, uint16_t* seq_hint, uint8_t* detail) {
    *seq_hint = 0xFFFF;
    *detail = 0;
    // The frame returned last time stayed in the buffer for the caller; release it now.
    drop(consumed_);
    consumed_ = 0;
    // Hunt for the magic byte; everything before it is line noise.
    size_t skip = 0;
    while (skip < len_ && buf_[skip] != kMagic) ++skip;
    if (skip > 0) {
        stats_.bad_magic_bytes += static_cast<uint32_t>(skip);
        drop(skip);
        return DecodeResult::BadMagic;
    }
    size_t used = 0;
    const DecodeResult r = decode_frame(buf_, len_, frame, &used);
    switch (r) {
        case DecodeResult::Ok:
            ++stats_.frames_ok;
            consumed_ = used;
            break;
        case DecodeResult::Incomplete:
        case DecodeResult::BadMagic:
            break;
        case DecodeResult::UnsupportedVersion:
            ++stats_.bad_version;
            *detail = buf_[1];
            drop(1);
            break;
        case DecodeResult::BadLength:
            ++stats_.bad_length;
            if (len_ >= kHeaderSize) *seq_hint = get_u16(buf_ + 3);
            drop(1);
            break;
        case DecodeResult::BadCrc:
            ++stats_.bad_crc;
            drop(1);
            break;
        case DecodeResult::UnknownType:
            ++stats_.unknown_type;
            *seq_hint = get_u16(buf_ + 3);
            *detail = buf_[2];
            drop(kHeaderSize + static_cast<size_t>(buf_[5]) + kCrcSize);
            break;
    }
    return r;
}

}  // namespace evse::wire
