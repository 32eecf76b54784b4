"""NFC card readers through nfcpy (USB readers such as the RC-S380 or PN533, or its udp test driver)."""

from __future__ import annotations

import asyncio
import errno
import logging
import threading
from typing import Any

import nfc
import nfc.clf

from hal.card_readers.base import (
    CARD_UNREADABLE,
    DEFAULT_DEBOUNCE_S,
    READER_FAILED,
    SERVICE_UNAVAILABLE,
    CardPresented,
    CardReader,
    CardRemoved,
    ReaderAdded,
    ReaderError,
    ReaderRemoved,
)

log = logging.getLogger(__name__)

# NFC Forum Digital Protocol technologies as nfcpy names them (bit rate + type letter).
DEFAULT_TARGETS = ("106A", "106B", "212F")
_TECHNOLOGY = {"A": "ISO14443A", "B": "ISO14443B", "F": "FeliCa"}

_OPEN_HINTS = {
    errno.ENODEV: "no NFC reader found there (is it plugged in?)",
    errno.EACCES: "permission denied (install the udev rule from docs/card-readers.md)",
    errno.EBUSY: "the reader is busy (another process, or the kernel's pn533 driver: blacklist pn533_usb)",
}


def technology_of(brty: str) -> str:
    """The technology of an nfcpy bit rate and type such as "106A"."""
    return _TECHNOLOGY.get(brty[-1:], "unknown")


class NfcCardReader(CardReader):
    """One nfcpy device, path as nfcpy names it ("usb", "usb:054c:06c3", "udp:127.0.0.1:54321").

    A worker thread runs ContactlessFrontend.connect(rdwr=...) in a loop: on-connect reports the
    tag's identifier (the NFCID1/UID for ISO 14443 A, the PUPI for B, the IDm for FeliCa), nfcpy
    then checks the tag's presence until it leaves and on-release reports the removal. When the
    device fails the reader is reported removed and reopened every retry_s.
    """

    def __init__(
        self,
        path: str = "usb",
        debounce_s: float = DEFAULT_DEBOUNCE_S,
        targets: tuple[str, ...] = DEFAULT_TARGETS,
        retry_s: float = 2.0,
    ) -> None:
        super().__init__(debounce_s)
        self.path = path
        self.targets = targets
        self.retry_s = retry_s
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def name(self) -> str:
        return f"nfc:{self.path}"

    async def _start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="nfc-reader", daemon=True)
        self._thread.start()

    async def _stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            # connect() checks terminate between sense rounds: up to about one second per target.
            await asyncio.to_thread(self._thread.join, 15.0)
            self._thread = None

    # -- worker thread ---------------------------------------------------------------------------

    def _run(self) -> None:
        open_error_reported = False
        while not self._stopping.is_set():
            try:
                clf = nfc.ContactlessFrontend(self.path)
            except (OSError, ValueError) as error:
                if not open_error_reported:
                    code = getattr(error, "errno", None)
                    hint = _OPEN_HINTS.get(code, str(error)) if code is not None else str(error)
                    message = f"cannot open NFC reader {self.path}: {hint}"
                    self._report_threadsafe(ReaderError(self.name, SERVICE_UNAVAILABLE, message))
                    open_error_reported = True
                self._stopping.wait(self.retry_s)
                continue
            open_error_reported = False
            self._report_threadsafe(ReaderAdded(self.name))
            failure = self._serve(clf)
            try:
                clf.close()
            except Exception:  # a device that vanished may fail to close; it is gone either way
                log.debug("closing %s failed", self.path, exc_info=True)
            if self._stopping.is_set():
                return
            self._report_threadsafe(ReaderRemoved(self.name))
            self._report_threadsafe(ReaderError(self.name, READER_FAILED, f"NFC reader stopped: {failure}"))
            self._stopping.wait(self.retry_s)

    def _serve(self, clf: nfc.ContactlessFrontend) -> str:
        """Reads tags until stopped (returns "") or the device fails (returns why)."""
        options: dict[str, Any] = {
            "targets": list(self.targets),
            "on-connect": self._on_connect,
            "on-release": self._on_release,
            # One sense round per connect() call, so that stop() is noticed quickly.
            "iterations": 1,
            "interval": 0.1,
            "beep-on-connect": False,
        }
        while not self._stopping.is_set():
            try:
                result = clf.connect(rdwr=options, terminate=self._stopping.is_set)
            except Exception as error:  # USB errors surface as several exception types
                return f"{type(error).__name__}: {error}"
            # nfcpy returns False when the device raised an I/O error (it logs the cause).
            if result is False and not self._stopping.is_set():
                return "the device reported an I/O error (unplugged?)"
        return ""

    def _on_connect(self, tag: nfc.tag.Tag) -> bool:
        identifier = bytes(tag.identifier or b"")
        if not identifier:
            self._report_threadsafe(
                ReaderError(self.name, CARD_UNREADABLE, f"tag {tag.type} has no identifier")
            )
            return True
        uid = identifier.hex().upper()
        self._report_threadsafe(CardPresented(uid, self.name, technology_of(tag.target.brty)))
        return True  # True: nfcpy keeps checking presence and calls on-release when it leaves

    def _on_release(self, tag: nfc.tag.Tag) -> bool:
        identifier = bytes(tag.identifier or b"")
        if identifier:
            self._report_threadsafe(CardRemoved(identifier.hex().upper(), self.name))
        return True
