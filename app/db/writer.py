"""The ledger's single writer thread: commits run in order, off the event loop (the kiosk's Qt thread).

A commit with synchronous=FULL waits for fsync, tens of milliseconds on an SD card; on the loop that
freezes the screen and delays the charger links. One thread keeps the commits in the order they
were asked for, which the session rules rely on (a session's insert before its transitions, its
transitions before its end).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class LedgerWriter:
    """Runs ledger writes one at a time, in submission order, on a thread of its own."""

    def __init__(self, name: str = "ledger-writer") -> None:
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._last: concurrent.futures.Future[Any] | None = None
        self._lock = threading.Lock()
        self.longest_write_s = 0.0  # the slowest write so far (a disk that fsyncs slowly shows here)

    def submit(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> concurrent.futures.Future[T]:
        """Queues a write; its future completes (in order) once it has committed or failed."""

        def timed() -> T:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.longest_write_s = max(self.longest_write_s, time.perf_counter() - started)

        with self._lock:
            future = self._executor.submit(timed)
            self._last = future
        return future

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Queues a write and waits for it without blocking the loop."""
        return await asyncio.wrap_future(self.submit(function, *args, **kwargs))

    async def drain(self) -> None:
        """Waits until every write queued so far has finished (failed ones included)."""
        last = self._last
        if last is not None:
            await asyncio.wait([asyncio.wrap_future(last)])

    def close(self) -> None:
        """Finishes the queued writes, then stops the thread (blocking: call after drain())."""
        self._executor.shutdown(wait=True)
