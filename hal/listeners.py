"""Listeners[T]: the callbacks subscribed to one kind of event, each unsubscribed at most once.

It lives in hal/ so that hal (card readers) and app (charger manager, sessions, OCPP, the driver
facade) share one implementation; hal must not import app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class Listeners(Generic[T]):
    """Calls every subscribed listener with each emitted event, in the order they subscribed.

    By default a listener's exception is logged and the next listener still runs: one subscriber's
    bug must not stop the publisher's own bookkeeping. `propagate=True` lets the exception through
    to the publisher instead (and skips the listeners after it), for publishers whose listeners are
    part of the same operation.
    """

    def __init__(self, what: str, logger: logging.Logger | None = None, *, propagate: bool = False) -> None:
        self._what = what  # names the events in the log: "session", "driver event", ...
        self._log = logger or log
        self._propagate = propagate
        # Keyed by subscription, not by callback: the same callback may be subscribed twice, and each
        # unsubscribe removes its own subscription only, however often it is called.
        self._subscribed: dict[int, Callable[[T], None]] = {}
        self._next_key = 0

    def subscribe(self, listener: Callable[[T], None]) -> Callable[[], None]:
        """Adds listener; returns the function that removes it again (calling it twice is harmless)."""
        key = self._next_key
        self._next_key += 1
        self._subscribed[key] = listener

        def unsubscribe() -> None:
            self._subscribed.pop(key, None)

        return unsubscribe

    def emit(self, event: T) -> None:
        """Calls each listener subscribed now; one that (un)subscribes meanwhile changes the next emit."""
        for listener in list(self._subscribed.values()):
            if self._propagate:
                listener(event)
                continue
            try:
                listener(event)
            except Exception:
                self._log.exception("%s listener %r failed on %s", self._what, listener, event)

    def __len__(self) -> int:
        return len(self._subscribed)
