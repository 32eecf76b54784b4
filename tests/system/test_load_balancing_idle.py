"""Paused cars give their share to a car that waits, and get it back when they ask: simulated chargers.

A 32 A feeder holds five cars at 6.4 A each, three of them paused (B2: PWM on, drawing nothing), so a
sixth car gets nothing: 6 A more does not fit. Once the paused cars have drawn nothing for
`balancer.idle_release_s`, the waiting car must be offered current; a released car that asks again
(it closes S2 without PWM: C1, IEC 61851-1 Annex A) must get current back promptly. Ground truth
(offers, states) comes from the simulator; the feeder's limit must hold all along.
"""

from __future__ import annotations

import asyncio
import time

import figures
import pytest

from app.arbitration import Claim, ClaimSource
from app.balancing.power_tree import build_power_tree
from app.config import parse_config
from app.station.site import Station

IDLE_S = 10.0
CYCLE_MS = 500
PAUSED = (0, 1, 2)
CHARGING = (3, 4)
WAITING = 5
# After the idle time: a status poll, a control cycle, the decrease of a paused car and the rise of
# the waiting car; a few cycles leave room for a loaded machine.
RELEASE_BOUND_S = IDLE_S + 3.0
ASK_BOUND_S = 3.0  # a car that asks again: a poll, a cycle and a command
PACING_S = 5.0  # IEC 61851-1 Table A.6: the charger raises a duty cycle at most 5 s after a change


def site_config(sim) -> dict:
    chargers = [
        {"id": f"CP{i:02d}", "link": f"tcp://{sim.host}:{port}", "group": "feeder"}
        for i, port in enumerate(sim.ports.charger_ports)
    ]
    return {
        "tariff": {"energy_price_per_kWh": "0"},
        "link": {"poll_hz": 5.0, "heartbeat_ms": 1000, "lease_ms": 5000},
        "site": {"limit_mA": [100000, 100000, 100000]},
        "groups": [{"id": "feeder", "limit_mA": [32000, 32000, 32000]}],
        "balancer": {"cycle_ms": CYCLE_MS, "idle_release_s": IDLE_S},
        "chargers": chargers,
    }


@pytest.mark.sim(chargers=6, phases="3")
def test_paused_cars_give_their_share_to_a_waiting_car_and_get_it_back_when_they_ask(realtime_sim) -> None:
    sim = realtime_sim
    config = parse_config(site_config(sim))
    tree = build_power_tree(config)
    cp = [f"CP{i:02d}/1" for i in range(6)]
    worst_headroom = [10**9]

    def offers() -> list[dict]:
        snapshot = sim.ctl.call_sync("status_all")["chargers"]
        offered = [s["offered_mA"] if s["pwm_duty_permille"] < 1000 else 0 for s in snapshot]
        loads = [(c.group, c.site_phases, offered[i]) for i, c in enumerate(config.chargers)]
        worst_headroom[0] = min(worst_headroom[0], min(tree.headroom(tree.sums(loads)).values()))
        return [{"offered": offered[i], "state": s["iec_state"]} for i, s in enumerate(snapshot)]

    async def until(condition, timeout_s: float) -> tuple[float, list[dict]]:
        """Seconds until condition(snapshot) holds (inf if it never did), and the last snapshot."""
        started = time.monotonic()
        while True:
            snapshot = await asyncio.to_thread(offers)
            if condition(snapshot):
                return time.monotonic() - started, snapshot
            if time.monotonic() - started > timeout_s:
                return float("inf"), snapshot
            await asyncio.sleep(0.1)

    async def scenario() -> dict:
        async with Station(config) as station:
            await asyncio.sleep(1.5)
            for i in (*PAUSED, *CHARGING):
                await sim.ctl.call("plug", charger=i, soc_pct=30, asks_without_pwm=True)
                station.arbiter.submit(
                    cp[i], Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=100 + i)
                )
            charging, _ = await until(
                lambda s: all(s[i]["state"] == "C2" for i in (*PAUSED, *CHARGING)), 10.0
            )
            for i in PAUSED:
                await sim.ctl.call("car", charger=i, request="pause")
            await sim.ctl.call("plug", charger=WAITING, soc_pct=30)
            station.arbiter.submit(
                cp[WAITING], Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=105)
            )
            released, snapshot = await until(lambda s: s[WAITING]["offered"] >= 6000, RELEASE_BOUND_S + 8.0)
            if released == float("inf"):
                return {"charging": charging, "released": released}
            gave_up = [i for i in PAUSED if snapshot[i]["offered"] == 0]
            # The charger paces the released car's next rise 5 s after its PWM stopped: ask after that.
            await asyncio.sleep(PACING_S + 0.5)
            asker = gave_up[0]
            await sim.ctl.call("car", charger=asker, request="charge")
            asked, snapshot = await until(lambda s: s[asker]["offered"] >= 6000, ASK_BOUND_S + 5.0)
            _, snapshot = await until(lambda s: s[asker]["state"] == "C2", 5.0)
            return {
                "charging": charging,
                "released": released,
                "gave_up": gave_up,
                "asked": asked,
                "asker_state": snapshot[asker]["state"],
                "waiting_offer": snapshot[WAITING]["offered"],
                "charging_offers": [snapshot[i]["offered"] for i in CHARGING],
            }

    result = asyncio.run(scenario())
    figures.report(
        "load balancing, paused cars",
        f"waiting car offered current {result['released']:.1f} s after three cars paused "
        f"(idle_release_s {IDLE_S:.0f} s); a released car that asked again got current after "
        f"{result.get('asked', float('inf')):.1f} s",
    )
    assert result["charging"] < 10.0, result
    assert result["released"] <= RELEASE_BOUND_S, result
    # Only as much as the waiting car needs is taken: one paused car of three gives up its share.
    assert len(result["gave_up"]) == 1, result
    assert result["asked"] <= ASK_BOUND_S, result
    assert result["asker_state"] == "C2", result
    # The car that waited keeps its current, and so do the cars that were charging all along.
    assert result["waiting_offer"] >= 6000 and min(result["charging_offers"]) >= 6000, result
    assert worst_headroom[0] >= 0
