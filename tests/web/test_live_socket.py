"""The live feed over a real WebSocket (wss, the station's certificate): the snapshot, a car arriving as
changes with rising sequence numbers, a reconnect that gets exactly what it missed, public fields only
for an anonymous client, and credentials refused before the upgrade."""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets
from sessions_support import wait_until
from web_station import web_station

from web.live_socket import BATCH_S

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def receive(socket, timeout=10.0):
    return json.loads(await asyncio.wait_for(socket.recv(), timeout))


async def until_change(socket, accept, timeout=15.0):
    """Changes until one `accept`s (returned), within the timeout."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    seen = []
    while True:
        frame = await receive(socket, max(0.1, deadline - loop.time()))
        for message in changes_in(frame):
            seen.append(message)
            if accept(message):
                return message, seen


def changes_in(frame):
    """The changes a frame carries: one ("change"), several ("changes", batched within BATCH_S), or
    none (a snapshot, a resume)."""
    if frame["type"] == "change":
        return [frame]
    return frame["changes"] if frame["type"] == "changes" else []


def test_an_anonymous_page_sees_public_fields_live_and_resumes_after_a_drop(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario():
        async with web_station(sim, tmp_path) as web:
            url = f"{web.ws_url}?connector=CP01/1"
            async with websockets.connect(url, ssl=web.ssl_context) as socket:
                snapshot = await receive(socket)
                assert snapshot["type"] == "snapshot" and snapshot["epoch"]
                kinds = {(i["kind"], i["id"]) for i in snapshot["items"]}
                assert ("connector", "CP01/1") in kinds and ("connector", "CP00/1") not in kinds
                connector = next(i["data"] for i in snapshot["items"] if i["id"] == "CP01/1")
                assert connector["state"] == "available"
                assert not {"session_id", "energy_Wh", "cost"} & set(connector)
                await sim.ctl.call("plug", charger=1)
                change, _ = await until_change(
                    socket, lambda m: m["kind"] == "connector" and m["data"]["state"] == "preparing"
                )
                assert change["seq"] > snapshot["seq"] and change["epoch"] == snapshot["epoch"]
                last = change["seq"]
            # Dropped: the car leaves meanwhile; reconnecting with the last seq gets exactly that.
            await sim.ctl.call("unplug", charger=1)
            await wait_until(lambda: web.station.driver.connectors()[1].state == "available", 10, "unplugged")
            resume = f"{url}&since={last}&epoch={snapshot['epoch']}"
            async with websockets.connect(resume, ssl=web.ssl_context) as socket:
                first = await receive(socket)
                assert first == {"type": "resume", "epoch": snapshot["epoch"], "seq": last}
                missed = await receive(socket)  # the changes missed come one to a frame
                assert missed["type"] == "change" and missed["seq"] > last
                assert missed["data"]["state"] == "available"
            # A seq of another run (or too old) gets a fresh snapshot instead.
            stale = f"{url}&since={last}&epoch=another-run"
            async with websockets.connect(stale, ssl=web.ssl_context) as socket:
                assert (await receive(socket))["type"] == "snapshot"

    asyncio.run(scenario())


def test_a_credential_that_is_not_valid_is_refused_before_the_upgrade(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web:
            headers = {"Authorization": "Bearer evse_not-a-token"}
            with pytest.raises(websockets.InvalidStatus) as refused:
                async with websockets.connect(web.ws_url, ssl=web.ssl_context, additional_headers=headers):
                    pass
            assert refused.value.response.status_code == 403
            bad = f"{web.ws_url}?connector=../../etc"
            with pytest.raises(websockets.InvalidStatus):
                async with websockets.connect(bad, ssl=web.ssl_context):
                    pass

    asyncio.run(scenario())


def test_changes_close_together_share_a_frame_in_seq_order(realtime_sim, tmp_path):
    """Two cars charging: what the feed publishes within BATCH_S reaches an operator's client as one
    "changes" frame; across frames every change comes once, seq rising, none skipped."""
    sim = realtime_sim

    async def scenario():
        async with web_station(sim, tmp_path) as web:
            async with web.signed_in("operator") as (http, csrf):
                made = await http.post(
                    "/api/v1/tokens", json={"name": "feed", "scopes": ["read"]}, headers=csrf
                )
                token = made.json()["secret"]
            for charger, tag in ((0, "DEMO-0001"), (1, "DEMO-0002")):
                await web.station.runtime.sessions.authorise(f"CP{charger:02d}/1", tag)
                await sim.ctl.call("plug", charger=charger, soc_pct=20)
            headers = {"Authorization": f"Bearer {token}"}
            async with websockets.connect(
                web.ws_url, ssl=web.ssl_context, additional_headers=headers
            ) as socket:
                snapshot = await receive(socket)
                frames, seqs = [], []
                loop = asyncio.get_running_loop()
                started = loop.time()
                while loop.time() - started < 4.0:
                    frame = await receive(socket)
                    frames.append(frame["type"])
                    seqs += [change["seq"] for change in changes_in(frame)]
            # An operator's client is unfiltered: it gets every seq the feed published after its snapshot.
            assert seqs == list(range(snapshot["seq"] + 1, seqs[-1] + 1))
            assert "changes" in frames, frames
            # Fewer frames than changes: about one per BATCH_S at most, however fast the cars stream.
            assert len(frames) <= 4.0 / (0.8 * BATCH_S) + 2 and len(frames) < len(seqs), (
                len(frames),
                len(seqs),
            )

    asyncio.run(scenario())
