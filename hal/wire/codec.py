"""Frame codec of the charger wire protocol (docs/wire-protocol.md): encode, decode, stream decoder."""

from __future__ import annotations

import hashlib
import hmac
import struct
from binascii import crc_hqx
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from hal.wire.messages import CRC_SIZE, HEADER_SIZE, MAGIC, MAX_PAYLOAD, MESSAGES, TAG_SIZE, VERSION

# Decode results, named as evse::wire::DecodeResult in firmware/core/include/evse/wire_frame.hpp.
OK = "Ok"
INCOMPLETE = "Incomplete"
BAD_MAGIC = "BadMagic"
UNSUPPORTED_VERSION = "UnsupportedVersion"
BAD_LENGTH = "BadLength"
BAD_CRC = "BadCrc"
UNKNOWN_TYPE = "UnknownType"
DECODE_ERRORS = frozenset({INCOMPLETE, BAD_MAGIC, UNSUPPORTED_VERSION, BAD_LENGTH, BAD_CRC, UNKNOWN_TYPE})

SEQ_UNKNOWN = 0xFFFF  # seq of an ERROR reply whose request header could not be trusted
_HEADER = struct.Struct("<BBBHB")
_CRC = struct.Struct("<H")
# Payload size of every known type; a type missing here is UnknownType.
_PAYLOAD_SIZE: dict[int, int] = {t: cls.SIZE for t, cls in MESSAGES.items()}


class FrameError(Exception):
    """A buffer did not hold a valid frame; .result is one of the DecodeResult names."""

    def __init__(self, result: str, message: str = "") -> None:
        super().__init__(f"{result}: {message}" if message else result)
        self.result = result


class Frame(NamedTuple):
    """A frame that passed magic, version, length and CRC checks."""

    type: int
    seq: int
    payload: bytes


def crc16(data: bytes | bytearray | memoryview) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), the frame check of the protocol."""
    return crc_hqx(data, 0xFFFF)


def encode_raw(msg_type: int, seq: int, payload: bytes = b"", version: int = VERSION) -> bytes:
    """A frame of any type byte and payload; version is only overridden by tests of bad frames."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"payload of {len(payload)} bytes exceeds {MAX_PAYLOAD}")
    head = _HEADER.pack(MAGIC, version, msg_type, seq, len(payload)) + payload
    return head + _CRC.pack(crc_hqx(head, 0xFFFF))


def encode_frame(msg: Any, seq: int) -> bytes:
    """The frame carrying one message dataclass of hal.wire.messages."""
    payload: bytes = msg.pack()
    head = _HEADER.pack(MAGIC, VERSION, msg.TYPE, seq, len(payload)) + payload
    return head + _CRC.pack(crc_hqx(head, 0xFFFF))


def link_tag(key: bytes, nonce: bytes, header: bytes, fields: bytes) -> bytes:
    """The link tag of a request (docs/wire-protocol.md, Link authentication): the first TAG_SIZE
    bytes of HMAC-SHA256(key, nonce || header || fields), header being the frame's 6 header bytes
    with the length counting the tag."""
    return hmac.new(key, nonce + header + fields, hashlib.sha256).digest()[:TAG_SIZE]


def encode_tagged(msg: Any, seq: int, key: bytes, nonce: bytes) -> bytes:
    """msg's frame with its link tag for the connection whose SESSION_REPLY gave nonce."""
    fields = msg.pack()
    header = _HEADER.pack(MAGIC, VERSION, msg.TYPE, seq, len(fields) + TAG_SIZE)
    return encode_raw(msg.TYPE, seq, fields + link_tag(key, nonce, header, fields))


