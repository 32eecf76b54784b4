"""PC/SC card readers through pcscd and pyscard: hot-plug, card insert/remove and the get-UID APDU."""

from __future__ import annotations

import asyncio
import logging
import threading

from smartcard import scard

from hal.card_readers.base import (
    CARD_REFUSED,
    CARD_REMOVED_MID_READ,
    CARD_UNREADABLE,
    DEFAULT_DEBOUNCE_S,
    SERVICE_UNAVAILABLE,
    CardPresented,
    CardReader,
    CardRemoved,
    ReaderAdded,
    ReaderError,
    ReaderRemoved,
)

log = logging.getLogger(__name__)

# PC/SC Part 3 (Supplemental Document), section 3.2.2.1.3 "Get Data": CLA FF, INS CA, P1 00 = UID,
# Le 00 = the whole UID. Every PC/SC 2.01 contactless reader implements it in its firmware.
GET_UID_APDU = [0xFF, 0xCA, 0x00, 0x00, 0x00]
SW_OK = 0x9000
# Status words of the get-data command (PC/SC Part 3, section 3.2.2.1.3), for the error message.
SW_MEANING = {
    0x6282: "end of data reached before Le bytes",
    0x6300: "the operation failed",
    0x6A81: "function not supported",
    0x6B00: "wrong parameters P1-P2",
    0x6D00: "instruction not supported",
    0x6E00: "class not supported",
}

# After a failed read, how long to watch whether the card is leaving (a pull) or staying (unreadable).
REMOVAL_GRACE_MS = 1500

# pcsc-lite's special reader name: its state changes whenever a reader is added or removed
# (PC/SC Part 5, SCardGetStatusChange), so hot-plug needs no polling of the reader list.
PNP_READER = "\\\\?PnP?\\Notification"

# Results that mean pcscd went away; the context must be established again once it is back.
_SERVICE_LOST = {
    scard.SCARD_E_NO_SERVICE,
    scard.SCARD_E_SERVICE_STOPPED,
    scard.SCARD_F_COMM_ERROR,
    scard.SCARD_E_INVALID_HANDLE,
}
# Results of connect/transmit that mean the card left (or was reset away) during the read.
_CARD_GONE = {
    scard.SCARD_W_REMOVED_CARD,
    scard.SCARD_E_NO_SMARTCARD,
    scard.SCARD_W_RESET_CARD,
    scard.SCARD_W_UNPOWERED_CARD,
    scard.SCARD_E_NOT_TRANSACTED,
    scard.SCARD_F_COMM_ERROR,
}

# PC/SC Part 3, section 3.1.3.2.3: the ATR a contactless reader builds for a storage card carries
# the card's standard in byte SS of "4F 0C A0 00 00 03 06 SS NN NN".
_ATR_STANDARDS = {0x03: "ISO14443A", 0x07: "ISO14443B", 0x0B: "ISO15693", 0x11: "FeliCa", 0x12: "FeliCa"}


def technology_from_atr(atr: bytes) -> str:
    """The card technology a PC/SC ATR names (PC/SC Part 3, section 3.1.3.2.3)."""
    rid = bytes.fromhex("4F0CA000000306")
    at = atr.find(rid)
    if at >= 0 and at + len(rid) < len(atr):
        return _ATR_STANDARDS.get(atr[at + len(rid)], "unknown")
    if atr[:1] == b"\x3b" and atr[2:4] == b"\x80\x01":
        return "ISO14443"  # ISO/IEC 14443-4 card (PC/SC Part 3, section 3.1.3.2.3.2)
    return "contact"


def error_text(result: int) -> str:
    """pcsc-lite's text for a result code, with the code."""
    return f"{scard.SCardGetErrorMessage(result)} (0x{result & 0xFFFFFFFF:08X})"


