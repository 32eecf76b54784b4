"""The link to the CSMS: backoff with jitter, dead links, Pending/Rejected registration, the CSMS's clock."""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from datetime import UTC, datetime, timedelta

import figures
import pytest
from ocpp_station import IDENTITY, ocpp_config, running_station, until

from app.ocpp.connection import Backoff

pytestmark = pytest.mark.sim(chargers=1, realtime_factor=2)


# -- Backoff (no peer needed) ------------------------------------------------------------------------


def test_backoff_grows_exponentially_within_jittered_bounds_up_to_the_cap():
    backoff = Backoff(first_s=2.0, cap_s=60.0, rng=random.Random(7))
    for failures in range(12):
        ceiling = min(60.0, 2.0 * 2**failures)
        delay = backoff.next_delay()
        # Full jitter in the upper half: never sooner than half the step, never later than the step.
        assert ceiling / 2 <= delay <= ceiling, (failures, delay)
    assert backoff.next_delay() <= 60.0


def test_backoff_reset_starts_again_from_the_first_step():
    backoff = Backoff(first_s=1.0, cap_s=300.0, rng=random.Random(3))
    for _ in range(8):
        backoff.next_delay()
    assert backoff.next_delay() >= 128.0
    backoff.reset()
    assert 0.5 <= backoff.next_delay() <= 1.0


def test_backoff_jitter_spreads_chargers_that_lost_the_link_together():
    # A site's stations reconnecting in step after a CSMS outage would all arrive at once.
    firsts = {round(Backoff(first_s=10.0, rng=random.Random(seed)).next_delay(), 3) for seed in range(50)}
    assert len(firsts) >= 45 and min(firsts) < 6.5 and max(firsts) > 9.5
    capped = Backoff(first_s=2.0, cap_s=30.0, rng=random.Random(11))
    delays = [capped.next_delay() for _ in range(200)][10:]  # all at the cap by now
    assert 15.0 <= min(delays) < 17.0 and 28.0 < max(delays) <= 30.0


# -- the link end to end -----------------------------------------------------------------------------


