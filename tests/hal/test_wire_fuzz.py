"""Bad input into the Python codec: hypothesis properties and a bounded mutation loop of 1,000,000 frames."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path

import figures
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hal.wire.codec import (
    DECODE_ERRORS,
    OK,
    FrameError,
    StreamDecoder,
    decode_frame,
    decode_message,
    encode_frame,
    encode_raw,
)
from hal.wire.messages import MAX_PAYLOAD, MESSAGES

REPO = Path(__file__).resolve().parents[2]
VECTORS = json.loads((REPO / "firmware" / "protocol" / "test_vectors.json").read_text())
VALID_FRAMES = [bytes.fromhex(v["frame_hex"]) for v in VECTORS["frames"]]
MUTATED_FRAMES = 1_000_000
MESSAGE_CLASSES = sorted(MESSAGES.values(), key=lambda c: int(c.TYPE))


@settings(max_examples=300, deadline=None)
@given(
    cls=st.sampled_from(MESSAGE_CLASSES),
    data=st.data(),
    seq=st.integers(0, 0xFFFF),
)
def test_every_message_round_trips_with_generated_fields(cls: type, data: st.DataObject, seq: int) -> None:
    # Field values come from random payload bytes, so every field covers its whole range.
    payload = data.draw(st.binary(min_size=cls.SIZE, max_size=cls.SIZE))
    msg = cls.unpack(payload)
    assert msg.pack() == payload
    raw = encode_frame(msg, seq)
    frame, used = decode_frame(raw)
    assert used == len(raw)
    assert (frame.type, frame.seq) == (int(cls.TYPE), seq)
    assert decode_message(frame) == msg


@settings(max_examples=500, deadline=None)
@given(chunks=st.lists(st.binary(max_size=300), max_size=8))
def test_stream_decoder_takes_any_bytes(chunks: list[bytes]) -> None:
    decoder = StreamDecoder()
    for chunk in chunks:
        for frame in decoder.feed(chunk):
            assert frame.type in MESSAGES
    while True:
        result, _ = decoder.next_result()
        assert result == OK or result in DECODE_ERRORS
        if result == "Incomplete":
            break
    assert decoder.buffered < 6 + MAX_PAYLOAD + 2


@settings(max_examples=500, deadline=None)
@given(buf=st.binary(max_size=200))
def test_decode_frame_raises_only_frame_errors(buf: bytes) -> None:
    try:
        decode_frame(buf)
    except FrameError as err:
        assert err.result in DECODE_ERRORS


def mutate(rng: random.Random, base: bytes, kind: int) -> bytes:
    """One corrupted variant of a valid frame; never equal to a valid frame by construction."""
    if kind == 0:  # 1..3 bit flips: CRC-16/CCITT detects them all at these lengths
        buf = bytearray(base)
        positions = rng.sample(range(len(buf) * 8), rng.randint(1, 3))
        for bit in positions:
            buf[bit >> 3] ^= 1 << (bit & 7)
        return bytes(buf)
    if kind == 1:  # truncation
        return base[: rng.randrange(len(base))]
    if kind == 2:  # the length byte lies
        buf = bytearray(base)
        buf[5] = (buf[5] + rng.randint(1, 255)) & 0xFF
        return bytes(buf)
    if kind == 3:  # random bytes, sometimes behind a plausible header
        junk = rng.randbytes(rng.randint(0, 110))
        return (b"\xe5\x01" + junk) if rng.random() < 0.5 else junk
    # a byte of the header or payload replaced
    buf = bytearray(base)
    pos = rng.randrange(len(buf) - 2)
    buf[pos] = (buf[pos] + rng.randint(1, 255)) & 0xFF
    return bytes(buf)


@pytest.mark.slow
def test_mutation_loop_rejects_and_counts_every_bad_frame() -> None:
    # Bit flips (up to 3) and single-byte changes are always caught by CRC-16/CCITT at these
    # lengths; a lying length byte or random bytes pass only if their CRC happens to match
    # (probability 2^-16 each), which is counted and bounded rather than treated as a bug.
    rng = random.Random(61851)
    marker = VALID_FRAMES[0]
    valid = set(VALID_FRAMES)
    results: Counter[str] = Counter()
    collisions_by_kind: Counter[int] = Counter()
    decoder = StreamDecoder()
    markers_out = 0
    stream_collisions = 0
    # A frame cut short by one byte whose lost last byte equals the next frame's first byte (a CRC
    # ending in 0xE5 before the marker's magic) is completed by it: the decoder rightly gives back
    # the original frame, which is no collision.
    restored = 0
    started = time.perf_counter()
    batch = 20_000
    for start in range(0, MUTATED_FRAMES, batch):
        stream = bytearray()
        for i in range(start, start + batch):
            kind = i % 5
            bad = mutate(rng, VALID_FRAMES[i % len(VALID_FRAMES)], kind)
            assert bad not in valid
            try:
                decode_frame(bad)
                results[OK] += 1
                collisions_by_kind[kind] += 1
            except FrameError as err:
                results[err.result] += 1
            # A valid marker after each bad frame proves the stream decoder resynchronises.
            stream += bad
            stream += marker
        for pos in range(0, len(stream), 4096):
            for frame in decoder.feed(stream[pos : pos + 4096]):
                if frame.type == marker[2] and frame.seq == 1:
                    markers_out += 1
                elif encode_raw(frame.type, frame.seq, frame.payload) in valid:
                    restored += 1
                else:
                    stream_collisions += 1
    elapsed = time.perf_counter() - started
    stats = decoder.stats
    figures.report(
        "Python decoder fuzz run",
        f"mutation loop: {MUTATED_FRAMES} bad frames in {elapsed:.1f} s\n"
        f"  decode_frame results: {dict(results)} (CRC collisions by kind {dict(collisions_by_kind)})\n"
        f"  stream decoder: {stats.as_dict()}, markers recovered {markers_out}/{MUTATED_FRAMES}, "
        f"CRC collisions {stream_collisions}, originals completed by the next byte {restored}",
    )
    assert sum(results.values()) == MUTATED_FRAMES
    assert set(results) <= DECODE_ERRORS | {OK}
    assert collisions_by_kind[0] == 0 and collisions_by_kind[1] == 0 and collisions_by_kind[4] == 0
    assert results[OK] <= MUTATED_FRAMES / 10_000
    # The stream decoder lost at most the markers a rare collision swallowed, and counted the rest.
    assert stream_collisions <= MUTATED_FRAMES / 10_000
    assert markers_out >= MUTATED_FRAMES - 2 * (stream_collisions + restored)
    assert stats.frames_ok == markers_out + stream_collisions + restored
    assert stats.bad_crc > 0 and stats.bad_length > 0 and stats.bad_version > 0
    assert stats.bad_magic_bytes > 0 and stats.unknown_type > 0