class PcscCardReader(CardReader):
    """Every PC/SC reader pcscd knows (or those whose name contains reader_filter).

    One worker thread blocks in SCardGetStatusChange and hands events to the asyncio loop; the UID
    is read with the get-data APDU as soon as a card is present. When pcscd is not running (or
    stops) the worker reports SERVICE_UNAVAILABLE once and tries again every retry_s.
    """

    def __init__(
        self,
        debounce_s: float = DEFAULT_DEBOUNCE_S,
        reader_filter: str | None = None,
        wait_ms: int = 1000,
        retry_s: float = 1.0,
    ) -> None:
        super().__init__(debounce_s)
        self.reader_filter = reader_filter
        self.wait_ms = wait_ms
        self.retry_s = retry_s
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._context: int | None = None
        self._context_lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"pcsc:{self.reader_filter}" if self.reader_filter else "pcsc"

    async def _start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="pcsc-reader", daemon=True)
        self._thread.start()

    async def _stop(self) -> None:
        self._stopping.set()
        with self._context_lock:
            if self._context is not None:
                scard.SCardCancel(self._context)  # wakes SCardGetStatusChange at once
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join, 10.0)
            self._thread = None

    # -- worker thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        service_error_reported = False
        while not self._stopping.is_set():
            result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if result != scard.SCARD_S_SUCCESS:
                if not service_error_reported:
                    message = f"PC/SC service (pcscd) not reachable: {error_text(result)}"
                    self._report_threadsafe(ReaderError(self.name, SERVICE_UNAVAILABLE, message))
                    service_error_reported = True
                self._stopping.wait(self.retry_s)
                continue
            service_error_reported = False
            with self._context_lock:
                self._context = context
            try:
                lost = self._watch(context)
            finally:
                with self._context_lock:
                    self._context = None
                scard.SCardReleaseContext(context)
            if lost is not None:
                self._report_threadsafe(
                    ReaderError(self.name, SERVICE_UNAVAILABLE, f"PC/SC service (pcscd) lost: {lost}")
                )
                service_error_reported = True
                self._stopping.wait(self.retry_s)

    def _list_readers(self, context: int) -> tuple[int, list[str]]:
        result, readers = scard.SCardListReaders(context, [])
        if result == scard.SCARD_E_NO_READERS_AVAILABLE:
            return scard.SCARD_S_SUCCESS, []
        if result != scard.SCARD_S_SUCCESS:
            return result, []
        return result, [r for r in readers if not self.reader_filter or self.reader_filter in r]

    def _watch(self, context: int) -> str | None:
        """Follows readers and cards until stopped (None) or pcscd is lost (the reason)."""
        states: dict[str, int] = {}  # reader -> last event state we acknowledged
        cards: dict[str, str | None] = {}  # reader -> UID reported (None: present but unread)
        pnp_state = scard.SCARD_STATE_UNAWARE
        relist = True
        try:
            while not self._stopping.is_set():
                if relist:
                    result, readers = self._list_readers(context)
                    if result in _SERVICE_LOST:
                        return error_text(result)
                    for reader in [r for r in states if r not in readers]:
                        self._reader_gone(reader, states, cards)
                    for reader in [r for r in readers if r not in states]:
                        states[reader] = scard.SCARD_STATE_UNAWARE
                        self._report_threadsafe(ReaderAdded(reader))
                    relist = False
                query = [(PNP_READER, pnp_state), *states.items()]
                result, answer = scard.SCardGetStatusChange(context, self.wait_ms, query)
                if result == scard.SCARD_E_TIMEOUT:
                    continue
                if result == scard.SCARD_E_CANCELLED:
                    return None
                if result in _SERVICE_LOST:
                    return error_text(result)
                if result == scard.SCARD_E_UNKNOWN_READER:
                    relist = True  # a reader vanished between listing and waiting
                    continue
                if result != scard.SCARD_S_SUCCESS:
                    log.warning("SCardGetStatusChange: %s", error_text(result))
                    self._stopping.wait(self.retry_s)
                    relist = True
                    continue
                for reader, event_state, atr in answer:
                    if reader == PNP_READER:
                        if event_state & scard.SCARD_STATE_CHANGED:
                            relist = True
                        pnp_state = event_state & ~scard.SCARD_STATE_CHANGED
                        continue
                    if reader not in states:
                        continue
                    if event_state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_IGNORE):
                        relist = True
                        continue
                    if event_state & scard.SCARD_STATE_CHANGED:
                        self._card_state(context, reader, states[reader], event_state, bytes(atr), cards)
                    states[reader] = event_state & ~scard.SCARD_STATE_CHANGED
            return None
        finally:
            # Readers vanish with pcscd; on stop the streams simply end.
            if not self._stopping.is_set():
                for reader in list(states):
                    self._reader_gone(reader, states, cards)

    def _reader_gone(self, reader: str, states: dict[str, int], cards: dict[str, str | None]) -> None:
        states.pop(reader, None)
        cards.pop(reader, None)
        self._report_threadsafe(ReaderRemoved(reader))  # the debouncer removes its card first

    def _card_state(
        self, context: int, reader: str, old: int, new: int, atr: bytes, cards: dict[str, str | None]
    ) -> None:
        was_present = reader in cards
        present = bool(new & scard.SCARD_STATE_PRESENT)
        # pcsc-lite counts card events in the upper 16 bits: a count that moved while the card still
        # looks present means it was swapped between two waits.
        swapped = was_present and present and (old >> 16) != (new >> 16) and old != scard.SCARD_STATE_UNAWARE
        if was_present and (not present or swapped):
            uid = cards.pop(reader)
            if uid is not None:
                self._report_threadsafe(CardRemoved(uid, reader))
        if present and (not was_present or swapped):
            if new & scard.SCARD_STATE_MUTE:
                cards[reader] = None
                self._report_threadsafe(
                    ReaderError(reader, CARD_UNREADABLE, "a card is on the reader but does not answer (mute)")
                )
                return
            cards[reader] = None
            outcome = self._read_uid(context, reader, new)
            if isinstance(outcome, ReaderError):
                self._report_threadsafe(outcome)
            else:
                cards[reader] = outcome
                self._report_threadsafe(CardPresented(outcome, reader, technology_from_atr(atr)))

    def _read_uid(self, context: int, reader: str, state: int) -> str | ReaderError:
        """The card's UID by the get-data APDU, or the error to report (no UID is guessed)."""
        protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        result, card, protocol = scard.SCardConnect(context, reader, scard.SCARD_SHARE_SHARED, protocols)
        if result != scard.SCARD_S_SUCCESS:
            detail = f"could not connect: {error_text(result)}"
            return self._failed_read(context, reader, state, detail, result)
        try:
            result, response = scard.SCardTransmit(card, protocol, GET_UID_APDU)
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
        if result != scard.SCARD_S_SUCCESS:
            return self._failed_read(context, reader, state, error_text(result), result)
        if len(response) < 2:
            # No status word at all: some drivers (vpcd among them) report a card that vanished
            # mid-exchange as an empty answer rather than an error.
            detail = f"get-UID answer without a status word ({bytes(response).hex() or 'empty'})"
            return self._failed_read(context, reader, state, detail, result)
        status = response[-2] << 8 | response[-1]
        uid = bytes(response[:-2])
        if status != SW_OK:
            meaning = SW_MEANING.get(status, "unexpected status")
            return ReaderError(reader, CARD_REFUSED, f"card answered get-UID with {status:04X} ({meaning})")
        if not 1 <= len(uid) <= 16:
            return ReaderError(reader, CARD_UNREADABLE, f"get-UID returned a {len(uid)}-byte UID")
        return uid.hex().upper()

    def _failed_read(self, context: int, reader: str, state: int, detail: str, result: int) -> ReaderError:
        """Tells a card pulled away mid-read from one that is there but unreadable."""
        if result in _CARD_GONE or self._card_left(context, reader, state):
            message = f"card removed while its UID was read: {detail}"
            return ReaderError(reader, CARD_REMOVED_MID_READ, message)
        return ReaderError(reader, CARD_UNREADABLE, f"the card's UID could not be read: {detail}")

    def _card_left(self, context: int, reader: str, state: int) -> bool:
        """Whether the card leaves within REMOVAL_GRACE_MS (pcscd notices within its 0.4 s poll)."""
        query = [(reader, state & ~scard.SCARD_STATE_CHANGED)]
        result, answer = scard.SCardGetStatusChange(context, REMOVAL_GRACE_MS, query)
        if result != scard.SCARD_S_SUCCESS or not answer:
            return False
        return not answer[0][1] & scard.SCARD_STATE_PRESENT
