"""The live feed over WebSocket (`/api/v1/live`): a snapshot, then every change with its sequence number;
a client that reconnects with its last `seq` and `epoch` gets what it missed, or a fresh snapshot.

Who may listen is decided before the upgrade: a presented credential that is not valid, or a browser's
cookie from another origin (cross-site WebSocket hijacking), is refused with 403 and no socket; an
anonymous client gets the public fields only (a driver's page). The producer (app/live) never waits
for a client: one that falls `live_queue` changes behind is dropped (close 4008) and may reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from typing import Annotated

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect

from app.live import (
    Change,
    LiveFeed,
    LiveFilter,
    SlowSubscriberError,
    Subscription,
    SubscriptionClosedError,
)
from web.auth import Caller, faces_of, identify, own_origin
from web.errors import ApiError

log = logging.getLogger(__name__)
router = APIRouter()

CLOSE_POLICY = 1008  # RFC 6455 section 7.4.1: a policy violation (sent as 403 before the upgrade)
CLOSE_FULL = 1013  # try again later: too many live clients
CLOSE_TOO_SLOW = 4008  # this client fell too far behind
# A change waits about this long for others to share its frame (at most 20 % more): 200 clients and
# 16 chargers cost the station a few thousand frames a second instead of tens of thousands
# (docs/benchmarks.md).
BATCH_S = 0.125


def frame_text(batch: list[Change]) -> str:
    """One change as itself; several as {"type": "changes", "changes": [change, ...]}, each element
    the change's own cached text (nothing encoded again per client)."""
    if len(batch) == 1:
        return batch[0].text()
    return '{"type":"changes","changes":[' + ",".join(change.text() for change in batch) + "]}"


@router.websocket("/live")
async def live(
    websocket: WebSocket,
    connector: Annotated[
        str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9_.\-]{1,32}/[0-9]{1,2}$")
    ] = None,
    charger: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9_.\-]{1,32}$")] = None,
    since: Annotated[int | None, Query(ge=0)] = None,
    epoch: Annotated[str | None, Query(max_length=64)] = None,
) -> None:
    faces = faces_of(websocket)
    feed = faces.live
    caller = await _caller(websocket)
    if caller is False or feed is None:
        await websocket.close(code=CLOSE_POLICY)
        return
    state = websocket.app.state
    if state.live_clients >= state.options.live_clients:
        await websocket.close(code=CLOSE_FULL)
        return
    state.live_clients += 1
    subscription = feed.subscribe(LiveFilter(connector=connector, charger=charger, public=caller is None))
    # Each connection's own wait, within ±20 % of BATCH_S: clients woken by one change then send
    # spread over 40 ms instead of all in one turn of the kiosk's event loop.
    linger = BATCH_S * random.uniform(0.8, 1.2)
    try:
        await websocket.accept()
        sent = await _first(websocket, feed, subscription.filter, since, epoch)
        # Two tasks for the connection's life, not a pair of futures per frame: the client's side
        # (its close) and the pump; whichever ends first ends the other.
        closing = asyncio.ensure_future(_until_closed(websocket))
        pumping = asyncio.ensure_future(_pump(websocket, subscription, sent, linger))
        try:
            await asyncio.wait({closing, pumping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            closing.cancel()
            pumping.cancel()
        ended = [task.exception() for task in (closing, pumping) if task.done() and not task.cancelled()]
        error = next((e for e in ended if e is not None), None)
        if isinstance(error, SlowSubscriberError):
            await websocket.close(code=CLOSE_TOO_SLOW, reason="too slow")
        elif isinstance(error, SubscriptionClosedError):  # the station is stopping
            await websocket.close(code=1001)
        elif error is not None:
            raise error
    except WebSocketDisconnect:
        pass
    finally:
        subscription.close()
        state.live_clients -= 1


async def _pump(websocket: WebSocket, subscription: Subscription, sent: int, linger: float) -> None:
    """Sends the subscription's changes after `sent` until it ends (raising as its next() does)."""
    while True:
        first = await subscription.next()
        # What follows within the linger goes in the same frame: a few frames a second per client
        # however many chargers stream, instead of one per change (docs/web.md "Live feed").
        await asyncio.sleep(linger)
        batch = [c for c in (first, *subscription.drain()) if c.seq > sent]
        if batch:  # else all of it was in the snapshot or the missed changes
            await websocket.send_text(frame_text(batch))
            sent = batch[-1].seq


async def _caller(websocket: WebSocket) -> Caller | bool | None:
    """The caller; None when anonymous; False when it must be refused."""
    try:
        caller = await identify(websocket)
    except ApiError:
        return False
    origin = websocket.headers.get("origin")
    if (
        caller is not None
        and caller.via == "session"
        and origin is not None
        and origin != own_origin(websocket)
    ):
        return False
    return caller


async def _first(
    websocket: WebSocket, feed: LiveFeed, live_filter: LiveFilter, since: int | None, epoch: str | None
) -> int:
    """Sends what the client is missing: the changes since its seq, or a snapshot; the last seq sent."""
    if since is not None and epoch is not None:
        missed = feed.changes_since(since, live_filter, epoch)
        if missed is not None:
            await websocket.send_text(json.dumps({"type": "resume", "epoch": feed.epoch, "seq": since}))
            last = since
            for change in missed:
                await websocket.send_text(change.text())
                last = change.seq
            return last
    snapshot = feed.snapshot(live_filter)
    await websocket.send_text(json.dumps({"type": "snapshot", **snapshot}, separators=(",", ":")))
    return int(snapshot["seq"])


async def _until_closed(websocket: WebSocket) -> None:
    """Reads (and ignores) what the client sends until it closes; the frame size is bounded by the server."""
    with contextlib.suppress(WebSocketDisconnect):
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
