"""The overview's snapshot on the running station: what the simulated chargers report (pilot state,
offered and drawn current, temperature), a fault injected in the simulator by its catalogue name, a cut
link, the balancer's allocation and why, and the site's phase currents against its limit."""

from __future__ import annotations

import asyncio
import time

import pytest
from admin_station import PINS, admin_station

from app.admin import PermissionDeniedError
from app.arbitration import Claim, ClaimSource

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def until(check, what: str, timeout_s: float = 20.0):
    started = time.monotonic()
    while not (result := await check()):
        assert time.monotonic() - started < timeout_s, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)
    return result


def connector(overview, connector_id: str):
    return next(c for ch in overview.chargers for c in ch.connectors if c.connector_id == connector_id)


def test_the_snapshot_shows_what_the_chargers_report(realtime_sim, tmp_path):
    ctl = realtime_sim.ctl

    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            viewer = (await ops.sign_in(station.accounts["viewer"], PINS["viewer"])).operator
            idle = await ops.overview.snapshot(viewer)
            assert [c.charger_id for c in idle.chargers] == ["CP00", "CP01"]
            for charger in idle.chargers:
                assert charger.link_state == "online" and charger.firmware == "0.1.0"
                (only,) = charger.connectors
                assert (only.iec_state, only.offered_mA, only.faults) == ("A", 0, ())
                assert only.allocation.code == "no_vehicle"
            assert idle.site.limit_mA == (63000, 63000, 63000) and idle.site.drawn_mA == (0, 0, 0)
            assert not idle.central_system_configured and idle.central_system == ()

            # A car charging on CP00: its offer and pilot state as the simulator reports them.
            await ctl.call("plug", charger=0, soc_pct=20)
            await station.runtime.sessions.authorise("CP00/1", "DEMO-0001")

            async def charging():
                sim = await ctl.call("status", charger=0)
                view = connector(await ops.overview.snapshot(viewer), "CP00/1")
                settled = sim["iec_state"] == "C2" and sim["current_mA"][0] > 0
                same = view.offered_mA == sim["offered_mA"] and view.pilot == sim["iec_state"]
                return view if settled and same and view.drawn_mA[0] > 0 else None

            view = await until(charging, "CP00 charging, as the snapshot says")
            # Alone on a 63 A site: its maximum, as the pilot's duty cycle can say it (IEC 61851-1 Table A.8).
            assert view.iec_state == "C" and abs(view.offered_mA - 32000) <= 100
            assert view.allocation.code == "max" and view.allocation.target_mA == 32000
            assert any("LOAD_BALANCER" in line for line in view.allocation.explanation)
            assert view.temperature_dC == (await ctl.call("status", charger=0))["temperature_dC"]
            overview = await ops.overview.snapshot(viewer)
            assert overview.site.drawn_mA[0] > 0 and overview.site.offered_mA[0] == 32000
            assert overview.chargers[0].stats.polls > 0 and overview.chargers[0].stats.latency_avg_ms > 0

            # Another source's cap decides: the overview names it.
            station.runtime.station.arbiter.submit(
                "CP00/1", Claim(ClaimSource.ADMIN, max_current_mA=10000, reason="test cap")
            )

            async def capped():
                found = connector(await ops.overview.snapshot(viewer), "CP00/1")
                return found if found.allocation.code == "capped" and found.offered_mA <= 10000 else None

            view = await until(capped, "the admin cap applied")
            assert view.allocation.capped_by == "ADMIN"
            sim = await ctl.call("status", charger=0)
            assert abs(sim["offered_mA"] - 10000) <= 100 and view.allocation.target_mA == 10000

            # A ground fault injected in the simulator shows by its catalogue name.
            await ctl.call("fault", charger=1, kind="ground", active=True)

            async def faulted():
                found = connector(await ops.overview.snapshot(viewer), "CP01/1")
                return found if found.faults else None

            view = await until(faulted, "the ground fault")
            assert view.faults == ("GROUND_FAULT",) and view.iec_state == "F"
            assert view.allocation.code == "fault"
            await ctl.call("fault", charger=1, kind="ground", active=False)

            # The link to CP01 cut: offline with the reason and its age.
            await ctl.call("fault", charger=1, kind="host_link", active=True)

            async def cut():
                found = next(
                    c for c in (await ops.overview.snapshot(viewer)).chargers if c.charger_id == "CP01"
                )
                return found if found.link_state == "offline" else None

            charger = await until(cut, "CP01 offline")
            assert charger.link_reason and charger.link_age_s >= 0
            assert charger.stats.missed_polls >= 3
            assert charger.connectors[0].allocation.code == "offline"
            await ctl.call("fault", charger=1, kind="host_link", active=False)

            async def back():
                found = next(
                    c for c in (await ops.overview.snapshot(viewer)).chargers if c.charger_id == "CP01"
                )
                return found if found.link_state == "online" else None

            charger = await until(back, "CP01 back online")
            assert charger.stats.reconnects >= 1

            await ops.sign_out(viewer)
            with pytest.raises(PermissionDeniedError, match="not signed in"):
                await ops.overview.snapshot(viewer)

    asyncio.run(scenario())