def test_dead_link_is_detected_by_pings_and_a_lost_csms_is_found_again(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> tuple[float, float]:
        async with running_station(config) as runtime:
            assert runtime.ocpp is not None
            link = runtime.ocpp.connection
            # Short steps keep the test short; the default steps are proven by the Backoff tests above.
            link.backoff = Backoff(first_s=0.5, cap_s=2.0)
            await csms.wait_for_async("BootNotification", timeout=15)
            # OCPP 1.6 section 9.1 WebSocketPingInterval: the change applies to the running link.
            answer = await csms.call_async(
                "ChangeConfiguration", {"key": "WebSocketPingInterval", "value": "1"}
            )
            assert answer == {"status": "Accepted"}
            await asyncio.sleep(2.5)  # pings every second, each answered: the link stays
            assert link.connects == 1 and link.dead_links == 0 and len(csms.events("connect")) == 1

            # A CSMS that keeps TCP open but answers nothing, not even pongs: a link that looks up while dead.
            mark = len(csms.frames)
            frozen_at = time.monotonic()
            await asyncio.to_thread(csms.freeze)
            await asyncio.to_thread(csms.wait_connected, IDENTITY, 30.0, 2)
            detected_s = time.monotonic() - frozen_at
            await csms.wait_for_async("BootNotification", timeout=15, since=mark)
            assert link.dead_links == 1

            # The CSMS goes away; the station keeps trying (with backoff) and comes back by itself.
            await asyncio.to_thread(csms.stop)
            await until(lambda: not link.connected.is_set(), 15, "the link to drop")
            tries = link.attempts
            await until(lambda: link.attempts >= tries + 2, 15, "two refused attempts")
            assert link.connects == 2 and link.last_error is not None
            mark = len(csms.frames)
            restarted_at = time.monotonic()
            await asyncio.to_thread(csms.start)
            await asyncio.to_thread(csms.wait_connected, IDENTITY, 60.0, 3)
            back_s = time.monotonic() - restarted_at
            await csms.wait_for_async("BootNotification", timeout=15, since=mark)
            await csms.wait_for_async("StatusNotification", timeout=15, since=mark)
            assert link.connects == 3
            return detected_s, back_s

    detected_s, back_s = asyncio.run(scenario())
    figures.report(
        "OCPP connection",
        f"{csms.name} CSMS: frozen link found dead and replaced in {detected_s:.1f} s "
        f"(WebSocketPingInterval 1 s); reconnected {back_s:.1f} s after the CSMS came back",
    )


def test_rejected_and_pending_registration_then_heartbeats_at_the_given_interval(
    realtime_sim, any_csms, tmp_path
):
    sim, csms = realtime_sim, any_csms
    csms.set_boot("Rejected", interval=1)
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> None:
        async with running_station(config):
            await until(lambda: len(csms.calls("BootNotification")) >= 2, 20, "two rejected boots")
            # OCPP 1.6 section 4.2: Rejected = nothing else is sent, the next try after the interval.
            csms.set_boot("Pending", interval=1)
            mark = len(csms.frames)
            await csms.wait_for_async("BootNotification", timeout=10, since=mark)
            # Pending: the CSMS may read and change the configuration, and gets its answers.
            keys = await csms.call_async("GetConfiguration", {"key": ["WebSocketPingInterval"]})
            assert keys["configurationKey"][0]["key"] == "WebSocketPingInterval"
            answer = await csms.call_async(
                "ChangeConfiguration", {"key": "MeterValueSampleInterval", "value": "30"}
            )
            assert answer == {"status": "Accepted"}
            await until(lambda: len(csms.calls("BootNotification")) >= 4, 20, "more pending boots")
            csms.set_boot("Accepted", interval=1)
            await until(lambda: len(csms.calls("Heartbeat")) >= 3, 20, "three heartbeats")
            keys = await csms.call_async("GetConfiguration", {"key": ["HeartbeatInterval"]})
            assert keys["configurationKey"][0]["value"] == "1"

    asyncio.run(scenario())
    boots = csms.call_frames("BootNotification")
    answers = [csms.response_to(boot).payload.get("status") for boot in boots]
    accepted = answers.index("Accepted")
    assert answers[:accepted].count("Rejected") >= 2 and answers[:accepted].count("Pending") >= 2
    # Before the accepted answer: only BootNotifications, each at least the interval after the last.
    accepted_answer = csms.response_to(boots[accepted])
    early = [f for f in csms.call_frames() if f.seq < accepted_answer.seq]
    assert {f.action for f in early} == {"BootNotification"}
    gaps = [b.at - a.at for a, b in itertools.pairwise(boots[: accepted + 1])]
    assert min(gaps) >= 0.9, gaps
    # After it: statuses, and Heartbeats at the interval the CSMS gave.
    later = [f.action for f in csms.call_frames() if f.seq > accepted_answer.seq]
    assert "StatusNotification" in later
    beats = csms.call_frames("Heartbeat")
    assert all(b.seq > accepted_answer.seq for b in beats)
    beat_gaps = [b.at - a.at for a, b in itertools.pairwise(beats)]
    assert min(beat_gaps) >= 0.8, beat_gaps


def test_message_times_follow_the_clock_of_the_csms(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    # The station's own clock is right here; the CSMS says otherwise, and the CSMS is the reference.
    csms_time = datetime.now(UTC) + timedelta(days=1, hours=2, minutes=3)
    csms.set_answer("BootNotification", {"currentTime": csms_time.isoformat().replace("+00:00", "Z")})
    config = ocpp_config(sim, csms, tmp_path)

    async def scenario() -> tuple[datetime, datetime]:
        async with running_station(config) as runtime:
            status = await csms.wait_for_async(
                "StatusNotification", lambda p: p["connectorId"] == 1, timeout=15
            )
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 10, "car")
            await runtime.sessions.authorise("CP00/1", "TAG-CLOCK")
            start = await csms.wait_for_async("StartTransaction", timeout=15)
            return _time(status.payload["timestamp"]), _time(start.payload["timestamp"])

    status_at, start_at = asyncio.run(scenario())
    for stamp in (status_at, start_at):
        assert csms_time - timedelta(seconds=5) <= stamp <= csms_time + timedelta(seconds=90), stamp
        assert stamp - datetime.now(UTC) > timedelta(days=1)


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