def decode_frame(buf: bytes | bytearray | memoryview) -> tuple[Frame, int]:
    """Decodes the frame at the start of buf; returns it and the bytes it used.

    The checks run in the order of the C++ evse::wire::decode_frame so both sides give the same
    result for the same bytes.
    """
    n = len(buf)
    if n < 1:
        raise FrameError(INCOMPLETE)
    if buf[0] != MAGIC:
        raise FrameError(BAD_MAGIC)
    if n < 2:
        raise FrameError(INCOMPLETE)
    if buf[1] != VERSION:
        raise FrameError(UNSUPPORTED_VERSION, f"version {buf[1]}")
    if n < HEADER_SIZE:
        raise FrameError(INCOMPLETE)
    plen = buf[5]
    if plen > MAX_PAYLOAD:
        raise FrameError(BAD_LENGTH, f"length {plen} above {MAX_PAYLOAD}")
    end = HEADER_SIZE + plen
    total = end + CRC_SIZE
    if n < total:
        raise FrameError(INCOMPLETE)
    if buf[end] | (buf[end + 1] << 8) != crc_hqx(buf[:end], 0xFFFF):
        raise FrameError(BAD_CRC)
    msg_type = buf[2]
    expected = _PAYLOAD_SIZE.get(msg_type)
    if expected is None:
        raise FrameError(UNKNOWN_TYPE, f"type 0x{msg_type:02x}")
    if plen < expected:
        raise FrameError(BAD_LENGTH, f"payload {plen} shorter than {expected}")
    return Frame(msg_type, buf[3] | (buf[4] << 8), bytes(buf[HEADER_SIZE:end])), total


def decode_message(frame: Frame) -> Any:
    """The message dataclass a valid frame carries (extra payload bytes of a newer revision ignored)."""
    cls = MESSAGES.get(frame.type)
    if cls is None:
        raise FrameError(UNKNOWN_TYPE, f"type 0x{frame.type:02x}")
    if len(frame.payload) < cls.SIZE:
        raise FrameError(BAD_LENGTH, f"payload {len(frame.payload)} shorter than {cls.SIZE}")
    return cls.unpack(frame.payload)


@dataclass
class DecodeStats:
    """Decoder counters with the names of the C++ evse::wire::DecodeStats."""

    frames_ok: int = 0
    bad_magic_bytes: int = 0
    bad_version: int = 0
    bad_length: int = 0
    bad_crc: int = 0
    unknown_type: int = 0

    @property
    def bad_frames(self) -> int:
        """Frames rejected (skipped noise bytes are not frames and are not included)."""
        return self.bad_version + self.bad_length + self.bad_crc + self.unknown_type

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class StreamDecoder:
    """Byte-stream frame parser: resynchronises on the next magic byte after any bad frame.

    Mirrors evse::wire::FrameParser: after a bad version, length or CRC one byte is dropped and the
    hunt for a magic byte restarts; an unknown type (CRC fine, so the length is trusted) drops the
    whole frame. Every fed byte is consumed except an incomplete frame head (< one frame).
    """

    stats: DecodeStats = field(default_factory=DecodeStats)
    _buf: bytearray = field(default_factory=bytearray)

    def feed(self, data: bytes | bytearray | memoryview) -> list[Frame]:
        """Appends data and returns every complete valid frame; bad frames are dropped and counted."""
        self._buf += data
        frames: list[Frame] = []
        while True:
            result, frame = self.next_result()
            if result == OK:
                assert frame is not None
                frames.append(frame)
            elif result == INCOMPLETE:
                break
        return frames

    def next_result(self) -> tuple[str, Frame | None]:
        """One step of the parser over the buffered bytes: (result name, frame if Ok)."""
        buf = self._buf
        if not buf:
            return INCOMPLETE, None
        if buf[0] != MAGIC:
            skip = buf.find(MAGIC)
            if skip < 0:
                skip = len(buf)
            self.stats.bad_magic_bytes += skip
            del buf[:skip]
            return BAD_MAGIC, None
        try:
            frame, used = decode_frame(buf)
        except FrameError as err:
            result = err.result
            if result == INCOMPLETE:
                return INCOMPLETE, None
            if result == UNSUPPORTED_VERSION:
                self.stats.bad_version += 1
                del buf[:1]
            elif result == BAD_LENGTH:
                self.stats.bad_length += 1
                del buf[:1]
            elif result == BAD_CRC:
                self.stats.bad_crc += 1
                del buf[:1]
            else:  # UNKNOWN_TYPE: the CRC held, so the length byte is trusted
                self.stats.unknown_type += 1
                del buf[: HEADER_SIZE + buf[5] + CRC_SIZE]
            return result, None
        self.stats.frames_ok += 1
        del buf[:used]
        return OK, frame

    @property
    def buffered(self) -> int:
        """Bytes waiting for the rest of a frame."""
        return len(self._buf)

    def clear(self) -> None:
        """Forgets buffered bytes (after a reconnect); keeps the counters."""
        self._buf.clear()
