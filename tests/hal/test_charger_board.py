"""WireChargerBoard against a scripted transport: matching, stale replies, retries, errors, statistics."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

import pytest

from hal.board.charger_board import ChargerSettings
from hal.board.wire_board import WireChargerBoard, reply_frame_size
from hal.links.errors import (
    BadReplyError,
    ChargerRejectedFrameError,
    CommandRefused,
    LinkDownError,
    LinkTimeoutError,
)
from hal.links.transport import Transport
from hal.wire.codec import SEQ_UNKNOWN, DecodeStats, Frame, decode_frame, decode_message, encode_frame
from hal.wire.messages import (
    Ack,
    Configure,
    Error,
    ErrorCode,
    IdentifyReply,
    MsgType,
    Permit,
    ResultCode,
    SelfTestReply,
    StatusReply,
)

# A reply script entry: given the request (decoded frame), the frames the "charger" sends back,
# or an exception the transport raises.
Responder = Callable[[Frame], list[Frame] | Exception]


class ScriptedTransport(Transport):
    def __init__(self, *responders: Responder) -> None:
        self.responders = deque(responders)
        self.sent: list[Frame] = []
        self.reply_lens: list[int] = []
        self.inbox: deque[Frame] = deque()
        self.stats = DecodeStats()
        self.pending_error: Exception | None = None

    @property
    def name(self) -> str:
        return "scripted"

    @property
    def decode_stats(self) -> DecodeStats:
        return self.stats

    async def send(self, frame: bytes, reply_len: int) -> None:
        request, _ = decode_frame(frame)
        self.sent.append(request)
        self.reply_lens.append(reply_len)
        outcome = self.responders.popleft()(request) if self.responders else []
        if isinstance(outcome, Exception):
            self.pending_error = outcome
        else:
            self.inbox.extend(outcome)

    async def receive(self, timeout_s: float) -> Frame:
        if self.pending_error is not None:
            err, self.pending_error = self.pending_error, None
            raise err
        if self.inbox:
            return self.inbox.popleft()
        await asyncio.sleep(timeout_s)
        raise LinkTimeoutError("scripted: silence")

    async def close(self) -> None:
        pass


def reply(msg: object, seq: int) -> Frame:
    return decode_frame(encode_frame(msg, seq))[0]


def ack(result: int = ResultCode.OK) -> Responder:
    return lambda req: [reply(Ack(req.type, result), req.seq)]


def silence() -> Responder:
    return lambda req: []


def status_reply(connector: int = 0, last_ack_seq: int = 0) -> StatusReply:
    return StatusReply(
        connector,
        5,
        0x1F,
        0,
        (230000,) * 3,
        (16000,) * 3,
        11040,
        5,
        250,
        267,
        16000,
        32,
        9,
        3,
        last_ack_seq,
        42,
    )


def board_with(*responders: Responder, retries: int = 2) -> tuple[WireChargerBoard, ScriptedTransport]:
    transport = ScriptedTransport(*responders)
    return WireChargerBoard(transport, timeout_s=0.02, retries=retries, retry_backoff_s=0.0), transport


def test_command_sends_the_message_and_returns_the_acked_seq() -> None:
    board, transport = board_with(ack())
    receipt = asyncio.run(board.permit(0, 16000, 42))
    assert decode_message(transport.sent[0]) == Permit(0, 16000, 42)
    assert receipt.seq == transport.sent[0].seq and receipt.attempts == 1
    assert transport.reply_lens == [reply_frame_size(MsgType.PERMIT)]
    stats = board.link_stats()
    assert (stats.requests, stats.replies, stats.retries, stats.timeouts) == (1, 1, 0, 0)
    assert stats.last_latency_ms > 0


def test_sequence_numbers_advance_and_skip_the_reserved_value() -> None:
    board, transport = board_with(*[ack()] * 3)
    board._next_seq = 0xFFFE  # start near the wrap
    for _ in range(3):
        asyncio.run(board.heartbeat())
    assert [f.seq for f in transport.sent] == [0xFFFE, 0, 1]


def test_stale_replies_are_discarded() -> None:
    def stale_then_right(req: Frame) -> list[Frame]:
        return [reply(Ack(req.type, ResultCode.OK), (req.seq - 1) & 0xFFFF), reply(status_reply(), req.seq)]

    board, _ = board_with(stale_then_right)
    status = asyncio.run(board.status(0))
    assert status == status_reply()
    assert board.link_stats().stale_replies == 1


def test_lost_reply_is_retried_with_a_new_seq_and_the_receipt_names_the_executed_attempt() -> None:
    board, transport = board_with(silence(), ack())
    receipt = asyncio.run(board.set_current(0, 10000))
    assert len(transport.sent) == 2
    assert transport.sent[0].seq != transport.sent[1].seq
    assert transport.sent[0].payload == transport.sent[1].payload  # the same, idempotent command
    assert receipt.seq == transport.sent[1].seq and receipt.attempts == 2
    stats = board.link_stats()
    assert (stats.retries, stats.timeouts, stats.replies) == (1, 1, 1)


def test_late_reply_to_an_earlier_attempt_is_accepted() -> None:
    first_seq: list[int] = []

    def remember(req: Frame) -> list[Frame]:
        first_seq.append(req.seq)
        return []

    def late_reply(req: Frame) -> list[Frame]:
        return [reply(Ack(req.type, ResultCode.OK), first_seq[0])]

    board, _ = board_with(remember, late_reply)
    receipt = asyncio.run(board.stop(0))
    assert receipt.seq == first_seq[0]


def test_timeouts_exhaust_the_bounded_retries() -> None:
    board, transport = board_with(silence(), silence(), silence(), retries=2)
    with pytest.raises(LinkTimeoutError):
        asyncio.run(board.identify())
    assert len(transport.sent) == 3
    stats = board.link_stats()
    assert (stats.timeouts, stats.retries, stats.failures, stats.replies) == (3, 2, 1, 0)


def test_refused_command_raises_command_refused_without_retry() -> None:
    board, transport = board_with(ack(ResultCode.REFUSED_FAULT))
    with pytest.raises(CommandRefused) as err:
        asyncio.run(board.permit(0, 16000, 7))
    assert err.value.result == ResultCode.REFUSED_FAULT and err.value.command_type == MsgType.PERMIT
    assert len(transport.sent) == 1 and board.link_stats().refused == 1


def test_refused_data_request_raises_command_refused() -> None:
    board, _ = board_with(ack(ResultCode.REFUSED_STATE))
    with pytest.raises(CommandRefused):
        asyncio.run(board.self_test())


def test_error_bad_crc_with_unknown_seq_is_retried() -> None:
    board, _ = board_with(
        lambda req: [reply(Error(ErrorCode.BAD_CRC, 0), SEQ_UNKNOWN)],
        lambda req: [reply(SelfTestReply(0, 0x7F), req.seq)],
    )
    assert asyncio.run(board.self_test()) == SelfTestReply(0, 0x7F)
    stats = board.link_stats()
    assert (stats.error_replies, stats.retries) == (1, 1)


def test_error_bad_connector_raises_link_error_at_once() -> None:
    board, transport = board_with(lambda req: [reply(Error(ErrorCode.BAD_CONNECTOR, 0), req.seq)])
    with pytest.raises(ChargerRejectedFrameError) as err:
        asyncio.run(board.status(3))
    assert err.value.code == ErrorCode.BAD_CONNECTOR and len(transport.sent) == 1


def test_wrong_reply_type_or_wrong_acked_type_is_a_bad_reply() -> None:
    identity = IdentifyReply(1, 0, 0, 1, b"X".ljust(16, b"\0"), 0, 1, 3, 32000, 1)
    board, _ = board_with(
        lambda req: [reply(identity, req.seq)],
        lambda req: [reply(Ack(MsgType.STOP, 0), req.seq)],
        retries=1,
    )
    with pytest.raises(BadReplyError):
        asyncio.run(board.heartbeat())
    assert board.link_stats().bad_frames == 2


def test_link_down_is_retried() -> None:
    board, _ = board_with(lambda req: LinkDownError("reset by peer"), ack())
    asyncio.run(board.unlock(0))
    assert board.link_stats().link_down == 1


def test_configure_and_heartbeat_encode_their_fields() -> None:
    board, transport = board_with(ack(), ack())
    settings = ChargerSettings(
        max_current_mA=20000, failsafe_current_mA=6000, lease_ms=3000, allow_ventilation=True
    )
    asyncio.run(board.configure(settings))
    asyncio.run(board.heartbeat(ack_lease_expiry=True))
    assert decode_message(transport.sent[0]) == Configure(
        20000, 6000, 3000, 253000, 196000, 700, 850, 50, 1, 3
    )
    assert transport.sent[1].payload == b"\x01"


def test_requests_are_serialised_one_in_flight() -> None:
    board, transport = board_with(*[ack()] * 4)

    async def many() -> None:
        await asyncio.gather(*(board.heartbeat() for _ in range(4)))

    asyncio.run(many())
    assert len({f.seq for f in transport.sent}) == 4 and board.link_stats().replies == 4


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"overvoltage_mV": 0xFFFFFFFF}, "overvoltage_mV"),
        ({"overvoltage_mV": 196000}, "overvoltage_mV"),
        ({"undervoltage_mV": 0}, "undervoltage_mV"),
        ({"undervoltage_mV": 253000}, "undervoltage_mV"),
        ({"stop_temperature_dC": 32767}, "stop_temperature_dC"),
        ({"derate_temperature_dC": 850}, "derate_temperature_dC"),
        ({"temperature_hysteresis_dC": 0}, "temperature_hysteresis_dC"),
        ({"fault_retry_limit": 255}, "fault_retry_limit"),
        ({"max_current_mA": 0}, "max_current_mA"),
        ({"max_current_mA": 80001}, "max_current_mA"),
        ({"max_current_mA": 16000, "failsafe_current_mA": 20000}, "failsafe_current_mA"),
        ({"lease_ms": 499}, "lease_ms"),
    ],
)
def test_settings_outside_the_firmware_bounds_are_refused_before_sending(
    fields: dict[str, int], name: str
) -> None:
    with pytest.raises(ValueError, match=name):
        ChargerSettings(**fields)  # type: ignore[arg-type]
    ChargerSettings(
        overvoltage_mV=264500, undervoltage_mV=184000, stop_temperature_dC=900, fault_retry_limit=0
    )
