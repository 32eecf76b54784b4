"""ChargerBoard over any Transport: sequence numbers, reply matching, bounded retries, statistics."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from hal.board.charger_board import ChargerBoard, ChargerSettings, CommandReceipt
from hal.links.errors import (
    BadReplyError,
    ChargerRejectedFrameError,
    CommandRefused,
    I2cNackError,
    LinkError,
    LinkTimeoutError,
)
from hal.links.stats import LinkStats
from hal.links.transport import Transport
from hal.wire.codec import SEQ_UNKNOWN, Frame, decode_message, encode_frame, encode_tagged
from hal.wire.messages import (
    CRC_SIZE,
    HEADER_SIZE,
    MESSAGES,
    REPLY_TYPE,
    Ack,
    ClearFault,
    Configure,
    Error,
    ErrorCode,
    Heartbeat,
    IdentifyReply,
    IdentifyRequest,
    MsgType,
    Permit,
    Reset,
    ResultCode,
    SelfTest,
    SelfTestReply,
    SessionReply,
    SessionRequest,
    SetCurrent,
    StatusReply,
    StatusRequest,
    Stop,
    StopReason,
    Unlock,
)

# ERROR codes worth a retry: the request frame was damaged on the way (docs/wire-protocol.md,
# Bad frames). UNKNOWN_TYPE and BAD_CONNECTOR would fail the same way again.
_RETRYABLE_ERRORS = frozenset({ErrorCode.BAD_CRC, ErrorCode.BAD_LENGTH, ErrorCode.UNSUPPORTED_VERSION})
_HEARTBEAT_ACK_LEASE_EXPIRY = 0x01


def reply_frame_size(request_type: int) -> int:
    """The largest reply frame a request can get: its reply type or ERROR."""
    payload = max(MESSAGES[REPLY_TYPE[request_type]].SIZE, Error.SIZE)
    return HEADER_SIZE + payload + CRC_SIZE


class WireChargerBoard(ChargerBoard):
    """The one ChargerBoard implementation: speaks the wire protocol over a Transport.

    Each attempt gets a fresh sequence number. A reply carrying the seq of any attempt of the
    current request is accepted (the commands are idempotent, so whichever attempt the charger
    executed is the command), replies with other seqs are stale and discarded. An ERROR with seq
    0xFFFF (the charger could not read our header) answers the attempt in flight.

    With a link key (TCP), every state-changing request carries a tag bound to the nonce the
    charger gave this connection (SESSION_REQ, asked once per connection); docs/wire-protocol.md.
    """

    def __init__(
        self,
        transport: Transport,
        timeout_s: float = 0.25,
        retries: int = 2,
        retry_backoff_s: float = 0.02,
        link_key: bytes | None = None,
    ) -> None:
        self.transport = transport
        self.link_key = link_key
        self._nonce: bytes | None = None
        self._nonce_connection = -1  # the transport's connection count when the nonce was read
        self.timeout_s = timeout_s
        self.retries = retries
        self.retry_backoff_s = retry_backoff_s
        self._stats = LinkStats()
        self._next_seq = 1
        self._lock = asyncio.Lock()

    @property
    def name(self) -> str:
        return self.transport.name

    def link_stats(self) -> LinkStats:
        return self._stats.snapshot(self.transport.decode_stats.bad_frames)

    @property
    def next_seq(self) -> int:
        """The sequence number the next attempt will carry."""
        return self._next_seq

    def _take_seq(self) -> int:
        seq = self._next_seq
        # 0xFFFF is reserved for ERROR replies to unreadable headers, so the counter skips it.
        self._next_seq = seq + 1 if seq + 1 < SEQ_UNKNOWN else 0
        return seq

    async def request(self, msg: Any) -> tuple[Any, CommandReceipt]:
        """Sends msg until its reply arrives (bounded attempts); returns the reply message and receipt."""
        async with self._lock:
            return await self._request_locked(msg)

    async def _request_locked(self, msg: Any) -> tuple[Any, CommandReceipt]:
        stats = self._stats
        stats.requests += 1
        request_type = int(msg.TYPE)
        expected_type = REPLY_TYPE[request_type]
        reply_len = reply_frame_size(request_type)
        attempt_seqs: set[int] = set()
        last_error: LinkError | None = None
        started = time.perf_counter()
        for attempt in range(1, self.retries + 2):
            if attempt > 1:
                stats.retries += 1
            try:
                seq = self._take_seq()
                frame_bytes = await self._frame_for(msg, seq)
                attempt_seqs.add(seq)
                await self.transport.send(frame_bytes, reply_len)
                frame = await self._await_reply(attempt_seqs)
                reply = self._check_reply(frame, request_type, expected_type)
            except ChargerRejectedFrameError as err:
                stats.error_replies += 1
                last_error = err
                if err.code == ErrorCode.AUTH_FAILED and self._nonce_is_stale():
                    continue  # the connection changed under the request: tag it for the new one
                if err.code not in _RETRYABLE_ERRORS:
                    stats.failures += 1
                    raise
            except LinkTimeoutError as err:
                stats.timeouts += 1
                last_error = err
            except BadReplyError as err:
                stats.bad_frames += 1
                last_error = err
            except LinkError as err:  # connection lost, NACK or another transport failure: back off
                if isinstance(err, I2cNackError):
                    stats.nacks += 1
                else:
                    stats.link_down += 1
                last_error = err
                await asyncio.sleep(self.retry_backoff_s)
            else:
                latency_ms = (time.perf_counter() - started) * 1000.0
                stats.replies += 1
                stats.record_latency(latency_ms)
                return reply, CommandReceipt(frame.seq, attempt, latency_ms)
        stats.failures += 1
        assert last_error is not None
        raise last_error

    def _connection_count(self) -> int:
        return int(getattr(self.transport, "connects", 0))

    def _nonce_is_stale(self) -> bool:
        connected = bool(getattr(self.transport, "connected", True))
        return self._nonce is None or not connected or self._nonce_connection != self._connection_count()

    async def _frame_for(self, msg: Any, seq: int) -> bytes:
        """The frame of one attempt: tagged when a key is set and the type needs it."""
        if self.link_key is None or not msg.AUTH:
            return encode_frame(msg, seq)
        if self._nonce_is_stale():
            reply, _ = await self._request_locked(SessionRequest())
            assert isinstance(reply, SessionReply)
            self._nonce, self._nonce_connection = reply.nonce, self._connection_count()
        assert self._nonce is not None
        return encode_tagged(msg, seq, self.link_key, self._nonce)

    async def _await_reply(self, attempt_seqs: set[int]) -> Frame:
        deadline = time.monotonic() + self.timeout_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LinkTimeoutError(f"{self.name}: no reply within {self.timeout_s * 1000:.0f} ms")
            frame = await self.transport.receive(remaining)
            if frame.seq in attempt_seqs or (frame.seq == SEQ_UNKNOWN and frame.type == MsgType.ERROR):
                return frame
            self._stats.stale_replies += 1

    def _check_reply(self, frame: Frame, request_type: int, expected_type: int) -> Any:
        if frame.type == MsgType.ERROR:
            err = Error.unpack(frame.payload)
            raise ChargerRejectedFrameError(err.error, err.detail, request_type)
        if frame.type == MsgType.ACK and expected_type != MsgType.ACK:
            # A data request the charger refuses (e.g. SELF_TEST while charging) is answered ACK.
            ack = Ack.unpack(frame.payload)
            if ack.acked_type == request_type and ack.result != ResultCode.OK:
                self._stats.replies += 1
                self._stats.refused += 1
                raise CommandRefused(ack.result, request_type)
        if frame.type != expected_type:
            raise BadReplyError(f"{self.name}: reply type 0x{frame.type:02x}, expected 0x{expected_type:02x}")
        reply = decode_message(frame)
        if isinstance(reply, Ack) and reply.acked_type != request_type:
            raise BadReplyError(
                f"{self.name}: ACK for type 0x{reply.acked_type:02x}, sent 0x{request_type:02x}"
            )
        return reply

    async def _command(self, msg: Any) -> CommandReceipt:
        ack, receipt = await self.request(msg)
        if ack.result != ResultCode.OK:
            self._stats.refused += 1
            raise CommandRefused(ack.result, int(msg.TYPE))
        return receipt

    async def identify(self) -> IdentifyReply:
        reply, _ = await self.request(IdentifyRequest())
        assert isinstance(reply, IdentifyReply)  # _check_reply let only the expected type through
        return reply

    async def status(self, connector: int = 0) -> StatusReply:
        reply, _ = await self.request(StatusRequest(connector))
        assert isinstance(reply, StatusReply)  # _check_reply let only the expected type through
        return reply

    async def permit(self, connector: int, current_limit_mA: int, transaction_ref: int) -> CommandReceipt:
        return await self._command(Permit(connector, current_limit_mA, transaction_ref))

    async def stop(self, connector: int, reason: StopReason | int = StopReason.OTHER) -> CommandReceipt:
        return await self._command(Stop(connector, int(reason)))

    async def set_current(self, connector: int, current_limit_mA: int) -> CommandReceipt:
        return await self._command(SetCurrent(connector, current_limit_mA))

    async def heartbeat(self, ack_lease_expiry: bool = False) -> CommandReceipt:
        return await self._command(Heartbeat(_HEARTBEAT_ACK_LEASE_EXPIRY if ack_lease_expiry else 0))

    async def configure(self, settings: ChargerSettings) -> CommandReceipt:
        s = settings
        msg = Configure(
            s.max_current_mA,
            s.failsafe_current_mA,
            s.lease_ms,
            s.overvoltage_mV,
            s.undervoltage_mV,
            s.derate_temperature_dC,
            s.stop_temperature_dC,
            s.temperature_hysteresis_dC,
            1 if s.allow_ventilation else 0,
            s.fault_retry_limit,
        )
        return await self._command(msg)

    async def clear_fault(self, mask: int) -> CommandReceipt:
        return await self._command(ClearFault(mask))

    async def unlock(self, connector: int = 0) -> CommandReceipt:
        return await self._command(Unlock(connector))

    async def reset(self, kind: int = 0) -> CommandReceipt:
        return await self._command(Reset(kind))

    async def self_test(self) -> SelfTestReply:
        reply, _ = await self.request(SelfTest())
        assert isinstance(reply, SelfTestReply)  # _check_reply let only the expected type through
        return reply

    async def close(self) -> None:
        await self.transport.close()
