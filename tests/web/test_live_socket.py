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

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def receive(socket, timeout=10.0):
    return json.loads(await asyncio.wait_for(socket.recv(), timeout))


async def until_change(socket, accept, timeout=15.0):
    """Changes until one `accept`s (returned), within the timeout."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    seen = []
    while True:
        message = await receive(socket, max(0.1, deadline - loop.time()))
        seen.append(message)
        if message["type"] == "change" and accept(message):
            return message, seen


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
                missed = await receive(socket)
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
