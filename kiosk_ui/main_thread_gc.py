"""Runs Python's cyclic garbage collector in the Qt thread only, from a timer, while the kiosk runs."""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

LONG_LIVED_AFTER_MS = 2000  # after the kiosk's first paint: when to call freeze_long_lived()


class MainThreadCollector(QObject):
    """Python collects reference cycles in whichever thread happens to allocate past the threshold: a
    worker thread of the station (SQLAlchemy in asyncio.to_thread, the card reader's thread, the
    simulator's pipe readers) can then destroy widgets, timers and pixmaps caught in a cycle, and Qt
    objects destroyed outside their thread crash the process. Automatic collection is switched off
    and the same generational thresholds are checked here, on a timer in the Qt thread.

    Memory stays bounded: garbage waits at most one interval longer than it would have. Once the kiosk
    is up, freeze_long_lived() takes what is alive then out of later collections, so that a full
    collection does not stall the screen for tens of milliseconds (docs/kiosk.md, Long runs)."""

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_if_due)
        self._was_enabled = False
        self.collections = 0
        self.longest_s = 0.0

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        gc.freeze()  # what the imports made lives as long as the process (see freeze_long_lived)
        self._timer.start()

    def stop(self) -> None:
        """Collects everything left, here, and gives collection back to Python as it was."""
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def freeze_long_lived(self) -> None:
        """Called once, when the kiosk is up: modules, the ORM's mappings, the screens and their wrappers
        then live as long as the process, and gc.freeze() moves them out of the generations.

        Nothing is collected first: with start-up's objects still in the young generations a
        collection here would itself be the longest stall of the day (about 50 ms on the benchmark's
        machine). The garbage frozen with them is what the last half second left, once."""
        started = time.perf_counter()
        gc.freeze()
        log.info(
            "%d long-lived objects left out of garbage collection (%.0f ms)",
            gc.get_freeze_count(),
            (time.perf_counter() - started) * 1000,
        )

    def collect_if_due(self) -> None:
        # The interpreter's own rule: a generation is collected once its count passes its threshold,
        # the oldest such generation taking the younger ones with it.
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        due = [gen for gen in range(3) if thresholds[gen] and counts[gen] > thresholds[gen]]
        if not due:
            return
        started = time.perf_counter()
        gc.collect(max(due))
        elapsed = time.perf_counter() - started
        self.collections += 1
        if elapsed > self.longest_s:
            self.longest_s = elapsed
            if elapsed > 0.05:
                log.warning("garbage collection of generation %d took %.0f ms", max(due), elapsed * 1000)


@contextlib.contextmanager
def collecting_in_main_thread(interval_ms: int = 500) -> Iterator[MainThreadCollector]:
    """Garbage collection pinned to the calling (Qt) thread for the duration of the block."""
    collector = MainThreadCollector(interval_ms)
    collector.start()
    try:
        yield collector
    finally:
        collector.stop()
