"""How much a bad frame costs a stream receiver, as docs/wire-protocol.md ("Bad frames") says: one byte
after a bad version, length or CRC, the whole frame after an unknown type whose CRC holds. Checked on
the host's StreamDecoder and on the charger's FrameParser (evse-sim over TCP) with the same bytes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest

from hal.wire.codec import StreamDecoder, decode_message, encode_frame, encode_raw
from hal.wire.messages import Error, ErrorCode, MsgType, StatusRequest

if TYPE_CHECKING:
    from conftest import RunningSim

pytestmark = pytest.mark.sim(chargers=1)

UNKNOWN_TYPE = 0x7E
INNER_SEQ = 0x0102


def inner() -> bytes:
    """A good STATUS_REQ hidden in the payload of the bad frame."""
    return encode_frame(StatusRequest(0), INNER_SEQ)


def unknown_type_frame() -> bytes:
    return encode_raw(UNKNOWN_TYPE, 0x0A0B, inner())


def bad_crc_frame() -> bytes:
    frame = bytearray(encode_raw(int(MsgType.STATUS_REQ), 0x0A0C, inner()))
    frame[-1] ^= 0x5A
    return bytes(frame)


def test_stream_decoder_drops_an_unknown_type_whole_and_a_bad_crc_by_one_byte() -> None:
    decoder = StreamDecoder()
    assert decoder.feed(unknown_type_frame()) == []
    assert decoder.stats.unknown_type == 1 and decoder.buffered == 0
    found = decoder.feed(bad_crc_frame())
    assert [(f.type, f.seq) for f in found] == [(MsgType.STATUS_REQ, INNER_SEQ)]
    assert decoder.stats.bad_crc == 1


async def replies_to(sim: RunningSim, data: bytes, timeout_s: float = 0.5) -> list[Any]:
    reader, writer = await asyncio.open_connection(sim.host, sim.charger_port(0))
    decoder = StreamDecoder()
    frames: list[Any] = []
    try:
        writer.write(data)
        await writer.drain()
        try:
            async with asyncio.timeout(timeout_s):
                while True:
                    frames += decoder.feed(await reader.read(4096))
        except TimeoutError:
            pass
    finally:
        writer.close()
    return frames


def test_the_charger_parser_drops_an_unknown_type_whole_and_a_bad_crc_by_one_byte(
    stepped_sim: RunningSim,
) -> None:
    async def main() -> None:
        replies = await replies_to(stepped_sim, unknown_type_frame())
        assert [(r.type, r.seq) for r in replies] == [(MsgType.ERROR, 0x0A0B)]
        assert decode_message(replies[0]) == Error(ErrorCode.UNKNOWN_TYPE, UNKNOWN_TYPE)
        replies = await replies_to(stepped_sim, bad_crc_frame())
        assert [(r.type, r.seq) for r in replies] == [
            (MsgType.ERROR, 0xFFFF),
            (MsgType.STATUS_REPLY, INNER_SEQ),
        ]
        assert decode_message(replies[0]).error == ErrorCode.BAD_CRC

    asyncio.run(main())
