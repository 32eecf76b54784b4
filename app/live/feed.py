"""LiveFeed: the station's live picture as numbered changes, a bounded history and bounded subscribers.

It follows the station through the driver facade's events (each charger poll, link, fault, vehicle
and session change) and rebuilds only the items an event is about, comparing each with its last value
and publishing only a difference; a slow pass (every second) rebuilds what has no event: the price,
the site's loads and allocation, the central system's link and queue, the maintenance alarms. Qt-free
and web-free: the WebSocket endpoint in web/ sends what it gives. Semantics: docs/web.md "Live feed
(producer)".
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.background_tasks import BackgroundTasks
from app.chargers import FaultEvent, LinkEvent, SessionEvent, StatusEvent, VehicleEvent
from app.live import items
from app.live.changes import PUBLIC_KINDS, Change, LiveFilter, charger_of, item_order
from app.live.subscription import Subscription
from app.sessions import SessionChange

if TYPE_CHECKING:
    from app.admin import OperatorFacade
    from app.driver import DriverFacade

log = logging.getLogger(__name__)

SLOW_PERIOD_S = 1.0  # the items without events are rebuilt this often


@dataclass(frozen=True, slots=True)
class _Entry:
    """One change in the history: as operators see it and, when its public part changed, as the
    public pages see it (same seq)."""

    full: Change
    public: Change | None

    def pick(self, live_filter: LiveFilter) -> Change | None:
        change = self.public if live_filter.public else self.full
        if change is None or not live_filter.admits(change.kind, change.id):
            return None
        return change


@dataclass(frozen=True)
class LiveStats:
    """What the feed did since start(): events handled and the time they took, slow passes and the
    time they took on the loop (their queries run on worker threads; both times measured with the
    feed's clock), changes published, subscribers now and those dropped as too slow."""

    events: int
    event_s: float
    passes: int
    pass_s: float
    changes: int
    seq: int
    history: int
    subscribers: int
    dropped: int


class LiveFeed:
    """The live picture (one per station; start() it after the driver facade)."""

    def __init__(
        self,
        driver: DriverFacade,
        operators: OperatorFacade | None,
        *,
        history: int = 4096,
        queue_limit: int = 256,
        clock: Callable[[], float] = time.monotonic,
        period_s: float = SLOW_PERIOD_S,
    ) -> None:
        if history < 1 or queue_limit < 1:
            raise ValueError("history and queue_limit must be at least 1")
        self.driver = driver
        self.operators = operators  # None: no site details, no central system, no alarms
        self.queue_limit = queue_limit
        self.clock = clock
        self.period_s = period_s
        self.language = driver.kiosk.default_language  # of the price and cost texts
        self.epoch = secrets.token_urlsafe(9)  # a new one at each start()
        self._history: deque[_Entry] = deque(maxlen=history)
        self._reset()
        self._subscribers: dict[Subscription, None] = {}  # insertion-ordered set
        self._tasks = BackgroundTasks("live feed", log)
        self._unsubscribe: Callable[[], None] | None = None

    def _reset(self) -> None:
        self._seq = 0
        self._evicted = 0  # the highest seq no longer in the history
        self._history.clear()
        self._items: dict[tuple[str, str], dict[str, Any]] = {}
        self._public: dict[tuple[str, str], dict[str, Any]] = {}
        self._charger_connectors: dict[str, list[str]] = {}
        self._links: dict[str, str] = {}  # charger -> its link state, as the last rebuild saw it
        self._details: dict[str, dict[str, Any]] = {}  # charger -> the operator overview's part
        self._price: dict[str, Any] = {}
        self._events = self._changes = self._dropped = 0
        self._event_s = 0.0
        self._passes = 0
        self._pass_s = 0.0

    # -- life cycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """A new run (a new epoch, seq from 0): builds every item, then follows the station."""
        if self._unsubscribe is not None:
            raise RuntimeError("the live feed is running already")
        self.epoch = secrets.token_urlsafe(9)
        self._reset()
        for connector_id in self.driver.connector_ids():
            self._charger_connectors.setdefault(charger_of(connector_id), []).append(connector_id)
        self._price = self._price_now()
        self._unsubscribe = self.driver.subscribe_station(self._on_event)
        try:
            self._rebuild_connectors(self.driver.connector_ids())
            await self._slow_pass()
        except BaseException:
            self._unsubscribe()  # not started: a later start() may try again
            self._unsubscribe = None
            raise
        self._tasks.start(self._slow_loop(), name="live-feed")

    async def stop(self) -> None:
        """Stops following the station; every subscriber's next() raises SubscriptionClosedError."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        await self._tasks.close()
        for subscription in list(self._subscribers):
            subscription.stop()

    async def __aenter__(self) -> LiveFeed:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- what the web reads -------------------------------------------------------------------------

    @property
    def seq(self) -> int:
        """The seq of the latest change (0 before the first)."""
        return self._seq

    def snapshot(self, live_filter: LiveFilter) -> dict[str, Any]:
        """{"epoch", "seq", "items": [{"kind", "id", "data"}, ...]}: every item the filter admits as it
        is at `seq`, station-wide items first, then chargers and connectors by id. The data dicts are
        the feed's own: read them, do not change them."""
        store = self._public if live_filter.public else self._items
        listed = [
            {"kind": kind, "id": item_id, "data": data}
            for (kind, item_id), data in sorted(store.items(), key=lambda entry: item_order(entry[0]))
            if live_filter.admits(kind, item_id)
        ]
        return {"epoch": self.epoch, "seq": self._seq, "items": listed}

    def changes_since(
        self, seq: int, live_filter: LiveFilter, epoch: str | None = None
    ) -> list[Change] | None:
        """The changes after `seq` the filter admits, oldest first; None when they cannot be given
        (seq older than the history, ahead of the feed, or `epoch` from another run): the caller then
        sends a fresh snapshot."""
        if epoch is not None and epoch != self.epoch:
            return None
        if seq > self._seq or seq < self._evicted:
            return None
        missed = []
        for entry in reversed(self._history):
            if entry.full.seq <= seq:
                break
            if (change := entry.pick(live_filter)) is not None:
                missed.append(change)
        missed.reverse()
        return missed

    def subscribe(self, live_filter: LiveFilter) -> Subscription:
        """Every change after the current seq the filter admits, in a queue of at most queue_limit."""
        subscription = Subscription(
            live_filter, self.queue_limit, since=self._seq, epoch=self.epoch, on_close=self._forget
        )
        self._subscribers[subscription] = None
        return subscription

    def stats(self) -> LiveStats:
        return LiveStats(
            events=self._events,
            event_s=self._event_s,
            passes=self._passes,
            pass_s=self._pass_s,
            changes=self._changes,
            seq=self._seq,
            history=len(self._history),
            subscribers=len(self._subscribers),
            dropped=self._dropped,
        )

    # -- publishing ---------------------------------------------------------------------------------

    def _forget(self, subscription: Subscription) -> None:
        self._subscribers.pop(subscription, None)
        if subscription.drop_reason == "slow":
            self._dropped += 1
            log.info("live feed subscriber dropped: more than %d changes unread", self.queue_limit)

    def _set(
        self, kind: str, item_id: str, data: dict[str, Any] | None, public: dict[str, Any] | None
    ) -> None:
        """Publishes the item's new value when it differs from the last one (None: the item is gone)."""
        key = (kind, item_id)
        if self._items.get(key) == data:
            return
        if data is None:
            self._items.pop(key, None)
        else:
            self._items[key] = data
        self._seq += 1
        full = Change(self._seq, kind, item_id, data, self.epoch)
        shown: Change | None = None
        if kind in PUBLIC_KINDS and self._public.get(key) != public:
            shown = Change(self._seq, kind, item_id, public, self.epoch)
            if public is None:
                self._public.pop(key, None)
            else:
                self._public[key] = public
        entry = _Entry(full, shown)
        if len(self._history) == self._history.maxlen:
            self._evicted = self._history[0].full.seq
        self._history.append(entry)
        self._changes += 1
        for subscription in list(self._subscribers):
            if (change := entry.pick(subscription.filter)) is not None:
                subscription.offer(change)  # a full queue drops it (and _forget removes it)

    # -- following the station ----------------------------------------------------------------------

    def _on_event(self, event: object) -> None:
        started = self.clock()
        match event:
            case StatusEvent(connector_ids=connector_ids):
                self._rebuild_connectors(connector_ids)
            case LinkEvent(charger_id=charger_id):
                self._rebuild_connectors(self._charger_connectors.get(charger_id, ()))
            case (
                FaultEvent(connector_id=cid) | VehicleEvent(connector_id=cid) | SessionEvent(connector_id=cid)
            ):
                self._rebuild_connectors((cid,))
            case SessionChange(connector_id=cid):
                self._rebuild_connectors((cid,))
            case _:
                return
        self._events += 1
        self._event_s += self.clock() - started

    def _rebuild_connectors(self, connector_ids: Iterable[str]) -> None:
        relinked = set()
        for live in self.driver.live_connectors(connector_ids):
            data = items.connector_data(live, self._price, self.language)
            self._set("connector", live.card.connector_id, data, items.public_connector(data))
            if self._links.get(live.charger_id) != live.link_state:
                self._links[live.charger_id] = live.link_state
                relinked.add(live.charger_id)
        for charger_id in relinked:
            self._rebuild_charger(charger_id)
        if relinked:
            self._rebuild_site()

    def _rebuild_charger(self, charger_id: str) -> None:
        link_state = self._links.get(charger_id, "connecting")
        connectors = self._charger_connectors.get(charger_id, [])
        data = items.charger_data(charger_id, connectors, link_state, self._details.get(charger_id, {}))
        self._set("charger", charger_id, data, items.public_charger(data))

    def _online(self) -> bool:
        return any(state in items.ONLINE_LINKS for state in self._links.values())

    def _rebuild_site(self) -> None:
        """The site's online flag changes with a charger's link at once; its loads in the slow pass."""
        site = self._items.get(("site", ""))
        online = self._online()
        if site is not None and site["online"] != online:
            data = {**site, "online": online}
            self._set("site", "", data, items.public_site(data))

    def _price_now(self) -> dict[str, Any]:
        price = items.price_data(
            self.driver.price_headline(self.language), self.driver.price_lines(self.language), self.language
        )
        # The same object while it stays the same: comparing connectors then skips it by identity.
        return self._price if price == self._price else price

    async def _slow_loop(self) -> None:
        while True:
            await asyncio.sleep(self.period_s)
            try:
                await self._slow_pass()
            except Exception:  # the ledger may be briefly unreadable: the next pass tries again
                log.exception("live feed refresh failed")

    async def _slow_pass(self) -> None:
        """The items without events: the price (a time-of-use window may begin), every connector (the
        central system's and the technician's availability, reservations), the chargers' details, the
        site, the central system's link and queue, the open alarms."""
        started = self.clock()
        self._price = self._price_now()
        self._rebuild_connectors(self.driver.connector_ids())
        overview = None
        if self.operators is not None:
            overview = self.operators.overview.take()
            self._details = items.charger_details(overview)
        for charger_id in self._charger_connectors:
            self._rebuild_charger(charger_id)
        site = items.site_data(self._online(), overview)
        self._set("site", "", site, items.public_site(site))
        self._passes += 1
        self._pass_s += self.clock() - started
        if self.operators is None or overview is None:
            return
        queued, parked = await self.operators.overview.outbox_counts()
        alarms = await self.operators.overview.open_alarms()
        started = self.clock()
        self._set("ocpp", "", items.ocpp_data(overview, queued, parked), None)
        self._set("alarms", "", items.alarms_data(alarms), None)
        self._pass_s += self.clock() - started
