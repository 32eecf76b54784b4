"""One subscriber of the live feed: a bounded queue the feed fills without ever waiting, and its end.

The feed puts each change in without blocking; a subscriber whose queue is full is dropped there and
then (its next() raises SlowSubscriberError): one slow client never slows the station nor the others,
and the memory a subscriber holds is bounded by its queue (OWASP API Security Top 10 2023, API4:
unrestricted resource consumption).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Callable

from app.live.changes import Change, LiveFilter

SLOW = "slow"  # its queue filled up: it did not read fast enough
STOPPED = "stopped"  # the feed stopped (the station is shutting down)
CLOSED = "closed"  # the subscriber closed it itself


class SubscriptionClosedError(RuntimeError):
    """The subscription has ended (closed, or the feed stopped): nothing more will come."""


class SlowSubscriberError(SubscriptionClosedError):
    """The subscriber fell too far behind and was dropped: start again from a fresh snapshot."""


class Subscription:
    """Changes for one subscriber, in seq order, from the feed's seq `since` on (the snapshot taken in
    the same step of the loop, before any await, is exactly what the changes continue from)."""

    def __init__(
        self,
        live_filter: LiveFilter,
        limit: int,
        *,
        since: int,
        epoch: str,
        on_close: Callable[[Subscription], None],
    ) -> None:
        self.filter = live_filter
        self.since = since
        self.epoch = epoch
        self.dropped = False  # ended by the feed (too slow, or the feed stopped)
        self.drop_reason: str | None = None  # SLOW, STOPPED or CLOSED once ended
        self._limit = limit
        self._queue: deque[Change] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._on_close = on_close

    @property
    def pending(self) -> int:
        """Changes queued and not read yet."""
        return len(self._queue)

    async def next(self) -> Change:
        """The next change, waiting for one; SlowSubscriberError once dropped as too slow,
        SubscriptionClosedError once closed or the feed stopped."""
        while True:
            self._check_open()
            if self._queue:
                return self._queue.popleft()
            waiter = asyncio.get_running_loop().create_future()
            self._waiter = waiter
            try:
                await waiter
            finally:
                self._waiter = None

    def drain(self) -> list[Change]:
        """Every change queued now, without waiting (a sender may batch them); [] when none is; raises
        as next() does once the subscription has ended."""
        self._check_open()
        taken = list(self._queue)
        self._queue.clear()
        return taken

    def __aiter__(self) -> AsyncIterator[Change]:
        return self._changes()

    async def _changes(self) -> AsyncIterator[Change]:
        try:
            while True:
                yield await self.next()
        except SlowSubscriberError:
            raise
        except SubscriptionClosedError:
            return

    def close(self) -> None:
        """Ends the subscription (idempotent); the feed forgets it."""
        if self.drop_reason is None:
            self._end(CLOSED)

    # -- the feed's side ----------------------------------------------------------------------------

    def offer(self, change: Change) -> bool:
        """Queues a change without waiting; False (and the subscription ended) when the queue is full."""
        if self.drop_reason is not None:
            return False
        if len(self._queue) >= self._limit:
            self.dropped = True
            self._end(SLOW)
            return False
        self._queue.append(change)
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        return True

    def stop(self) -> None:
        """The feed stopped: the subscriber's next() raises SubscriptionClosedError."""
        if self.drop_reason is None:
            self.dropped = True
            self._end(STOPPED)

    def _check_open(self) -> None:
        if self.drop_reason == SLOW:
            raise SlowSubscriberError(f"more than {self._limit} changes were not read in time")
        if self.drop_reason is not None:
            raise SubscriptionClosedError(self.drop_reason)

    def _end(self, reason: str) -> None:
        self.drop_reason = reason
        self._queue.clear()  # nothing queued is read after the end: free it now
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
        self._on_close(self)
