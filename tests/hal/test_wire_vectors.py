"""The Python codec against the shared vectors of firmware/protocol/test_vectors.json."""

from __future__ import annotations

import binascii
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hal.wire import messages as wire_messages
from hal.wire.codec import (
    INCOMPLETE,
    FrameError,
    StreamDecoder,
    crc16,
    decode_frame,
    decode_message,
    encode_frame,
    encode_raw,
    encode_tagged,
)

REPO = Path(__file__).resolve().parents[2]
VECTORS = json.loads((REPO / "firmware" / "protocol" / "test_vectors.json").read_text())


def message_from_fields(name: str, fields: dict[str, Any]) -> Any:
    cls = getattr(wire_messages, name)
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, str):  # fixed-size ASCII field, NUL padded on the wire
            value = value.encode("ascii")
            value = value.ljust(16, b"\0")
        values[key] = value
    return cls(**values)


@pytest.mark.parametrize("vector", VECTORS["crc16_ccitt_false"], ids=lambda v: v["input_hex"] or "empty")
def test_crc_vectors(vector: dict[str, Any]) -> None:
    assert crc16(bytes.fromhex(vector["input_hex"])) == vector["crc"]


@pytest.mark.parametrize("vector", VECTORS["frames"], ids=lambda v: v["name"])
def test_frame_vector_decodes_to_fields_and_reencodes_identically(vector: dict[str, Any]) -> None:
    raw = bytes.fromhex(vector["frame_hex"])
    frame, used = decode_frame(raw)
    assert used == len(raw)
    assert (frame.type, frame.seq) == (vector["type"], vector["seq"])
    assert frame.payload.hex() == vector["payload_hex"]
    msg = decode_message(frame)
    expected = message_from_fields(vector["message"], vector["fields"])
    assert msg == expected
    assert encode_frame(expected, vector["seq"]) == raw
    assert encode_raw(vector["type"], vector["seq"], frame.payload) == raw


@pytest.mark.parametrize("vector", VECTORS["link_tags"]["frames"], ids=lambda v: v["name"])
def test_link_tag_vector(vector: dict[str, Any]) -> None:
    key = bytes.fromhex(VECTORS["link_tags"]["key_hex"])
    nonce = bytes.fromhex(VECTORS["link_tags"]["nonce_hex"])
    msg = message_from_fields(vector["message"], vector["fields"])
    assert msg.AUTH
    assert encode_tagged(msg, vector["seq"], key, nonce).hex() == vector["frame_hex"]


def test_every_message_type_has_a_vector() -> None:
    covered = {v["type"] for v in VECTORS["frames"]}
    assert covered == set(wire_messages.MESSAGES)


@pytest.mark.parametrize("vector", VECTORS["bad_frames"], ids=lambda v: v["name"])
def test_bad_frame_vector_gives_named_result(vector: dict[str, Any]) -> None:
    raw = bytes.fromhex(vector["frame_hex"])
    with pytest.raises(FrameError) as err:
        decode_frame(raw)
    assert err.value.result == vector["result"]


@pytest.mark.parametrize("vector", VECTORS["bad_frames"], ids=lambda v: v["name"])
def test_stream_decoder_rejects_bad_vector_then_recovers(vector: dict[str, Any]) -> None:
    good = bytes.fromhex(VECTORS["frames"][0]["frame_hex"])
    decoder = StreamDecoder()
    frames = decoder.feed(bytes.fromhex(vector["frame_hex"]))
    if vector["result"] == INCOMPLETE:
        assert frames == []
        return  # an incomplete head swallows what follows until its length is reached
    frames += decoder.feed(good)
    assert frames[-1] == decode_frame(good)[0]
    assert decoder.stats.frames_ok >= 1
    assert decoder.stats.bad_frames + decoder.stats.bad_magic_bytes >= 1


def test_longer_payload_is_accepted_and_extra_bytes_ignored() -> None:
    vector = VECTORS["accepted_longer_payload"]
    raw = bytes.fromhex(vector["frame_hex"])
    frame, used = decode_frame(raw)
    assert used == len(raw)
    cls = getattr(wire_messages, vector["message"])
    known = bytes.fromhex(vector["payload_hex"])
    assert len(known) == cls.SIZE and len(frame.payload) > cls.SIZE
    assert frame.payload.startswith(known)
    assert decode_message(frame) == cls.unpack(known)
    assert StreamDecoder().feed(raw) == [frame]


def test_crc_matches_binascii_reference() -> None:
    data = bytes(range(256))
    assert crc16(data) == binascii.crc_hqx(data, 0xFFFF)


def test_generated_files_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "firmware" / "protocol" / "gen_wire.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
