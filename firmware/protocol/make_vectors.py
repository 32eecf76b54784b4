#!/usr/bin/env python3
"""Write test_vectors.json: frames both codecs (C++ core, Python hal) must produce and accept.

The frames are built here straight from messages.toml with struct and binascii, independently of
either codec, so a vector is a fixed reference rather than one codec's opinion.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
import json
import struct
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import gen_wire

OUT = Path(__file__).with_name("test_vectors.json")

# Field values per message: ordinary values, then the extremes of every type.
SAMPLES: dict[str, list[dict]] = {
    "IdentifyRequest": [{}],
    "IdentifyReply": [
        {
            "firmware_major": 1,
            "firmware_minor": 4,
            "firmware_patch": 2,
            "protocol_version": 1,
            "serial": "EVSE-000123",
            "capabilities": 0x37F,
            "connector_count": 1,
            "phases": 3,
            "max_current_mA": 32000,
            "boot_count": 17,
        }
    ],
    "StatusRequest": [{"connector": 0}, {"connector": 255}],
    "StatusReply": [
        {
            "connector": 0,
            "iec_state": 5,
            "flags": 0x1F,
            "faults": 0,
            "voltage_mV": [230150, 229870, 231020],
            "current_mA": [15980, 16020, 15890],
            "power_W": 11034,
            "energy_Wh": 1234567,
            "temperature_dC": 412,
            "duty_permille": 267,
            "offered_mA": 16000,
            "pp_ampacity_A": 32,
            "uptime_s": 86400,
            "contactor_cycles": 4321,
            "last_ack_seq": 65535,
            "transaction_ref": 0xDEADBEEF,
        },
        {
            "connector": 255,
            "iec_state": 9,
            "flags": 0xFFFF,
            "faults": 0xFFFFFFFF,
            "voltage_mV": [0, 4294967295, 1],
            "current_mA": [-2147483648, 2147483647, -1],
            "power_W": -2147483648,
            "energy_Wh": 4294967295,
            "temperature_dC": -32768,
            "duty_permille": 1000,
            "offered_mA": 0,
            "pp_ampacity_A": 0,
            "uptime_s": 0,
            "contactor_cycles": 0,
            "last_ack_seq": 0,
            "transaction_ref": 0,
        },
    ],
    "Permit": [{"connector": 0, "current_limit_mA": 16000, "transaction_ref": 42}],
    "Stop": [{"connector": 0, "reason": 1}],
    "SetCurrent": [{"connector": 0, "current_limit_mA": 6000}],
    "Heartbeat": [{"flags": 0}, {"flags": 1}],
    "Configure": [
        {
            "max_current_mA": 32000,
            "failsafe_current_mA": 6000,
            "lease_ms": 3000,
            "overvoltage_mV": 253000,
            "undervoltage_mV": 196000,
            "derate_temperature_dC": 700,
            "stop_temperature_dC": 850,
            "temperature_hysteresis_dC": 50,
            "allow_ventilation": 0,
            "fault_retry_limit": 3,
        }
    ],
    "ClearFault": [{"fault_mask": 0x100}],
    "Unlock": [{"connector": 0}],
    "Reset": [{"kind": 0}],
    "SelfTest": [{}],
    "SelfTestReply": [{"failed_mask": 0x4, "tests_run": 0x7F}],
    "Ack": [{"acked_type": 3, "result": 0}, {"acked_type": 8, "result": 6}],
    "Error": [{"error": 1, "detail": 0}, {"error": 7, "detail": 2}],
    "SessionRequest": [{}],
    "SessionReply": [{"nonce": "NONCE-0123456789", "auth_required": 1}],
}

# Link tags (docs/wire-protocol.md, Link authentication), computed here with hmac from the rule:
# tag = HMAC-SHA256(key, nonce || header || fields)[:16], appended to the payload; the header's
# length byte counts the tag.
TAG_KEY = bytes(range(0x40, 0x60))
TAG_NONCE = bytes.fromhex("00112233445566778899aabbccddeeff")
TAGGED = ["Permit_0", "Stop_0", "Configure_0", "Heartbeat_1"]


def frame(type_: int, seq: int, payload: bytes, version: int = 1, magic: int = 0xE5) -> bytes:
    head = struct.pack("<BBBHB", magic, version, type_, seq, len(payload)) + payload
    return head + struct.pack("<H", binascii.crc_hqx(head, 0xFFFF))


def payload_of(msg: gen_wire.Message, values: dict) -> bytes:
    out = b""
    for f in msg.fields:
        v = values[f.name]
        if f.base == "bytes":
            out += v.encode("ascii").ljust(f.count, b"\0")
        else:
            code = "<" + gen_wire.SCALARS[f.base][2]
            for item in v if f.count else [v]:
                out += struct.pack(code, item)
    return out


def main() -> None:
    spec = gen_wire.load()
    types = {n: v for n, v, _ in next(e for e in spec["enum"] if e["name"] == "MsgType")["values"]}
    frames, seq = [], 1
    for msg in spec["messages"]:
        for i, values in enumerate(SAMPLES[msg.name]):
            payload = payload_of(msg, values)
            assert len(payload) == msg.size
            frames.append(
                {
                    "name": f"{msg.name}_{i}",
                    "message": msg.name,
                    "type": types[msg.type],
                    "seq": seq,
                    "fields": values,
                    "payload_hex": payload.hex(),
                    "frame_hex": frame(types[msg.type], seq, payload).hex(),
                }
            )
            seq = (seq * 7919) % 65536
    status = bytes.fromhex(next(f for f in frames if f["message"] == "StatusReply")["payload_hex"])
    good = frame(0x82, 7, status)
    bad = [
        ("bad_crc", good[:-1] + bytes([good[-1] ^ 0x01]), "BadCrc"),
        ("bad_magic", b"\x00" + good[1:], "BadMagic"),
        ("unsupported_version", frame(0x82, 7, status, version=2), "UnsupportedVersion"),
        ("unknown_type", frame(0x42, 9, b"\x01\x02"), "UnknownType"),
        ("payload_too_short", frame(0x82, 7, status[:-1]), "BadLength"),
        ("length_above_max", good[:5] + b"\xff" + good[6:], "BadLength"),
        ("truncated", good[:-3], "Incomplete"),
        ("header_only", good[:6], "Incomplete"),
        ("empty", b"", "Incomplete"),
    ]
    longer = frame(0x82, 7, status + b"\xaa\xbb")  # a newer minor revision appended two bytes
    tagged = []
    for f in (f for f in frames if f["name"] in TAGGED):
        fields = bytes.fromhex(f["payload_hex"])
        header = struct.pack("<BBBHB", 0xE5, 1, f["type"], f["seq"], len(fields) + 16)
        tag = hmac.new(TAG_KEY, TAG_NONCE + header + fields, hashlib.sha256).digest()[:16]
        tagged.append(
            {
                "name": f["name"],
                "message": f["message"],
                "seq": f["seq"],
                "fields": f["fields"],
                "tag_hex": tag.hex(),
                "frame_hex": frame(f["type"], f["seq"], fields + tag).hex(),
            }
        )
    vectors = {
        "doc": "Shared vectors of the charger wire protocol; see docs/wire-protocol.md.",
        "crc16_ccitt_false": [
            {"input_hex": b"123456789".hex(), "crc": 0x29B1},
            {"input_hex": "", "crc": 0xFFFF},
        ],
        "frames": frames,
        "bad_frames": [{"name": n, "frame_hex": b.hex(), "result": r} for n, b, r in bad],
        "link_tags": {"key_hex": TAG_KEY.hex(), "nonce_hex": TAG_NONCE.hex(), "frames": tagged},
        "accepted_longer_payload": {
            "frame_hex": longer.hex(),
            "message": "StatusReply",
            "payload_hex": status.hex(),
        },
    }
    OUT.write_text(json.dumps(vectors, indent=1) + "\n")
    print(f"wrote {OUT} ({len(frames)} frames, {len(bad)} bad frames)")


if __name__ == "__main__":
    main()
