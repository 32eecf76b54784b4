"""The card reader interface: debounced RFID/NFC reader events, whichever reader hardware is behind it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from hal.listeners import Listeners

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_S = 2.0


@dataclass(frozen=True, slots=True)
class CardPresented:
    """A card was put on a reader; uid is upper-case hex without separators (e.g. "04A1B2C3D4E5F6")."""

    uid: str
    reader: str
    technology: str  # "ISO14443A", "ISO14443B", "FeliCa", "ISO15693", "contact" or "unknown"


@dataclass(frozen=True, slots=True)
class CardRemoved:
    """A card reported by CardPresented left the reader (or the reader went away with it)."""

    uid: str
    reader: str


@dataclass(frozen=True, slots=True)
class ReaderAdded:
    """A reader is connected and watched."""

    reader: str


@dataclass(frozen=True, slots=True)
class ReaderRemoved:
    """A reader was unplugged or its service went away; its card, if any, was reported removed first."""

    reader: str


# Stable kinds of ReaderError, so that the app can choose a screen without parsing the message.
SERVICE_UNAVAILABLE = "service-unavailable"  # pcscd not running, NFC device cannot be opened
READER_FAILED = "reader-failed"  # the reader stopped answering
CARD_REMOVED_MID_READ = "card-removed-mid-read"  # the card left before its UID was read
CARD_REFUSED = "card-refused"  # the card answered the get-UID command with an error status
CARD_UNREADABLE = "card-unreadable"  # the card is on the reader but does not communicate


@dataclass(frozen=True, slots=True)
class ReaderError:
    """Something a technician or driver should know; kind is one of the stable kinds above."""

    reader: str
    kind: str
    message: str


CardEvent = CardPresented | CardRemoved | ReaderAdded | ReaderRemoved | ReaderError
CardCallback = Callable[[CardEvent], None]


class _End:
    """Marks the end of an event stream (the reader stopped)."""


_END = _End()


class CardEventStream:
    """An async iterator of a reader's events from the moment it was created until the reader stops."""

    def __init__(self, reader: CardReader) -> None:
        self._queue: asyncio.Queue[CardEvent | _End] = asyncio.Queue()
        self._reader = reader
        reader._streams.add(self)

    def __aiter__(self) -> CardEventStream:
        return self

    async def __anext__(self) -> CardEvent:
        item = await self._queue.get()
        if isinstance(item, _End):
            self._queue.put_nowait(item)  # later reads end too
            raise StopAsyncIteration
        return item

    async def get(self, timeout: float | None = None) -> CardEvent:
        """The next event; raises TimeoutError after timeout seconds, StopAsyncIteration once stopped."""
        return await asyncio.wait_for(self.__anext__(), timeout)

    def close(self) -> None:
        """Stops receiving events."""
        self._reader._streams.discard(self)
        self._queue.put_nowait(_END)

    def _put(self, item: CardEvent | _End) -> None:
        self._queue.put_nowait(item)


class Debouncer:
    """Turns raw reader observations into the events the app sees.

    A card held on a reader is reported once. A UID presented again on the same reader within
    debounce_s of its removal is ignored together with its removal, so a card that flickers at the
    edge of the field (or a driver's double tap) counts as one tap. Readers are debounced separately:
    a deliberate tap on another reader is reported.
    """

    def __init__(self, debounce_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if debounce_s < 0:
            raise ValueError("debounce_s must be >= 0")
        self.debounce_s = debounce_s
        self._clock = clock
        self._present: dict[str, tuple[str, bool]] = {}  # reader -> (uid, reported)
        self._removed_at: dict[tuple[str, str], float] = {}  # (reader, uid) -> last removal time

    def filter(self, event: CardEvent) -> list[CardEvent]:
        """The events to deliver for one raw observation (none, it, or a synthesised removal first)."""
        now = self._clock()
        if isinstance(event, CardPresented):
            return self._presented(event, now)
        if isinstance(event, CardRemoved):
            return self._removed(event.reader, now)
        if isinstance(event, ReaderRemoved):
            return [*self._removed(event.reader, now), event]
        return [event]

    def _presented(self, event: CardPresented, now: float) -> list[CardEvent]:
        current = self._present.get(event.reader)
        if current is not None:
            if current[0] == event.uid:
                return []  # held on the reader: reported once
            # Another card replaced it without a removal in between (a missed poll): remove first.
            out = self._removed(event.reader, now)
            return out + self._presented(event, now)
        removed_at = self._removed_at.get((event.reader, event.uid))
        reported = removed_at is None or now - removed_at >= self.debounce_s
        self._present[event.reader] = (event.uid, reported)
        return [event] if reported else []

    def _removed(self, reader: str, now: float) -> list[CardEvent]:
        current = self._present.pop(reader, None)
        if current is None:
            return []
        uid, reported = current
        # A suppressed flicker also restarts the window, so a jittery card never makes a second tap.
        self._removed_at[(reader, uid)] = now
        self._forget_old(now)
        return [CardRemoved(uid, reader)] if reported else []

    def _forget_old(self, now: float) -> None:
        stale = [key for key, at in self._removed_at.items() if now - at >= self.debounce_s]
        for key in stale:
            del self._removed_at[key]


class CardReader(ABC):
    """One card reader back-end: start it, then read events with events() or callbacks.

    Back-ends report raw observations through _report() (on the event loop) or _report_threadsafe()
    (from their worker thread); the Debouncer decides what the app sees. hal has no business rules:
    whether a UID may charge is decided in app/.
    """

    def __init__(self, debounce_s: float = DEFAULT_DEBOUNCE_S) -> None:
        self._debouncer = Debouncer(debounce_s)
        self._streams: set[CardEventStream] = set()
        self._callbacks: Listeners[CardEvent] = Listeners("card event", log)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._running = False

    @property
    @abstractmethod
    def name(self) -> str:
        """What this reader is, for logs (e.g. "pcsc", "nfc udp:127.0.0.1:54321")."""

    @property
    def running(self) -> bool:
        return self._running

    async def start(self) -> None:
        """Starts watching; ReaderAdded follows for each reader found."""
        if self._running:
            return
        self._loop = asyncio.get_running_loop()
        self._running = True
        await self._start()

    async def stop(self) -> None:
        """Stops watching and ends every event stream; safe to call twice."""
        if not self._running:
            return
        self._running = False
        await self._stop()
        for stream in list(self._streams):
            stream._put(_END)
        self._streams.clear()

    async def __aenter__(self) -> CardReader:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def events(self) -> CardEventStream:
        """A new stream of the events from now on (each consumer gets every event)."""
        return CardEventStream(self)

    def subscribe(self, callback: CardCallback) -> Callable[[], None]:
        """Calls callback(event) on the event loop for every event; returns the unsubscribe function."""
        return self._callbacks.subscribe(callback)

    @abstractmethod
    async def _start(self) -> None:
        """Back-end start (runs on the event loop)."""

    @abstractmethod
    async def _stop(self) -> None:
        """Back-end stop: returns once no more events will be reported."""

    def _report(self, event: CardEvent) -> None:
        """Delivers one raw observation through the debouncer (event loop thread only)."""
        if not self._running:
            return  # a worker's last report arriving after stop()
        for out in self._debouncer.filter(event):
            if isinstance(out, ReaderError):
                log.warning("%s: %s: %s", out.reader, out.kind, out.message)
            for stream in list(self._streams):
                stream._put(out)
            self._callbacks.emit(out)  # logs a failing callback; the other consumers still get the event

    def _report_threadsafe(self, event: CardEvent) -> None:
        """Hands an observation from a worker thread to the event loop."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed while the worker was finishing
            loop.call_soon_threadsafe(self._report, event)


class NoCardReader(CardReader):
    """The "none" reader: a station without a card reader (payments or remote start only)."""

    @property
    def name(self) -> str:
        return "none"

    async def _start(self) -> None:
        pass

    async def _stop(self) -> None:
        pass


class VirtualCardReader(CardReader):
    """A reader fed by software: the demo's simulator panel taps virtual cards through it.

    It goes through the same debouncer and event delivery as the hardware readers, so the kiosk
    cannot tell it from one.
    """

    def __init__(self, reader_name: str = "Virtual reader", debounce_s: float = DEFAULT_DEBOUNCE_S) -> None:
        super().__init__(debounce_s)
        self._reader_name = reader_name
        self._plugged = True
        self._pending_removal: asyncio.TimerHandle | None = None

    @property
    def name(self) -> str:
        return self._reader_name

    async def _start(self) -> None:
        if self._plugged:
            self._report(ReaderAdded(self._reader_name))

    async def _stop(self) -> None:
        self._cancel_pending()

    def present(self, uid: str, technology: str = "ISO14443A") -> None:
        """Puts a card on the reader until remove() (uid: hex, any case, spaces or colons allowed)."""
        self._require_plugged()
        self._cancel_pending()
        self._report(CardPresented(normalise_uid(uid), self._reader_name, technology))

    def remove(self) -> None:
        """Takes the card off the reader."""
        self._cancel_pending()
        self._report(CardRemoved("", self._reader_name))

    def tap(self, uid: str, hold_s: float = 0.5, technology: str = "ISO14443A") -> None:
        """Presents a card and removes it after hold_s, like a driver's tap."""
        self.present(uid, technology)
        assert self._loop is not None
        self._pending_removal = self._loop.call_later(hold_s, self.remove)

    def unplug(self) -> None:
        """Simulates pulling the reader's cable."""
        if self._plugged:
            self._cancel_pending()
            self._plugged = False
            self._report(ReaderRemoved(self._reader_name))

    def plug(self) -> None:
        """Simulates plugging the reader back in."""
        if not self._plugged:
            self._plugged = True
            self._report(ReaderAdded(self._reader_name))

    def fail(self, message: str, kind: str = READER_FAILED) -> None:
        """Reports a reader error, e.g. to show the kiosk's "card could not be read" path."""
        self._report(ReaderError(self._reader_name, kind, message))

    def _require_plugged(self) -> None:
        if not self._running:
            raise RuntimeError("the virtual reader is not started")
        if not self._plugged:
            raise RuntimeError("the virtual reader is unplugged")

    def _cancel_pending(self) -> None:
        if self._pending_removal is not None:
            self._pending_removal.cancel()
            self._pending_removal = None


def normalise_uid(uid: str | bytes) -> str:
    """A UID as upper-case hex without separators; raises ValueError for anything else."""
    if isinstance(uid, bytes | bytearray):
        if not uid:
            raise ValueError("empty card UID")
        return bytes(uid).hex().upper()
    text = uid.replace(" ", "").replace(":", "").replace("-", "")
    if not text or len(text) % 2:
        raise ValueError(f"card UID {uid!r} is not a whole number of hex bytes")
    return bytes.fromhex(text).hex().upper()
